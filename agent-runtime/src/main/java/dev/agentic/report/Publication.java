package dev.agentic.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Where a Markdown summary goes: a file named by the user (a pull-request comment), and the CI step summary
 * when the environment names one ({@code GITHUB_STEP_SUMMARY}, which GitHub Actions shows on the run's page).
 */
public final class Publication {

    /** The environment variable naming the step summary file; the summary is appended to it. */
    public static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    private Publication() {}

    /**
     * Writes {@code markdown} to {@code file} when it is not null (replacing it, creating its folder), and appends it to
     * the step summary named in {@code environment} when there is one.
     */
    public static void publish(String markdown, Path file, Map<String, String> environment) {
        if (file != null) {
            Path target = file.toAbsolutePath();
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, markdown, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the Markdown summary to " + file + ": " + e.getMessage(), e);
            }
        }
        String stepSummary = environment.get(STEP_SUMMARY);
        if (stepSummary != null && !stepSummary.isBlank()) {
            try {
                Files.writeString(Path.of(stepSummary), markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append the Markdown summary to " + stepSummary + " (" + STEP_SUMMARY + "): "
                        + e.getMessage(), e);
            }
        }
    }
}
