package dev.agentic.verify;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentic.trajectory.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One line of a SWE-bench predictions file, for the official harness; secrets are redacted ({@link Secrets#standard()}). */
public record Prediction(@JsonProperty("instance_id") String instanceId,
                         @JsonProperty("model_name_or_path") String modelNameOrPath,
                         @JsonProperty("model_patch") String modelPatch) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Appends this prediction as one JSON line to {@code file}. */
    public void appendTo(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, Secrets.standard().redact(JSON.writeValueAsString(this)) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to predictions file " + file + ": " + e.getMessage(), e);
        }
    }
}
