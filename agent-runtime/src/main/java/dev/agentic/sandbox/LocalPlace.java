package dev.agentic.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The {@code local} place: commands run as host processes in temporary folders ({@link LocalSandbox}).
 * <strong>Not isolated</strong>, for development without Docker; images and limits are ignored.
 */
public final class LocalPlace implements Place {

    private final AtomicInteger started = new AtomicInteger();

    @Override
    public String name() {
        return "local";
    }

    @Override
    public boolean isolated() {
        return false;
    }

    @Override
    public int capacity() {
        return 0;
    }

    @Override
    public void open(Duration patience, Consumer<String> log) {
        log.accept("sandbox local: commands run as processes of this machine, NOT isolated (development only; images and limits ignored)");
    }

    /** Nothing is built or pulled: the reference is given back, with no working directory of its own. */
    @Override
    public PreparedImage prepare(ImageSource source) {
        return new PreparedImage(source.ref(), null);
    }

    @Override
    public Sandbox start(SandboxSpec spec) {
        started.incrementAndGet();
        return LocalSandbox.start(spec);
    }

    private enum NoMark implements Mark { INSTANCE }

    @Override
    public Mark mark() {
        return NoMark.INSTANCE;
    }

    @Override
    public String lostSince(Mark mark, boolean graded, Consumer<String> log) {
        return null;
    }

    @Override
    public int removeOrphans() {
        return 0;
    }

    @Override
    public void removeLeftovers(Consumer<String> log) {
        // a local sandbox is gone with its folder
    }

    @Override
    public List<EngineUse> usage() {
        return List.of(new EngineUse("this machine", started.get(), 0, false));
    }

    @Override
    public void close() {
        // each sandbox removes its own folder
    }
}
