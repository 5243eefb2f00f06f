package dev.agentic.sandbox;

import java.time.Duration;
import java.util.List;

/** The places to run, by name ({@code <sandbox>}, {@code -Dagent.sandbox}, {@code agentx --sandbox}). */
public final class Places {

    /** The names a user may choose. */
    public static final List<String> NAMES = List.of("docker", "docker-pool", "local");

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

    /**
     * The place this process runs at ({@link #chosen()}), its engines file from {@link PlaceSettings#ENGINES_PROPERTY}
     * when there is one; a lost engine is waited for up to {@code engineWait}.
     */
    public static Place chosen(Duration engineWait) {
        return named(chosen(), settings(engineWait));
    }

    /** Settings waiting up to {@code engineWait} for a lost engine, with the engines file of {@link PlaceSettings#ENGINES_PROPERTY} if set. */
    public static PlaceSettings settings(Duration engineWait) {
        String engines = System.getProperty(PlaceSettings.ENGINES_PROPERTY);
        PlaceSettings settings = PlaceSettings.of(engineWait);
        return engines == null || engines.isBlank() ? settings : settings.withEngines(java.nio.file.Path.of(engines.strip()));
    }

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
        return switch (requireKnown(name)) {
            case "docker" -> DockerPlace.fromEnvironment(settings.engineWait());
            case "docker-pool" -> {
                if (settings.engines() == null) {
                    throw new IllegalArgumentException("sandbox 'docker-pool' needs an engines file (--engines <file>): a YAML list 'engines: [{address: unix:///run/docker.sock, concurrency: 2}, …]'");
                }
                yield DockerPool.fromFile(settings.engines());
            }
            case "local" -> new LocalPlace();
            default -> throw new IllegalStateException("no place " + name);
        };
    }
}
