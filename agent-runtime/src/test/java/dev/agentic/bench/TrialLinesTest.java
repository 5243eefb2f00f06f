package dev.agentic.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentic.task.TaskSet;
import dev.agentic.testing.Trials;
import dev.agentic.trial.FailureLabel;
import dev.agentic.trial.TrialOutcome;
import dev.agentic.trial.TrialResult;
import dev.agentic.verify.Grade;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines of {@code trials.jsonl} as results on disk hold them: every committed line reads and is written back with the same
 * fields and values, lines of older versions read with the defaults of what they lack, and closed sets refuse other values.
 */
class TrialLinesTest {

    static final Path EXPERIMENTS = Path.of("../experiments").toAbsolutePath().normalize();

    /** A line of exp-02-c as it was measured on 27 November 2026: no tags, no cache counts, no cost without caching. */
    static final String BEFORE_TAGS = """
            {"schema":1,"task":"broken-path-env","trial":1,"format":"terminal-bench","category":"environment-repair","difficulty":"medium",\
            "resolved":false,"reward":0.0,"outcome":"TESTS_FAILED","failure_label":"tests_failed","exit_status":"submitted",\
            "exit_detail":"the model submitted","tests":{"../tests/test_outputs.py::test_script_and_tool_untouched":"PASSED",\
            "../tests/test_outputs.py::test_tool_not_copied_to_system_dirs":"PASSED",\
            "../tests/test_outputs.py::test_job_runs_in_fresh_login_shell":"FAILED",\
            "../tests/test_outputs.py::test_reportgen_resolves_to_app_bin":"FAILED",\
            "../tests/test_outputs.py::test_title_is_taken_from_env_file":"FAILED"},"steps":6,"input_tokens":5774,"output_tokens":468,\
            "cost_usd":0.0,"agent_ms":438,"test_ms":375,"total_ms":1804,"infra_attempts":1,\
            "trajectory":"trajectories/broken-path-env.1.jsonl","started_at":"2026-11-27T11:43:26.059952135Z",\
            "ended_at":"2026-11-27T11:43:27.865422273Z"}""";

    @TempDir
    Path dir;

    static List<Path> committedTrialFiles() throws IOException {
        try (Stream<Path> files = Files.walk(EXPERIMENTS)) {
            return files.filter(p -> p.getFileName().toString().equals("trials.jsonl") && p.toString().contains("/results/"))
                    .sorted().toList();
        }
    }

    /** {@code node} with its top-level fields in name order; nested values as they are, so their order still counts. */
    static String byName(JsonNode node) {
        ObjectNode sorted = ResultsStore.JSON.createObjectNode();
        new TreeSet<String>(names(node)).forEach(name -> sorted.set(name, node.get(name)));
        return sorted.toString();
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void everyCommittedLineIsWrittenBackWithTheSameFieldsAndValues() throws IOException {
        List<Path> files = committedTrialFiles();
        assertThat(files).as("the committed results of exp-02 and its children").hasSizeGreaterThanOrEqualTo(4);
        int lines = 0;
        for (Path file : files) {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < all.size(); i++) {
                String line = all.get(i);
                String where = EXPERIMENTS.relativize(file) + ":" + (i + 1);
                TrialResult read = ResultsStore.JSON.readValue(line, TrialResult.class);
                String written = ResultsStore.JSON.writeValueAsString(read);
                JsonNode before = ResultsStore.JSON.readTree(line);
                JsonNode after = ResultsStore.JSON.readTree(written);
                assertThat(new TreeSet<>(names(after))).as(where).isEqualTo(new TreeSet<>(names(before)));
                assertThat(byName(after)).as(where + ": the same text, field by field").isEqualTo(byName(before));
                assertThat(ResultsStore.JSON.readValue(written, TrialResult.class)).as(where).isEqualTo(read);
                lines++;
            }
        }
        assertThat(lines).isEqualTo(4 * 75);
    }

    @Test
    void theFieldsOfALineAreWrittenByPartInTheOrderOfTheirRecords() throws IOException {
        String written = ResultsStore.JSON.writeValueAsString(ResultsStore.JSON.readValue(Files.readAllLines(
                committedTrialFiles().get(0)).get(0), TrialResult.class));
        assertThat(names(ResultsStore.JSON.readTree(written))).startsWith("schema", "task", "trial", "format", "category", "difficulty",
                "resolved", "reward", "outcome", "failure_label", "tests").endsWith("agent_ms", "test_ms", "total_ms", "started_at",
                "ended_at", "infra_attempts");
    }

