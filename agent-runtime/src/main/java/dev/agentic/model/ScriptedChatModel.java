package dev.agentic.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.agentic.document.Document;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An offline model that answers with the turns of a script file, in order, whatever it is sent.
 * For demos, tests and the offline suite. The file (YAML or JSON) looks like:
 *
 * <pre>
 * turns:
 *   - text: "Let me look around."
 *     tool_calls:
 *       - name: bash
 *         arguments: {command: "ls -la"}
 *   - tool_calls:
 *       - name: submit
 *         raw_arguments: "{not json"     # sent as is, to exercise format errors
 * plans: ["1. look 2. fix"]             # optional answers to side requests, in order
 * reflections: ["..."]
 * summaries: ["..."]
 * </pre>
 *
 * Token counts are estimated from the text ({@link TokenEstimate}) unless a turn gives
 * {@code usage: {input: N, output: M}}. Running out of turns is a model error. Side requests
 * (plan, reflection, summary; see {@link SideRequest}) get a short fixed answer and spend no turn.
 */
public final class ScriptedChatModel implements ChatModel {

    /** One scripted answer. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Turn(String text, @JsonProperty("tool_calls") List<Call> toolCalls, Tokens usage) {
        public Turn {
            toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        }
    }

    /** One scripted tool call: structured {@code arguments}, or {@code raw_arguments} sent verbatim. */
    public record Call(String name, JsonNode arguments, @JsonProperty("raw_arguments") String rawArguments) {}

    /** Token counts to report instead of the estimate. */
    public record Tokens(long input, long output) {}

    private record Script(List<Turn> turns, List<String> plans, List<String> reflections, List<String> summaries) {}

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String source;
    private final List<Turn> turns;
    private final Map<SideRequest, java.util.Deque<String>> sideAnswers = new java.util.EnumMap<>(SideRequest.class);
    private final List<ChatRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private int next;

    public ScriptedChatModel(String source, List<Turn> turns) {
        this(source, turns, Map.of());
    }

    /** With answers to side requests, used in order; when they run out, a short fixed answer. */
    public ScriptedChatModel(String source, List<Turn> turns, Map<SideRequest, List<String>> sideAnswers) {
        this.source = source;
        this.turns = List.copyOf(turns);
        sideAnswers.forEach((kind, answers) -> this.sideAnswers.put(kind, new java.util.ArrayDeque<>(answers)));
    }

    /** Reads a script file; a bad file gets a message naming the file, the line, the column and what is wrong. */
    public static ScriptedChatModel fromFile(Path file) {
        Document document = Document.read(file, YAML);
        Script script = document.isEmpty() ? null : document.bind(Script.class);
        if (script == null || script.turns() == null || script.turns().isEmpty()) {
            throw document.error("field 'turns' is missing or empty; expected a list of turns", "turns");
        }
        for (int i = 0; i < script.turns().size(); i++) {
            validate(document, i, script.turns().get(i));
        }
        Map<SideRequest, List<String>> side = new java.util.EnumMap<>(SideRequest.class);
        side.put(SideRequest.PLAN, script.plans() == null ? List.of() : script.plans());
        side.put(SideRequest.REFLECTION, script.reflections() == null ? List.of() : script.reflections());
        side.put(SideRequest.SUMMARY, script.summaries() == null ? List.of() : script.summaries());
        return new ScriptedChatModel(file.toString(), script.turns(), side);
    }

    private static void validate(Document document, int index, Turn turn) {
        if (turn == null || (turn.text() == null || turn.text().isBlank()) && turn.toolCalls().isEmpty()) {
            throw document.error("turn " + (index + 1) + " has neither 'text' nor 'tool_calls'", "turns", index);
        }
        for (int c = 0; c < turn.toolCalls().size(); c++) {
            Call call = turn.toolCalls().get(c);
            if (call == null || call.name() == null || call.name().isBlank()) {
                throw document.error("turn " + (index + 1) + " has a tool call without 'name'", "turns", index, "tool_calls", c);
            }
        }
    }

    private static SideRequest sideRequest(ChatRequest request) {
        var messages = request.messages();
        return messages.isEmpty() || !(messages.get(messages.size() - 1) instanceof dev.langchain4j.data.message.UserMessage user)
                || !user.hasSingleText() ? null : SideRequest.of(user.singleText());
    }

    /** Every request this model received, in order. */
    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public synchronized ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        SideRequest side = sideRequest(request);
        if (side != null) {
            java.util.Deque<String> answers = sideAnswers.get(side);
            AiMessage answer = AiMessage.from(answers != null && !answers.isEmpty() ? answers.poll() : switch (side) {
                case PLAN -> "1. Inspect the environment. 2. Make the change. 3. Check the result. 4. Submit.";
                case REFLECTION -> "Noted; continuing with the next scripted step.";
                case SUMMARY -> "Earlier steps: the scripted actions so far (no summary is scripted).";
            });
            return ChatResponse.builder().aiMessage(answer).modelName("scripted")
                    .tokenUsage(new TokenUsage((int) TokenEstimate.of(request.messages()), (int) TokenEstimate.of(answer))).build();
        }
        if (next >= turns.size()) {
            throw new IllegalStateException("script " + source + " has no turn " + (next + 1) + " (it has " + turns.size() + ")");
        }
        int number = ++next;
        Turn turn = turns.get(number - 1);
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (int i = 0; i < turn.toolCalls().size(); i++) {
            Call call = turn.toolCalls().get(i);
            String arguments = call.rawArguments() != null ? call.rawArguments()
                    : call.arguments() == null ? "{}" : call.arguments().toString();
            calls.add(ToolExecutionRequest.builder().id("call_" + number + "_" + (i + 1)).name(call.name()).arguments(arguments).build());
        }
        AiMessage message = calls.isEmpty() ? AiMessage.from(turn.text()) : AiMessage.from(turn.text(), calls);
        TokenUsage usage = turn.usage() != null
                ? new TokenUsage((int) turn.usage().input(), (int) turn.usage().output())
                : new TokenUsage((int) TokenEstimate.of(request.messages()), (int) TokenEstimate.of(message));
        return ChatResponse.builder().aiMessage(message).tokenUsage(usage).modelName("scripted").build();
    }
}
