package dev.agentic.bench;

import dev.agentic.trial.TrialResult;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.suite.Suite;
import dev.agentic.task.Task;
import dev.agentic.testing.ChildProcess;
import dev.agentic.testing.Procfs;
import dev.agentic.testing.SecondEngine;
import dev.agentic.testing.Signal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What interruptions do to a bench run: the baseline variant exp-02 on the offline core suite (25 tasks × 2 trials,
 * the offline scripted model: every trial resolves when nothing interrupts it), run through real Maven
 * ({@code mvnw agent:bench}) on a {@link SecondEngine} of its own, interrupted N times at random moments (seeded) by
 * <ul>
 *   <li>SIGINT to the Maven JVM (what Ctrl-C does to it; the bench itself runs in Maven's child JVM),</li>
 *   <li>SIGKILL to the Maven JVM,</li>
 *   <li>stopping the engine (SIGTERM, or SIGKILL of the daemon, its containerd, shims and containers) and starting it
 *       again a few seconds later while the run goes on: not an interruption of Maven; the run should survive it.</li>
 * </ul>
 * After an interruption of Maven the run is resumed with the same run id; after the last one it is left to finish.
 * Then it prints trials lost, redone and duplicated, trials falsely graded, containers and bench JVMs left, and for
 * each interruption the trials in flight and what it did. The first run builds the 25 task images on the fresh
 * engine; interruptions start once its first trial has started.
 *
 * <p>Needs the plugin and runtime of this tree in the local repository: {@code ./mvnw -q install -DskipTests}, then
 * {@code ./mvnw -q -pl agent-runtime test-compile exec:exec@chaos-benchmark [-Dchaos.interruptions=10] [-Dchaos.seed=<n>]}.
 */
public final class ChaosBenchmark {

    static final String VARIANT = "exp-02";
    static final String RUN_ID = "chaos";
    static final int TRIALS = 2;
    static final Duration MIN_DELAY = Duration.ofSeconds(3);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);
    static final Duration SIGINT_GRACE = Duration.ofSeconds(120);
    static final Duration BENCH_JVM_GRACE = Duration.ofSeconds(15);

    /** What an interruption does. */
    enum Kind {
        MAVEN_SIGINT("SIGINT to Maven"),
        MAVEN_SIGKILL("SIGKILL to Maven"),
        ENGINE_SIGTERM("engine stopped (SIGTERM), started again"),
        ENGINE_SIGKILL("engine killed (SIGKILL), started again");

        final String text;

        Kind(String text) {
            this.text = text;
        }

        boolean ofMaven() {
            return this == MAVEN_SIGINT || this == MAVEN_SIGKILL;
        }
    }

    /** One interruption: when, what, the trials running at that moment, and what followed. */
    record Interruption(int number, double atSeconds, Kind kind, Set<String> inFlight, int finished, String effect) {}

    private final Path repo;
    private final Path results;
    private final Path runDirectory;
    private final SecondEngine engine;
    private final Random random;
    private final TrialStarts starts;
    private final Map<Long, ProcessHandle> benchJvms = new ConcurrentHashMap<>();
    private final List<ChildProcess> invocations = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private volatile ChildProcess maven;

    private ChaosBenchmark(Path repo, Path results, SecondEngine engine, Random random) throws IOException {
        this.repo = repo;
        this.results = results;
        this.runDirectory = results.resolve(VARIANT).resolve("results").resolve(RUN_ID);
        this.engine = engine;
        this.random = random;
        this.starts = new TrialStarts(runDirectory.resolve("trajectories"));
    }

    /** Creates the namespace folders of the trajectories (trajectories/tb/, …) first, so that every file is seen being created. */
    private static void prepareTrajectoryFolders(Path runDirectory, List<String> keys) throws IOException {
        for (String key : keys) {
            Files.createDirectories(runDirectory.resolve("trajectories").resolve(key).getParent());
        }
    }

    public static void main(String[] args) throws Exception {
        int interruptions = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].trim()) : 10;
        long seed = args.length > 1 && args[1].trim().matches("-?\\d+") ? Long.parseLong(args[1].trim()) : new Random().nextLong();
        Path repo = repository();
        Path results = Files.createTempDirectory(Path.of("/tmp"), "agentic-chaos-");
        System.out.printf(Locale.ROOT, "chaos benchmark: %d interruptions, seed %d (rerun with -Dchaos.seed=%d); results in %s%n",
                interruptions, seed, seed, results);
        System.out.println("needs this tree's plugin and runtime installed (./mvnw -q install -DskipTests); uses "
                + repo.resolve("experiments/pom.xml"));
        long start = System.nanoTime();
        try (SecondEngine engine = SecondEngine.open()) {
            System.out.printf(Locale.ROOT, "second engine at %s ready in %.1f s (base image loaded)%n", engine.host(), seconds(start));
            List<String> expected = expectedKeys(repo);
            prepareTrajectoryFolders(results.resolve(VARIANT).resolve("results").resolve(RUN_ID), expected);
            ChaosBenchmark chaos = new ChaosBenchmark(repo, results, engine, new Random(seed));
            Thread stopAll = new Thread(chaos::killEverything, "stop the chaos benchmark's processes");
            Runtime.getRuntime().addShutdownHook(stopAll);
            try {
                chaos.run(interruptions, expected);
            } finally {
                chaos.starts.close();
                Runtime.getRuntime().removeShutdownHook(stopAll);
                chaos.killEverything();
            }
        }
        System.out.println("second engine closed; results kept in " + results);
    }

    private void run(int count, List<String> expected) throws Exception {
        var sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench JVMs");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(this::sampleBenchJvms, 0, 250, java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            interruptAndFinish(count, expected);
        } finally {
            sampler.shutdownNow();
        }
    }

    private void interruptAndFinish(int count, List<String> expected) throws Exception {
        launch();
        awaitFirstTrial();
        List<Interruption> done = new ArrayList<>();
        int unprompted = 0;
        while (done.size() < count) {
            Duration delay = MIN_DELAY.plusMillis((long) (random.nextDouble() * (MAX_DELAY.toMillis() - MIN_DELAY.toMillis())));
            if (maven.waitFor(delay)) {
                int exit = ended(maven);
                if (exit == 0) {
                    log("the run finished before interruption %d of %d", done.size() + 1, count);
                    break;
                }
                unprompted++;
                log("Maven ended with exit code %d without being interrupted%s; resuming", exit,
                        done.isEmpty() || done.get(done.size() - 1).kind().ofMaven() ? "" : " (after the engine's restart)");
                launch();
                continue;
            }
            Kind kind = switch (random.nextInt(3)) {
                case 0 -> Kind.MAVEN_SIGINT;
                case 1 -> Kind.MAVEN_SIGKILL;
                default -> random.nextBoolean() ? Kind.ENGINE_SIGTERM : Kind.ENGINE_SIGKILL;
            };
            sampleBenchJvms();
            Set<String> inFlight = inFlight();
            int finished = finishedKeys().size();
            double at = seconds(startNanos);
            log("interruption %d/%d: %s; %d trial(s) in flight, %d of %d finished", done.size() + 1, count, kind.text, inFlight.size(),
                    finished, expected.size());
            String effect = kind.ofMaven() ? interruptMaven(kind) : restartEngine(kind);
            log("  %s", effect);
            done.add(new Interruption(done.size() + 1, at, kind, inFlight, finished, effect));
        }
        int finalRuns = 0;
        while (maven != null) {
            if (!maven.waitFor(RUN_TIMEOUT)) {
                log("the run did not finish within %d minutes; killing Maven", RUN_TIMEOUT.toMinutes());
                maven.signal(Signal.KILL);
                maven.waitFor(Duration.ofSeconds(30));
                ended(maven);
                break;
            }
            int exit = ended(maven);
            if (exit == 0) {
                break;
            }
            unprompted++;
            if (++finalRuns > 5) {
                log("the run failed 5 times in a row after the last interruption; giving up");
                break;
            }
            log("Maven ended with exit code %d without being interrupted; resuming", exit);
            launch();
        }
        Thread.sleep(5_000); // a bench JVM that outlived Maven may still be removing containers
        report(expected, done, unprompted);
    }

    private String interruptMaven(Kind kind) throws InterruptedException {
        ChildProcess interrupted = maven;
        Set<ProcessHandle> benches = benchJvmsOf(interrupted);
        long signalled = System.nanoTime();
        interrupted.signal(kind == Kind.MAVEN_SIGINT ? Signal.INT : Signal.KILL);
        String late = "";
        if (!interrupted.waitFor(SIGINT_GRACE)) {
            late = "; did not end within " + SIGINT_GRACE.toSeconds() + " s, killed";
            interrupted.signal(Signal.KILL);
            interrupted.waitFor(Duration.ofSeconds(30));
        }
        double toExit = seconds(signalled);
        int exit = ended(interrupted);
        long mavenEnded = System.nanoTime();
        long deadline = mavenEnded + BENCH_JVM_GRACE.toNanos();
        while (benches.stream().anyMatch(ChaosBenchmark::alive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double outlived = seconds(mavenEnded);
        List<Long> survivors = benches.stream().filter(ChaosBenchmark::alive).map(ProcessHandle::pid).toList();
        launch();
        return String.format(Locale.ROOT, "Maven exit code %d after %.1f s%s; bench JVM %s; resumed", exit, toExit, late,
                benches.isEmpty() ? "not started yet" : survivors.isEmpty() ? String.format(Locale.ROOT, "ended %.1f s after Maven", outlived)
                        : survivors + " still alive " + BENCH_JVM_GRACE.toSeconds() + " s after Maven ended");
    }

    private String restartEngine(Kind kind) throws InterruptedException {
        long stopped = System.nanoTime();
        if (kind == Kind.ENGINE_SIGTERM) {
            engine.stop();
        } else {
            engine.kill();
        }
        double stopping = seconds(stopped);
        long down = 2_000 + random.nextInt(4_000);
        Thread.sleep(down);
        engine.start();
        double downtime = seconds(stopped);
        Thread.sleep(2_000);
        return String.format(Locale.ROOT, "engine down %.1f s (stopping took %.1f s); 2 s later Maven %s", downtime, stopping,
                maven.isAlive() ? "still runs" : "had ended with exit code " + ended(maven));
    }

    private void report(List<String> expected, List<Interruption> done, int unprompted) throws IOException {
        List<TrialResult> rows = rows();
        Map<String, Long> perKey = rows.stream().collect(Collectors.groupingBy(TrialResult::key, LinkedHashMap::new, Collectors.counting()));
        List<String> lost = expected.stream().filter(k -> !perKey.containsKey(k)).toList();
        Map<String, Long> duplicated = perKey.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        List<TrialResult> falselyGraded = rows.stream().filter(r -> r.graded() && !r.resolved()).toList();
        List<TrialResult> infrastructure = rows.stream().filter(TrialResult::infrastructureFailure).toList();
        List<TrialResult> silentInfrastructure = infrastructure.stream().filter(r -> r.tries().error() == null || r.tries().error().isBlank()).toList();
        List<TrialResult> taskErrors = rows.stream().filter(TrialResult::taskError).toList();
        Map<String, Integer> started = starts.counts();
        int startCount = started.values().stream().mapToInt(Integer::intValue).sum();
        List<String> containers = engine.docker("ps", "-aq").lines().filter(l -> !l.isBlank()).toList();
        List<ProcessHandle> leftJvms = benchJvms.values().stream().filter(ChaosBenchmark::alive).toList();

        System.out.println();
        System.out.printf(Locale.ROOT, "chaos benchmark: %s × %d trials of %s, %d interruption(s), %d Maven run(s), %.0f s in all%n",
                expected.size() / TRIALS + " tasks", TRIALS, VARIANT, done.size(), invocations.size(), seconds(startNanos));
        System.out.printf(Locale.ROOT, "  %-3s %7s  %-40s %8s %9s  %-28s %s%n", "#", "at (s)", "interruption", "finished", "in flight",
                "their rows in the end", "what followed");
        for (Interruption i : done) {
            System.out.printf(Locale.ROOT, "  %-3d %7.1f  %-40s %8d %9d  %-28s %s%n", i.number(), i.atSeconds(), i.kind().text, i.finished(),
                    i.inFlight().size(), fate(i.inFlight(), rows), i.effect());
        }
        for (Interruption i : done) {
            List<String> failed = i.inFlight().stream().flatMap(k -> rows.stream().filter(r -> r.key().equals(k) && !r.resolved()))
                    .map(r -> r.key() + " " + r.score().outcome() + (r.tries().error() == null ? "" : " (" + firstLine(r.tries().error()) + ")")).toList();
            if (!failed.isEmpty()) {
                System.out.printf(Locale.ROOT, "  %d: stored as failures: %s%n", i.number(), String.join("; ", failed));
            }
        }
        System.out.printf(Locale.ROOT, "runs that ended with an error without being interrupted (then resumed): %d%n", unprompted);
        System.out.printf(Locale.ROOT, "rows in trials.jsonl: %d (%d lines that do not parse)%n", rows.size(), tornLines());
        System.out.printf(Locale.ROOT, "trials lost (expected task.trial keys missing in trials.jsonl): %d%s%n", lost.size(), list(lost));
        System.out.printf(Locale.ROOT, "trials redone: %d (trial starts %d − distinct trials started %d; a start is the creation of"
                        + " trajectories/<task>.<trial>.jsonl as inotify reports it: the runner creates it when a trial starts, a resume"
                        + " deletes the files of unfinished trials, so each rerun creates it again; retries after infrastructure errors"
                        + " reuse the file and are not counted here; %d inotify overflow(s))%n",
                startCount - started.size(), startCount, started.size(), starts.overflows());
        System.out.printf(Locale.ROOT, "trials duplicated (task.trial keys more than once in trials.jsonl): %d keys, %d extra rows%s%n",
                duplicated.size(), duplicated.values().stream().mapToLong(n -> n - 1).sum(),
                duplicated.isEmpty() ? "" : " " + duplicated);
        System.out.printf(Locale.ROOT, "falsely graded (graded but not resolved; the scripted model resolves every trial): %d%s%n",
                falselyGraded.size(), list(falselyGraded.stream().map(r -> r.key() + " " + r.score().outcome() + "/" + r.score().failureLabel()).toList()));
        System.out.printf(Locale.ROOT, "stored as infrastructure failures (not rerun on resume): %d, of which without error text: %d%s%n",
                infrastructure.size(), silentInfrastructure.size(),
                list(infrastructure.stream().map(r -> r.key() + ": " + firstLine(String.valueOf(r.tries().error()))).toList()));
        System.out.printf(Locale.ROOT, "stored as task errors: %d%s%n", taskErrors.size(), list(taskErrors.stream().map(TrialResult::key).toList()));
        System.out.printf(Locale.ROOT, "containers left on the second engine (docker ps -aq): %d%s%n", containers.size(), list(containers));
        System.out.printf(Locale.ROOT, "processes left (bench JVMs still alive after the last run ended): %d%s (of %d bench JVMs seen)%n",
                leftJvms.size(), list(leftJvms.stream().map(p -> Long.toString(p.pid())).toList()), benchJvms.size());
        Path runJson = runDirectory.resolve("run.json");
        System.out.println("run.json status: " + (Files.exists(runJson)
                ? Files.readAllLines(runJson).stream().filter(l -> l.contains("\"status\"")).map(String::strip).findFirst().orElse("?")
                : "no run.json"));
    }

    /** What became of the trials in flight at an interruption: resolved (once), stored as a failure, missing, stored twice or more. */
    private static String fate(Set<String> keys, List<TrialResult> rows) {
        int resolved = 0;
        int failed = 0;
        int missing = 0;
        int duplicated = 0;
        for (String key : keys) {
            List<TrialResult> of = rows.stream().filter(r -> r.key().equals(key)).toList();
            if (of.isEmpty()) {
                missing++;
            } else if (of.size() > 1) {
                duplicated++;
            } else if (of.get(0).resolved()) {
                resolved++;
            } else {
                failed++;
            }
        }
        return resolved + " resolved, " + failed + " failed" + (missing == 0 ? "" : ", " + missing + " missing")
                + (duplicated == 0 ? "" : ", " + duplicated + " twice");
    }

    /** Starts {@code mvnw agent:bench} of the run (a resume when the run exists) as the current Maven run. */
    private void launch() throws InterruptedException {
        List<String> command = List.of(repo.resolve("mvnw").toString(), "-B", "-o", "-q", "-f", repo.resolve("experiments/pom.xml").toString(),
                "agent:bench", "-P" + VARIANT, "-Dagent.trials=" + TRIALS, "-Dagent.runId=" + RUN_ID, "-Dagent.resultsDirectory=" + results);
        ChildProcess process = ChildProcess.start(command, repo, Map.of("DOCKER_HOST", engine.host()));
        invocations.add(process);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (process.isAlive() && System.nanoTime() < deadline
                && !Procfs.commandLine(process.pid()).contains("org.codehaus.plexus.classworlds.launcher.Launcher")) {
            Thread.sleep(20); // mvnw and mvn exec the JVM: the same pid
        }
        if (invocations.size() == 1 && Procfs.ignores(process.pid(), 2)) {
            log("warning: the Maven JVM ignores SIGINT (inherited from the shell that started this program): SIGINT will not stop it");
        }
        log("Maven run %d started (pid %d)", invocations.size(), process.pid());
        maven = process;
    }

    /** Waits until the first run has built the task images and started a trial; a run that fails first is a setup error. */
    private void awaitFirstTrial() throws InterruptedException {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (starts.total() == 0) {
            sampleBenchJvms();
            if (!maven.isAlive()) {
                int exit = ended(maven);
                throw new IllegalStateException("the first run ended (exit code " + exit + ") before any trial started; did you run"
                        + " ./mvnw -q install -DskipTests? Its output:\n" + maven.output());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no trial started within " + RUN_TIMEOUT.toMinutes() + " minutes");
            }
            Thread.sleep(200);
        }
        log("first run: task images built and the first trial started after %.1f s; interruptions start now", seconds(startNanos));
    }

    /** Records a Maven run that has ended: its exit code, and its output in maven-<n>.log. */
    private int ended(ChildProcess process) {
        try {
            int exit = process.exitCode(Duration.ofSeconds(30));
            Path log = results.resolve("maven-" + (invocations.indexOf(process) + 1) + ".log");
            if (!Files.exists(log)) {
                Files.writeString(log, process.output() + "\n", StandardCharsets.UTF_8);
            }
            return exit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bench JVMs (AgentCli) that Maven runs have started, so that they can be found after Maven is gone. */
    private void sampleBenchJvms() {
        ChildProcess current = maven;
        if (current != null && current.isAlive()) {
            try {
                benchJvmsOf(current);
            } catch (RuntimeException gone) {
                // a process ended while being looked at; the next sample sees the rest
            }
        }
    }

    private Set<ProcessHandle> benchJvmsOf(ChildProcess process) {
        Set<ProcessHandle> found = new java.util.HashSet<>();
        process.handle().descendants().filter(p -> Procfs.commandLine(p.pid()).contains("dev.agentic.cli.AgentCli")).forEach(p -> {
            benchJvms.putIfAbsent(p.pid(), p);
            found.add(benchJvms.get(p.pid()));
        });
        return found;
    }

    private List<TrialResult> rows() {
        Path file = runDirectory.resolve("trials.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        List<TrialResult> rows = new ArrayList<>();
        for (String line : lines(file)) {
            try {
                rows.add(ResultsStore.JSON.readValue(line, TrialResult.class));
            } catch (IOException torn) {
                // counted by tornLines()
            }
        }
        return rows;
    }

    private long tornLines() {
        Path file = runDirectory.resolve("trials.jsonl");
        return Files.exists(file) ? lines(file).size() - rows().size() : 0;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Set<String> finishedKeys() {
        return rows().stream().map(TrialResult::key).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Trials running now: those whose trajectory a live bench JVM holds open (the runner keeps it open from the start
     * of a trial through its grading). A file left by a killed run is not in flight, even before the resume deletes it.
     */
    private Set<String> inFlight() {
        Path trajectories = runDirectory.resolve("trajectories");
        return benchJvms.values().stream().filter(ChaosBenchmark::alive).flatMap(p -> Procfs.openFiles(p.pid()).stream())
                .filter(f -> f.startsWith(trajectories) && f.toString().endsWith(".jsonl")).map(f -> TrialStarts.key(trajectories, f))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void killEverything() {
        for (ChildProcess process : invocations) {
            if (process.isAlive()) {
                process.signal(Signal.KILL);
            }
        }
        benchJvms.values().stream().filter(ChaosBenchmark::alive).forEach(p -> {
            System.out.println("killing bench JVM " + p.pid() + " left running");
            p.destroyForcibly();
        });
    }

    /** The task.trial keys the run must produce: every task of the suite's core set, trials 1..TRIALS. */
    private static List<String> expectedKeys(Path repo) {
        List<String> keys = new ArrayList<>();
        List<Task> tasks = Suite.load(repo.resolve("experiments/offline-core.yaml"), SandboxSpec.BASE_IMAGE).tasks();
        for (int trial = 1; trial <= TRIALS; trial++) {
            for (Task task : tasks) {
                keys.add(task.id() + "." + trial);
            }
        }
        return keys;
    }

    private static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("mvnw")) && Files.exists(dir.resolve("experiments/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run this from the project (no mvnw with experiments/pom.xml above " + Path.of("").toAbsolutePath() + ")");
    }

    private static boolean alive(ProcessHandle process) {
        return process.isAlive() && !Procfs.ended(process.pid());
    }

    private static String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        return items.size() <= 12 ? " " + items : " " + items.subList(0, 12) + " …";
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    private void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%7.1f s] %s%n", seconds(startNanos), String.format(Locale.ROOT, format, args));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * Trial starts: creations of {@code trajectories/<task>.<trial>.jsonl}, seen by inotify as they happen (a resume
     * deletes the files of unfinished trials, so a file created again is a trial started again).
     */
    static final class TrialStarts implements AutoCloseable {

        private final Path root;
        private final WatchService watch;
        private final Map<String, Integer> counts = new ConcurrentHashMap<>();
        private final AtomicInteger overflows = new AtomicInteger();
        private final Thread thread;

        TrialStarts(Path root) throws IOException {
            this.root = root;
            Files.createDirectories(root);
            this.watch = FileSystems.getDefault().newWatchService();
            register(root);
            this.thread = new Thread(this::watch, "trial starts");
            thread.setDaemon(true);
            thread.start();
        }

        static String key(Path root, Path file) {
            return root.relativize(file).toString().replace('\\', '/').replaceFirst("\\.jsonl$", "");
        }

        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        Map<String, Integer> counts() {
            return Map.copyOf(counts);
        }

        int overflows() {
            return overflows.get();
        }

        private void register(Path dir) throws IOException {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            try (Stream<Path> entries = Files.list(dir)) { // what was created before the registration
                for (Path entry : entries.toList()) {
                    created(entry);
                }
            }
        }

        private void created(Path entry) throws IOException {
            if (Files.isDirectory(entry)) {
                register(entry);
            } else if (entry.getFileName().toString().endsWith(".jsonl")) {
                counts.merge(key(root, entry), 1, Integer::sum);
            }
        }

        private void watch() {
            try {
                while (true) {
                    WatchKey key = watch.take();
                    Path dir = (Path) key.watchable();
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                            overflows.incrementAndGet();
                        } else {
                            created(dir.resolve((Path) event.context()));
                        }
                    }
                    key.reset();
                }
            } catch (InterruptedException | ClosedWatchServiceException ended) {
                // closed
            } catch (IOException e) {
                throw new UncheckedIOException("cannot watch " + root + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            watch.close();
        }
    }
}
