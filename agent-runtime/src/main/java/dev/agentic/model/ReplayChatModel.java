package dev.agentic.model;

import dev.agentic.trajectory.Trajectories;
import dev.agentic.trajectory.TrajectoryEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Re-issues the model outputs recorded in a trajectory, in order (actions as turns, plans,
 * reflections and summaries as answers to those requests), with their recorded token counts: rerunning an episode without the model, e.g. to check that a harness change does not
 * change what happens.
 */
public final class ReplayChatModel {

    private ReplayChatModel() {}

    public static ScriptedChatModel fromTrajectory(Path trajectory) {
        List<ScriptedChatModel.Turn> turns = new ArrayList<>();
        Map<SideRequest, List<String>> side = new EnumMap<>(SideRequest.class);
        for (TrajectoryEvent event : Trajectories.read(trajectory)) {
            if (event instanceof TrajectoryEvent.ModelCall call && !call.purpose().equals("act")) {
                SideRequest kind = switch (call.purpose()) {
                    case "plan" -> SideRequest.PLAN;
                    case "reflect" -> SideRequest.REFLECTION;
                    default -> SideRequest.SUMMARY;
                };
                side.computeIfAbsent(kind, k -> new ArrayList<>()).add(call.text());
            } else if (event instanceof TrajectoryEvent.ModelCall call) {
                List<ScriptedChatModel.Call> calls = call.toolCalls() == null ? List.of() : call.toolCalls().stream()
                        .map(c -> new ScriptedChatModel.Call(c.name(), null, c.arguments()))
                        .toList();
                turns.add(new ScriptedChatModel.Turn(call.text(), calls,
                        new ScriptedChatModel.Tokens(call.inputTokens(), call.outputTokens())));
            }
        }
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("trajectory " + trajectory + " has no model_call events to replay");
        }
        return new ScriptedChatModel("replay of " + trajectory, turns, side);
    }
}
