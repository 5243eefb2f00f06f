package dev.agentic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.agent.Agent;
import dev.agentic.agent.AgentConfig;
import dev.agentic.agent.EpisodeResult;
import dev.agentic.agent.ExitStatus;
import dev.agentic.testing.MemorySandbox;
import dev.agentic.trajectory.Trajectories;
import dev.agentic.trajectory.TrajectoryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** langchain4j's real Anthropic client against a local server speaking the messages protocol. */
class AnthropicProtocolTest {

    static final String KEY = "sk-ant-local-test-0123456789";

    static String toolUse(String id, String name, String input) {
        return """
                {"id":"msg_%s","type":"message","role":"assistant","model":"claude-sonnet-4-0",
                 "content":[{"type":"tool_use","id":"%s","name":"%s","input":%s}],
                 "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":2000,"output_tokens":50}}
                """.formatted(id, id, name, input);
    }

    /** A tool use answered partly from the prompt cache: Anthropic's input_tokens leave out cache reads and writes. */
    static String cachedToolUse(String id, String name, String input, int uncached, int cacheRead, int cacheWrite, int output) {
        return """
                {"id":"msg_%s","type":"message","role":"assistant","model":"claude-sonnet-4-0",
                 "content":[{"type":"tool_use","id":"%s","name":"%s","input":%s}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":%d,"cache_read_input_tokens":%d,"cache_creation_input_tokens":%d,"output_tokens":%d}}
                """.formatted(id, id, name, input, uncached, cacheRead, cacheWrite, output);
    }

    static String text(String id, String text, int uncached, int cacheRead, int cacheWrite, int output) {
        return """
                {"id":"msg_%s","type":"message","role":"assistant","model":"claude-sonnet-4-0",
                 "content":[{"type":"text","text":"%s"}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":%d,"cache_read_input_tokens":%d,"cache_creation_input_tokens":%d,"output_tokens":%d}}
                """.formatted(id, text, uncached, cacheRead, cacheWrite, output);
    }