    @Test
    void aLineOfAnOlderVersionReadsWithoutTheFieldsItLacks() throws IOException {
        TrialResult read = ResultsStore.JSON.readValue(BEFORE_TAGS, TrialResult.class);

        assertThat(read.key()).isEqualTo("broken-path-env.1");
        assertThat(read.graded()).isTrue();
        assertThat(read.resolved()).isFalse();
        assertThat(read.score().outcome()).isEqualTo(TrialOutcome.TESTS_FAILED);
        assertThat(read.score().failureLabel()).isEqualTo(FailureLabel.TESTS_FAILED);
        assertThat(read.score().tests()).hasSize(5).containsEntry("../tests/test_outputs.py::test_job_runs_in_fresh_login_shell", dev.agentic.verify.swebench.TestStatus.FAILED);
        assertThat(read.score().tags()).as("no tags before they were read from trajectories").isNull();
        assertThat(read.spend().cachedInputTokens()).isZero();
        assertThat(read.spend().cacheWriteTokens()).isZero();
        assertThat(read.spend().costUsdWithoutCaching()).isNull();
        assertThat(read.spend().costWithoutCaching()).as("the cost, as nothing was cached").isEqualTo(0.0);
        assertThat(read.spend().cachedPriceUnknown()).isNull();
        assertThat(read.costKnown()).isTrue();
        assertThat(read.tries().count()).isEqualTo(1);
        assertThat(read.tries().error()).isNull();
        assertThat(read.tries().retriedErrors()).isNull();
        assertThat(read.timing().totalMs()).isEqualTo(1804);
        assertThat(read.agentRun().trajectory()).isEqualTo("trajectories/broken-path-env.1.jsonl");

        ObjectNode expected = (ObjectNode) ResultsStore.JSON.readTree(BEFORE_TAGS);
        expected.put("cached_input_tokens", 0).put("cache_write_tokens", 0);
        assertThat(byName(ResultsStore.JSON.readTree(ResultsStore.JSON.writeValueAsString(read))))
                .as("written back as it was, with the two cache counts at 0").isEqualTo(byName(expected));
    }

    @Test
    void aStoredResultReadsBackEqual() throws IOException {
        ResultsStore store = ResultsStore.at(dir);
        TrialResult infrastructure = Trials.infrastructure("tb/a", 1, 3, "no container").withRetriedErrors(List.of("attempt 1: x", "attempt 2: y"));
        TrialResult cached = Trials.spending(Trials.graded("tb/b", 2, FailureLabel.PATCH_DID_NOT_APPLY, List.of("gave_up_early")),
                new TrialResult.Spend(10_000, 500, 0.01, 8_000, 1_000, 0.02, true));
        TrialResult unpriced = Trials.spending(Trials.graded("tb/c", 1, true), new TrialResult.Spend(10, 5, null, 0, 0, null, null));
        store.append(infrastructure);
        store.append(cached);
        store.append(unpriced);

        assertThat(store.trials()).containsExactly(infrastructure, cached, unpriced);
        List<String> lines = Files.readAllLines(dir.resolve(ResultsStore.TRIALS));
        assertThat(lines.get(0)).contains("\"outcome\":\"INFRASTRUCTURE\"", "\"failure_label\":\"infrastructure\"", "\"infra_attempts\":3",
                "\"infra_error\":\"no container\"", "\"retried_errors\":[\"attempt 1: x\",\"attempt 2: y\"]").doesNotContain("exit_status");
        assertThat(lines.get(1)).contains("\"failure_label\":\"patch_did_not_apply\"", "\"tags\":[\"gave_up_early\"]",
                "\"cached_input_tokens\":8000", "\"cache_write_tokens\":1000", "\"cost_usd_without_caching\":0.02",
                "\"cached_price_unknown\":true");
        assertThat(lines.get(2)).doesNotContain("cost_usd", "cached_price_unknown", "retried_errors", "infra_error");
        assertThat(infrastructure.infrastructureFailure()).isTrue();
        assertThat(infrastructure.graded()).isFalse();
        assertThat(Trials.taskError("tb/d", 1, "broken").taskError()).isTrue();
    }

