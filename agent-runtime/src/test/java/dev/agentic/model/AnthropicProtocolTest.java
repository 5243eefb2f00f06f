package dev.agentic.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.agent.Agent;
import dev.agentic.agent.AgentConfig;
import dev.agentic.agent.EpisodeResult;
import dev.agentic.agent.ExitStatus;
import dev.agentic.sandbox.LocalSandbox;
import dev.agentic.sandbox.SandboxSpec;
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
            try (LocalSandbox sandbox = LocalSandbox.start(SandboxSpec.of("none"))) {
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
