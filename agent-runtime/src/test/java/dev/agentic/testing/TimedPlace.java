package dev.agentic.testing;

import dev.agentic.sandbox.ExecOptions;
import dev.agentic.sandbox.ExecResult;
import dev.agentic.sandbox.Place;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A place that records every call made to its sandboxes (and to the fresh copies taken of them)
 * with its start and end, for profiles of where a trial's time goes. It changes nothing: every call
 * goes to the place it wraps. The record is shared by every thread; {@link #take()} empties it.
 */
public final class TimedPlace implements Place {

    /** Which sandbox a call went to: the trial's own, or a fresh copy of it. */
    public enum Role { TRIAL, COPY }

    /** One call: {@code op} is the method, {@code what} its first argument (a command, a path), nanos from {@link System#nanoTime()}. */
    public record Call(Role role, String op, String what, long start, long end) {
        public long millis() {
            return (end - start) / 1_000_000;
        }
    }

    private final Place place;
    private final List<Call> calls = new ArrayList<>();

    public TimedPlace(Place place) {
        this.place = place;
    }

    /** The calls recorded since the last take, in the order they ended. */
    public synchronized List<Call> take() {
        List<Call> taken = List.copyOf(calls);
        calls.clear();
        return taken;
    }

    /** Records {@code work} as a call of its own (a step the caller marks, such as the agent's turn). */
    public <T> T mark(Role role, String op, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            record(new Call(role, op, "", start, System.nanoTime()));
        }
    }

    private synchronized void record(Call call) {
        calls.add(call);
    }

    @Override
    public String name() {
        return place.name();
    }

    @Override
    public boolean isolated() {
        return place.isolated();
    }

    @Override
    public int capacity() {
        return place.capacity();
    }

    @Override
    public void open(Duration patience, Consumer<String> log) {
        place.open(patience, log);
    }

    @Override
    public dev.agentic.sandbox.PreparedImage prepare(dev.agentic.sandbox.ImageSource source) {
        return place.prepare(source);
    }

    @Override
    public Sandbox start(SandboxSpec spec) {
        return new Timed(Role.TRIAL, mark(Role.TRIAL, "start", () -> place.start(spec)));
    }

    @Override
    public Mark mark() {
        return place.mark();
    }

    @Override
    public String lostSince(Mark mark, boolean graded, Consumer<String> log) {
        return place.lostSince(mark, graded, log);
    }

    @Override
    public int removeOrphans() {
        return place.removeOrphans();
    }

    @Override
    public void removeLeftovers(Consumer<String> log) {
        place.removeLeftovers(log);
    }

    @Override
    public List<EngineUse> usage() {
        return place.usage();
    }

    @Override
    public void close() {
        place.close();
    }

    /** A sandbox whose calls are recorded under {@code role}. */
    private final class Timed implements Sandbox {
        private final Role role;
        private final Sandbox sandbox;

        Timed(Role role, Sandbox sandbox) {
            this.role = role;
            this.sandbox = sandbox;
        }

        private <T> T timed(String op, String what, Supplier<T> work) {
            long start = System.nanoTime();
            try {
                return work.get();
            } finally {
                record(new Call(role, op, what, start, System.nanoTime()));
            }
        }

        private void timed(String op, String what, Runnable work) {
            timed(op, what, () -> {
                work.run();
                return null;
            });
        }

        @Override
        public SandboxSpec spec() {
            return sandbox.spec();
        }

        @Override
        public ExecResult exec(String command, Duration timeout, ExecOptions options) {
            return timed("exec", command, () -> sandbox.exec(command, timeout, options));
        }

        @Override
        public Sandbox freshCopy() {
            return new Timed(Role.COPY, timed("freshCopy", "", sandbox::freshCopy));
        }

        @Override
        public void writeFile(String path, byte[] content) {
            timed("writeFile", path, () -> sandbox.writeFile(path, content));
        }

        @Override
        public void writeFile(String path, byte[] content, int mode) {
            timed("writeFile", path, () -> sandbox.writeFile(path, content, mode));
        }

        @Override
        public byte[] readFile(String path) {
            return timed("readFile", path, () -> sandbox.readFile(path));
        }

        @Override
        public java.util.Map<String, byte[]> readFiles(java.util.Collection<String> paths) {
            return timed("readFiles", String.join(" ", paths), () -> sandbox.readFiles(paths));
        }

        @Override
        public void copyIn(Path hostDir, String sandboxDir) {
            timed("copyIn", sandboxDir, () -> sandbox.copyIn(hostDir, sandboxDir));
        }

        @Override
        public void copyOut(String sandboxDir, Path hostDir) {
            timed("copyOut", sandboxDir, () -> sandbox.copyOut(sandboxDir, hostDir));
        }

        @Override
        public String notRunning() {
            return timed("notRunning", "", sandbox::notRunning);
        }

        @Override
        public void close() {
            timed("close", "", sandbox::close);
        }
    }
}
