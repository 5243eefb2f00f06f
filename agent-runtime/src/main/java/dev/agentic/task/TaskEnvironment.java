package dev.agentic.task;

import java.nio.file.Path;
import java.util.Set;

/** How a task's container image is obtained. */
public sealed interface TaskEnvironment {

    /** Built from a Dockerfile; {@code excluded} top-level entries of the context never enter the build (tests, solutions). */
    record Built(Path context, Path dockerfile, Set<String> excluded) implements TaskEnvironment {}

    /** An image used as it is (pulled if absent and a registry answers). */
    record Prebuilt(String image) implements TaskEnvironment {}
}
