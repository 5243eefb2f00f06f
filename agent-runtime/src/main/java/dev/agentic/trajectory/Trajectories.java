package dev.agentic.trajectory;

import dev.agentic.document.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads trajectory files. */
public final class Trajectories {

    private Trajectories() {}

    /** The events of one kind, in order. */
    public static <T extends TrajectoryEvent> List<T> only(List<TrajectoryEvent> events, Class<T> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** All events of a trajectory; a bad line is refused with the file, the line and the column. */
    public static List<TrajectoryEvent> read(Path file) {
        List<TrajectoryEvent> events = new ArrayList<>();
        for (Document line : Document.readLines(file, TrajectoryWriter.JSON)) {
            if (!line.root().isObject()) {
                throw line.error("expected a trajectory event (a JSON object with an 'event' field), found " + Document.kind(line.root()));
            }
            events.add(line.bind(TrajectoryEvent.class));
        }
        if (!events.isEmpty() && events.get(0) instanceof TrajectoryEvent.Start start && start.schema() > TrajectoryEvent.SCHEMA_VERSION) {
            throw new IllegalArgumentException("trajectory " + file + " has schema " + start.schema()
                    + "; this version reads up to " + TrajectoryEvent.SCHEMA_VERSION);
        }
        return events;
    }
}
