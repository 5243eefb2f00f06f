package dev.agentic.trajectory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/** One line of a trajectory file; the {@code event} field names the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TrajectoryEvent.Start.class, name = "start"),
    @JsonSubTypes.Type(value = TrajectoryEvent.Message.class, name = "message"),
    @JsonSubTypes.Type(value = TrajectoryEvent.ModelCall.class, name = "model_call"),
    @JsonSubTypes.Type(value = TrajectoryEvent.ToolRun.class, name = "tool"),
    @JsonSubTypes.Type(value = TrajectoryEvent.Diagnosis.class, name = "diagnosis"),
    @JsonSubTypes.Type(value = TrajectoryEvent.Memory.class, name = "memory"),
    @JsonSubTypes.Type(value = TrajectoryEvent.Notice.class, name = "notice"),
    @JsonSubTypes.Type(value = TrajectoryEvent.End.class, name = "end")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface TrajectoryEvent {

    int SCHEMA_VERSION = 1;

    /** The step the event belongs to; 0 before the first model call. */
    int step();

    /** First line: what ran, with which configuration. */
    record Start(int step, int schema, String startedAt, String task, String model, Map<String, String> config) implements TrajectoryEvent {}

    /** A message added to the conversation by the harness: system prompt, task, notes, pinned plan. */
    record Message(int step, String role, String kind, String content) implements TrajectoryEvent {}

    /** A tool call the model asked for. */
    record Call(String id, String name, String arguments) {}

    /**
     * One model call: why it was made, what came back, and its cost.
     *
     * @param inputTokens all prompt tokens of its answered attempts, cached ones included ({@code dev.agentic.model.Usage})
     * @param cachedInputTokens the part of them read from the provider's prompt cache; 0 in older trajectories
     * @param cacheWriteTokens the part of them written to the cache
     * @param costUsd null (left out) when the model has no known price
     */
    record ModelCall(int step, String purpose, int messagesSent, String text, List<Call> toolCalls,
                     long inputTokens, long cachedInputTokens, long cacheWriteTokens, long outputTokens, Double costUsd,
                     long durationMs, int attempts) implements TrajectoryEvent {}

    /** One tool run and the observation as the model saw it. */
    record ToolRun(int step, String callId, String name, String arguments, String observation, boolean error,
                   Integer exitCode, Boolean timedOut, Boolean truncated, long durationMs) implements TrajectoryEvent {}

    /** The agent noticed its tools or environment failing and told the model. */
    record Diagnosis(int step, String kind, String evidence, String hint) implements TrajectoryEvent {}

    /** The memory policy changed the conversation. */
    record Memory(int step, String policy, int messagesBefore, int messagesAfter, long tokensBefore, long tokensAfter) implements TrajectoryEvent {}

    /** Something the harness says about the episode that the model is not told, e.g. a limit it cannot enforce. */
    record Notice(int step, String kind, String text) implements TrajectoryEvent {}

    /**
     * Last line: how the episode ended. Its totals include calls that failed after the provider answered with usage.
     *
     * @param costUsd null (left out) when the model has no known price
     */
    record End(int step, String exitStatus, String detail, String submission, long inputTokens, long cachedInputTokens,
               long cacheWriteTokens, long outputTokens, Double costUsd, long durationMs) implements TrajectoryEvent {}
}
