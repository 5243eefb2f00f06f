package dev.agentic.sandbox;

import java.time.Duration;
import java.util.List;

/** The places to run, by name ({@code <sandbox>}, {@code -Dagent.sandbox}, {@code agentx --sandbox}). */
public final class Places {

    /** The names a user may choose. */
    public static final List<String> NAMES = List.of("docker", "local");

    /** The system property naming the place ({@code agentx --sandbox}, {@code -Dagent.sandbox}); default {@code docker}. */
    public static final String PROPERTY = "agent.sandbox";

    private Places() {}

    /** The name of the place this process runs at: {@link #PROPERTY}, else {@code docker}. */
    public static String chosen() {
        String name = System.getProperty(PROPERTY);
        return name == null || name.isBlank() ? "docker" : name.strip();
    }

    /** Refuses a name that is not a place, listing the places. */
    public static String requireKnown(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown sandbox '" + name + "': expected one of " + String.join(", ", NAMES));
        }
        return name;
    }

    /** The place called {@code name}; a lost engine is waited for up to {@code engineWait}. */
    public static Place named(String name, Duration engineWait) {
        return switch (requireKnown(name)) {
            case "docker" -> DockerPlace.fromEnvironment(engineWait);
            case "local" -> new LocalPlace();
            default -> throw new IllegalStateException("no place " + name);
        };
    }
}
