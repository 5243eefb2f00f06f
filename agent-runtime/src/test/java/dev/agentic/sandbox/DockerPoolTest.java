package dev.agentic.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentic.task.TerminalBenchTask;
import dev.agentic.task.TestFolders;
import dev.agentic.testing.Attempts;
import dev.agentic.testing.SecondEngine;
import dev.agentic.trial.Grading;
import dev.agentic.trial.TrialAgent;
import dev.agentic.trial.TrialPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool on two Docker engines of its own: trial-like units of work run through it as the pipeline runs
 * trials (mark, start, work, close, ask whether the engine was lost, run again elsewhere when it was), and
 * one engine is killed half-way.
 */
class DockerPoolTest {

    static final String IMAGE = System.getProperty("agentic.baseImage", SandboxSpec.BASE_IMAGE);
    static final int UNITS = 12;
    static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** What became of one attempt at a unit. */
    record Attempt(int unit, String engine, boolean completed, String lost, long endedAt) {}

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyUnitCompletesOnceWhenAnEngineIsKilledMidRun() throws Exception {
        try (SecondEngine a = SecondEngine.open(); // the base image copied in with the CLI
             SecondEngine b = SecondEngine.openEmpty()) { // nothing: the pool loads what it needs from a
            Path engines = Files.writeString(dir.resolve("engines.yaml"), "engines:\n"
                    + "  - address: " + a.host() + "\n    concurrency: 2\n"
                    + "  - address: " + b.host() + "\n    concurrency: 2\n");
            List<String> log = new CopyOnWriteArrayList<>();
            List<Attempt> attempts = new CopyOnWriteArrayList<>();
            AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
            Map<String, AtomicInteger> working = new ConcurrentHashMap<>(); // by engine: units between their first command and the end
            try (Place pool = Places.named("docker-pool", PlaceSettings.of(Duration.ZERO).withEngines(engines))) {
                assertThat(pool.capacity()).isEqualTo(4);
                pool.open(TEN_SECONDS, log::add);
                assertThat(pool.removeOrphans()).isZero();

                Path context = Files.createDirectories(dir.resolve("context"));
                Files.writeString(context.resolve("Dockerfile"), "FROM " + IMAGE + "\nWORKDIR /work\nRUN echo built > /built.txt\n");
                Files.createDirectories(context.resolve("tests"));
                Files.writeString(context.resolve("tests/never-built.txt"), "the tests stay out of the build\n");
                ImageSource source = ImageSource.Build.of("agentic/pool-test", context, context.resolve("Dockerfile"), Set.of("tests"),
                        Duration.ofMinutes(5), Map.of("dev.agentic.test", "pool"));
                PreparedImage image = pool.prepare(source);
                assertThat(image.workdir()).as("the image's WORKDIR, read where it was built").isEqualTo("/work");
                SandboxSpec spec = SandboxSpec.of(image.ref().toString()).withWorkdir(image.workdir())
                        .withLimits(new ResourceLimits(0.5, 256L << 20, 128));

                ExecutorService workers = Executors.newFixedThreadPool(pool.capacity());
                Thread killer = new Thread(() -> {
                    try {
                        while (true) { // once each engine has finished work, and while units work on the first
                            long doneOnA = attempts.stream().filter(t -> t.completed() && t.engine().equals(a.host())).count();
                            long doneOnB = attempts.stream().filter(t -> t.completed() && t.engine().equals(b.host())).count();
                            if (doneOnA >= 2 && doneOnB >= 1 && working.getOrDefault(a.host(), new AtomicInteger()).get() > 0) {
                                break;
                            }
                            Thread.sleep(50);
                        }
                        killedAt.set(System.nanoTime());
                        a.kill();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "kill engine a");
                killer.start();
                List<Future<?>> units = new ArrayList<>();
                for (int unit = 0; unit < UNITS; unit++) {
                    int id = unit;
                    units.add(workers.submit(() -> runUntilItCounts(pool, spec, id, attempts, working, log)));
                }
                for (Future<?> unit : units) {
                    unit.get(8, TimeUnit.MINUTES);
                }
                workers.shutdown();
                killer.join(TimeUnit.MINUTES.toMillis(1));
                assertThat(killedAt.get()).as("engine a was killed during the run").isNotEqualTo(Long.MAX_VALUE);

                Map<Integer, List<Attempt>> completed = new ConcurrentHashMap<>();
                attempts.stream().filter(Attempt::completed).forEach(t -> completed.computeIfAbsent(t.unit(), u -> new ArrayList<>()).add(t));
                assertThat(completed).as("units completed").hasSize(UNITS);
                completed.forEach((unit, done) -> assertThat(done).as("completions of unit " + unit).hasSize(1));

                List<Attempt> lost = attempts.stream().filter(t -> t.lost() != null).toList();
                List<Attempt> lostAtWork = lost.stream().filter(t -> t.engine() != null).toList(); // the others failed to start there
                assertThat(lost).as("attempts on the killed engine, run again").isNotEmpty()
                        .allSatisfy(t -> assertThat(t.lost()).contains(a.host()).contains("lost").doesNotContain(b.host()));
                assertThat(lostAtWork).as("attempts whose sandbox ran on the killed engine").isNotEmpty()
                        .allSatisfy(t -> assertThat(t.engine()).isEqualTo(a.host()));
                assertThat(attempts).filteredOn(t -> t.completed() && t.engine().equals(a.host()))
                        .as("what counts from engine a ended before it was killed").allSatisfy(t -> assertThat(t.endedAt()).isLessThan(killedAt.get()));
                long completedOnB = attempts.stream().filter(t -> t.completed() && t.engine().equals(b.host())).count();
                long completedOnA = attempts.stream().filter(t -> t.completed() && t.engine().equals(a.host())).count();
                assertThat(completedOnA + completedOnB).isEqualTo(UNITS);
                assertThat(attempts).filteredOn(t -> t.engine() != null && t.engine().equals(a.host()) && t.endedAt() > killedAt.get() + 5_000_000_000L)
                        .as("no attempt started on engine a after it was drained").isEmpty();

                List<Place.EngineUse> usage = pool.usage();
                assertThat(usage).extracting(Place.EngineUse::engine).containsExactly(a.host(), b.host());
                Place.EngineUse onA = usage.get(0);
                Place.EngineUse onB = usage.get(1);
                assertThat(onA.drained()).as("the killed engine is drained").isTrue();
                assertThat(onB.drained()).isFalse();
                assertThat(onA.lost()).isEqualTo(lost.size());
                assertThat(onB.lost()).isZero();
                long startedOnA = attempts.stream().filter(t -> a.host().equals(t.engine())).count();
                assertThat(onA.started()).as("sandboxes started on a: the units it completed and the attempts it lost at work")
                        .isEqualTo(completedOnA + lostAtWork.size()).isEqualTo(startedOnA);
                assertThat(onB.started()).as("sandboxes started on b: the rest").isEqualTo(completedOnB);
                assertThat(onA.started() + onB.started()).isEqualTo(UNITS + lostAtWork.size());

                assertThat(log).anyMatch(line -> line.contains("loaded into " + b.host() + " from " + a.host()));
                assertThat(log).anyMatch(line -> line.contains(a.host()) && line.contains("drained"));
                assertThatThrownBy(() -> pool.lostSince(markAfterLosingEverything(pool, spec, b), false, log::add))
                        .isInstanceOf(Place.PlaceLost.class).hasMessageContaining("every engine");
            }
            b.start(); // stopped at the end, to lose every engine
            assertThat(b.docker("ps", "-aq").strip()).as("containers left on the engine that stayed").isEmpty();
        }
    }

    /** The pipeline's loop for one trial: an attempt that overlaps a lost engine is run again, elsewhere. */
    private static void runUntilItCounts(Place pool, SandboxSpec spec, int unit, List<Attempt> attempts, Map<String, AtomicInteger> working,
                                         List<String> log) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            Place.Mark mark = pool.mark();
            String engine = null;
            boolean graded = false;
            try (Sandbox sandbox = pool.start(spec.withLabels(Map.of("dev.agentic.test", "pool", "unit", Integer.toString(unit))))) {
                engine = ((DockerSandbox) sandbox).engine().address();
                sandbox.writeText("unit.txt", "unit " + unit + "\n");
                ExecResult first = sandbox.exec("cat unit.txt /built.txt && pwd", TEN_SECONDS);
                AtomicInteger here = working.computeIfAbsent(engine, e -> new AtomicInteger());
                here.incrementAndGet();
                ExecResult second;
                try {
                    second = sandbox.exec("sleep 1.5; echo done", TEN_SECONDS);
                } finally {
                    here.decrementAndGet();
                }
                graded = first.exitCode() == 0 && first.stdout().equals("unit " + unit + "\nbuilt\n/work\n") && second.stdout().equals("done\n");
            } catch (SandboxException e) {
                log.add("unit " + unit + " attempt " + attempt + " failed: " + e.getMessage().lines().findFirst().orElse(""));
            }
            String lost = pool.lostSince(mark, graded, log::add);
            attempts.add(new Attempt(unit, engine, lost == null && graded, lost, System.nanoTime()));
            if (lost == null) {
                assertThat(graded).as("unit " + unit + " on " + engine + " failed without an engine being lost").isTrue();
                return;
            }
        }
        throw new AssertionError("unit " + unit + " never completed");
    }

