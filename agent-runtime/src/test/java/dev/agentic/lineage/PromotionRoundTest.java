package dev.agentic.lineage;

import static dev.agentic.testing.StoredResults.all;
import static dev.agentic.testing.StoredResults.first;
import static dev.agentic.testing.StoredResults.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentic.bench.RunInfo;
import dev.agentic.bench.StageOutcome;
import dev.agentic.task.TaskSet;
import dev.agentic.testing.StoredResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A round of promotion over results folders as runs leave them: candidates, children passed over, the expansion set, the log. */
class PromotionRoundTest {

    static final Path TASKS = Path.of("..").toAbsolutePath().normalize().resolve("experiments/tasks");

    @TempDir
    Path experiments;

    static Variant v(String id, String parent, Map<String, String> settings) {
        return new Variant(id, parent, "", settings, null, "profile " + id + " of pom.xml");
    }

    static final Lineage FAMILY = Lineage.of(List.of(v("base", null, Map.of("memory", "full")), v("kid", "base", Map.of("memory", "window:5")),
            v("ghost", "base", Map.of("planning", "plan-first")), v("stopped", "base", Map.of("tools", "bash,submit"))));

    PromotionRound.Outcome promote(Lineage lineage, String generation) {
        return PromotionRound.run(new PromotionRound.Request(lineage, "declared in pom.xml", generation, new ExperimentsFolder(experiments),
                experiments, ComparisonSettings.DEFAULT));
    }

    @Test
    void childrenWithoutResultsOrStoppedAtAStageArePassedOverAndTheDecisionIsLogged() throws Exception {
        StoredResults.suite(experiments, List.of(TASKS.resolve("hello-world")), List.of());
        RunInfo.StageRecord cleared = new RunInfo.StageRecord("screen", List.of("tb/t0"), 1, 1, 1, 1.0, 0.5, StageOutcome.CLEARED);
        RunInfo.StageRecord stopped = new RunInfo.StageRecord("screen", List.of("tb/t0"), 1, 1, 0, 0.0, 0.5, StageOutcome.STOPPED);
        store(experiments, StoredResults.withStages(StoredResults.run("base", null, Map.of(), "s1", TaskSet.CORE, 10, 1),
                List.of(cleared), null), StoredResults.trials(1, first(3, 10)));
        store(experiments, "kid", "base", Map.of(), 1, all(10, true));
        store(experiments, StoredResults.withStages(StoredResults.run("stopped", "base", Map.of(), "s1", TaskSet.CORE, 10, 1),
                List.of(stopped), "screen"), StoredResults.trials(1, all(10, true)));

        PromotionRound.Outcome outcome = promote(FAMILY, "base");

        assertThat(outcome.passedOver()).extracting(PromotionRound.PassedOver::child, PromotionRound.PassedOver::exclusion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ghost", PromotionRound.Exclusion.NO_RESULTS),
                        org.assertj.core.groups.Tuple.tuple("stopped", PromotionRound.Exclusion.STOPPED_AT_STAGE));
        assertThat(outcome.passedOver().get(0).line()).isEqualTo("ghost: no results, not a candidate");
        assertThat(outcome.passedOver().get(1).line()).startsWith("stopped: not a candidate: stopped underperforms base: it stopped at stage screen");
        assertThat(outcome.decision().promoted()).isEqualTo("kid");
        assertThat(outcome.evidence()).singleElement().asString().startsWith("  kid          resolved 100.0 % (parent  30.0 %), Δ +70.0 pts");
        assertThat(outcome.conclusion()).startsWith("promoted kid: kid beats base: kid outperforms base");
        assertThat(outcome.log()).isEqualTo(experiments.resolve("promotions.jsonl"));
        assertThat(PromotionLog.promoted(outcome.log())).containsExactly("kid");

        promote(FAMILY, "base");
        assertThat(Files.readAllLines(outcome.log())).as("appended, never rewritten").hasSize(2);
    }

    @Test
    void onASuiteWithAnExpansionSetTheWinnerMustHoldUpOnResultsOfTheSameSuiteContents() {
        StoredResults.suite(experiments, List.of(TASKS.resolve("hello-world")), List.of(TASKS.resolve("log-error-summary")));
        store(experiments, "base", null, Map.of(), 1, first(3, 10));
        store(experiments, "kid", "base", Map.of(), 1, all(10, true));
        store(experiments, StoredResults.run("base", null, Map.of(), "s1", TaskSet.EXPANSION, 4, 1), StoredResults.trials(1, first(2, 4)));
        store(experiments, StoredResults.run("kid", "base", Map.of(), "other", TaskSet.EXPANSION, 4, 1), StoredResults.trials(1, all(4, true)));

        assertThatThrownBy(() -> promote(FAMILY, "base")).isInstanceOfSatisfying(PromotionRound.ExpansionMismatch.class,
                        e -> assertThat(e.variant()).isEqualTo("kid"))
                .hasMessageContaining("the expansion-set results of kid (run kid-expansion in ")
                .hasMessageContaining("come from other suite contents (hash other) than the core results (hash s1)")
                .hasMessageEndingWith("re-measure the expansion set of kid (agentx bench --variant kid --task-set expansion)")
                .hasMessageNotContaining("-Dagent").hasMessageNotContaining("mvnw");
        assertThat(experiments.resolve("promotions.jsonl")).as("no decision, nothing logged").doesNotExist();

        store(experiments, StoredResults.withRunId(StoredResults.run("kid", "base", Map.of(), "s1", TaskSet.EXPANSION, 4, 1), "again"),
                StoredResults.trials(1, all(4, true)));
        PromotionRound.Outcome outcome = promote(FAMILY, "base");
        assertThat(outcome.decision().promoted()).isEqualTo("kid");
        assertThat(outcome.decision().reason()).isEqualTo("kid beats base and holds up on the expansion set");
        assertThat(outcome.decision().expansion().childRun()).isEqualTo("again");
    }

    @Test
    void aGenerationWithoutChildrenOrWithoutResultsIsRefused() {
        store(experiments, "kid", "base", Map.of(), 1, all(3, true));
        assertThatThrownBy(() -> promote(FAMILY, "kid")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kid has no children declared in pom.xml");
        assertThatThrownBy(() -> promote(FAMILY, "base")).hasMessageContaining("no results for base in " + experiments.resolve("base/results"));
        assertThatThrownBy(() -> promote(FAMILY, "nobody")).hasMessageContaining("no variant 'nobody' is declared");
    }
}
