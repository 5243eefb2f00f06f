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

    /** One model call: why it was made, what came back, and its cost. */
    record ModelCall(int step, String purpose, int messagesSent, String text, List<Call> toolCalls,
                     long inputTokens, long outputTokens, double costUsd, long durationMs, int attempts) implements TrajectoryEvent {}

    /** One tool run and the observation as the model saw it. */
    record ToolRun(int step, String callId, String name, String arguments, String observation, boolean error,
                   Integer exitCode, Boolean timedOut, Boolean truncated, long durationMs) implements TrajectoryEvent {}

    /** The agent noticed its tools or environment failing and told the model. */
    record Diagnosis(int step, String kind, String evidence, String hint) implements TrajectoryEvent {}

    /** The memory policy changed the conversation. */
    record Memory(int step, String policy, int messagesBefore, int messagesAfter, long tokensBefore, long tokensAfter) implements TrajectoryEvent {}

    /** Last line: how the episode ended. */
    record End(int step, String exitStatus, String detail, String submission, long inputTokens, long outputTokens,
               double costUsd, long durationMs) implements TrajectoryEvent {}
}
