package dev.agentic.trajectory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends events to a trajectory file, one flushed line each, with secrets redacted. */
public final class TrajectoryWriter implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final Path file;
    private final BufferedWriter out;
    private final Secrets secrets;

    public TrajectoryWriter(Path file, Secrets secrets) {
        this.file = file;
        this.secrets = secrets;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trajectory " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public synchronized void write(TrajectoryEvent event) {
        try {
            out.write(secrets.redact(JSON.writeValueAsString(event)));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to trajectory " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close trajectory " + file, e);
        }
    }
}
