package dev.agentic.agent;

import dev.agentic.diagnosis.DiagnosisMode;
import dev.agentic.diagnosis.Finding;
import dev.agentic.diagnosis.SelfDiagnosis;
import dev.agentic.model.ModelClient;
import dev.agentic.model.ModelException;
import dev.agentic.model.ModelReply;
import dev.agentic.model.SideRequest;
import dev.agentic.model.TokenEstimate;
import dev.agentic.model.Usage;
import dev.agentic.planning.UpdatePlanTool;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.tool.Tool;
import dev.agentic.tool.ToolArgumentException;
import dev.agentic.tool.ToolContext;
import dev.agentic.tool.ToolResult;
import dev.agentic.trajectory.Secrets;
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
 * One run of the loop: call the model, run its tool calls in the sandbox, record, apply memory,
 * repeat until it submits or a limit stops it.
 */
final class Episode {

    /** Consecutive sandbox failures of tool calls after which the episode ends. */
    static final int MAX_SANDBOX_FAILURES = 2;

    private final AgentConfig config;
    private final ModelClient model;
    private final Consumer<TrajectoryEvent> events;
    private final Sandbox sandbox;
    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final List<ToolSpecification> specs;
    private final Budget budget;
    private final SelfDiagnosis diagnosis = new SelfDiagnosis();
    private Conversation conversation;
    private int formatErrors;
    private int sandboxFailures;

    Episode(AgentConfig config, ModelClient model, Consumer<TrajectoryEvent> events, Sandbox sandbox) {
        this.config = config;
        this.model = model;
        this.events = events;
        this.sandbox = sandbox;
        config.tools().createTools().forEach(t -> tools.put(t.name(), t));
        config.planning().tools().forEach(t -> tools.put(t.name(), t));
        this.specs = tools.values().stream().map(Tool::specification).toList();
        this.budget = new Budget(config.limits());
    }

    EpisodeResult run(String taskName, String instruction) {
        start(taskName, instruction);
        try {
            Optional<String> planRequest = config.planning().planRequest();
            if (planRequest.isPresent()) {
                conversation.pinPlan(ask(SideRequest.PLAN.tag(planRequest.get()), "plan", 0));
                record(0, "plan", conversation.head().get(2));
            }
            while (true) {
                Optional<ExitStatus> limit = budget.exhausted();
                if (limit.isPresent()) {
                    return end(limit.get(), "reached the " + limit.get().label().replace('_', ' '), null);
                }
                int step = budget.nextStep();
                ModelReply reply = call(conversation.messages(), "act", step);
                conversation.add(reply.message());
                Step done = act(step, reply.message());
                if (done.submission() != null) {
                    return end(ExitStatus.SUBMITTED, "the model submitted", done.submission());
                }
                formatErrors = done.formatError() ? formatErrors + 1 : 0;
                if (formatErrors >= config.tools().maxFormatErrors()) {
                    return end(ExitStatus.FORMAT_ERRORS, formatErrors + " consecutive format errors", null);
                }
                if (sandboxFailures >= MAX_SANDBOX_FAILURES) {
                    return end(ExitStatus.SANDBOX_ERROR, done.sandboxError(), null);
                }
                Optional<String> reflection = config.planning().reflectionRequest(step, done.results());
                if (reflection.isPresent()) {
                    String request = SideRequest.REFLECTION.tag(reflection.get());
                    String thought = ask(request, "reflect", step);
                    conversation.add(UserMessage.from(request));
                    conversation.add(AiMessage.from(thought));
                }
                applyMemory(step);
            }
        } catch (ModelException e) {
            return end(e.contextLengthExceeded() ? ExitStatus.CONTEXT_LENGTH_EXCEEDED : ExitStatus.MODEL_ERROR, e.getMessage(), null);
        }
    }

    /** What one step's tool calls did. */
    private record Step(List<ToolResult> results, boolean formatError, String submission, String sandboxError) {}

    private void start(String taskName, String instruction) {
        Map<String, String> values = Map.of("instruction", instruction, "workdir", sandbox.spec().workdir(),
                "tools", String.join(", ", tools.keySet()));
        conversation = new Conversation(SystemMessage.from(config.prompt().system(values)), UserMessage.from(config.prompt().task(values)));
        Map<String, String> described = config.describe();
        events.accept(new TrajectoryEvent.Start(0, TrajectoryEvent.SCHEMA_VERSION, Instant.now().toString(), taskName,
                described.get(Settings.MODEL.key()), described));
        if (config.limits().maxCostUsd() > 0 && !model.priced()) {
            events.accept(new TrajectoryEvent.Notice(0, "cost_limit_not_enforced", "max-cost " + config.limits().maxCostUsd()
                    + " USD is not enforced: model " + model.modelName() + " has no price in the price table, so its cost is unknown"));
        }
        record(0, "system_prompt", conversation.head().get(0));
        record(0, "task", conversation.head().get(1));
    }