    /** A mark that used engine {@code b}, which is then stopped: nothing is left to run on. */
    private static Place.Mark markAfterLosingEverything(Place pool, SandboxSpec spec, SecondEngine b) {
        Place.Mark mark = pool.mark();
        try (Sandbox sandbox = pool.start(spec)) {
            sandbox.exec("true", TEN_SECONDS);
        }
        b.stop();
        return mark;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aBaseImageNoEngineOfThePoolCanGetIsAnInfrastructureFailureNotABrokenTask() throws Exception {
        try (SecondEngine empty = SecondEngine.openEmpty()) { // no image, and no registry to pull from
            Path engines = Files.writeString(dir.resolve("engines.yaml"), "engines:\n  - address: " + empty.host() + "\n    concurrency: 1\n");
            Path folder = TestFolders.copy(Path.of("src/test/resources/tasks/tb-compose"), dir.resolve("task")); // FROM agentic/base:bookworm
            TerminalBenchTask task = TerminalBenchTask.load(folder);
            List<String> log = new CopyOnWriteArrayList<>();
            try (Place pool = Places.named("docker-pool", PlaceSettings.of(Duration.ZERO).withEngines(engines))) {
                pool.open(TEN_SECONDS, log::add);
                TrialPipeline pipeline = TrialPipeline.at(pool, Grading.benchmark(pool, 1.0, Set.of()));
                TrialAgent oracle = new TrialAgent.Acting("oracle", Attempts.ORACLE);

                dev.agentic.trial.Attempt lacking = pipeline.attempt(task, oracle);

                assertThat(lacking).as("the engine's lack, not the task's error").isInstanceOf(dev.agentic.trial.Attempt.Infrastructure.class);
                assertThat(((dev.agentic.trial.Attempt.Infrastructure) lacking).error()).startsWith(folder.resolve("Dockerfile") + ":1: FROM "
                        + SandboxSpec.BASE_IMAGE + ": the base image is not on the Docker engine at " + empty.host()
                        + ", no other engine of the pool could supply it, and it could not be pulled (");

                empty.load(SandboxSpec.BASE_IMAGE); // as a retry finds it once the engine has the image: nothing was remembered as broken
                dev.agentic.trial.Attempt graded = pipeline.attempt(task, oracle);
                assertThat(graded).as(String.valueOf(graded)).isInstanceOfSatisfying(dev.agentic.trial.Attempt.Graded.class,
                        g -> assertThat(g.grade().resolved()).isTrue());
            }
        }
    }

    @Test
    void aPoolWithoutEnginesFileOrWithAWrongOneIsRefusedNamingWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> Places.named("docker-pool", Duration.ZERO)).hasMessageContaining("needs an engines file")
                .hasMessageContaining("--engines");
        Path certs = Files.createDirectories(dir.resolve("certs"));
        Files.writeString(certs.resolve("ca.pem"), "x");
        List<String[]> cases = List.of(
                new String[] {"engines: []\n", "engines.yaml:1:10: field 'engines': expected a non-empty list of engines ({address: …, concurrency: …}), found an empty list"},
                new String[] {"- address: unix:///a.sock\n", "engines.yaml:1:1: expected a mapping with 'engines:"},
                new String[] {"engine:\n  - address: unix:///a.sock\n", "engines.yaml:2:3: unknown field 'engine'; expected only 'engines'"},
                new String[] {"engines:\n  - address: unix:///a.sock\n", "engines.yaml:2:5: engine 1: field 'concurrency': expected a whole number from 1 to 256 (sandboxes it runs at once), found nothing"},
                new String[] {"engines:\n  - address: unix:///a.sock\n    concurrency: 0\n", "engines.yaml:3:18: engine 1: field 'concurrency': expected a whole number from 1 to 256 (sandboxes it runs at once), found '0'"},
                new String[] {"engines:\n  - address: unix:///a.sock\n    concurrency: two\n", "found 'two'"},
                new String[] {"engines:\n  - {address: unix:///a.sock, concurrency: 1}\n  - {address: ssh://h, concurrency: 1}\n",
                        "engines.yaml:3:15: engine 2: field 'address': 'ssh://h' has the unsupported scheme 'ssh'"},
                new String[] {"engines:\n  - {address: 'tcp://host', concurrency: 1}\n", "engines.yaml:2:15: engine 1: field 'address': 'tcp://host' needs a host and a port"},
                new String[] {"engines:\n  - {address: unix:///a.sock, concurrency: 1}\n  - {address: unix:///a.sock, concurrency: 2}\n",
                        "engines.yaml:3:15: engine 2: field 'address': unix:///a.sock is listed already as engine 1"},
                new String[] {"engines:\n  - {address: unix:///a.sock, concurrency: 1, weight: 3}\n", "engines.yaml:2:55: engine 1: unknown field 'weight'"},
                new String[] {"engines:\n  - {address: 'tcp://h:2376', concurrency: 1, tls: certs}\n",
                        "engines.yaml:2:52: engine 1: field 'tls': the TLS folder " + certs + " has no cert.pem; expected ca.pem, cert.pem, key.pem"},
                new String[] {"engines:\n  - {address: unix:///a.sock, concurrency: 1, tls: certs}\n", "engines.yaml:2:52: engine 1: field 'tls': TLS material is for a tcp:// engine"},
                new String[] {"engines: [\n", "engines.yaml:2:1: not valid YAML"});
        for (String[] bad : cases) {
            Path file = Files.writeString(dir.resolve("engines.yaml"), bad[0]);
            assertThatThrownBy(() -> Places.named("docker-pool", PlaceSettings.of(Duration.ZERO).withEngines(file)))
                    .as(bad[0]).hasMessageContaining(bad[1].startsWith("engines.yaml") ? dir + "/" + bad[1] : bad[1]);
        }
        assertThatThrownBy(() -> Places.named("docker-pool", PlaceSettings.of(Duration.ZERO).withEngines(dir.resolve("absent.yaml"))))
                .hasMessageContaining("absent.yaml: file does not exist");

        Path good = Files.writeString(dir.resolve("good.yaml"), "engines:\n  - {address: unix:///nowhere/a.sock, concurrency: 3}\n"
                + "  - {address: 'tcp://127.0.0.1:1', concurrency: 2}\n");
        try (Place pool = Places.named("docker-pool", PlaceSettings.of(Duration.ZERO).withEngines(good))) {
            assertThat(pool.capacity()).isEqualTo(5);
            assertThat(pool.usage()).extracting(Place.EngineUse::engine).containsExactly("unix:///nowhere/a.sock", "tcp://127.0.0.1:1");
            assertThatThrownBy(() -> pool.open(Duration.ZERO, line -> { })).isInstanceOf(SandboxException.class)
                    .hasMessageContaining("no engine of the docker-pool in " + good + " answers")
                    .hasMessageContaining("unix:///nowhere/a.sock (").hasMessageContaining("tcp://127.0.0.1:1 (");
        }
    }
}
