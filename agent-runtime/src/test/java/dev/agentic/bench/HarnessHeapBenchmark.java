package dev.agentic.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.agentic.model.Models;
import dev.agentic.sandbox.ExecResult;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.task.TaskSet;
import dev.agentic.testing.MemoryPlace;
import dev.agentic.testing.MemorySandbox;
import dev.agentic.trial.Grading;
import dev.agentic.trial.TrialPipeline;
import dev.agentic.trial.TrialResult;
import dev.agentic.verify.Grade;
import dev.agentic.verify.swebench.TestStatus;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The harness's heap over a whole bench: 50 tasks × 5 trials through the real bench, agent loop,
 * scripted model, trajectories and results store, on the memory place (so that only the harness is
 * measured, not Docker). Each episode takes 12 steps whose observations are about 8 KB. Prints the
 * largest heap left after any collection during the run (the live set), the heap after a full
 * collection at the end, and their ratio to the same readings of the JVM before the run (the baseline).
 * Run with {@code ./mvnw -q -pl agent-runtime test-compile exec:exec@heap-benchmark} (its JVM is
 * started with {@code -Xmx256m} and writes {@code target/heap-benchmark-gc.log}).
 */
public final class HarnessHeapBenchmark {

    private static final int TASKS = 50;
    private static final int TRIALS = 5;
    private static final int STEPS = 12;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("heap-benchmark");
        Path scripts = Files.createDirectories(dir.resolve("scripts/tb"));
        StringBuilder script = new StringBuilder("turns:\n");
        for (int i = 0; i < STEPS - 2; i++) {
            script.append("  - tool_calls: [{name: bash, arguments: {command: \"cat big-").append(i).append(".log\"}}]\n");
        }
        script.append("  - tool_calls: [{name: editor, arguments: {command: create, path: /app/answer.txt, file_text: \"ok\"}}]\n");
        script.append("  - tool_calls: [{name: submit, arguments: {summary: done}}]\n");
        for (int t = 0; t < TASKS; t++) {
            Path task = Files.createDirectories(dir.resolve("tasks/task-" + t));
            Files.createDirectories(task.resolve("tests"));
            Files.writeString(task.resolve("task.yaml"), "instruction: Read the logs, then write ok to /app/answer.txt.\n");
            Files.writeString(task.resolve("Dockerfile"), "FROM agentic/base:bookworm\n");
            Files.writeString(task.resolve("run-tests.sh"), "#!/bin/bash\n");
            Files.writeString(task.resolve("tests/test_outputs.py"), "def test_answer():\n    pass\n");
            Files.writeString(scripts.resolve("task-" + t + ".yaml"), script);
        }
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "id: heap\ntasks:\n  - tasks/*\n");
        String log = "2026-12-01 12:00:00 INFO request served in 12 ms from cache shard 7\n".repeat(120);
        MemorySandbox.Shell shell = (command, sandbox) -> command.startsWith("cat big-")
                ? new ExecResult(0, log, "", Duration.ofMillis(1), false, false) : null;
        Grading answer = (task, pristine, sandbox) -> after -> {
            boolean ok = "ok".equals(after.exec("cat '/app/answer.txt'", Duration.ofSeconds(1)).stdout());
            return Grade.of(ok ? Grade.Outcome.RESOLVED : Grade.Outcome.TESTS_FAILED,
                    Map.of("test_answer", ok ? TestStatus.PASSED : TestStatus.FAILED), "", Duration.ZERO, null);
        };

        MemoryUsage before = settledHeap();
        AtomicLong peakAfterGc = watchCollections();
        long start = System.nanoTime();
        BenchSpec spec = new BenchSpec("heap", "v", null, "", Map.of("model", "scripted:" + scripts.getParent()), suite, List.of(), List.of(),
                TRIALS, 2, 1.0, 0, dir.resolve("results"), SandboxSpec.BASE_IMAGE, TaskSet.CORE, null, 0, false, Duration.ofSeconds(5),
                1.0, 0, null, null);
        BenchRunner.Outcome outcome = new BenchRunner(Models.fromEnvironment(), s -> new MemoryPlace(shell),
                (place, s, loaded) -> TrialPipeline.at(place, answer, task -> SandboxSpec.of(SandboxSpec.BASE_IMAGE)))
                .run(spec, new BenchRunner.Listener() {
                    @Override
                    public void info(String line) { }

                    @Override
                    public void trialFinished(TrialResult result, BenchRunner.Progress progress) { }
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        MemoryUsage after = settledHeap();
        long resolved = outcome.trials().stream().filter(TrialResult::resolved).count();
        long peak = Math.max(peakAfterGc.get(), after.getUsed());
        System.out.printf(Locale.ROOT, "%d tasks × %d trials = %d trials (%d resolved) of %d steps in %.1f s, memory place, max heap %d MB%n",
                TASKS, TRIALS, outcome.trials().size(), resolved, STEPS, seconds, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "live heap before the run (baseline)          %7.1f MB%n", mb(before.getUsed()));
        System.out.printf(Locale.ROOT, "largest live heap during the run (after GC)  %7.1f MB  (%.2f× baseline; target ≤ 256 MB)%n",
                mb(peak), (double) peak / before.getUsed());
        System.out.printf(Locale.ROOT, "live heap after the run                      %7.1f MB  (%.2f× baseline)%n",
                mb(after.getUsed()), (double) after.getUsed() / before.getUsed());
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    private static MemoryUsage settledHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    }

    /** The largest heap in use just after a collection, over every collection from now on. */
    private static AtomicLong watchCollections() {
        AtomicLong peak = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                    peak.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        return peak;
    }
}
