package dev.agentic.sandbox;

import java.time.Duration;
import java.util.List;

/** The places to run, by name ({@code <sandbox>}, {@code -Dagent.sandbox}, {@code agentx --sandbox}). */
public final class Places {

    /** The names a user may choose. */
    public static final List<String> NAMES = List.of("docker", "local");

    private Places() {}

    /** The place called {@code name}; a lost engine is waited for up to {@code engineWait}. */
    public static Place named(String name, Duration engineWait) {
        return switch (name) {
            case "docker" -> DockerPlace.fromEnvironment(engineWait);
            case "local" -> new LocalPlace();
            default -> throw new IllegalArgumentException("unknown sandbox '" + name + "': expected one of " + String.join(", ", NAMES));
        };
    }
}
