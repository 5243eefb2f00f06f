package dev.agentic.bench;

import dev.agentic.task.TaskSet;
import dev.agentic.trial.TrialResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.agentic.lineage.Comparison;
import dev.agentic.lineage.ComparisonReport;
import dev.agentic.lineage.Comparisons;
import dev.agentic.report.MarkdownSummary;
import dev.agentic.testing.Trials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Token and cost figures of runs: cached input, cost with and without caching, unknown costs, older results. */
class CostSummaryTest {

    static final Path EXP_02 = Path.of("../experiments/exp-02/results").toAbsolutePath().normalize();

    static RunInfo run(String variant, int tasks) {
        return new RunInfo(1, variant + "-run", variant, null, "", Map.of(), "h", "openai:gpt-x", "suite", "suite.yaml", "hash",
                TaskSet.CORE, tasks, 1, 1, 1.0, "dev", "unknown", "host", "17", "s", "e", RunStatus.FINISHED);
    }

    static TrialResult trial(String task, boolean resolved, long input, long cached, long write, long output, Double cost,
                             Double withoutCaching, Boolean cachedPriceUnknown) {
        return Trials.spending(Trials.graded(task, 1, resolved),
                new TrialResult.Spend(input, output, cost, cached, write, withoutCaching, cachedPriceUnknown));
    }

    @Test
    void summariesGiveTheCachedShareOfInputAndTheCostWithAndWithoutCaching() {
        List<TrialResult> trials = List.of(
                trial("a", true, 10_000, 8_000, 0, 500, 0.0080, 0.0200, null),
                trial("b", false, 30_000, 16_000, 2_000, 700, 0.0120, 0.0300, null),
                Trials.infrastructure("c", 1, 3, "no container"));

        Summary s = Summaries.of(run("exp", 3), trials);

        assertThat(s.cachedInputShare()).isCloseTo(24_000 / 40_000.0, offset(1e-12));
        assertThat(s.meanCostUsd()).isCloseTo(0.0100, offset(1e-12));
        assertThat(s.totalCostUsd()).isCloseTo(0.0200, offset(1e-12));
        assertThat(s.meanCostUsdWithoutCaching()).isCloseTo(0.0250, offset(1e-12));
        assertThat(s.totalCostUsdWithoutCaching()).isCloseTo(0.0500, offset(1e-12));
        assertThat(s.cachedPriceUnknown()).isFalse();
        String table = SummaryTable.render(s, Path.of("results"));
        assertThat(table).contains("20,000 tokens in (60 % cached) · 600 out · $0.0100 ($0.0250 without caching) · agent");
        assertThat(MarkdownSummary.ofRun(run("exp", 3), s))
                .contains("| mean per trial | 20,600 tokens (60 % of input cached) · $0.0100 ($0.0250 without caching) · agent");

        Summary guessed = Summaries.of(run("exp", 1), List.of(trial("a", true, 10_000, 8_000, 0, 500, 0.0200, 0.0200, true)));
        assertThat(guessed.cachedPriceUnknown()).isTrue();
        assertThat(SummaryTable.meanCost(guessed)).isEqualTo("$0.0200 (cached input at the full input price: no cached price known)");
    }

    @Test
    void anUnknownCostIsShownAsUnknownNeverAsZero() throws Exception {
        List<TrialResult> unpriced = List.of(trial("a", true, 10_000, 0, 0, 500, null, null, null),
                trial("b", false, 12_000, 0, 0, 700, null, null, null));
        Summary s = Summaries.of(run("child", 2), unpriced);

        assertThat(s.meanCostUsd()).isNull();
        assertThat(s.totalCostUsd()).isNull();
        assertThat(s.meanCostUsdWithoutCaching()).isNull();
        String table = SummaryTable.render(s, Path.of("results"));
        assertThat(table).contains("· cost unknown (no price for the model) ·").doesNotContain("$");
        assertThat(MarkdownSummary.ofRun(run("child", 2), s)).contains("cost unknown").doesNotContain("$0.0000");

        String line = ResultsStore.JSON.writeValueAsString(unpriced.get(0));
        assertThat(line).doesNotContain("cost_usd").contains("\"cached_input_tokens\":0");
        TrialResult read = ResultsStore.JSON.readValue(line, TrialResult.class);
        assertThat(read.costKnown()).isFalse();
        assertThat(read).isEqualTo(unpriced.get(0));
        Summary back = ResultsStore.JSON.readValue(ResultsStore.JSON.writeValueAsString(s), Summary.class);
        assertThat(back.meanCostUsd()).isNull();

        List<TrialResult> priced = new ArrayList<>();
        priced.add(trial("a", true, 10_000, 0, 0, 500, 0.01, 0.01, null));
        priced.add(trial("b", true, 10_000, 0, 0, 500, 0.01, 0.01, null));
        RunResults child = new RunResults(Path.of("child"), run("child", 2), unpriced);
        RunResults parent = new RunResults(Path.of("parent"), run("parent", 2), priced);
        assertThat(child.meanCostUsd()).isNull();
        assertThat(parent.meanCostUsd()).isCloseTo(0.01, offset(1e-12));
        Comparison c = Comparisons.compare(child, parent, 0.95, 0, 200);
        assertThat(c.deltaCostUsd()).isNull();
        assertThat(ComparisonReport.table(c)).contains("cost n/a").doesNotContain("$+0.0000");
        assertThat(MarkdownSummary.ofComparison(c, dev.agentic.lineage.FailureModes.compare(unpriced, priced))).contains("cost n/a");
    }

    @Test
    void committedResultsWithoutTheNewFieldsStillLoadWithTheirKnownCost() {
        RunResults results = RunResults.load(EXP_02, null, "exp-02");

        assertThat(results.trials()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.costKnown()).as(t.key()).isTrue();
            assertThat(t.spend().costUsd()).isZero();
            assertThat(t.spend().costWithoutCaching()).isZero();
            assertThat(t.spend().cachedInputTokens()).isZero();
            assertThat(t.spend().cachedPriceUnknown()).isNull();
        });
        assertThat(results.meanCostUsd()).isZero();
        Summary stored = results.summary().orElseThrow();
        assertThat(stored.meanCostUsd()).isZero();
        assertThat(stored.cachedInputShare()).isZero();
        assertThat(SummaryTable.meanCost(stored)).isEqualTo("$0.0000");
        Summary recomputed = Summaries.of(results.run(), results.trials());
        assertThat(recomputed.meanCostUsd()).isZero();
        assertThat(recomputed.meanInputTokens()).isEqualTo(stored.meanInputTokens());
        assertThat(SummaryTable.render(recomputed, results.directory())).contains("$0.0000").doesNotContain("cached", "without caching");
    }
}
