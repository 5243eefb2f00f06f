package dev.agentic.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.model.LocalModelServer;
import dev.agentic.task.TestFolders;
import dev.agentic.testing.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run-wide cost cap against a model that costs money: the real bench (its own process, real
 * containers) and langchain4j's OpenAI client talking to a local server of the chat-completions
 * protocol, priced by a price file so that each trial costs $1.10. The cap stops the run after a few
 * trials, keeping them; a higher cap resumes it to the end.
 */
class CostCapTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Duration RUN = Duration.ofMinutes(8);

    /** One call per trial: the model submits at once (the task's tests then fail), 1,000 tokens in and 100 out. */
    private static final String SUBMIT = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"local-model",
             "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
               "tool_calls":[{"id":"call-1","type":"function","function":{"name":"submit","arguments":"{\\"summary\\":\\"done\\"}"}}]}}],
             "usage":{"prompt_tokens":1000,"completion_tokens":100,"total_tokens":1100}}
            """;

    @TempDir
    Path dir;

    LocalModelServer server;
    Path manifest;
    Path prices;
    Path results;

    @BeforeEach
    void setUp() throws IOException {
        server = new LocalModelServer("/v1/chat/completions");
        TestFolders.copy(REPO.resolve("experiments/tasks/hello-world"), dir.resolve("tasks/hello-world"));
        manifest = Files.writeString(dir.resolve("suite.yaml"), "id: one\ntasks:\n  - tasks/hello-world\n");
        prices = Files.writeString(dir.resolve("prices.properties"), "local-model = 1000, 1000\n"); // $1.10 a call
        results = dir.resolve("paid/results");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private ChildProcess bench(String runId, String... more) {
        List<String> args = new ArrayList<>(List.of("bench", "--suite", manifest.toString(), "--variant", "paid",
                "--set", "model=openai:local-model", "--set", "max-tokens=5000", "--results", results.toString(), "--run-id", runId,
                "--concurrency", "1", "--prices", prices.toString()));
        args.addAll(List.of(more));
        return ChildProcess.agentCli(Map.of("OPENAI_BASE_URL", server.address() + "/v1", "OPENAI_API_KEY", "sk-local-cost-cap-test"),
                args.toArray(String[]::new));
    }

    private static JsonNode runJson(Path run) throws IOException {
        return ResultsStore.JSON.readTree(run.resolve("run.json").toFile());
    }

    @Test
    void theCapStopsTheRunAfterAFewTrialsAndAHigherCapResumesItToTheEnd() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.reply(200, SUBMIT);
        }
        Path run = results.resolve("cap");
        try (ChildProcess capped = bench("cap", "--trials", "4", "--max-run-cost", "2")) {
            assertThat(capped.exitCode(RUN)).as(capped.output()).isEqualTo(RunFailure.Cause.COST_CAP.exitCode());
            assertThat(capped.output())
                    .contains("estimate: 1 task × 4 trials = 4 trials; upper bound from the limits: 200 model calls (max-steps 50),"
                            + " 20,000 tokens (max-tokens 5,000), cost at most $20.00 (max-tokens at the dearer price;"
                            + " $1000.00 / $1000.00 per Mtok in / out)")
                    .contains("measured: no earlier results of paid on these tasks to refine it")
                    .contains("cost cap $2.00 reached: 2 finished trials cost $2.20; no new trial starts")
                    .contains("cost cap $2.00 reached after 2 of 4 trials ($2.20); the run stops here; resume it with a higher cap:"
                            + " agentx bench --variant paid --run-id cap --max-run-cost <usd>; its results so far are in " + run)
                    .doesNotContain("\tat ");
        }
        assertThat(Files.readAllLines(run.resolve("trials.jsonl"))).hasSize(2);
        assertThat(server.requests()).hasSize(2);
        JsonNode info = runJson(run);
        assertThat(info.get("status").asText()).isEqualTo("capped");
        assertThat(info.get("cost_cap").get("max_usd").asDouble()).isEqualTo(2.0);
        assertThat(info.get("cost_cap").get("spent_usd").asDouble()).isCloseTo(2.2, org.assertj.core.api.Assertions.offset(1e-9));
        assertThat(info.get("cost_cap").get("reached").asBoolean()).isTrue();
        assertThat(info.get("cost_cap").get("trials_finished").asInt()).isEqualTo(2);
        assertThat(info.get("cost_cap").get("trials_expected").asInt()).isEqualTo(4);
        assertThat(info.get("estimate").get("max_cost_usd").asDouble()).isEqualTo(20.0);
        assertThat(results.resolve("LATEST")).as("a capped run is not complete").doesNotExist();

        try (ChildProcess same = bench("cap", "--trials", "4", "--max-run-cost", "2")) {
            assertThat(same.exitCode(RUN)).as(same.output()).isEqualTo(RunFailure.Cause.COST_CAP.exitCode());
            assertThat(same.output()).contains("cost cap $2.00 reached after 2 of 4 trials ($2.20)");
        }
        assertThat(server.requests()).as("the same cap starts nothing").hasSize(2);

        try (ChildProcess resumed = bench("cap", "--trials", "4", "--max-run-cost", "10")) {
            assertThat(resumed.exitCode(RUN)).as(resumed.output()).isZero();
            assertThat(resumed.output()).contains("2 already finished, 2 to run").contains("cost cap $10.00 for the run; the 2 finished trials cost $2.20");
        }
        assertThat(Files.readAllLines(run.resolve("trials.jsonl"))).hasSize(4);
        info = runJson(run);
        assertThat(info.get("status").asText()).isEqualTo("finished");
        assertThat(info.get("cost_cap").get("reached").asBoolean()).isFalse();
        assertThat(info.get("cost_cap").get("spent_usd").asDouble()).isCloseTo(4.4, org.assertj.core.api.Assertions.offset(1e-9));
        assertThat(Files.readString(results.resolve("LATEST")).strip()).isEqualTo("cap");

        try (ChildProcess next = bench("next")) {
            assertThat(next.exitCode(RUN)).as(next.output()).isZero();
            assertThat(next.output()).contains("measured: 1,100 tokens per trial on average in paid run cap (1 of 1 tasks) → about 1,100"
                    + " tokens, $1.10 for this run");
        }
    }

    @Test
    void aCapOnAModelWithoutAPriceIsRefusedBeforeAnythingRuns() throws Exception {
        try (ChildProcess refused = ChildProcess.agentCli(Map.of("OPENAI_BASE_URL", server.address() + "/v1"), "bench", "--suite",
                manifest.toString(), "--variant", "paid", "--set", "model=openai:unpriced-model", "--results", results.toString(),
                "--max-run-cost", "5")) {
            assertThat(refused.exitCode(RUN)).as(refused.output()).isEqualTo(2);
            assertThat(refused.output().strip()).isEqualTo("agentx: cost cap $5.00 (--max-run-cost) cannot be enforced:"
                    + " the price of model openai:unpriced-model is unknown, so its trials would count as $0; give its price in a file"
                    + " (--prices <file>) with the line 'unpriced-model = <USD per Mtok in>, <USD per Mtok out>', or run without"
                    + " a cost cap");
        }
        assertThat(server.requests()).isEmpty();
        assertThat(results).doesNotExist();
    }
}