    /** Runs the model's tool calls in order; notes (format hints, self-diagnosis) follow all tool results. */
    private Step act(int step, AiMessage message) {
        List<String> notes = new ArrayList<>();
        List<ToolResult> results = new ArrayList<>();
        boolean formatError = !message.hasToolExecutionRequests();
        if (formatError) {
            notes.add(Agent.NO_TOOL_CALL);
        }
        String sandboxError = null;
        for (ToolExecutionRequest request : message.hasToolExecutionRequests() ? message.toolExecutionRequests() : List.<ToolExecutionRequest>of()) {
            long started = System.nanoTime();
            ToolResult result;
            try {
                result = runTool(request);
                sandboxFailures = 0;
            } catch (ToolArgumentException e) {
                formatError = true;
                result = ToolResult.failed("Format error: " + e.getMessage());
            } catch (SandboxException e) {
                sandboxFailures++;
                sandboxError = e.getMessage();
                result = ToolResult.failed("Sandbox error: " + e.getMessage());
                notes.addAll(report(step, diagnosis.sandboxFailure(step, e.getMessage())));
            }
            results.add(result);
            conversation.add(ToolExecutionResultMessage.builder().id(request.id()).toolName(request.name())
                    .text(result.text()).isError(result.error()).build());
            events.accept(new TrajectoryEvent.ToolRun(step, request.id(), request.name(), request.arguments(), result.text(),
                    result.error(), result.exitCode(), result.timedOut(), result.truncated(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis()));
            if (result.submitted()) {
                return new Step(results, false, result.submission(), null);
            }
            if (request.name().equals(UpdatePlanTool.NAME) && !result.error()) {
                conversation.pinPlan(result.text());
            }
            notes.addAll(report(step, diagnosis.observe(step, request.name(), ToolCalls.commandOf(request), result)));
        }
        for (String note : notes) {
            conversation.add(UserMessage.from(note));
            record(step, "note", UserMessage.from(note));
        }
        return new Step(results, formatError, null, sandboxError);
    }

    private List<String> report(int step, List<Finding> findings) {
        if (config.diagnosis() == DiagnosisMode.OFF) {
            return List.of();
        }
        for (Finding finding : findings) {
            events.accept(new TrajectoryEvent.Diagnosis(step, finding.kind(), finding.evidence(), finding.hint()));
        }
        return findings.stream().map(Finding::message).toList();
    }

    private ToolResult runTool(ToolExecutionRequest request) throws ToolArgumentException {
        Tool tool = tools.get(request.name());
        if (tool == null) {
            throw new ToolArgumentException("there is no tool '" + request.name() + "'; available: " + String.join(", ", tools.keySet()));
        }
        Duration remaining = budget.remaining();
        Duration timeout = config.tools().callTimeout().compareTo(remaining) <= 0 ? config.tools().callTimeout() : remaining;
        return tool.run(ToolCalls.arguments(request), new ToolContext(sandbox, config.tools(),
                timeout.isZero() ? Duration.ofSeconds(1) : timeout));
    }

    /**
     * One model call, recorded and counted; a call that fails still counts the tokens of its answered
     * attempts. Every request starts with the conversation's head, its stable prefix.
     */
    private ModelReply call(List<ChatMessage> messages, String purpose, int step) {
        ModelReply reply;
        try {
            reply = model.call(messages, conversation.head().size(), specs);
        } catch (ModelException e) {
            budget.spend(e.usage(), e.cost());
            throw e;
        }
        budget.spend(reply.usage(), reply.cost());
        AiMessage message = reply.message();
        List<TrajectoryEvent.Call> calls = message.hasToolExecutionRequests() ? message.toolExecutionRequests().stream()
                .map(c -> new TrajectoryEvent.Call(c.id(), c.name(), c.arguments())).toList() : List.of();
        Usage usage = reply.usage();
        events.accept(new TrajectoryEvent.ModelCall(step, purpose, messages.size(), message.text(), calls, usage.inputTokens(),
                usage.cachedInputTokens(), usage.cacheWriteTokens(), usage.outputTokens(), reply.cost().usdOrNull(),
                reply.duration().toMillis(), reply.attempts()));
        return reply;
    }

    /** A side request (plan, reflection): its text answer; tool calls in it are ignored. */
    private String ask(String request, String purpose, int step) {
        String text = call(conversation.messagesWith(UserMessage.from(request)), purpose, step).message().text();
        return text == null || text.isBlank() ? "(no answer)" : text;
    }

    private void applyMemory(int step) {
        List<ChatMessage> before = conversation.turns();
        long pinned = TokenEstimate.of(conversation.head());
        List<ChatMessage> after = config.memory().apply(before, pinned, turns -> {
            List<ChatMessage> messages = new ArrayList<>(conversation.head());
            messages.addAll(turns);
            messages.add(UserMessage.from(SideRequest.SUMMARY.tag(Agent.SUMMARY_REQUEST)));
            String summary = call(messages, "summarize", step).message().text();
            return summary == null ? "(no summary)" : summary;
        });
        if (!after.equals(before)) {
            conversation.replaceTurns(after);
            events.accept(new TrajectoryEvent.Memory(step, config.memory().spec(), before.size(), after.size(),
                    pinned + TokenEstimate.of(before), pinned + TokenEstimate.of(after)));
        }
    }

    /** Ends the episode; the reason (an error message, possibly a server's) and the submission are redacted. */
    private EpisodeResult end(ExitStatus status, String reason, String submitted) {
        String detail = Secrets.standard().redact(reason);
        String submission = Secrets.standard().redact(submitted);
        Usage usage = budget.usage();
        events.accept(new TrajectoryEvent.End(budget.steps(), status.label(), detail, submission, usage.inputTokens(),
                usage.cachedInputTokens(), usage.cacheWriteTokens(), usage.outputTokens(), budget.cost().usdOrNull(),
                budget.elapsed().toMillis()));
        return new EpisodeResult(status, detail, submission, budget.steps(), usage, budget.cost(), budget.elapsed());
    }

    private void record(int step, String kind, ChatMessage message) {
        String role = message instanceof SystemMessage ? "system" : "user";
        events.accept(new TrajectoryEvent.Message(step, role, kind, TokenEstimate.textOf(message)));
    }
}
