package dev.agentic.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agentic.agent.Agent;
import dev.agentic.agent.AgentConfig;
import dev.agentic.agent.EpisodeResult;
import dev.agentic.agent.ExitStatus;
import dev.agentic.sandbox.LocalSandbox;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.trajectory.TrajectoryEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** langchain4j's real OpenAI client against a local server speaking the chat-completions protocol. */
class OpenAiProtocolTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "sk-local-test-key-123456";

    HttpServer server;
    final Deque<String[]> replies = new ConcurrentLinkedDeque<>();
    final List<JsonNode> received = new ArrayList<>();
    final List<String> authorizations = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        received.add(JSON.readTree(exchange.getRequestBody()));
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        String[] reply = replies.poll();
        byte[] body = reply[1].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(Integer.parseInt(reply[0]), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    static String[] toolCall(String id, String name, String arguments) throws IOException {
        String json = """
                {"id":"chatcmpl-%s","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
                   "tool_calls":[{"id":"%s","type":"function","function":{"name":"%s","arguments":%s}}]}}],
                 "usage":{"prompt_tokens":1000,"completion_tokens":100,"total_tokens":1100}}
                """.formatted(id, id, name, JSON.writeValueAsString(arguments));
        return new String[] {"200", json};
    }

    @Test
    void toolCallsRetriesAndFormatErrorsOverTheRealProtocol() throws Exception {
        replies.add(new String[] {"429", "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_exceeded\"}}"});
        replies.add(toolCall("a", "bash", "{\"command\":\"echo hi\"}"));
        replies.add(toolCall("b", "bash", "{\"command\": \"echo unterminated"));
        replies.add(toolCall("c", "submit", "{\"summary\":\"done\"}"));

        Models models = new Models(Map.of("OPENAI_API_KEY", KEY));
        ModelOptions options = ModelOptions.DEFAULT.withBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                .withRetries(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)));
        ModelClient client = models.create(ModelSpec.parse("openai:gpt-4o-mini"), options);
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("openai:gpt-4o-mini"));
        List<TrajectoryEvent> events = new ArrayList<>();

        EpisodeResult result;
        try (LocalSandbox sandbox = LocalSandbox.start(SandboxSpec.of("none"))) {
            result = new Agent(config, client, events::add).run(sandbox, "hello", "Say hi.");
        }

        assertThat(result.exitStatus()).isEqualTo(ExitStatus.SUBMITTED);
        assertThat(received).hasSize(4);
        assertThat(authorizations).allMatch(("Bearer " + KEY)::equals);
        List<TrajectoryEvent.ModelCall> calls = events.stream().filter(TrajectoryEvent.ModelCall.class::isInstance)
                .map(TrajectoryEvent.ModelCall.class::cast).toList();
        assertThat(calls.get(0).attempts()).isEqualTo(2);
        assertThat(calls.get(0).inputTokens()).isEqualTo(1000);
        assertThat(calls.get(0).costUsd()).isCloseTo((1000 * 0.15 + 100 * 0.60) / 1e6, org.assertj.core.data.Offset.offset(1e-12));
        List<TrajectoryEvent.ToolRun> tools = events.stream().filter(TrajectoryEvent.ToolRun.class::isInstance)
                .map(TrajectoryEvent.ToolRun.class::cast).toList();
        assertThat(tools.get(0).observation()).isEqualTo("[exit code 0]\nhi\n");
        assertThat(tools.get(1).observation()).startsWith("Format error: bash: arguments are not valid JSON");

        JsonNode second = received.get(2);
        assertThat(second.get("tools")).isNotNull();
        JsonNode lastMessage = second.get("messages").get(second.get("messages").size() - 1);
        assertThat(lastMessage.get("role").asText()).isEqualTo("tool");
        assertThat(lastMessage.get("tool_call_id").asText()).isEqualTo("a");
        assertThat(lastMessage.get("content").asText()).contains("hi");
    }

    @Test
    void serverErrorsAfterTheRetriesEndTheEpisodeAsAModelError() throws Exception {
        for (int i = 0; i < 3; i++) {
            replies.add(new String[] {"503", "{\"error\":{\"message\":\"overloaded\"}}"});
        }
        ModelClient client = new Models(Map.of("OPENAI_API_KEY", KEY)).create(ModelSpec.parse("openai:gpt-4o-mini"),
                ModelOptions.DEFAULT.withBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                        .withRetries(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50))));
        EpisodeResult result;
        try (LocalSandbox sandbox = LocalSandbox.start(SandboxSpec.of("none"))) {
            result = new Agent(AgentConfig.defaults(ModelSpec.parse("openai:gpt-4o-mini")), client, e -> { })
                    .run(sandbox, "hello", "Say hi.");
        }
        assertThat(result.exitStatus()).isEqualTo(ExitStatus.MODEL_ERROR);
        assertThat(result.detail()).contains("after 3 attempt(s)");
        assertThat(received).hasSize(3);
    }
}
