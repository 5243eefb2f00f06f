package dev.agentic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentic.agent.Agent;
import dev.agentic.agent.AgentConfig;
import dev.agentic.agent.EpisodeResult;
import dev.agentic.agent.ExitStatus;
import dev.agentic.sandbox.LocalSandbox;
import dev.agentic.sandbox.SandboxSpec;
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
        return """
                {"id":"chatcmpl-%s","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
                   "tool_calls":[{"id":"%s","type":"function","function":{"name":"%s","arguments":%s}}]}}],
                 "usage":{"prompt_tokens":1000,"completion_tokens":100,"total_tokens":1100}}
                """.formatted(id, id, name, JSON.writeValueAsString(arguments));
    }

    private EpisodeResult runEpisode(List<TrajectoryEvent> events) {
        ModelOptions options = ModelOptions.DEFAULT.withBaseUrl(server.address() + "/v1").withRetries(FAST_RETRIES);
        ModelClient client = new Models(Map.of("OPENAI_API_KEY", KEY)).create(ModelSpec.parse("openai:gpt-4o-mini"), options);
        try (LocalSandbox sandbox = LocalSandbox.start(SandboxSpec.of("none"))) {
            return new Agent(AgentConfig.defaults(ModelSpec.parse("openai:gpt-4o-mini")), client, events::add)
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
