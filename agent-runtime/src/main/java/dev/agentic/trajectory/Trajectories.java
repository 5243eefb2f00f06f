package dev.agentic.trajectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /** All events of a trajectory; a bad line is reported with the file and line number. */
    public static List<TrajectoryEvent> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("trajectory " + file + " unreadable: " + e.getMessage(), e);
        }
        List<TrajectoryEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                events.add(TrajectoryWriter.JSON.readValue(lines.get(i), TrajectoryEvent.class));
            } catch (IOException e) {
                throw new IllegalArgumentException("trajectory " + file + " line " + (i + 1) + ": not a trajectory event ("
                        + e.getMessage().lines().findFirst().orElse("") + ")", e);
            }
        }
        if (!events.isEmpty() && events.get(0) instanceof TrajectoryEvent.Start start && start.schema() > TrajectoryEvent.SCHEMA_VERSION) {
            throw new IllegalArgumentException("trajectory " + file + " has schema " + start.schema()
                    + "; this version reads up to " + TrajectoryEvent.SCHEMA_VERSION);
        }
        return events;
    }
}
