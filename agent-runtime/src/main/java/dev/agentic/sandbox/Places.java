package dev.agentic.sandbox;

import java.time.Duration;
import java.util.List;

/** The places to run, by name ({@code <sandbox>}, {@code -Dagent.sandbox}, {@code agentx --sandbox}). */
public final class Places {

    /** The names a user may choose. */
    public static final List<String> NAMES = List.of("docker", "docker-pool", "local");

    private Places() {}

    /** The place called {@code name}; a lost engine is waited for up to {@code engineWait}. {@code docker-pool} needs an engines file: see {@link #named(String, PlaceSettings)}. */
    public static Place named(String name, Duration engineWait) {
        return named(name, PlaceSettings.of(engineWait));
    }

    /**
     * The place called {@code name} with {@code settings}: {@code docker} waits for a lost engine up to
     * {@link PlaceSettings#engineWait()}; {@code docker-pool} runs on the engines of {@link PlaceSettings#engines()}
     * (refused when there is none, and a wrong file names its line, column and field).
     */
    public static Place named(String name, PlaceSettings settings) {
        return switch (name) {
            case "docker" -> DockerPlace.fromEnvironment(settings.engineWait());
            case "docker-pool" -> {
                if (settings.engines() == null) {
                    throw new IllegalArgumentException("sandbox 'docker-pool' needs an engines file (--engines <file>, -D"
                            + PlaceSettings.ENGINES_PROPERTY + "=<file>): a YAML list 'engines: [{address: unix:///run/docker.sock, concurrency: 2}, …]'");
                }
                yield DockerPool.fromFile(settings.engines());
            }
            case "local" -> new LocalPlace();
            default -> throw new IllegalArgumentException("unknown sandbox '" + name + "': expected one of " + String.join(", ", NAMES));
        };
    }
}
