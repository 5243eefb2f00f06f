package dev.agentic.testing;

import dev.agentic.sandbox.ImageSource;
import dev.agentic.sandbox.Place;
import dev.agentic.sandbox.PreparedImage;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.sandbox.SandboxSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A place whose sandboxes are {@link MemorySandbox}es, with faults on order: the sandbox starts
 * numbered in {@code failingStarts} fail, and the attempts whose mark is numbered in {@code lostAttempts}
 * are told the engine was lost during them (both 1-based, in the order they happen).
 */
public final class MemoryPlace implements Place {

    private final MemorySandbox.Shell shell;
    private final Set<Integer> failingStarts;
    private final Set<Integer> lostAttempts;
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger marks = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private final List<MemorySandbox> started = new ArrayList<>();
    private boolean closed;

    public MemoryPlace(MemorySandbox.Shell shell, Set<Integer> failingStarts, Set<Integer> lostAttempts) {
        this.shell = shell;
        this.failingStarts = Set.copyOf(failingStarts);
        this.lostAttempts = Set.copyOf(lostAttempts);
    }

    /** A place without faults. */
    public MemoryPlace(MemorySandbox.Shell shell) {
        this(shell, Set.of(), Set.of());
    }

    @Override
    public String name() {
        return "memory";
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
        // always there
    }

    /** Nothing to build or pull: the source's own reference, with no working directory of its own. */
    @Override
    public PreparedImage prepare(ImageSource source) {
        return new PreparedImage(source.ref(), null);
    }

    @Override
    public Sandbox start(SandboxSpec spec) {
        int n = starts.incrementAndGet();
        if (failingStarts.contains(n)) {
            throw new SandboxException("start " + n + " of the memory place fails, as the test asked");
        }
        MemorySandbox sandbox = new MemorySandbox(spec, shell);
        synchronized (started) {
            started.add(sandbox);
        }
        return sandbox;
    }

    private record Numbered(int n) implements Mark {}

    @Override
    public Mark mark() {
        return new Numbered(marks.incrementAndGet());
    }

    @Override
    public String lostSince(Mark mark, boolean graded, Consumer<String> log) {
        if (!lostAttempts.contains(((Numbered) mark).n())) {
            return null;
        }
        lost.incrementAndGet();
        return "the memory engine was lost during it";
    }

    @Override
    public int removeOrphans() {
        return 0;
    }

    @Override
    public void removeLeftovers(Consumer<String> log) {
        // nothing outlives a memory sandbox
    }

    @Override
    public List<EngineUse> usage() {
        return List.of(new EngineUse("memory", starts.get(), lost.get(), false));
    }

    /** Sandboxes started so far (failed starts not counted). */
    public List<MemorySandbox> sandboxes() {
        synchronized (started) {
            return List.copyOf(started);
        }
    }

    /** Starts asked for, failed ones included. */
    public int starts() {
        return starts.get();
    }

    public synchronized boolean closed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
