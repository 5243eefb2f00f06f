package dev.agentic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentic.agent.Agent;
import dev.agentic.agent.AgentConfig;
import dev.agentic.agent.EpisodeResult;
import dev.agentic.agent.ExitStatus;
import dev.agentic.testing.MemorySandbox;
import dev.agentic.trajectory.Trajectories;
import dev.agentic.trajectory.TrajectoryEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** langchain4j's real OpenAI client against a local server speaking the chat-completions protocol. */
class OpenAiProtocolTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "sk-local-test-key-123456";
    static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50));

    LocalModelServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new LocalModelServer("/v1/chat/completions");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static String toolCall(String id, String name, String arguments) throws IOException {
        return toolCall(id, name, arguments, 1000, 0, 100);
    }

    /** A chat completion with one tool call whose arguments are the JSON string {@code arguments}. */
    static String toolCall(String id, String name, String arguments, int prompt, int cached, int completion) throws IOException {
        return completion(id, "{\"name\":\"%s\",\"arguments\":%s}".formatted(name, JSON.writeValueAsString(arguments)), prompt, cached,
                completion);
    }

    /** A chat completion with one tool call whose {@code function} object is given verbatim. */
    static String completion(String id, String function, int prompt, int cached, int completion) {
        return """
                {"id":"chatcmpl-%s","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
                   "tool_calls":[{"id":"%s","type":"function","function":%s}]}}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d,"prompt_tokens_details":{"cached_tokens":%d}}}
                """.formatted(id, id, function, prompt, completion, prompt + completion, cached);
    }

    private EpisodeResult runEpisode(List<TrajectoryEvent> events) {
        return runEpisode("gpt-4o-mini", Map.of(), events);
    }

    private EpisodeResult runEpisode(String model, Map<String, String> settings, List<TrajectoryEvent> events) {
        ModelOptions options = ModelOptions.DEFAULT.withBaseUrl(server.address() + "/v1").withRetries(FAST_RETRIES);
        ModelClient client = new Models(Map.of("OPENAI_API_KEY", KEY)).create(ModelSpec.parse("openai:" + model), options);
        try (MemorySandbox sandbox = MemorySandbox.empty()) {
            return new Agent(AgentConfig.defaults(ModelSpec.parse("openai:" + model)).with(settings), client, events::add)
                    .run(sandbox, "hello", "Say hi.");
        }
    }

    @Test
    void toolCallsRetriesAndFormatErrorsOverTheRealProtocol() throws Exception {
        server.reply(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_exceeded\"}}")
                .reply(200, toolCall("a", "bash", "{\"command\":\"echo hi\"}"))
                .reply(200, toolCall("b", "bash", "{\"command\": \"echo unterminated"))
                .reply(200, toolCall("c", "submit", "{\"summary\":\"done\"}"));
        List<TrajectoryEvent> events = new ArrayList<>();

        EpisodeResult result = runEpisode(events);

        assertThat(result.exitStatus()).isEqualTo(ExitStatus.SUBMITTED);
        assertThat(server.requests()).hasSize(4).allMatch(r -> ("Bearer " + KEY).equals(r.header("Authorization")));
        List<TrajectoryEvent.ModelCall> calls = Trajectories.only(events, TrajectoryEvent.ModelCall.class);
        assertThat(calls.get(0).attempts()).isEqualTo(2);
        assertThat(calls.get(0).inputTokens()).isEqualTo(1000);
        assertThat(calls.get(0).costUsd()).isCloseTo((1000 * 0.15 + 100 * 0.60) / 1e6, offset(1e-12));
        List<TrajectoryEvent.ToolRun> tools = Trajectories.only(events, TrajectoryEvent.ToolRun.class);
        assertThat(tools.get(0).observation()).isEqualTo("[exit code 0]\nhi\n");
        assertThat(tools.get(1).observation()).startsWith("Format error: bash: arguments are not valid JSON");

        JsonNode third = server.requests().get(2).body();
        assertThat(third.get("tools")).isNotNull();
        JsonNode lastMessage = third.get("messages").get(third.get("messages").size() - 1);
        assertThat(lastMessage.get("role").asText()).isEqualTo("tool");
        assertThat(lastMessage.get("tool_call_id").asText()).isEqualTo("a");
        assertThat(lastMessage.get("content").asText()).contains("hi");
    }

    @Test
    void cachedPromptTokensAreCountedAsPartOfTheInputAndPricedAtTheCachedPrice() throws Exception {
        server.reply(200, toolCall("a", "bash", "{\"command\":\"echo hi\"}", 1000, 0, 100))
                .reply(200, toolCall("b", "submit", "{\"summary\":\"done\"}", 1200, 896, 50));
        List<TrajectoryEvent> events = new ArrayList<>();

        EpisodeResult result = runEpisode(events);

        assertThat(result.exitStatus()).isEqualTo(ExitStatus.SUBMITTED);
        TrajectoryEvent.ModelCall second = Trajectories.only(events, TrajectoryEvent.ModelCall.class).get(1);
        assertThat(second.inputTokens()).isEqualTo(1200);
        assertThat(second.cachedInputTokens()).isEqualTo(896);
        assertThat(second.cacheWriteTokens()).isZero();
        // gpt-4o-mini: 0.15 input, 0.075 cached input, 0.60 output per million tokens
        assertThat(second.costUsd()).isCloseTo((304 * 0.15 + 896 * 0.075 + 50 * 0.60) / 1e6, offset(1e-12));
        assertThat(result.usage()).isEqualTo(new Usage(2200, 896, 0, 150));
        Cost.Known cost = (Cost.Known) result.cost();
        assertThat(cost.usd()).isCloseTo((1304 * 0.15 + 896 * 0.075 + 150 * 0.60) / 1e6, offset(1e-12));
        assertThat(cost.withoutCachingUsd()).isCloseTo((2200 * 0.15 + 150 * 0.60) / 1e6, offset(1e-12));
        assertThat(cost.cachedPriceUnknown()).isFalse();
        TrajectoryEvent.End end = Trajectories.only(events, TrajectoryEvent.End.class).get(0);
        assertThat(end.inputTokens()).isEqualTo(2200);
        assertThat(end.cachedInputTokens()).isEqualTo(896);
        assertThat(end.costUsd()).isEqualTo(cost.usd());
    }

    @Test
    void answersThatCouldNotBeUsedStillCountInTokensAndCost() throws Exception {
        // 1: a tool call whose arguments are an object, not a JSON string: the client cannot read the reply and it is retried
        server.reply(200, completion("bad", "{\"name\":\"bash\",\"arguments\":{\"command\":\"ls\"}}", 1000, 0, 100))
                // 2: an error response that carries usage, retried too
                .reply(500, "{\"error\":{\"message\":\"upstream failed mid-answer\"},"
                        + "\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":7,\"total_tokens\":1007}}")
                .reply(200, toolCall("a", "bash", "{\"command\":\"echo hi\"}", 1000, 0, 100))
                // a tool call whose arguments string is not JSON: a format error the model is told about
                .reply(200, toolCall("b", "bash", "{\"command\": \"echo unterminated", 1300, 0, 20))
                .reply(200, toolCall("c", "submit", "{\"summary\":\"done\"}", 1500, 0, 30));
        List<TrajectoryEvent> events = new ArrayList<>();

        EpisodeResult result = runEpisode(events);

        assertThat(result.exitStatus()).isEqualTo(ExitStatus.SUBMITTED);
        assertThat(server.requests()).hasSize(5);
        List<TrajectoryEvent.ModelCall> calls = Trajectories.only(events, TrajectoryEvent.ModelCall.class);
        assertThat(calls.get(0).attempts()).isEqualTo(3);
        assertThat(calls.get(0).inputTokens()).isEqualTo(3000);
        assertThat(calls.get(0).outputTokens()).isEqualTo(207);
        assertThat(calls.get(0).costUsd()).isCloseTo((3000 * 0.15 + 207 * 0.60) / 1e6, offset(1e-12));
        assertThat(Trajectories.only(events, TrajectoryEvent.ToolRun.class).get(1).observation())
                .startsWith("Format error: bash: arguments are not valid JSON");
        assertThat(result.usage()).isEqualTo(new Usage(3000 + 1300 + 1500, 207 + 20 + 30));
        assertThat(calls.stream().mapToLong(c -> c.inputTokens() + c.outputTokens()).sum()).isEqualTo(result.usage().totalTokens());
        assertThat(result.costUsd()).isCloseTo(((3000 + 1300 + 1500) * 0.15 + (207 + 20 + 30) * 0.60) / 1e6, offset(1e-12));
    }

    @Test
    void aCallThatFailsAfterAnsweredAttemptsStillCountsTheirTokens() {
        for (int i = 0; i < 3; i++) {
            server.reply(503, "{\"error\":{\"message\":\"overloaded\"},\"usage\":{\"prompt_tokens\":400,\"completion_tokens\":0}}");
        }
        List<TrajectoryEvent> events = new ArrayList<>();
        EpisodeResult result = runEpisode(events);
        assertThat(result.exitStatus()).isEqualTo(ExitStatus.MODEL_ERROR);
        assertThat(result.usage()).isEqualTo(new Usage(1200, 0));
        assertThat(result.costUsd()).isCloseTo(1200 * 0.15 / 1e6, offset(1e-12));
        assertThat(Trajectories.only(events, TrajectoryEvent.End.class).get(0).inputTokens()).isEqualTo(1200);
    }

    @Test
    void aModelWithoutAPriceHasAnUnknownCostAndItsCostLimitIsNotEnforced() throws Exception {
        server.reply(200, toolCall("a", "bash", "{\"command\":\"echo hi\"}", 1000, 0, 100))
                .reply(200, toolCall("b", "submit", "{\"summary\":\"done\"}", 1000, 0, 100));
        List<TrajectoryEvent> events = new ArrayList<>();

        EpisodeResult result = runEpisode("local-model-7b", Map.of("max-cost", "0.000001"), events);

        assertThat(result.exitStatus()).isEqualTo(ExitStatus.SUBMITTED);
        assertThat(result.cost()).isEqualTo(Cost.UNKNOWN);
        assertThat(result.costUsd()).isNull();
        assertThat(result.usage().totalTokens()).isEqualTo(2200);
        assertThat(Trajectories.only(events, TrajectoryEvent.ModelCall.class)).allMatch(c -> c.costUsd() == null);
        assertThat(Trajectories.only(events, TrajectoryEvent.End.class).get(0).costUsd()).isNull();
        List<TrajectoryEvent.Notice> notices = Trajectories.only(events, TrajectoryEvent.Notice.class);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).kind()).isEqualTo("cost_limit_not_enforced");
        assertThat(notices.get(0).text()).contains("max-cost", "local-model-7b", "no price");
    }

    @Test
    void serverErrorsAfterTheRetriesEndTheEpisodeAsAModelError() {
        for (int i = 0; i < 3; i++) {
            server.reply(503, "{\"error\":{\"message\":\"overloaded\"}}");
        }
        EpisodeResult result = runEpisode(new ArrayList<>());
        assertThat(result.exitStatus()).isEqualTo(ExitStatus.MODEL_ERROR);
        assertThat(result.detail()).contains("after 3 attempt(s)");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aContextLengthRefusalEndsTheEpisodeWithThatStatus() {
        server.reply(400, "{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens.\","
                + "\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}");
        EpisodeResult result = runEpisode(new ArrayList<>());
        assertThat(result.exitStatus()).isEqualTo(ExitStatus.CONTEXT_LENGTH_EXCEEDED);
        assertThat(server.requests()).hasSize(1);
    }
}
