package dev.agentic.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.agent.Agent;
import dev.agentic.agent.AgentConfig;
import dev.agentic.agent.ExitStatus;
import dev.agentic.model.ModelClient;
import dev.agentic.model.ModelSpec;
import dev.agentic.model.PriceTable;
import dev.agentic.model.RetryPolicy;
import dev.agentic.model.ScriptedChatModel;
import dev.agentic.model.SideRequest;
import dev.agentic.model.TokenEstimate;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.testing.MemorySandbox;
import dev.langchain4j.data.message.ChatMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the model is sent under each planning strategy (the commands run in a {@link MemorySandbox}). */
class PlanningTest {

    @TempDir
    Path dir;

    private ScriptedChatModel run(String planning, String script) throws Exception {
        Path file = dir.resolve("script.yaml");
        Files.writeString(file, script);
        ScriptedChatModel model = ScriptedChatModel.fromFile(file);
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("scripted:" + file)).with("planning", planning);
        ModelClient client = new ModelClient(model, "scripted", new RetryPolicy(1, Duration.ZERO, Duration.ZERO), PriceTable.builtIn(), null);
        try (MemorySandbox sandbox = new MemorySandbox(SandboxSpec.of(SandboxSpec.BASE_IMAGE),
                (command, in) -> command.equals("exit 3") ? MemorySandbox.exit(3, "", "") : null)) {
            assertThat(new Agent(config, client, e -> { }).run(sandbox, "t", "Do it.").exitStatus()).isEqualTo(ExitStatus.SUBMITTED);
        }
        return model;
    }

    static List<String> texts(List<ChatMessage> messages) {
        return messages.stream().map(TokenEstimate::textOf).toList();
    }

    @Test
    void planFirstAsksForAPlanPinsItAndLetsTheModelReviseIt() throws Exception {
        ScriptedChatModel model = run("plan-first", """
                turns:
                  - tool_calls: [{name: update_plan, arguments: {plan: "1. fix 2. test"}}]
                  - tool_calls: [{name: submit, arguments: {}}]
                plans: ["1. look 2. fix 3. test"]
                """);
        List<String> planning = texts(model.requests().get(0).messages());
        assertThat(planning.get(planning.size() - 1)).isEqualTo(SideRequest.PLAN.tag(PlanFirst.REQUEST));

        List<String> firstAct = texts(model.requests().get(1).messages());
        assertThat(firstAct).hasSize(3);
        assertThat(firstAct.get(2)).isEqualTo("[Your current plan]\n1. look 2. fix 3. test");
        assertThat(model.requests().get(1).toolSpecifications()).extracting(t -> t.name()).contains("update_plan");

        List<String> afterUpdate = texts(model.requests().get(2).messages());
        assertThat(afterUpdate.get(2)).isEqualTo("[Your current plan]\n1. fix 2. test");
    }

    @Test
    void reflectAsksForAReflectionAfterAFailedCommandOnly() throws Exception {
        ScriptedChatModel model = run("reflect", """
                turns:
                  - tool_calls: [{name: bash, arguments: {command: "true"}}]
                  - tool_calls: [{name: bash, arguments: {command: "exit 3"}}]
                  - tool_calls: [{name: submit, arguments: {}}]
                reflections: ["The command failed with 3; I will try another way."]
                """);
        assertThat(model.requests()).hasSize(4);
        List<String> reflection = texts(model.requests().get(2).messages());
        assertThat(reflection.get(reflection.size() - 1)).isEqualTo(SideRequest.REFLECTION.tag(Reflect.AFTER_FAILURE));
        List<String> next = texts(model.requests().get(3).messages());
        assertThat(next.subList(next.size() - 2, next.size()))
                .containsExactly(SideRequest.REFLECTION.tag(Reflect.AFTER_FAILURE), "The command failed with 3; I will try another way.");
    }

    @Test
    void reflectEveryKStepsAlsoReflectsOnSchedule() throws Exception {
        ScriptedChatModel model = run("reflect:2", """
                turns:
                  - tool_calls: [{name: bash, arguments: {command: "true"}}]
                  - tool_calls: [{name: bash, arguments: {command: "true"}}]
                  - tool_calls: [{name: submit, arguments: {}}]
                """);
        List<String> periodic = texts(model.requests().get(2).messages());
        assertThat(periodic.get(periodic.size() - 1)).isEqualTo(SideRequest.REFLECTION.tag(Reflect.PERIODIC));
        List<String> next = texts(model.requests().get(3).messages());
        assertThat(next.get(next.size() - 1)).isEqualTo("Noted; continuing with the next scripted step.");
    }
}
