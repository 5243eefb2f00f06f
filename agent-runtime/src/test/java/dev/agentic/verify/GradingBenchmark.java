package dev.agentic.verify;

import dev.agentic.testing.Attempts;
import dev.agentic.trial.TaskValidation;
import dev.agentic.sandbox.DockerSandbox;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.task.SweBenchTask;
import dev.agentic.task.TaskImages;
import dev.agentic.task.TerminalBenchTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The cost of grading, measured in one run against the docker CLI doing the same steps by hand,
 * printed as ratios of medians (ours / the CLI's):
 * <ul>
 *   <li>SWE-bench: grading the gold patch of one instance ({@code SweBenchVerifier.grade}: fresh
 *       container, apply the patch, reset the test files, apply {@code test_patch}, run the tests
 *       between markers, parse, grade) against a shell script doing those steps with {@code docker};</li>
 *   <li>Terminal-Bench: one oracle attempt with every grader check ({@link Attempts}: container,
 *       fingerprints, solution, snapshot, checks, tests) against {@code docker} creating a container,
 *       copying the solution in and running it, copying the tests in and running them, removing it;
 *       and the checks alone: fingerprints before the agent, the snapshot and the comparison after it.</li>
 * </ul>
 * Run with {@code ./mvnw -q -pl agent-runtime test-compile exec:exec@grading-benchmark}; argument:
 * the number of measured rounds (default 5).
 */
public final class GradingBenchmark {

    private static final Path SWE = Path.of("src/test/resources/swe");
    private static final Path TB = Path.of("src/test/resources/tasks/tb-compose");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        TaskImages images = new TaskImages(Duration.ofMinutes(5));

        SweBenchTask swe = SweBenchTask.loadAll(SWE.resolve("instances.jsonl"), SWE.resolve("environments")).get(0);
        SandboxSpec sweSpec = images.sandboxSpec(swe);
        SweBenchVerifier verifier = new SweBenchVerifier(swe, DockerSandbox::start, sweSpec, swe.testTimeout());
        Path goldPatch = Files.writeString(Files.createTempFile("gold", ".patch"), swe.patch());
        Path testPatch = Files.writeString(Files.createTempFile("test", ".patch"), swe.testPatch());
        String eval = "cd /testbed && git checkout " + swe.baseCommit() + " -- " + String.join(" ", SweBenchVerifier.modifiedFiles(swe.testPatch()))
                + " && git apply -v /tmp/test.patch && echo START && { python3 -m pytest -rA "
                + String.join(" ", SweBenchVerifier.filesOf(swe.testPatch())) + " ; } 2>&1; echo END $?";

        TerminalBenchTask tb = TerminalBenchTask.load(TB);
        SandboxSpec tbSpec = images.sandboxSpec(tb);
        Attempts attempt = Attempts.docker();
        java.util.function.BiConsumer<dev.agentic.task.Task, dev.agentic.sandbox.Sandbox> oracle = Attempts.ORACLE;

        // warm-up of every path
        check(verifier.grade(swe.patch()));
        cliSwe(sweSpec.image(), goldPatch, testPatch, eval);
        check(attempt.run(tb, oracle));
        cliTerminalBench(tbSpec.image());

        List<Long> ours = new ArrayList<>();
        List<Long> cli = new ArrayList<>();
        List<Long> tbOurs = new ArrayList<>();
        List<Long> tbCli = new ArrayList<>();
        List<Long> guardBefore = new ArrayList<>();
        List<Long> guardAfter = new ArrayList<>();
        List<Long> snapshot = new ArrayList<>();
        for (int i = 0; i < rounds; i++) { // interleaved, so drift affects both sides alike
            ours.add(time(() -> check(verifier.grade(swe.patch()))));
            cli.add(time(() -> cliSwe(sweSpec.image(), goldPatch, testPatch, eval)));
            tbOurs.add(time(() -> check(attempt.run(tb, oracle))));
            tbCli.add(time(() -> cliTerminalBench(tbSpec.image())));
            try (Sandbox sandbox = DockerSandbox.start(tbSpec)) {
                long start = System.nanoTime();
                GraderGuard guard = GraderGuard.before(sandbox, tbSpec.workdir());
                guardBefore.add((System.nanoTime() - start) / 1_000_000);
                start = System.nanoTime();
                try (Sandbox copy = sandbox.freshCopy()) {
                    snapshot.add((System.nanoTime() - start) / 1_000_000);
                    start = System.nanoTime();
                    if (!guard.check(copy).isEmpty()) {
                        throw new IllegalStateException("an untouched sandbox reported tampering");
                    }
                    guardAfter.add((System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        System.out.printf(Locale.ROOT, "SWE-bench grading of one instance (gold patch), median of %d: ours %d ms, docker CLI script %d ms, ratio %.2f%n",
                rounds, median(ours), median(cli), (double) median(ours) / median(cli));
        System.out.printf(Locale.ROOT, "Terminal-Bench oracle attempt with grader checks, median of %d: ours %d ms, docker CLI %d ms, ratio %.2f%n",
                rounds, median(tbOurs), median(tbCli), (double) median(tbOurs) / median(tbCli));
        System.out.printf(Locale.ROOT, "grader checks per trial: fingerprints before the agent %d ms; after it, a snapshot %d ms"
                + " and the comparison %d ms%n", median(guardBefore), median(snapshot), median(guardAfter));
    }

    private static void check(Grade grade) {
        if (!grade.resolved()) {
            throw new IllegalStateException("the reference solution did not resolve: " + grade.outcome() + " " + grade.detail());
        }
    }

    private static void cliSwe(String image, Path goldPatch, Path testPatch, String eval) {
        String id = cli("docker", "run", "-d", "--network", "none", "--init", image, "sleep", "infinity").strip();
        try {
            cli("docker", "cp", goldPatch.toString(), id + ":/tmp/model.patch");
            cli("docker", "exec", "-w", "/testbed", id, "git", "apply", "--verbose", "/tmp/model.patch");
            cli("docker", "cp", testPatch.toString(), id + ":/tmp/test.patch");
            String out = cli("docker", "exec", id, "bash", "-c", eval);
            if (!out.contains(" passed") || !out.contains("END 0")) {
                throw new IllegalStateException("the CLI baseline's tests did not pass:\n" + out);
            }
        } finally {
            cli("docker", "rm", "-f", id);
        }
    }

    private static void cliTerminalBench(String image) {
        String id = cli("docker", "run", "-d", "--network", "none", "--init", image, "sleep", "infinity").strip();
        try {
            cli("docker", "cp", TB.resolve("solution.sh").toString(), id + ":/oracle.sh");
            cli("docker", "exec", "-w", "/app", id, "bash", "/oracle.sh");
            cli("docker", "exec", id, "mkdir", "-p", "/tests");
            cli("docker", "cp", TB.resolve("tests").toString() + "/.", id + ":/tests");
            cli("docker", "cp", TB.resolve("run-tests.sh").toString(), id + ":/tests/run-tests.sh");
            String out = cli("docker", "exec", "-w", "/app", "-e", "TEST_DIR=/tests", id, "bash", "/tests/run-tests.sh");
            if (!out.contains("PASSED")) {
                throw new IllegalStateException("the CLI baseline's tests did not pass:\n" + out);
            }
        } finally {
            cli("docker", "rm", "-f", id);
        }
    }

    private static String cli(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
