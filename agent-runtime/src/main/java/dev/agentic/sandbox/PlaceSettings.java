package dev.agentic.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a place needs beyond its name.
 *
 * @param engineWait how long the {@code docker} place waits for its engine when it is lost
 * @param engines the engines file of the {@code docker-pool} place ({@link EnginesFile}); null when none is given
 */
public record PlaceSettings(Duration engineWait, Path engines) {

    /** The system property and option naming the engines file: {@code -Dagent.engines}, {@code agentx --engines}. */
    public static final String ENGINES_PROPERTY = "agent.engines";

    public PlaceSettings {
        Objects.requireNonNull(engineWait, "engineWait");
    }

    public static PlaceSettings of(Duration engineWait) {
        return new PlaceSettings(engineWait, null);
    }

    public PlaceSettings withEngines(Path file) {
        return new PlaceSettings(engineWait, file);
    }
}
