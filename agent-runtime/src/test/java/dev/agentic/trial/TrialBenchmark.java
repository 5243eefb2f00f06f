package dev.agentic.trial;

import dev.agentic.agent.EpisodeResult;
import dev.agentic.sandbox.DockerPlace;
import dev.agentic.sandbox.DockerSandbox;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.task.TaskImages;
import dev.agentic.task.TerminalBenchTask;
import dev.agentic.testing.TimedPlace;
import dev.agentic.testing.TimedPlace.Call;
import dev.agentic.testing.TimedPlace.Role;
import dev.agentic.verify.Grade;
import dev.agentic.verify.GraderGuard;
import dev.agentic.verify.ReferenceSolution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The harness's cost per trial, against the docker CLI doing the same steps by hand, in one run:
 * five offline Terminal-Bench tasks of {@code experiments/tasks}, each attempted by its reference
 * solution through the real {@link TrialPipeline} (the docker place, graded by the benchmark with
 * every grader check, as {@code agentx validate} does it), by {@code docker-cli-graded-trial.sh}
 * (the pipeline's steps with the docker CLI, the grader's checks included: the harness's overhead is
 * the ratio to this one) and by {@code docker-cli-trial.sh} (create a container, copy the solution in
 * and run it, copy the tests in and run them, remove it: the ratio to this one is what the grader's
 * checks cost on top), interleaved and rotating which goes first, after the images are built and
 * one warm-up round. Prints per task and overall the medians and the ratios (ours / the CLI's), then
 * where the time goes: per step of a trial (container start, the guard's fingerprints, the agent,
 * what runs in the agent's container after it, the snapshot, the comparison, the tests, removal) and
 * per kind of call to the sandbox, next to the CLI's steps.
 *
 * <p>Run with {@code ./mvnw -q -pl agent-runtime test-compile exec:exec@trial-benchmark}; argument:
 * the number of measured rounds (default 7).
 */
public final class TrialBenchmark {

    private static final Path TASKS = Path.of("../experiments/tasks");
    private static final List<String> NAMES = List.of("hello-world", "csv-to-json-report", "log-error-summary",
            "sqlite-orders-query", "text-dedupe-normalize");
    private static final Path CLI = Path.of("src/test/resources/trial-benchmark/docker-cli-trial.sh");
    private static final Path CLI_GRADED = Path.of("src/test/resources/trial-benchmark/docker-cli-graded-trial.sh");

    /** The steps of a trial, in their order. */
    private static final List<String> STEPS = List.of("container start", "guard fingerprints", "agent", "agent's container after it",
            "snapshot", "comparison", "tests", "removal", "other");
    private static final List<String> CLI_STEPS = List.of("start", "agent", "snapshot", "comparison", "tests", "removal");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<TerminalBenchTask> tasks = NAMES.stream().map(name -> TerminalBenchTask.load(TASKS.resolve(name))).toList();
        TaskImages images = new TaskImages(Duration.ofMinutes(10));
        Map<String, SandboxSpec> specs = new LinkedHashMap<>();
        Map<String, GraderGuard> guards = new LinkedHashMap<>();
        for (TerminalBenchTask task : tasks) {
            SandboxSpec spec = images.sandboxSpec(task); // built once, before anything is measured
            specs.put(task.id(), spec);
            try (DockerSandbox sandbox = DockerSandbox.start(spec)) { // what the CLI's grader steps need: the listing's environment, the tools
                guards.put(task.id(), GraderGuard.before(sandbox, spec.workdir()));
            }
        }
        Path listing = Files.createTempFile("grader-listing-", ".sh");
        Files.writeString(listing, GraderGuard.listingScript());
        try (TimedPlace place = new TimedPlace(DockerPlace.fromEnvironment(Duration.ofMinutes(1)))) {
            place.open(Duration.ofSeconds(30), System.err::println);
            TrialPipeline pipeline = TrialPipeline.at(place, Grading.benchmark(place, 1.0, Set.of()));
            Map<String, List<Long>> ours = new LinkedHashMap<>();
            Map<String, List<Long>> graded = new LinkedHashMap<>();
            Map<String, List<Long>> cli = new LinkedHashMap<>();
            Map<String, List<Long>> steps = new LinkedHashMap<>();
            Map<String, List<Long>> gradedSteps = new LinkedHashMap<>();
            Map<String, List<Long>> cliSteps = new LinkedHashMap<>();
            Map<String, List<Long>> callCounts = new TreeMap<>();
            Map<String, List<Long>> callMillis = new TreeMap<>();
            List<Double> pairRatios = new ArrayList<>();
            List<Double> gradedPairRatios = new ArrayList<>();
            for (TerminalBenchTask task : tasks) { // warm-up of every path, every task
                ours(pipeline, place, task);
                cliGraded(task, specs.get(task.id()), guards.get(task.id()), listing);
                cli(task, specs.get(task.id()));
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < tasks.size(); i++) {
                    TerminalBenchTask task = tasks.get(i);
                    Trial mine = null;
                    CliTrial same = null;
                    CliTrial theirs = null;
                    for (int turn = 0; turn < 3; turn++) { // rotating, so drift and caches favour none
                        switch ((round + i + turn) % 3) {
                            case 0 -> mine = ours(pipeline, place, task);
                            case 1 -> same = cliGraded(task, specs.get(task.id()), guards.get(task.id()), listing);
                            default -> theirs = cli(task, specs.get(task.id()));
                        }
                    }
                    ours.computeIfAbsent(task.id(), k -> new ArrayList<>()).add(mine.millis());
                    graded.computeIfAbsent(task.id(), k -> new ArrayList<>()).add(same.millis());
                    cli.computeIfAbsent(task.id(), k -> new ArrayList<>()).add(theirs.millis());
                    pairRatios.add((double) mine.millis() / theirs.millis());
                    gradedPairRatios.add((double) mine.millis() / same.millis());
                    mine.steps().forEach((step, ms) -> steps.computeIfAbsent(step, k -> new ArrayList<>()).add(ms));
                    same.steps().forEach((step, ms) -> gradedSteps.computeIfAbsent(step, k -> new ArrayList<>()).add(ms));
                    theirs.steps().forEach((step, ms) -> cliSteps.computeIfAbsent(step, k -> new ArrayList<>()).add(ms));
                    Map<String, long[]> byKind = new TreeMap<>();
                    for (Call call : mine.calls()) {
                        long[] sum = byKind.computeIfAbsent(call.role().name().toLowerCase(Locale.ROOT) + " " + call.op(), k -> new long[2]);
                        sum[0]++;
                        sum[1] += call.millis();
                    }
                    byKind.forEach((kind, sum) -> {
                        callCounts.computeIfAbsent(kind, k -> new ArrayList<>()).add(sum[0]);
                        callMillis.computeIfAbsent(kind, k -> new ArrayList<>()).add(sum[1]);
                    });
                }
            }
            System.out.printf(Locale.ROOT, "Terminal-Bench oracle trials, %d tasks × %d rounds, medians (ours = TrialPipeline on the docker place"
                    + " with every grader check; same steps = docker-cli-graded-trial.sh, the pipeline's steps with the docker CLI;"
                    + " no checks = docker-cli-trial.sh, a trial without the grader's checks):%n", tasks.size(), rounds);
            List<Long> allOurs = new ArrayList<>();
            List<Long> allGraded = new ArrayList<>();
            List<Long> allCli = new ArrayList<>();
            for (TerminalBenchTask task : tasks) {
                long o = median(ours.get(task.id()));
                long g = median(graded.get(task.id()));
                long c = median(cli.get(task.id()));
                allOurs.addAll(ours.get(task.id()));
                allGraded.addAll(graded.get(task.id()));
                allCli.addAll(cli.get(task.id()));
                System.out.printf(Locale.ROOT, "  %-26s ours %5d ms   same steps %5d ms  ratio %.2f   no checks %5d ms  ratio %.2f%n",
                        task.id(), o, g, (double) o / g, c, (double) o / c);
            }
            System.out.printf(Locale.ROOT, "  %-26s ours %5d ms   same steps %5d ms  ratio %.2f   no checks %5d ms  ratio %.2f%n", "overall",
                    median(allOurs), median(allGraded), (double) median(allOurs) / median(allGraded), median(allCli),
                    (double) median(allOurs) / median(allCli));
            System.out.printf(Locale.ROOT, "  median of the paired ratios: %.2f to the same steps (the harness's overhead), %.2f to no checks%n",
                    medianOf(gradedPairRatios), medianOf(pairRatios));
            System.out.println("where a trial's time goes (medians per trial, ms):");
            System.out.println("  ours:       " + String.join(", ", STEPS.stream().filter(steps::containsKey)
                    .map(s -> s + " " + median(steps.get(s))).toList()));
            System.out.println("  same steps: " + String.join(", ", CLI_STEPS.stream().filter(gradedSteps::containsKey)
                    .map(s -> s + " " + median(gradedSteps.get(s))).toList()));
            System.out.println("  no checks:  " + String.join(", ", CLI_STEPS.stream().filter(cliSteps::containsKey)
                    .map(s -> s + " " + median(cliSteps.get(s))).toList()));
            System.out.println("calls to the sandbox per trial (median count, median total ms, ms per call):");
            callCounts.forEach((kind, counts) -> {
                long n = median(counts);
                long ms = median(callMillis.get(kind));
                System.out.printf(Locale.ROOT, "  %-20s %3d × %5d ms  %5d ms/call%n", kind, n, ms, n == 0 ? 0 : ms / n);
            });
        }
    }

    /** One trial of ours: its wall time, its steps and the calls it made. */
    private record Trial(long millis, Map<String, Long> steps, List<Call> calls) {}

    /** One trial of the CLI script: its wall time and its steps. */
    private record CliTrial(long millis, Map<String, Long> steps) {}

    private static Trial ours(TrialPipeline pipeline, TimedPlace place, TerminalBenchTask task) {
        place.take();
        TrialAgent oracle = new TrialAgent.Acting("oracle", (t, sandbox) -> place.mark(Role.TRIAL, "agent", () -> {
            ReferenceSolution.apply(t, sandbox); // what TrialAgent.Oracle does, marked
            return null;
        }));
        long start = System.nanoTime();
        Attempt attempt = pipeline.attempt(task, oracle);
        long end = System.nanoTime();
        if (!(attempt instanceof Attempt.Graded graded) || !graded.grade().resolved()) {
            throw new IllegalStateException(task.id() + ": the reference solution did not resolve: " + describe(attempt));
        }
        List<Call> calls = place.take();
        return new Trial((end - start) / 1_000_000, steps(calls, start, end), calls.stream().filter(c -> !c.op().equals("agent")).toList());
    }

    private static String describe(Attempt attempt) {
        if (attempt instanceof Attempt.Graded graded) {
            Grade grade = graded.grade();
            return grade.outcome() + " " + grade.detail() + "\n" + grade.output();
        }
        return attempt.toString();
    }

    /** The wall time of each step: the union of its calls' intervals; "other" is what no call covers. */
    private static Map<String, Long> steps(List<Call> calls, long start, long end) {
        long agentStart = calls.stream().filter(c -> c.op().equals("agent")).mapToLong(Call::start).findFirst().orElse(end);
        Map<String, List<long[]>> spans = new LinkedHashMap<>();
        for (Call call : calls) {
            String step;
            if (call.op().equals("start")) {
                step = "container start";
            } else if (call.op().equals("agent")) {
                step = "agent";
            } else if (call.op().equals("close")) {
                step = "removal";
            } else if (call.op().equals("freshCopy")) {
                step = "snapshot";
            } else if (call.role() == Role.COPY) {
                step = GUARD_SCRIPTS.stream().anyMatch(call.what()::startsWith) || call.op().startsWith("readFile") ? "comparison" : "tests";
            } else if (isInsideAgent(calls, call)) {
                continue; // the agent's own calls count in its turn
            } else {
                step = call.start() < agentStart ? "guard fingerprints" : "agent's container after it";
            }
            spans.computeIfAbsent(step, k -> new ArrayList<>()).add(new long[] {call.start(), call.end()});
        }
        Map<String, Long> steps = new LinkedHashMap<>();
        List<long[]> all = new ArrayList<>();
        for (String step : STEPS) {
            List<long[]> of = spans.get(step);
            if (of != null) {
                steps.put(step, union(of) / 1_000_000);
                all.addAll(of);
            }
        }
        steps.put("other", (end - start - union(all)) / 1_000_000);
        return steps;
    }

    private static boolean isInsideAgent(List<Call> calls, Call call) {
        return calls.stream().anyMatch(c -> c.op().equals("agent") && c.start() <= call.start() && call.end() <= c.end());
    }

    /** Nanoseconds covered by at least one of {@code spans}. */
    private static long union(List<long[]> spans) {
        List<long[]> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        long covered = 0;
        long from = Long.MIN_VALUE;
        long to = Long.MIN_VALUE;
        for (long[] span : sorted) {
            if (span[0] > to) {
                covered += to - from;
                from = span[0];
                to = span[1];
            } else {
                to = Math.max(to, span[1]);
            }
        }
        return covered + (to - from);
    }

    /** The grader's own scripts, by which its calls on the copy are told from the tests'. */
    private static final List<String> GUARD_SCRIPTS = List.of(resource("grader-listing.sh"), resource("grader-discovery.sh"), resource("grader-identity.sh"), "for p in /proc/");

    private static String resource(String name) {
        try (InputStream in = Grade.class.getResourceAsStream(name)) {
            if (in == null) {
                return "\0"; // a script this version does not have: no command starts with it
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.substring(0, Math.min(200, text.length()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CliTrial cli(TerminalBenchTask task, SandboxSpec spec) {
        var limits = spec.limits();
        return script(task, new ProcessBuilder("bash", CLI.toString(), spec.image(), spec.workdir(), task.dir().toString(),
                String.valueOf(limits.cpus()), String.valueOf(limits.memoryBytes()), String.valueOf(limits.pids())));
    }

    private static CliTrial cliGraded(TerminalBenchTask task, SandboxSpec spec, GraderGuard guard, Path listing) {
        var limits = spec.limits();
        List<String> command = new ArrayList<>(List.of("bash", CLI_GRADED.toString(), spec.image(), spec.workdir(), task.dir().toString(),
                String.valueOf(limits.cpus()), String.valueOf(limits.memoryBytes()), String.valueOf(limits.pids()), listing.toString()));
        command.addAll(guard.tools());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(guard.listingEnvironment());
        return script(task, builder);
    }

    private static CliTrial script(TerminalBenchTask task, ProcessBuilder builder) {
        try {
            long start = System.nanoTime();
            Process process = builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (exit != 0 || !out.contains("resolved yes")) {
                throw new IllegalStateException(task.id() + ": the CLI baseline " + builder.command().get(1) + " did not resolve (exit " + exit + "):\n" + out);
            }
            Map<String, Long> steps = new LinkedHashMap<>();
            for (String line : out.lines().toList()) {
                String[] f = line.split(" ");
                if (f.length == 2 && CLI_STEPS.contains(f[0])) {
                    steps.put(f[0], Long.parseLong(f[1]));
                }
            }
            return new CliTrial(millis, steps);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
