package dev.agentic.bench;

import dev.agentic.trial.TrialResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.agentic.trajectory.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The folder of one run: {@code run.json}, {@code trials.jsonl} (appended and flushed as each
 * trial ends), {@code trajectories/<task>.<trial>.jsonl}, {@code summary.json} and {@code junit.xml}
 * (replaced atomically), {@code run.lock} while a process writes it. A run killed at any moment loses
 * at most the trials that were running; secret values are redacted from everything written here.
 */
public final class ResultsStore {

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static final String TRIALS = "trials.jsonl";

    private static final AtomicLong TEMPORARIES = new AtomicLong();

    private final Path dir;
    private boolean sealed;

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
            throw new IllegalArgumentException(file + ": not a run description: " + reason(e), e);
        }
    }

    /**
     * What is wrong with a results file that did not read, on one line, led by the field at fault when the reader knows
     * it: {@code field 'task_set': task set 'extension': expected core or expansion}.
     */
    static String reason(IOException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    field.append(field.length() == 0 ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            Throwable cause = mapping.getCause();
            String why = cause instanceof IllegalArgumentException && cause.getMessage() != null ? cause.getMessage() : mapping.getOriginalMessage();
            if (field.length() > 0) {
                return "field '" + field + "': " + String.valueOf(why).lines().findFirst().orElse("");
            }
        }
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    public void write(RunInfo info) {
        writeJson("run.json", info);
    }

    /**
     * Finished trials. A line that is not a trial result, or that repeats a (task, trial) of an
     * earlier line, is an error naming the file and line: nothing is dropped or counted twice.
     */
    public List<TrialResult> trials() {
        Path file = dir.resolve(TRIALS);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<TrialResult> results = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            boolean torn = bytes.length > 0 && bytes[bytes.length - 1] != '\n';
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                TrialResult result;
                try {
                    result = JSON.readValue(lines.get(i), TrialResult.class);
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a trial result"
                            + (torn && i == lines.size() - 1 ? " (the line is cut short: the run stopped while writing it;"
                                    + " resuming the run sets it aside)" : "") + ": " + reason(e), e);
                }
                if (result.task() == null || result.trial() < 1) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a trial result: no task or trial number");
                }
                Integer earlier = lineOf.putIfAbsent(result.key(), i + 1);
                if (earlier != null) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": trial " + result.key() + " again (first on line "
                            + earlier + "); a run holds each trial once: remove one of the two lines");
                }
                results.add(result);
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets aside a last line of {@code trials.jsonl} cut short by a crash while it was written: it
     * is moved to {@code trials.jsonl.torn-<time>} (kept for inspection) and its trial runs again.
     * Returns the warning, or null when the file was whole.
     */
    public String setAsideTornLine() {
        Path file = dir.resolve(TRIALS);
        if (!Files.exists(file)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0 || bytes[bytes.length - 1] == '\n') {
                return null;
            }
            int cut = bytes.length - 1;
            while (cut >= 0 && bytes[cut] != '\n') {
                cut--;
            }
            int keep = cut + 1;
            long line = new String(bytes, 0, keep, StandardCharsets.UTF_8).lines().count() + 1;
            Path aside = dir.resolve(TRIALS + ".torn-" + Instant.now().toString().replaceAll("[-:]", "").replaceAll("\\..*", ""));
            Files.write(aside, java.util.Arrays.copyOfRange(bytes, keep, bytes.length), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            channel.truncate(keep);
            channel.force(true);
            return file + ":" + line + ": the last line was cut short (the run stopped while writing it); moved aside to "
                    + aside.getFileName() + " and its trial runs again";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends a finished trial, written and forced to disk before this returns; false, and nothing
     * written, once the store is sealed (the run is being stopped and the trial may not be whole).
     */
    public synchronized boolean append(TrialResult result) {
        if (sealed) {
            return false;
        }
        Path file = dir.resolve(TRIALS);
        try {
            Files.writeString(file, redact(JSON.writeValueAsString(result)) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** No more trials are appended: whatever finishes after this moment is abandoned. */
    public synchronized void seal() {
        sealed = true;
    }

    public Path trajectory(String task, int trial) {
        return dir.resolve("trajectories").resolve(task + "." + trial + ".jsonl");
    }

    public void writeSummary(Summary summary) {
        writeJson("summary.json", summary);
    }

    /** {@code engines.json}: per engine of the place, the sandboxes this run started there, the attempts lost and whether it was drained. */
    public void writeEngines(java.util.List<dev.agentic.sandbox.Place.EngineUse> engines) {
        writeJson("engines.json", engines);
    }

    public void writeJUnit(String xml) {
        replace(dir.resolve("junit.xml"), redact(xml).getBytes(StandardCharsets.UTF_8));
    }

    private void writeJson(String name, Object value) {
        try {
            replace(dir.resolve(name), redact(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a temporary file next to {@code target}, forces it to disk and moves it over, so readers
     * never see half a file; it is created with the process's usual permissions (umask), not private ones.
     */
    static void replace(Path target, byte[] content) {
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + TEMPORARIES.incrementAndGet() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the message below says what failed
            }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Secret values never reach a results file. */
    static String redact(String text) {
        return Secrets.standard().redact(text);
    }
}
