package dev.agentic.cli;

import static dev.agentic.cli.AgentCliTest.REPO;
import static dev.agentic.cli.AgentCliTest.agentx;
import static dev.agentic.testing.StoredResults.all;
import static dev.agentic.testing.StoredResults.first;
import static dev.agentic.testing.StoredResults.store;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentic.bench.RunInfo;
import dev.agentic.bench.StageOutcome;
import dev.agentic.cli.AgentCliTest.Run;
import dev.agentic.task.TaskSet;
import dev.agentic.testing.StoredResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** agentx lineage, compare, gate and promote on the committed results of experiments/ and on results folders written here. */
class LineageCommandsTest {

    static final String EXPERIMENTS = REPO.resolve("experiments").toString();
    static final String BASELINE = REPO.resolve("experiments/exp-02/results").toString();
    static final String BASH_ONLY = REPO.resolve("experiments/exp-02-c/results").toString();
    static final String PLAN_FIRST = REPO.resolve("experiments/exp-02-a/results").toString();

    @TempDir
    Path dir;

    @Test
    void lineagePrintsTheRecordedTreeWithRatesAndVerdictsAndWritesTheMermaidGraph() throws Exception {
        Path mermaid = dir.resolve("out/lineage.mmd");
        Run run = agentx("lineage", "--experiments", EXPERIMENTS, "--mermaid", mermaid.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines().toList()).containsSubsequence(
                "exp-02  100.0 % (86.7–100.0) over 75 trials",
                "├── exp-02-a planning=plan-first  100.0 % (86.7–100.0) over 75 trials  INCONCLUSIVE vs exp-02 (Δ +0.0 pts)",
                "├── exp-02-b memory=window:10  100.0 % (86.7–100.0) over 75 trials  INCONCLUSIVE vs exp-02 (Δ +0.0 pts)",
                "└── exp-02-c tools=bash,submit  16.0 % (6.4–34.7) over 75 trials  WORSE vs exp-02 (Δ -84.0 pts)",
                "Mermaid graph: " + mermaid);
        assertThat(mermaid).content().startsWith("graph TD\n").contains("  exp_02 -->|tools=bash,submit| exp_02_c\n")
                .contains("  exp_02_c[\"exp-02-c<br/>16.0 % (6.4–34.7) over 75 trials\"]");
    }

