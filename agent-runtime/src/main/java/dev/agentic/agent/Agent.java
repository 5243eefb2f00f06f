package dev.agentic.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentic.diagnosis.DiagnosisMode;
import dev.agentic.diagnosis.Finding;
import dev.agentic.diagnosis.SelfDiagnosis;
import dev.agentic.model.ModelClient;
import dev.agentic.model.ModelException;
import dev.agentic.model.ModelReply;
import dev.agentic.model.TokenEstimate;
import dev.agentic.planning.UpdatePlanTool;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.tool.Tool;
import dev.agentic.tool.ToolArgumentException;
import dev.agentic.tool.ToolContext;
import dev.agentic.tool.ToolResult;
import dev.agentic.trajectory.TrajectoryEvent;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The loop: call the model, run its tool calls in the sandbox, record, apply memory, repeat until
 * it submits or a limit stops it. Every event goes to {@code events} as it happens.
 */
public final class Agent {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String NO_TOOL_CALL = "No tool was called. Act through the tools; call submit when the task is done.";
    static final String SUMMARY_REQUEST = "Summarise the work so far for your own later use: what you learned about the"
            + " environment and code, what you changed, what failed, and what remains. Be concise and specific (paths,"
            + " commands, errors). Do not call tools.";

    private final AgentConfig config;
    private final ModelClient model;
    private final Consumer<TrajectoryEvent> events;

    public Agent(AgentConfig config, ModelClient model, Consumer<TrajectoryEvent> events) {
        this.config = config;
        this.model = model;
        this.events = events;
    }

    public EpisodeResult run(Sandbox sandbox, String taskName, String instruction) {
        Map<String, Tool> tools = new LinkedHashMap<>();
        config.tools().createTools().forEach(t -> tools.put(t.name(), t));
        config.planning().tools().forEach(t -> tools.put(t.name(), t));
        List<ToolSpecification> specs = tools.values().stream().map(Tool::specification).toList();
        Map<String, String> values = Map.of("instruction", instruction, "workdir", sandbox.spec().workdir(),
                "tools", String.join(", ", tools.keySet()));
        Conversation conversation = new Conversation(SystemMessage.from(config.prompt().system(values)),
                UserMessage.from(config.prompt().task(values)));
        events.accept(new TrajectoryEvent.Start(0, TrajectoryEvent.SCHEMA_VERSION, Instant.now().toString(), taskName,
                config.model().toString(), config.describe()));
        record(0, "system", "system_prompt", conversation.head().get(0));
        record(0, "user", "task", conversation.head().get(1));
        Budget budget = new Budget(config.limits());
        SelfDiagnosis diagnosis = new SelfDiagnosis();
        try {
            Optional<String> planRequest = config.planning().planRequest();
            if (planRequest.isPresent()) {
                conversation.pinPlan(ask(conversation, planRequest.get(), "plan", 0, specs, budget));
                record(0, "user", "plan", conversation.head().get(2));
            }
            int formatErrors = 0;
            while (true) {
                Optional<ExitStatus> limit = budget.exhausted();
                if (limit.isPresent()) {
                    return end(budget, limit.get(), "reached " + limit.get().label().replace('_', ' '), null);
                }
                int step = budget.nextStep();
                ModelReply reply = call(conversation.messages(), specs, "act", step, budget);
                conversation.add(reply.message());
                List<String> notes = new ArrayList<>();
                List<ToolResult> results = new ArrayList<>();
                boolean formatError = !reply.message().hasToolExecutionRequests();
                if (formatError) {
                    notes.add(NO_TOOL_CALL);
                }
                for (ToolExecutionRequest request : calls(reply)) {
                    ToolResult result;
                    long started = System.nanoTime();
                    try {
                        result = runTool(tools, request, sandbox, budget);
                    } catch (ToolArgumentException e) {
                        formatError = true;
                        result = ToolResult.failed("Format error: " + e.getMessage());
                    }
                    results.add(result);
                    conversation.add(ToolExecutionResultMessage.from(request, result.text()));
                    events.accept(new TrajectoryEvent.ToolRun(step, request.id(), request.name(), request.arguments(), result.text(),
                            result.error(), result.exitCode(), result.timedOut(), result.truncated(),
                            Duration.ofNanos(System.nanoTime() - started).toMillis()));
                    if (result.submitted()) {
                        return end(budget, ExitStatus.SUBMITTED, "the model submitted", result.submission());
                    }
                    if (request.name().equals(UpdatePlanTool.NAME) && !result.error()) {
                        conversation.pinPlan(result.text());
                    }
                    if (config.diagnosis() == DiagnosisMode.NOTIFY) {
                        for (Finding finding : diagnosis.observe(step, request.name(), commandOf(request), result)) {
                            events.accept(new TrajectoryEvent.Diagnosis(step, finding.kind(), finding.evidence(), finding.hint()));
                            notes.add(finding.message());
                        }
                    }
                }
                formatErrors = formatError ? formatErrors + 1 : 0;
                for (String note : notes) {
                    conversation.add(UserMessage.from(note));
                    record(step, "user", "note", UserMessage.from(note));
                }
                if (formatErrors >= config.tools().maxFormatErrors()) {
                    return end(budget, ExitStatus.FORMAT_ERRORS, formatErrors + " consecutive format errors", null);
                }
                Optional<String> reflection = config.planning().reflectionRequest(step, results);
                if (reflection.isPresent()) {
                    String thought = ask(conversation, reflection.get(), "reflect", step, specs, budget);
                    conversation.add(UserMessage.from(reflection.get()));
                    conversation.add(AiMessage.from(thought));
                }
                applyMemory(conversation, step, specs, budget);
            }
        } catch (ModelException e) {
            ExitStatus status = e.contextLengthExceeded() ? ExitStatus.CONTEXT_LENGTH_EXCEEDED : ExitStatus.MODEL_ERROR;
            return end(budget, status, e.getMessage(), null);
        } catch (SandboxException e) {
            return end(budget, ExitStatus.SANDBOX_ERROR, e.getMessage(), null);
        }
    }