    private static EpisodeResult run(LocalModelServer server, Map<String, String> settings, List<TrajectoryEvent> events) {
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("anthropic:claude-sonnet-4-0")).with(settings);
        ModelOptions options = ModelOptions.DEFAULT.withBaseUrl(server.address() + "/v1/")
                .withRetries(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50))).withPromptCache(config.promptCache());
        ModelClient client = new Models(Map.of("ANTHROPIC_API_KEY", KEY)).create(config.model(), options);
        try (MemorySandbox sandbox = MemorySandbox.empty()) {
            return new Agent(config, client, events::add).run(sandbox, "hello", "Say hello.");
        }
    }

    /** The blocks of a request body that carry {@code cache_control}, as "system", "tools" or "message <index>". */
    private static List<String> breakpoints(JsonNode body) {
        List<String> found = new ArrayList<>();
        body.path("system").forEach(block -> {
            if (block.has("cache_control")) {
                found.add("system " + block.get("cache_control").get("type").asText());
            }
        });
        body.path("tools").forEach(tool -> {
            if (tool.has("cache_control")) {
                found.add("tool " + tool.get("name").asText() + " " + tool.get("cache_control").get("type").asText());
            }
        });
        for (int i = 0; i < body.path("messages").size(); i++) {
            for (JsonNode block : body.get("messages").get(i).path("content")) {
                if (block.has("cache_control")) {
                    found.add("message " + i + " " + block.get("cache_control").get("type").asText());
                }
            }
        }
        return found;
    }

    @Test
    void promptCachingMarksTheStablePrefixAndItsTokensArePricedAsCached() throws Exception {
        try (LocalModelServer server = new LocalModelServer("/v1/messages")) {
            server.reply(200, text("p", "1. say hello 2. submit", 1500, 0, 0, 20))
                    .reply(200, cachedToolUse("t1", "bash", "{\"command\":\"echo hello\"}", 300, 0, 1700, 50))
                    .reply(200, cachedToolUse("t2", "submit", "{}", 400, 1700, 0, 30));
            List<TrajectoryEvent> events = new ArrayList<>();

            EpisodeResult result = run(server, Map.of("planning", "plan-first"), events);

            assertThat(result.exitStatus()).isEqualTo(ExitStatus.SUBMITTED);
            List<LocalModelServer.Request> requests = server.requests();
            assertThat(requests).hasSize(3);
            // the plan request: system prompt, last tool and the task; then the pinned plan as well
            assertThat(breakpoints(requests.get(0).body())).containsExactly("system ephemeral", "tool update_plan ephemeral",
                    "message 0 ephemeral");
            for (LocalModelServer.Request later : requests.subList(1, 3)) {
                assertThat(breakpoints(later.body())).containsExactly("system ephemeral", "tool update_plan ephemeral",
                        "message 0 ephemeral", "message 1 ephemeral");
                assertThat(later.body().get("messages").get(1).get("content").get(0).get("text").asText()).startsWith("[Your current plan]");
            }

            List<TrajectoryEvent.ModelCall> calls = Trajectories.only(events, TrajectoryEvent.ModelCall.class);
            assertThat(calls.get(1).inputTokens()).isEqualTo(2000);
            assertThat(calls.get(1).cacheWriteTokens()).isEqualTo(1700);
            assertThat(calls.get(2).inputTokens()).isEqualTo(2100);
            assertThat(calls.get(2).cachedInputTokens()).isEqualTo(1700);
            // claude-sonnet-4-0: 3.00 input, 15.00 output, 0.30 cache read, 3.75 cache write per million tokens
            assertThat(calls.get(1).costUsd()).isCloseTo((300 * 3.00 + 1700 * 3.75 + 50 * 15.00) / 1e6, offset(1e-12));
            assertThat(calls.get(2).costUsd()).isCloseTo((400 * 3.00 + 1700 * 0.30 + 30 * 15.00) / 1e6, offset(1e-12));
            assertThat(result.usage()).isEqualTo(new Usage(1500 + 2000 + 2100, 1700, 1700, 100));
            Cost.Known cost = (Cost.Known) result.cost();
            assertThat(cost.usd()).isCloseTo((2200 * 3.00 + 1700 * 0.30 + 1700 * 3.75 + 100 * 15.00) / 1e6, offset(1e-12));
            assertThat(cost.withoutCachingUsd()).isCloseTo((5600 * 3.00 + 100 * 15.00) / 1e6, offset(1e-12));
            assertThat(cost.cachedPriceUnknown()).isFalse();
        }
    }

    @Test
    void withPromptCachingOffNothingIsMarked() throws Exception {
        try (LocalModelServer server = new LocalModelServer("/v1/messages")) {
            server.reply(200, cachedToolUse("t1", "submit", "{}", 2000, 0, 0, 50));
            EpisodeResult result = run(server, Map.of("prompt-cache", "off"), new ArrayList<>());
            assertThat(result.exitStatus()).isEqualTo(ExitStatus.SUBMITTED);
            assertThat(breakpoints(server.requests().get(0).body())).isEmpty();
            assertThat(server.requests().get(0).body().toString()).doesNotContain("cache_control");
        }
    }

    @Test
    void toolUseRetriesAndArgumentErrorsOverTheRealProtocol() throws Exception {
        try (LocalModelServer server = new LocalModelServer("/v1/messages")) {
            server.reply(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}")
                    .reply(200, toolUse("t1", "bash", "{\"command\":\"echo hello\"}"))
                    .reply(200, toolUse("t2", "editor", "{\"command\":\"view\"}"))
                    .reply(200, toolUse("t3", "submit", "{}"));
            ModelOptions options = ModelOptions.DEFAULT.withBaseUrl(server.address() + "/v1/")
                    .withRetries(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)));
            ModelClient client = new Models(Map.of("ANTHROPIC_API_KEY", KEY)).create(ModelSpec.parse("anthropic:claude-sonnet-4-0"), options);
            List<TrajectoryEvent> events = new ArrayList<>();

            EpisodeResult result;
            try (MemorySandbox sandbox = MemorySandbox.empty()) {
                result = new Agent(AgentConfig.defaults(ModelSpec.parse("anthropic:claude-sonnet-4-0")), client, events::add)
                        .run(sandbox, "hello", "Say hello.");
            }

            assertThat(result.exitStatus()).isEqualTo(ExitStatus.SUBMITTED);
            assertThat(server.requests()).hasSize(4).allMatch(r -> KEY.equals(r.header("x-api-key")));
            assertThat(Trajectories.only(events, TrajectoryEvent.ModelCall.class).get(0).attempts()).isEqualTo(2);
            assertThat(result.costUsd()).isEqualTo(3 * (2000 * 3.00 + 50 * 15.00) / 1e6, org.assertj.core.api.Assertions.offset(1e-12));
            List<TrajectoryEvent.ToolRun> tools = Trajectories.only(events, TrajectoryEvent.ToolRun.class);
            assertThat(tools.get(0).observation()).isEqualTo("[exit code 0]\nhello\n");
            assertThat(tools.get(1).observation()).isEqualTo("Format error: editor: missing required argument 'path'");

            JsonNode third = server.requests().get(2).body();
            assertThat(third.get("system")).isNotNull();
            JsonNode last = third.get("messages").get(third.get("messages").size() - 1);
            assertThat(last.get("role").asText()).isEqualTo("user");
            assertThat(last.get("content").get(0).get("type").asText()).isEqualTo("tool_result");
            assertThat(last.get("content").get(0).get("tool_use_id").asText()).isEqualTo("t1");
        }
    }
}
