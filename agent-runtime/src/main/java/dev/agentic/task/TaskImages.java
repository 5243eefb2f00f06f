package dev.agentic.task;

import dev.agentic.sandbox.DockerPlace;
import dev.agentic.sandbox.ImageDefinitionException;
import dev.agentic.sandbox.Place;
import dev.agentic.sandbox.PreparedImage;
import dev.agentic.sandbox.SandboxSpec;
import java.time.Duration;

/**
 * A task's environment image on a place: its {@link Task#imageSource source} prepared there (built once
 * per content hash, with network mode {@code none}; the tests and the reference solution are never part
 * of the build context), and the container spec of an attempt. An environment that cannot be built from
 * its definition is the task's error ({@link TaskException}).
 */
public final class TaskImages {

    private final Place place;
    private final Duration buildTimeout;

    /** On this machine's Docker engine (the {@code docker} place). */
    public TaskImages(Duration buildTimeout) {
        this(DockerPlace.fromEnvironment(Duration.ZERO), buildTimeout);
    }

    /** On {@code place}; a build is bounded by the task's own build timeout, else {@code buildTimeout}. */
    public TaskImages(Place place, Duration buildTimeout) {
        this.place = place;
        this.buildTimeout = buildTimeout;
    }

    /** The container spec of one attempt at {@code task}: its image (built now if need be) and the image's working directory. */
    public SandboxSpec sandboxSpec(Task task) {
        PreparedImage image = prepare(task);
        return task.sandboxSpec(image.ref().toString(), image.workdir());
    }

    /** The image of the task's environment: built now if it is not built yet, or the prebuilt image's name (pulled when it starts). */
    public String imageFor(Task task) {
        if (task.environment() instanceof TaskEnvironment.Prebuilt prebuilt) {
            return prebuilt.image();
        }
        return prepare(task).ref().toString();
    }

    private PreparedImage prepare(Task task) {
        try {
            return place.prepare(task.imageSource(buildTimeout));
        } catch (ImageDefinitionException broken) {
            throw new TaskException("building the environment of task " + task.id() + ": " + broken.getMessage(), broken);
        }
    }
}
