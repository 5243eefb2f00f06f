package dev.agentic.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The {@code docker} place: one Docker engine, the one {@code DOCKER_HOST} names (with
 * {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}, as the Docker CLI reads them; else the default socket). The engine is asked every second while the place is open; an attempt that overlaps a
 * loss is answered with the loss, after the engine has been waited for (up to {@code engineWait}).
 */
public final class DockerPlace implements Place {

    /** An attempt that fails this soon after the engine came back is blamed on the loss. */
    private static final Duration ENGINE_SETTLE = Duration.ofSeconds(30);

    private final DockerEngine engine;
    private final Duration engineWait;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();

    private DockerPlace(DockerEngine engine, Duration engineWait) {
        this.engine = engine;
        this.engineWait = engineWait;
    }

    /** The engine of this process's environment; a lost engine is waited for up to {@code engineWait}. */
    public static DockerPlace fromEnvironment(Duration engineWait) {
        return new DockerPlace(DockerEngine.fromEnvironment(), engineWait);
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public boolean isolated() {
        return true;
    }

    @Override
    public int capacity() {
        return 0;
    }

    @Override
    public void open(Duration patience, Consumer<String> log) {
        if (!engine.answers() && !engine.awaitAnswer(patience, log)) { // perhaps restarting: wait a little, then name the engine
            engine.requireAnswer();
        }
        ContainerNetwork.requireExisting(engine);
        engine.watch();
    }

    @Override
    public PreparedImage prepare(ImageSource source) {
        return engine.images().prepare(source);
    }

    @Override
    public Sandbox start(SandboxSpec spec) {
        started.incrementAndGet();
        return DockerSandbox.start(engine, spec);
    }

    private record EngineMark(long faults, long nanoTime) implements Mark {}

    @Override
    public Mark mark() {
        return new EngineMark(engine.faults(), System.nanoTime());
    }

    @Override
    public String lostSince(Mark mark, boolean graded, Consumer<String> log) {
        EngineMark before = (EngineMark) mark;
        boolean lostDuring = engine.faults() != before.faults() || !engine.answers() // a grade too may come from a loss not yet seen
                || !graded && engine.backShortlyBefore(before.nanoTime(), ENGINE_SETTLE);
        if (!lostDuring) {
            return null;
        }
        lost.incrementAndGet();
        if (!engine.awaitAnswer(engineWait, log)) {
            throw new PlaceLost("the Docker engine at " + engine.address() + " did not answer for " + DockerEngine.human(engineWait)
                    + " (" + engine.lastError() + ")");
        }
        DockerSandbox.dropStaleConnections(engine);
        return "the Docker engine at " + engine.address() + " was lost during it";
    }

    /** Where the engine is, for messages. */
    public String address() {
        return engine.address();
    }

    @Override
    public int removeOrphans() {
        return DockerSandbox.removeOrphans(engine);
    }

    @Override
    public void removeLeftovers(Consumer<String> log) {
        if (!engine.answers() && !engine.awaitAnswer(engineWait, log)) {
            log.accept("warning: the Docker engine at " + engine.address() + " does not answer; the containers this run left on it"
                    + " are removed by the next run");
            return;
        }
        int leftovers = DockerSandbox.removeLeftovers();
        if (leftovers > 0) {
            log.accept("removed " + leftovers + " container(s) of this run that the engine kept when it was lost");
        }
    }

    @Override
    public List<EngineUse> usage() {
        return List.of(new EngineUse(engine.address(), started.get(), lost.get(), false));
    }

    @Override
    public void close() {
        engine.stopWatching();
    }
}
