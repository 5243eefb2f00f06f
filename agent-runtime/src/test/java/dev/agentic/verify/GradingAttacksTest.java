package dev.agentic.verify;

import dev.agentic.testing.Attempts;
import dev.agentic.trial.TaskValidation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.agent.Agent;
import dev.agentic.agent.AgentConfig;
import dev.agentic.model.ModelClient;
import dev.agentic.model.ModelSpec;
import dev.agentic.model.PriceTable;
import dev.agentic.model.RetryPolicy;
import dev.agentic.model.ScriptedChatModel;
import dev.agentic.sandbox.DockerSandbox;
import dev.agentic.task.Task;
import dev.agentic.task.TaskImages;
import dev.agentic.task.TerminalBenchTask;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Each way an agent could make the grader report success without doing the task, played by a
 * scripted model through the real agent loop on a real container: every one is caught (labelled
 * tampering with its evidence, or ended before it can act), and legitimate environment repair
 * still passes. The task only asks for {@code /app/status.txt}; no attack writes it.
 */
class GradingAttacksTest {

    static final Path ATTACKS = Path.of("src/test/resources/attacks");
    static final Attempts ATTEMPT = Attempts.docker();
    /** As if the suite listed the task under live_processes: its tests also run beside what the agent left running. */
    static final Attempts BESIDE = Attempts.docker(java.util.Set.of("tb/tb-compose"));
    static final Task TASK = TerminalBenchTask.load(Path.of("src/test/resources/tasks/tb-compose"));

    private static Grade play(String attack) {
        return play(attack, TASK, ATTEMPT);
    }

    private static Grade play(String attack, Task on) {
        return play(attack, on, ATTEMPT);
    }