    private ToolResult runTool(Map<String, Tool> tools, ToolExecutionRequest request, Sandbox sandbox, Budget budget)
            throws ToolArgumentException {
        Tool tool = tools.get(request.name());
        if (tool == null) {
            throw new ToolArgumentException("there is no tool '" + request.name() + "'; available: " + String.join(", ", tools.keySet()));
        }
        JsonNode arguments = parseArguments(request);
        Duration timeout = min(config.tools().callTimeout(), budget.remaining());
        return tool.run(arguments, new ToolContext(sandbox, config.tools(), timeout.isZero() ? Duration.ofSeconds(1) : timeout));
    }

    private static JsonNode parseArguments(ToolExecutionRequest request) throws ToolArgumentException {
        String raw = request.arguments() == null || request.arguments().isBlank() ? "{}" : request.arguments();
        try {
            JsonNode node = JSON.readTree(raw);
            if (node == null || !node.isObject()) {
                throw new ToolArgumentException(request.name() + ": arguments must be a JSON object, got: " + abbreviate(raw));
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ToolArgumentException(request.name() + ": arguments are not valid JSON (" + e.getOriginalMessage() + "): " + abbreviate(raw));
        }
    }

    /** One model call, recorded and counted. */
    private ModelReply call(List<ChatMessage> messages, List<ToolSpecification> specs, String purpose, int step, Budget budget) {
        ModelReply reply = model.call(messages, specs);
        budget.spend(reply);
        AiMessage message = reply.message();
        List<TrajectoryEvent.Call> calls = calls(reply).stream()
                .map(c -> new TrajectoryEvent.Call(c.id(), c.name(), c.arguments())).toList();
        events.accept(new TrajectoryEvent.ModelCall(step, purpose, messages.size(), message.text(), calls,
                reply.usage().inputTokens(), reply.usage().outputTokens(), reply.costUsd(), reply.duration().toMillis(), reply.attempts()));
        return reply;
    }

    /** A side request (plan, reflection, summary): its text answer; tool calls in it are ignored. */
    private String ask(Conversation conversation, String request, String purpose, int step, List<ToolSpecification> specs, Budget budget) {
        ModelReply reply = call(conversation.messagesWith(UserMessage.from(request)), specs, purpose, step, budget);
        String text = reply.message().text();
        return text == null || text.isBlank() ? "(no answer)" : text;
    }

    private void applyMemory(Conversation conversation, int step, List<ToolSpecification> specs, Budget budget) {
        List<ChatMessage> before = conversation.turns();
        long pinned = TokenEstimate.of(conversation.head());
        List<ChatMessage> after = config.memory().apply(before, pinned, turns -> {
            List<ChatMessage> messages = new ArrayList<>(conversation.head());
            messages.addAll(turns);
            messages.add(UserMessage.from(SUMMARY_REQUEST));
            String summary = call(messages, specs, "summarize", step, budget).message().text();
            return summary == null ? "(no summary)" : summary;
        });
        if (!after.equals(before)) {
            conversation.replaceTurns(after);
            events.accept(new TrajectoryEvent.Memory(step, config.memory().spec(), before.size(), after.size(),
                    pinned + TokenEstimate.of(before), pinned + TokenEstimate.of(after)));
        }
    }

    private EpisodeResult end(Budget budget, ExitStatus status, String detail, String submission) {
        EpisodeResult result = new EpisodeResult(status, detail, submission, budget.steps(), budget.usage(), budget.costUsd(), budget.elapsed());
        events.accept(new TrajectoryEvent.End(budget.steps(), status.label(), detail, submission, budget.usage().inputTokens(),
                budget.usage().outputTokens(), budget.costUsd(), budget.elapsed().toMillis()));
        return result;
    }

    private void record(int step, String role, String kind, ChatMessage message) {
        events.accept(new TrajectoryEvent.Message(step, role, kind, TokenEstimate.textOf(message)));
    }

    private static List<ToolExecutionRequest> calls(ModelReply reply) {
        return reply.message().hasToolExecutionRequests() ? reply.message().toolExecutionRequests() : List.of();
    }

    private static String commandOf(ToolExecutionRequest request) {
        try {
            JsonNode command = JSON.readTree(request.arguments()).get("command");
            return command == null ? null : command.asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