    @Test
    void aFailureLabelOrOutcomeThatIsNotOneOfTheSetIsRefusedWithFileAndLine() throws IOException {
        Path trials = dir.resolve(ResultsStore.TRIALS);
        String good = ResultsStore.JSON.writeValueAsString(Trials.graded("tb/a", 1, false));
        Files.writeString(trials, good + "\n" + good.replace("\"tests_failed\"", "\"wrong_solution\"").replace("tb/a", "tb/b") + "\n");

        assertThatThrownBy(() -> ResultsStore.at(dir).trials()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(trials + ":2: not a trial result: ")
                .hasMessageContaining("failure label 'wrong_solution': expected one of none, infrastructure, task_error, tampering,")
                .hasMessageContaining("no_change, reward_missing, unknown");

        Files.writeString(trials, good.replace("\"TESTS_FAILED\"", "\"FAILED\"") + "\n");
        assertThatThrownBy(() -> ResultsStore.at(dir).trials()).hasMessageStartingWith(trials + ":1: not a trial result: ")
                .hasMessageContaining("trial outcome 'FAILED': expected one of RESOLVED, TESTS_FAILED,")
                .hasMessageContaining("VERIFIER_ERROR, INFRASTRUCTURE");
    }

    @Test
    void everyLabelIsWrittenAsItsLabelAndEveryGradeOutcomeIsATrialOutcome() throws IOException {
        Map<String, FailureLabel> labels = new TreeMap<>();
        for (FailureLabel label : FailureLabel.values()) {
            String json = ResultsStore.JSON.writeValueAsString(label);
            assertThat(json).isEqualTo("\"" + label.label() + "\"");
            assertThat(ResultsStore.JSON.readValue(json, FailureLabel.class)).isEqualTo(label);
            assertThat(label).hasToString(label.label());
            labels.put(label.label(), label);
        }
        assertThat(labels.keySet()).containsExactlyInAnyOrder("none", "infrastructure", "task_error", "tampering", "agent_timeout",
                "step_limit", "token_limit", "cost_limit", "context_length_exceeded", "format_errors", "tests_failed", "test_timeout",
                "parse_error", "patch_did_not_apply", "no_change", "reward_missing", "unknown");
        for (Grade.Outcome outcome : Grade.Outcome.values()) {
            assertThat(TrialOutcome.of(outcome).name()).isEqualTo(outcome.name());
        }
        assertThat(TrialOutcome.values()).hasSize(Grade.Outcome.values().length + 1);
        assertThat(TrialOutcome.INFRASTRUCTURE.harnessFailure()).isTrue();
        assertThat(TrialOutcome.VERIFIER_ERROR.harnessFailure()).isTrue();
        assertThat(TrialOutcome.TASK_ERROR.harnessFailure()).isFalse();
        assertThatThrownBy(() -> FailureLabel.of("Tests_Failed")).hasMessageStartingWith("failure label 'Tests_Failed': expected one of none,");
    }

    @Test
    void theTaskSetIsWrittenAndReadAsCoreOrExpansionAndNothingElse() throws IOException {
        assertThat(ResultsStore.JSON.writeValueAsString(TaskSet.EXPANSION)).isEqualTo("\"expansion\"");
        assertThat(TaskSet.of("core")).isEqualTo(TaskSet.CORE);
        assertThat(RunResults.latestFile(TaskSet.EXPANSION)).isEqualTo("LATEST-expansion");
        assertThat(RunResults.latestFile(TaskSet.CORE)).isEqualTo("LATEST");
        assertThatThrownBy(() -> TaskSet.of("Core")).hasMessage("task set 'Core': expected core or expansion");

        Path run = EXPERIMENTS.resolve("exp-02/results/k3/run.json");
        String text = Files.readString(run);
        assertThat(text).contains("\"task_set\" : \"core\"");
        ResultsStore copy = ResultsStore.at(dir);
        Files.writeString(dir.resolve("run.json"), text);
        assertThat(copy.runInfo().orElseThrow().taskSet()).isEqualTo(TaskSet.CORE);
        copy.write(copy.runInfo().orElseThrow());
        assertThat(ResultsStore.JSON.readTree(dir.resolve("run.json").toFile())).as("run.json written back as it was")
                .isEqualTo(ResultsStore.JSON.readTree(text));

        Files.writeString(dir.resolve("run.json"), text.replace("\"task_set\" : \"core\"", "\"task_set\" : \"extension\""));
        assertThatThrownBy(() -> copy.runInfo())
                .hasMessage(dir.resolve("run.json") + ": not a run description: field 'task_set': task set 'extension': expected core or expansion");
    }

    @Test
    void theStatusOfARunAndTheOutcomesOfItsStagesAreClosedSetsWrittenAsBefore() throws IOException {
        assertThat(java.util.Arrays.stream(RunStatus.values()).map(RunStatus::label)).containsExactly("running", "finished", "unhealthy", "capped");
        assertThat(java.util.Arrays.stream(StageOutcome.values()).map(StageOutcome::label))
                .containsExactly("cleared", "stopped", "not reached", "unfinished");
        RunInfo.StageRecord stage = new RunInfo.StageRecord("screen", List.of("tb/a"), 1, 1, 0, null, 0.5, StageOutcome.NOT_REACHED);
        assertThat(ResultsStore.JSON.writeValueAsString(stage)).contains("\"outcome\":\"not reached\"");
        assertThat(ResultsStore.JSON.readValue(ResultsStore.JSON.writeValueAsString(stage), RunInfo.StageRecord.class)).isEqualTo(stage);

        String text = Files.readString(EXPERIMENTS.resolve("exp-02/results/k3/run.json"));
        ResultsStore copy = ResultsStore.at(dir);
        Files.writeString(dir.resolve("run.json"), text);
        assertThat(copy.runInfo().orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
        Files.writeString(dir.resolve("run.json"), text.replace("\"status\" : \"finished\"", "\"status\" : \"done\""));
        assertThatThrownBy(() -> copy.runInfo()).hasMessage(dir.resolve("run.json") + ": not a run description: field 'status': run status"
                + " 'done': expected one of running, finished, unhealthy, capped");
    }

    @Test
    void anExitStatusOrASweBenchResolutionThatIsNotOneOfTheSetIsRefusedNamingFileLineAndField() throws IOException {
        Path trials = dir.resolve(ResultsStore.TRIALS);
        String good = ResultsStore.JSON.writeValueAsString(Trials.graded("tb/a", 1, true));
        assertThat(good).contains("\"exit_status\":\"submitted\"");
        Files.writeString(trials, good.replace("\"exit_status\":\"submitted\"", "\"exit_status\":\"gave_up\"") + "\n");
        assertThatThrownBy(() -> ResultsStore.at(dir).trials()).hasMessage(trials + ":1: not a trial result: field 'exit_status': exit status"
                + " 'gave_up': expected one of submitted, step_limit, token_limit, cost_limit, time_limit, context_length_exceeded,"
                + " format_errors, model_error, sandbox_error");
        Files.writeString(trials, good.replace("\"tags\"", "\"swe_resolution\":\"RESOLVED_MOSTLY\",\"tags\"") + "\n");
        assertThatThrownBy(() -> ResultsStore.at(dir).trials()).hasMessage(trials + ":1: not a trial result: field 'swe_resolution': SWE-bench"
                + " resolution 'RESOLVED_MOSTLY': expected one of RESOLVED_FULL, RESOLVED_PARTIAL, RESOLVED_NO");
    }

    @Test
    void everyCommittedTrialAndRunIsWrittenBackAsItWasRead() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(EXPERIMENTS)) {
            files = all.filter(f -> f.getFileName().toString().equals(ResultsStore.TRIALS) || f.getFileName().toString().equals("run.json"))
                    .filter(f -> f.toString().contains("/results/")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        int lines = 0;
        for (Path file : files) {
            Class<?> type = file.getFileName().toString().equals("run.json") ? RunInfo.class : TrialResult.class;
            List<String> texts = type == RunInfo.class ? List.of(Files.readString(file))
                    : Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
            for (String text : texts) {
                Object read = ResultsStore.JSON.readValue(text, type);
                assertThat(ResultsStore.JSON.readTree(ResultsStore.JSON.writeValueAsString(read))).as(file + ": written back as read").isEqualTo(ResultsStore.JSON.readTree(text));
                lines++;
            }
        }
        assertThat(lines).isGreaterThan(300);
    }

    @Test
    void everyCommittedResultsFolderLoadsAndItsSummaryIsComputedAgainAsCommitted() throws IOException {
        List<Path> folders;
        try (Stream<Path> all = Files.list(EXPERIMENTS)) {
            folders = all.filter(f -> Files.isRegularFile(f.resolve("results/LATEST"))).sorted().toList();
        }
        assertThat(folders).extracting(f -> f.getFileName().toString()).contains("exp-02", "exp-02-a", "exp-02-b", "exp-02-c");
        for (Path folder : folders) {
            String variant = folder.getFileName().toString();
            RunResults results = RunResults.load(folder.resolve("results"), null, variant);
            assertThat(results.trials()).as(variant).hasSize(results.run().tasks() * results.run().trials());
            Summary committed = results.summary().orElseThrow();
            JsonNode again = ResultsStore.JSON.valueToTree(Summaries.of(results.run(), results.trials()));
            JsonNode before = ResultsStore.JSON.valueToTree(committed);
            ((ObjectNode) again).remove("updated_at");
            ((ObjectNode) before).remove("updated_at");
            assertThat(again).as(variant + ": summary.json computed again from its trials").isEqualTo(before);
        }
    }
}