    @Test
    void lineageMarksPromotedVariantsAndWritesTheGraphUnderTargetByDefault() {
        Path experiments = dir.resolve("experiments");
        StoredResults.suite(experiments, List.of(REPO.resolve("experiments/tasks/hello-world")), List.of());
        store(experiments, "base", null, Map.of("memory", "full"), 1, first(2, 8));
        store(experiments, "kid", "base", Map.of("memory", "window:5"), 1, all(8, true));
        Run promote = agentx("promote", "--experiments", experiments.toString(), "--generation", "base");
        assertThat(promote.exitCode()).as(promote.stderr()).isZero();
        assertThat(promote.stdout()).contains("promoted kid: ");

        Run run = agentx("lineage", "--experiments", experiments.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("base  (no summary)\n")
                .contains("└── kid ★ promoted memory=window:5  (no summary)  BETTER vs base (Δ +75.0 pts)\n");
        assertThat(experiments.resolve("target/lineage.mmd")).content().contains("kid ★<br/>(no summary)");
    }

    @Test
    void compareReportsTheTableFailureModesAndHeadlineAndWritesMarkdown() {
        Path markdown = dir.resolve("comment.md");
        Run run = agentx("compare", "--results", BASH_ONLY, "--parent", BASELINE, "--markdown", markdown.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("exp-02-c (run k3) vs exp-02 (run k3), suite hash ")
                .contains("  tb/hello-world                         100%       0%    -100  ←\n")
                .contains("  verdict WORSE\n")
                .contains("  failure modes: introduced 3 format_errors, 33 no_change and 27 tests_failed failures; 21 tasks got worse, 0 better\n")
                .contains("Markdown summary: " + markdown)
                .contains("  Δ -84.0 pts, 90 % CI -96.8 to -71.2 (paired t-test over 25 tasks, task-clustered SE 7.5 pts;"
                        + " each end a one-sided 95 % bound)\n")
                .contains("  detectable with power 0.8: 19.9 pts by design, 19.2 pts at the observed spread")
                .contains("diagnostics: paired bootstrap 90 % CI -96.0 to -72.0 (10,000 resamples over tasks, seed 20261127)")
                .endsWith("exp-02-c underperforms exp-02: resolved 16.0 % vs 100.0 %, Δ -84.0 pts (90 % CI -96.8 to -71.2), one-sided"
                        + " p < 0.0001 over 25 tasks × 3 trials\n");
        assertThat(markdown).content().startsWith("### WORSE: exp-02-c underperforms exp-02");
    }

    @Test
    void compareReadsTheRunsNamedAndRefusesAMarginThatCannotBe() {
        Path experiments = dir.resolve("experiments");
        Path base = store(experiments, "base", null, Map.of(), 1, all(4, true));
        Path kid = store(experiments, "kid", "base", Map.of(), 1, all(4, false));
        store(experiments, StoredResults.withRunId(StoredResults.run("kid", "base", Map.of(), "s1", TaskSet.CORE, 4, 1), "kid-again"),
                StoredResults.trials(1, all(4, true)));

        Run named = agentx("compare", "--results", kid.toString(), "--parent", base.toString(), "--run-id", "kid-core");
        assertThat(named.exitCode()).as(named.stderr()).isZero();
        assertThat(named.stdout()).contains("kid (run kid-core) vs base (run base-core)").contains("  flipped tb/t0 ")
                .contains("kid is not distinguishable from base: resolved 0.0 % vs 100.0 %");
        Run latest = agentx("compare", "--results", kid.toString(), "--parent", base.toString());
        assertThat(latest.stdout()).contains("kid (run kid-again) vs base (run base-core)").contains("resolved 100.0 % vs 100.0 %");

        Run badMargin = agentx("compare", "--results", kid.toString(), "--parent", base.toString(), "--margin", "-0.1");
        assertThat(badMargin.exitCode()).isEqualTo(2);
        assertThat(badMargin.stderr()).contains("Invalid value for option '--margin': expected a share of the resolved rate from 0 to 1,"
                + " e.g. 0.05 for 5 points, got -0.1");
    }

    @Test
    void gateFailsARegressedChildWithTheReasonAndExitCode1() {
        Run run = agentx("gate", "--results", BASH_ONLY, "--parent", BASELINE);

        assertThat(run.exitCode()).isEqualTo(GateCommand.FAILS);
        assertThat(run.stdout()).contains("  verdict WORSE\n").doesNotContain("gate passed");
        assertThat(run.stderr()).startsWith("agentx: gate failed: exp-02-c underperforms exp-02: resolved 16.0 % vs 100.0 %")
                .contains("over 25 tasks × 3 trials; rule --fail-on=regression, margin 0.0 pts");

        Run reportOnly = agentx("gate", "--results", BASH_ONLY, "--parent", BASELINE, "--no-halt-on-failure");
        assertThat(reportOnly.exitCode()).as(reportOnly.stderr()).isZero();
        assertThat(reportOnly.stdout()).contains("gate failed, not halting (--no-halt-on-failure): exp-02-c underperforms exp-02");
    }

    @Test
    void gatePassesAnIndistinguishableChildUnlessTheRuleAsksForImprovement() {
        Run regression = agentx("gate", "--results", PLAN_FIRST, "--parent", BASELINE, "--resamples", "500");
        assertThat(regression.exitCode()).as(regression.stderr()).isZero();
        assertThat(regression.stdout()).contains("gate passed (regression): exp-02-a is not distinguishable from exp-02");

        Run improvement = agentx("gate", "--results", PLAN_FIRST, "--parent", BASELINE, "--fail-on", "no-improvement", "--margin", "0.05");
        assertThat(improvement.exitCode()).isEqualTo(GateCommand.FAILS);
        assertThat(improvement.stderr()).contains("agentx: gate failed: exp-02-a is not distinguishable from exp-02")
                .contains("; rule --fail-on=no-improvement, margin 5.0 pts");
    }

    @Test
    void gateFailsAChildStoppedAtAStageItsParentClearedWhateverTheRule() {
        Path experiments = dir.resolve("experiments");
        RunInfo.StageRecord cleared = new RunInfo.StageRecord("screen", List.of("tb/t0", "tb/t1"), 2, 2, 2, 1.0, 0.5, StageOutcome.CLEARED);
        RunInfo.StageRecord stopped = new RunInfo.StageRecord("screen", List.of("tb/t0", "tb/t1"), 2, 2, 0, 0.0, 0.5, StageOutcome.STOPPED);
        Path base = store(experiments, StoredResults.withStages(StoredResults.run("base", null, Map.of(), "s1", TaskSet.CORE, 3, 1),
                List.of(cleared), null), StoredResults.trials(1, true, true, false));
        Path child = store(experiments, StoredResults.withStages(StoredResults.run("child", "base", Map.of(), "s1", TaskSet.CORE, 3, 1),
                List.of(stopped), "screen"), StoredResults.trials(1, true, true, false));

        Run run = agentx("gate", "--results", child.toString(), "--parent", base.toString(), "--fail-on", "regression");
        assertThat(run.exitCode()).isEqualTo(GateCommand.FAILS);
        assertThat(run.stderr()).isEqualTo("agentx: gate failed: child underperforms base: it stopped at stage screen (0 of 2 trials passed,"
                + " 0%, below the stage's threshold 50%), which base cleared (2 of 2, 100%); on the tasks both ran: child is not"
                + " distinguishable from base: resolved 66.7 % vs 66.7 %, Δ +0.0 pts (not estimable: no task differs), one-sided p = 1.0000"
                + " over 3 tasks × 1 trials; detectable with power 0.8: over 100 pts by design, not estimable at the observed spread\n");
    }

    @Test
    void gateRefusesBadInputWithTheOptionAndWhatIsExpected() {
        Run rule = agentx("gate", "--results", PLAN_FIRST, "--parent", BASELINE, "--fail-on", "worse");
        assertThat(rule.exitCode()).isEqualTo(2);
        assertThat(rule.stderr()).contains("Invalid value for option '--fail-on': expected regression (fails when the child is WORSE)"
                + " or no-improvement (fails unless the child is BETTER), got 'worse'");

        Run confidence = agentx("gate", "--results", PLAN_FIRST, "--parent", BASELINE, "--confidence", "95");
        assertThat(confidence.exitCode()).isEqualTo(2);
        assertThat(confidence.stderr()).contains("Invalid value for option '--confidence': expected a number between 0.5 and 1, e.g. 0.95, got 95");

        Run notANumber = agentx("gate", "--results", PLAN_FIRST, "--parent", BASELINE, "--confidence", "high");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.stderr()).contains("Invalid value for option '--confidence': expected a number between 0.5 and 1, e.g. 0.95, got 'high'");

        Run resamples = agentx("gate", "--results", PLAN_FIRST, "--parent", BASELINE, "--resamples", "0");
        assertThat(resamples.exitCode()).isEqualTo(2);
        assertThat(resamples.stderr()).contains("Invalid value for option '--resamples': expected 1 or more, e.g. 10000, got 0");

        Run noParent = agentx("gate", "--results", PLAN_FIRST, "--parent", dir.resolve("nowhere").toString());
        assertThat(noParent.exitCode()).isEqualTo(2);
        assertThat(noParent.stderr()).isEqualTo("agentx: --parent " + dir.resolve("nowhere") + ": no such folder\n");

        Run notResults = agentx("gate", "--results", dir.toString(), "--parent", BASELINE);
        assertThat(notResults.exitCode()).isEqualTo(2);
        assertThat(notResults.stderr()).contains("--results " + dir + ": not a results folder");
    }

    @Test
    void gateNamesItsNetworkOptionWhenTheResultsRanOnDifferentContainerNetworks() throws Exception {
        Path experiments = dir.resolve("experiments");
        Path base = store(experiments, "base", null, Map.of(), 1, all(3, true));
        Path child = store(experiments, "child", "base", Map.of(RunInfo.CONTAINER_NETWORK, "bridge"), 1, all(3, true));

        Run run = agentx("gate", "--results", child.toString(), "--parent", base.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("agentx: cannot compare child with base: their task containers had different networks (bridge in ")
                .endsWith("rerun the bench of one of them on the other's container network (agentx bench --network <network>)\n");
    }

    @Test
    void promotePicksTheBestChildAndAppendsTheDecisionToTheLog() throws Exception {
        Path experiments = dir.resolve("experiments");
        StoredResults.suite(experiments, List.of(REPO.resolve("experiments/tasks/hello-world")), List.of());
        store(experiments, "base", null, Map.of("memory", "full"), 3, first(4, 12));
        store(experiments, "improved", "base", Map.of("memory", "window:5"), 3, all(12, true));
        store(experiments, "steady", "base", Map.of("planning", "plan-first"), 3, first(4, 12));
        store(experiments, "regressed", "base", Map.of("tools", "bash,submit"), 3, all(12, false));
        Files.createDirectories(experiments.resolve("exp-99"));

        Run run = agentx("promote", "--experiments", experiments.toString(), "--generation", "base");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines.get(0)).startsWith("  improved     resolved 100.0 % (parent  33.3 %), Δ +66.7 pts, p = 0.0039, Holm-adjusted 0.0117, BETTER");
        assertThat(lines).anyMatch(l -> l.startsWith("  steady       resolved  33.3 % (parent  33.3 %), Δ  +0.0 pts"))
                .anyMatch(l -> l.startsWith("promoted improved: improved beats base: improved outperforms base"))
                .contains("recorded in " + experiments.resolve("promotions.jsonl"));
        JsonNode entry = new ObjectMapper().readTree(Files.readAllLines(experiments.resolve("promotions.jsonl")).get(0));
        assertThat(entry.get("generation").asText()).isEqualTo("base");
        assertThat(entry.get("promoted").asText()).isEqualTo("improved");
        assertThat(entry.get("candidates")).hasSize(3);
    }

    @Test
    void promoteSaysWhyNobodyIsPromotedAndRefusesAnUnknownGeneration() throws Exception {
        Path experiments = dir.resolve("experiments");
        StoredResults.suite(experiments, List.of(REPO.resolve("experiments/tasks/hello-world")), List.of());
        store(experiments, "base", null, Map.of(), 2, first(5, 10));
        store(experiments, "steady", "base", Map.of("planning", "plan-first"), 2, first(5, 10));

        Run none = agentx("promote", "--experiments", experiments.toString(), "--generation", "base");
        assertThat(none.exitCode()).as(none.stderr()).isZero();
        assertThat(none.stdout()).contains("no promotion: the best child, steady, does not beat base").contains("base stays");
        assertThat(Files.readAllLines(experiments.resolve("promotions.jsonl"))).hasSize(1);

        Run childless = agentx("promote", "--experiments", experiments.toString(), "--generation", "steady");
        assertThat(childless.exitCode()).isEqualTo(2);
        assertThat(childless.stderr()).isEqualTo("agentx: steady has no children with results under " + experiments + "\n");

        Run unknown = agentx("promote", "--experiments", experiments.toString(), "--generation", "exp-09");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("no variant 'exp-09'").contains("base, steady");

        Run noGeneration = agentx("promote", "--experiments", experiments.toString());
        assertThat(noGeneration.exitCode()).isEqualTo(2);
        assertThat(noGeneration.stderr()).contains("Missing required option: '--generation=<id>'");
    }

    @Test
    void lineageRefusesAFolderWithoutResultsAndAParentWithoutResults() throws Exception {
        Run empty = agentx("lineage", "--experiments", dir.toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.stderr()).isEqualTo("agentx: no results under " + dir + " (expected <variant>/results/LATEST): run a bench first\n");

        store(dir, "orphan", "gone", Map.of(), 1, true);
        Run orphan = agentx("lineage", "--experiments", dir.toString());
        assertThat(orphan.exitCode()).isEqualTo(2);
        assertThat(orphan.stderr()).contains("orphan-core/run.json: field 'parent': orphan names parent 'gone', which has no results under "
                + dir);
    }

    @Test
    void everyNewCommandHasHelp() {
        for (String command : List.of("lineage", "compare", "gate", "promote")) {
            Run help = agentx(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.stdout()).as(command).startsWith("Usage: agentx " + command);
            assertThat(help.stdout().replaceAll("\\s+", " ")).as(command).contains("The Maven goal agent:" + command);
        }
        assertThat(agentx("--help").stdout()).contains("lineage").contains("compare").contains("gate").contains("promote");
    }
}
