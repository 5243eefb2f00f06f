package dev.agentic.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Markdown summary written to the file asked for and appended to the CI step summary. */
class PublicationTest {

    @TempDir
    Path dir;

    @Test
    void writesTheFileReplacingItAndAppendsToTheStepSummary() throws Exception {
        Path file = dir.resolve("pr/comment.md");
        Path stepSummary = Files.writeString(dir.resolve("step.md"), "earlier step\n");
        Map<String, String> environment = Map.of(Publication.STEP_SUMMARY, stepSummary.toString());

        Publication.publish("### first", file, environment);
        Publication.publish("### second", file, environment);

        assertThat(file).hasContent("### second");
        assertThat(stepSummary).hasContent("earlier step\n### first\n### second\n");
    }

    @Test
    void withoutAFileOrAStepSummaryNothingIsWritten() throws Exception {
        Publication.publish("### nothing", null, Map.of(Publication.STEP_SUMMARY, " "));
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsNamed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("taken"));
        assertThatThrownBy(() -> Publication.publish("x", folder, Map.of()))
                .hasMessageStartingWith("cannot write the Markdown summary to " + folder + ": ");
    }
}