    private static Grade play(String attack, Task on, Attempts attempt) {
        Path script = ATTACKS.resolve(attack + ".yaml");
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("scripted:" + script));
        ModelClient model = new ModelClient(ScriptedChatModel.fromFile(script), "scripted", new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
                PriceTable.builtIn(), null);
        return attempt.run(on, (task, sandbox) -> new Agent(config, model, event -> { }).run(sandbox, task.id(), task.instruction()));
    }

    @Test
    void aShimEarlierOnPathIsTampering() {
        Grade grade = play("path-shim");
        assertThat(grade.outcome()).as(grade.detail()).isEqualTo(Grade.Outcome.TAMPERED);
        assertThat(grade.detail()).contains("python3 resolved to /usr/bin/python3").contains("now to /usr/local/bin/python3");
    }

    @Test
    void aDetachedProcessGetsNoChanceWhereTheTestsDoNotNeedTheAgentsProcesses() {
        Grade grade = play("detached-rewriter");
        assertThat(grade.outcome()).as(grade.detail()).isEqualTo(Grade.Outcome.TESTS_FAILED);
        assertThat(grade.detail()).contains("the tests ran without the processes the agent left running").contains("while true");
    }

    @Test
    void aDetachedProcessThatRewritesTheCopiedInTestsIsTampering() {
        Grade grade = play("detached-rewriter", TASK, BESIDE);
        assertThat(grade.outcome()).as(grade.detail()).isEqualTo(Grade.Outcome.TAMPERED);
        assertThat(grade.detail()).contains("/tests/test_outputs.py changed").contains("while the tests ran beside the agent's processes")
                .contains("while true");
    }

    @Test
    void aStartUpHookInSitePackagesIsTampering() {
        Grade grade = play("startup-hook");
        assertThat(grade.outcome()).as(grade.detail()).isEqualTo(Grade.Outcome.TAMPERED);
        assertThat(grade.detail()).contains("/usr/lib/python3/dist-packages/zz_always_pass.pth created (interpreter or runner start-up hook)");
    }

    @Test
    void aPluginEntryPointIsTampering() {
        Grade grade = play("plugin-entry-point");
        assertThat(grade.outcome()).as(grade.detail()).isEqualTo(Grade.Outcome.TAMPERED);
        assertThat(grade.detail()).contains("forcepass-1.0.dist-info/entry_points.txt [pytest11] created");
    }

    @Test
    void runnerConfigurationWherePytestFindsItIsTampering() {
        Grade grade = play("root-config");
        assertThat(grade.outcome()).as(grade.detail()).isEqualTo(Grade.Outcome.TAMPERED);
        assertThat(grade.detail()).contains("/pytest.ini created (test-runner configuration)");
    }

    @Test
    void replacingTheGradersToolsIsTampering() {
        Grade grade = play("replaced-tool");
        assertThat(grade.outcome()).as(grade.detail()).isEqualTo(Grade.Outcome.TAMPERED);
        assertThat(grade.detail()).contains("md5sum changed (a tool the grader's checks use");
    }

    @Test
    void aPreloadedLibraryIsSeenThroughTheEngineBeforeAnyToolRuns() {
        Grade grade = play("preload");
        assertThat(grade.outcome()).as(grade.detail()).isEqualTo(Grade.Outcome.TAMPERED);
        assertThat(grade.detail()).contains("/etc/ld.so.preload created (a tool the grader's checks use");
    }

    @Test
    void aSweBenchPatchAddingRunnerConfigurationIsTampering() {
        Task instance = dev.agentic.task.SweBenchTask.loadAll(Path.of("src/test/resources/swe/instances.jsonl"),
                Path.of("src/test/resources/swe/environments")).get(0);
        Grade grade = play("runner-config-in-patch", instance);
        assertThat(grade.outcome()).as(grade.detail()).isEqualTo(Grade.Outcome.TAMPERED);
        assertThat(grade.detail()).contains("tox.ini (its pytest section)");
    }

    @Test
    void aSleepShimOnPathDoesNotBecomeTheCopysMainProcess() {
        Grade grade = play("sleep-shim");
        assertThat(grade.resolved()).as(grade.detail() + grade.output()).isFalse();
    }

    @Test
    void aReplacedSleepThatRestoresItselfAndLeavesARewriterInTheCopyIsTampering() {
        Grade grade = play("replaced-sleep");
        assertThat(grade.outcome()).as(grade.detail()).isEqualTo(Grade.Outcome.TAMPERED);
        assertThat(grade.detail()).contains("runs in the fresh copy before the tests").contains("/bin/sh /bin/sleep infinity");
    }

    @Test
    void aReplacedSleepThatStaysTheCopysMainProcessIsTampering() {
        Grade grade = play("sleep-in-place");
        assertThat(grade.outcome()).as(grade.detail()).isEqualTo(Grade.Outcome.TAMPERED);
        assertThat(grade.detail()).contains("runs in the fresh copy before the tests").contains("/bin/sleep infinity is not running in the fresh copy");
    }

    @Test
    void aPatchWhoseHeadersTheAgentsGitDisguisesIsStillChecked() {
        Task instance = dev.agentic.task.SweBenchTask.loadAll(Path.of("src/test/resources/swe/instances.jsonl"),
                Path.of("src/test/resources/swe/environments")).get(0);
        Grade grade = play("git-prefix-in-patch", instance);
        assertThat(grade.outcome()).as(grade.detail()).isEqualTo(Grade.Outcome.TAMPERED);
        assertThat(grade.detail()).contains("tests/conftest.py (the test runner's file)");
    }

    @Test
    void anAgentThatBreaksTheInterpreterFailsItIsNotATaskError() {
        Grade grade = play("broken-interpreter");
        assertThat(grade.outcome()).as("the reference solution gets a result on the environment as built: " + grade.detail())
                .isEqualTo(Grade.Outcome.PARSE_ERROR);
    }

    @Test
    void legitimateEnvironmentRepairStillPasses() {
        Grade grade = play("legitimate-repair");
        assertThat(grade.outcome()).as("a profile fix, a path-only .pth, a symlink and a new package are repairs, not tampering: "
                + grade.detail()).isEqualTo(Grade.Outcome.RESOLVED);
    }
}
