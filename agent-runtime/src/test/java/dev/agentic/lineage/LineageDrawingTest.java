package dev.agentic.lineage;

import static dev.agentic.testing.StoredResults.all;
import static dev.agentic.testing.StoredResults.first;
import static dev.agentic.testing.StoredResults.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lineage drawn from an experiments folder, and the lineage its runs recorded. */
class LineageDrawingTest {

    @TempDir
    Path experiments;

    static Variant v(String id, String parent, Map<String, String> settings) {
        return new Variant(id, parent, "", settings, null, "profile " + id + " of pom.xml");
    }

    @Test
    void theTreeShowsEachChangeVerdictAndPromotionAndVariantsWithoutResults() {
        Lineage lineage = Lineage.of(List.of(v("base", null, Map.of("memory", "full")), v("kid", "base", Map.of("memory", "window:5")),
                v("grandkid", "kid", Map.of("planning", "plan-first")), v("later", "base", Map.of("tools", "bash,submit"))));
        store(experiments, "base", null, Map.of(), 1, first(2, 8));
        store(experiments, "kid", "base", Map.of(), 1, all(8, true));
        PromotionLog.append(experiments.resolve(PromotionLog.FILE), new Promotion.Decision("base", "kid", "kid beats base", List.of(), null));

        LineageDrawing drawing = LineageDrawing.of(lineage, new ExperimentsFolder(experiments));

        assertThat(drawing.tree()).containsExactly(
                "base  (no summary)",
                "├── kid ★ promoted memory=window:5  (no summary)  BETTER vs base (Δ +75.0 pts)",
                "│   └── grandkid planning=plan-first  (no results)",
                "└── later tools=bash,submit  (no results)");
        assertThat(drawing.mermaid()).isEqualTo("""
                graph TD
                  base["base<br/>(no summary)"]
                  kid["kid ★<br/>(no summary)"]
                  base -->|memory=window:5| kid
                  grandkid["grandkid<br/>(no results)"]
                  kid -->|planning=plan-first| grandkid
                  later["later<br/>(no results)"]
                  base -->|tools=bash,submit| later
                """);
        Path file = experiments.resolve("target/deeper/lineage.mmd");
        drawing.writeMermaid(file);
        assertThat(file).hasContent(drawing.mermaid());
    }

    @Test
    void brokenResultsAreRefusedNamingTheFileAndLineInsteadOfShownAsMissing() throws Exception {
        Path results = store(experiments, "base", null, Map.of(), 1, all(2, true));
        Files.writeString(results.resolve("base-core/trials.jsonl"), "{\"not\": \"a trial\"}\n", java.nio.file.StandardOpenOption.APPEND);
        Lineage lineage = Lineage.of(List.of(v("base", null, Map.of())));

        assertThatThrownBy(() -> LineageDrawing.of(lineage, new ExperimentsFolder(experiments)))
                .hasMessageStartingWith(results.resolve("base-core/trials.jsonl") + ":3: ");
    }

    @Test
    void theRecordedLineageHasEachVariantsDifferencesFromItsParentAndNoOneChangeRule() {
        store(experiments, "base", null, Map.of("memory", "full", "planning", "none", "model", "scripted:a"), 1, true);
        store(experiments, "kid", "base", Map.of("memory", "window:5", "planning", "plan-first", "model", "scripted:a"), 1, true);

        Lineage recorded = new ExperimentsFolder(experiments).recordedLineage();

        assertThat(recorded.get("base").settings()).containsOnly(Map.entry("memory", "full"), Map.entry("planning", "none"),
                Map.entry("model", "scripted:a"));
        assertThat(recorded.get("kid").settings()).containsOnly(Map.entry("memory", "window:5"), Map.entry("planning", "plan-first"));
        assertThat(recorded.get("kid").hypothesis()).isEqualTo("the hypothesis of kid");
        assertThat(recorded.get("kid").source()).isEqualTo(experiments.resolve("kid/results/kid-core/run.json").toString());
        assertThat(recorded.children("base")).extracting(Variant::id).containsExactly("kid");
        assertThatThrownBy(() -> Lineage.of(recorded.all())).as("declared, the same would need a <why>").hasMessageContaining("<why>");
    }

    @Test
    void aRecordedLineageRefusesResultsInAnotherVariantsFolderAndCycles() throws Exception {
        store(experiments, "a", "b", Map.of(), 1, true);
        store(experiments, "b", "a", Map.of(), 1, true);
        assertThatThrownBy(() -> new ExperimentsFolder(experiments).recordedLineage()).hasMessageContaining("has a cycle in its ancestry");

        Path other = experiments.resolve("elsewhere");
        store(other, "x", null, Map.of(), 1, true);
        Files.move(other.resolve("x"), other.resolve("y"));
        assertThatThrownBy(() -> new ExperimentsFolder(other).recordedLineage())
                .hasMessage(other.resolve("y/results/x-core/run.json") + ": field 'variant': the results of folder y are of variant 'x'; expected 'y'");
    }
}
