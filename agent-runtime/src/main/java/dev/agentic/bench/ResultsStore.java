package dev.agentic.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folder of one run: {@code run.json}, {@code trials.jsonl} (appended and flushed as each
 * trial ends), {@code trajectories/<task>.<trial>.jsonl}, {@code summary.json} and {@code junit.xml}
 * (replaced atomically). A run killed at any moment loses at most the trials that were running.
 */
public final class ResultsStore {

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;

    private ResultsStore(Path dir) {
        this.dir = dir;
    }

    public static ResultsStore at(Path runDirectory) {
        try {
            Files.createDirectories(runDirectory.resolve("trajectories"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create results folder " + runDirectory + ": " + e.getMessage(), e);
        }
        return new ResultsStore(runDirectory);
    }

    public Path directory() {
        return dir;
    }

    public Optional<RunInfo> runInfo() {
        Path file = dir.resolve("run.json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), RunInfo.class));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a run description: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    public void write(RunInfo info) {
        writeJson("run.json", info);
    }

    /** Finished trials; a last line cut short by a kill is ignored (that trial runs again). */
    public List<TrialResult> trials() {
        Path file = dir.resolve("trials.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        List<TrialResult> results = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    results.add(JSON.readValue(lines.get(i), TrialResult.class));
                } catch (IOException e) {
                    if (i < lines.size() - 1) {
                        throw new IllegalArgumentException(file + " line " + (i + 1) + ": not a trial result: "
                                + e.getMessage().lines().findFirst().orElse(""), e);
                    }
                }
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized void append(TrialResult result) {
        Path file = dir.resolve("trials.jsonl");
        try {
            Files.writeString(file, JSON.writeValueAsString(result) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    public Path trajectory(String task, int trial) {
        return dir.resolve("trajectories").resolve(task + "." + trial + ".jsonl");
    }

    public void writeSummary(Summary summary) {
        writeJson("summary.json", summary);
    }

    public void writeJUnit(String xml) {
        replace(dir.resolve("junit.xml"), xml.getBytes(StandardCharsets.UTF_8));
    }

    private void writeJson(String name, Object value) {
        try {
            replace(dir.resolve(name), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    /** Writes a temporary file next to {@code target} and moves it over, so readers never see half a file. */
    static void replace(Path target, byte[] content) {
        try {
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
