package dev.agentic.sandbox;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The {@code docker-pool} place: several Docker engines, each with its own concurrency, as an
 * {@link EnginesFile engines file} lists them. It runs as many sandboxes at once as the concurrencies add
 * up to; a sandbox starts on the healthy engine with the most free slots ({@link #start} waits while every
 * one is full; a slot is given back when the sandbox closes).
 *
 * <p>Images are made present on each engine when a sandbox first needs them there: loaded from another
 * engine of the pool that has them ({@code docker save} streamed into {@code docker load} through the API),
 * else built there (a base image named in {@code FROM} that another engine has is loaded first) or pulled;
 * each engine remembers what it holds by the source's key (a build's content hash). An engine that lacks a base image
 * and cannot get it ({@link BaseImageUnavailable}) leaves the build to another engine, and when none is left the
 * attempt fails as infrastructure, not as the task's error.
 *
 * <p>Every engine is asked {@code GET /_ping} about every second. An engine that stops answering is
 * drained: no sandbox starts there any more, for as long as the place is open, and {@link #lostSince} tells
 * each attempt that used it that it proves nothing (the pipeline runs it again elsewhere, as an
 * infrastructure fault). When every engine is drained, {@link #start} and the {@link #lostSince} of a lost
 * attempt throw {@link PlaceLost}.
 */
public final class DockerPool implements Place {

    /** One engine of the pool and what it does. Slot counts are guarded by the pool's {@code slots} lock. */
    private static final class Member {
        final DockerEngine engine;
        final int concurrency;
        final int index;
        int busy;
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger lost = new AtomicInteger();
        volatile String drained;
        volatile long faultsAtOpen;

        Member(DockerEngine engine, int concurrency, int index) {
            this.engine = engine;
            this.concurrency = concurrency;
            this.index = index;
        }

        boolean isDrained() {
            return drained != null;
        }

        String address() {
            return engine.address();
        }
    }

    /** Where the engines were listed, for messages. */
    private final String source;
    private final List<Member> members;
    private final Object slots = new Object();
    /** Sources prepared through this place, by the reference their sandboxes are started from. */
    private final Map<String, ImageSource> prepared = new ConcurrentHashMap<>();
    private final Set<DockerSandbox> open = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<PoolMark> current = new ThreadLocal<>();
    private volatile Consumer<String> log = message -> { };
    private volatile boolean closed;

    private DockerPool(String source, List<EnginesFile.Engine> engines) {
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("a docker-pool needs at least one engine");
        }
        this.source = source;
        List<Member> list = new ArrayList<>();
        for (EnginesFile.Engine engine : engines) {
            list.add(new Member(DockerEngine.of(engine.endpoint()), engine.concurrency(), list.size()));
        }
        this.members = List.copyOf(list);
    }

    /** The pool {@code file} lists ({@link EnginesFile}); a wrong file is refused naming its line, column and field. */
    public static DockerPool fromFile(Path file) {
        return new DockerPool(file.toString(), EnginesFile.read(file));
    }

    /** A pool of {@code engines}, named {@code source} in messages. */
    public static DockerPool of(String source, List<EnginesFile.Engine> engines) {
        return new DockerPool(source, engines);
    }

    @Override
    public String name() {
        return "docker-pool";
    }

    @Override
    public boolean isolated() {
        return true;
    }

    /** The sum of the engines' concurrencies. */
    @Override
    public int capacity() {
        return members.stream().mapToInt(m -> m.concurrency).sum();
    }

    /**
     * Waits up to {@code patience} for every engine to answer; one that still does not is drained from the
     * start (and said so), and when none answers the pool cannot be used. Each answering engine must have
     * the container network; then every engine is watched.
     */
    @Override
    public void open(Duration patience, Consumer<String> log) {
        this.log = log;
        long deadline = System.nanoTime() + patience.toNanos();
        List<Member> silent = new ArrayList<>(members);
        while (true) {
            silent.removeIf(m -> m.engine.answers());
            if (silent.isEmpty() || System.nanoTime() >= deadline) {
                break;
            }
            sleep(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
        if (silent.size() == members.size()) {
            throw new SandboxException("no engine of the docker-pool in " + source + " answers: " + members.stream()
                    .map(m -> m.address() + " (" + m.engine.lastError() + ")").collect(Collectors.joining("; ")));
        }
        for (Member member : silent) {
            drain(member, "it did not answer when the pool opened (" + member.engine.lastError() + ")");
        }
        for (Member member : members) {
            if (!member.isDrained()) {
                ContainerNetwork.requireExisting(member.engine);
            }
            member.faultsAtOpen = member.engine.faults();
            member.engine.watch();
        }
        log.accept("sandbox docker-pool: " + members.stream().map(m -> m.address() + " ×" + m.concurrency + (m.isDrained() ? " (drained)" : ""))
                .collect(Collectors.joining(", ")));
    }

    /**
     * Makes the image ready on one healthy engine (one that has it already, else the one with the most free
     * slots) and remembers the source, so that the engine a sandbox of it starts on later gets it the same way. An
     * engine that lacks a base image of the build and cannot get it ({@link BaseImageUnavailable}) leaves the build to
     * the next engine; when every healthy engine lacks it, that is the failure.
     */
    @Override
    public PreparedImage prepare(ImageSource source) {
        prepared.put(source.ref().toString(), source);
        Set<Member> lacking = new HashSet<>();
        while (true) {
            Member member = pickFor(source, lacking);
            note(current.get(), member);
            try {
                member.engine.images().ensurePresent(source, this::copyFromAnother);
                return new PreparedImage(source.ref(), member.engine.images().workdir(source.ref()));
            } catch (BaseImageUnavailable lack) {
                elsewhere(lacking, member, lack, source);
            }
        }
    }

    /** Notes that {@code member} lacks a base image of {@code source}; rethrows when no other healthy engine is left to try. */
    private void elsewhere(Set<Member> lacking, Member member, BaseImageUnavailable lack, ImageSource source) {
        lacking.add(member);
        synchronized (slots) {
            if (members.stream().allMatch(m -> isDrained(m) || lacking.contains(m))) {
                throw lack;
            }
        }
        log.accept("the Docker engine at " + member.address() + " lacks the base image " + lack.image() + " of " + source.ref()
                + " and cannot get it; trying another engine of the pool");
    }

    private Member pickFor(ImageSource source, Set<Member> lacking) {
        synchronized (slots) {
            if (members.stream().allMatch(this::isDrained)) {
                throw lostEverything();
            }
            List<Member> healthy = members.stream().filter(m -> !isDrained(m) && !lacking.contains(m)).toList();
            if (healthy.isEmpty()) {
                throw new SandboxException("no engine of the docker-pool in " + this.source + " is left to prepare " + source.ref() + " on");
            }
            return healthy.stream().filter(m -> m.engine.images().knows(source.key())).findFirst()
                    .orElseGet(() -> healthy.stream().max(Comparator.comparingInt((Member m) -> m.concurrency - m.busy)
                            .thenComparing(m -> -m.index)).orElseThrow());
        }
    }

    /** As {@link #start(SandboxSpec, Mark)} with the last mark taken on this thread. */
    @Override
    public Sandbox start(SandboxSpec spec) {
        return start(spec, current.get());
    }

    /** Starts on a free slot ({@link #acquire}); an engine that lacks a base image of the sandbox's build leaves it to the next one. */
    @Override
    public Sandbox start(SandboxSpec spec, Mark mark) {
        ImageSource image = prepared.get(spec.image());
        if (image == null) {
            try {
                image = ImageSource.named(spec.image());
            } catch (IllegalArgumentException e) {
                throw new ImageDefinitionException(e.getMessage(), e);
            }
        }
        Set<Member> lacking = new HashSet<>();
        while (true) {
            Member member = acquire(lacking);
            note(mark instanceof PoolMark poolMark ? poolMark : null, member);
            try {
                member.engine.images().ensurePresent(image, this::copyFromAnother);
                DockerSandbox sandbox = DockerSandbox.start(member.engine, spec);
                member.started.incrementAndGet();
                open.add(sandbox);
                sandbox.onClose(() -> {
                    open.remove(sandbox);
                    release(member);
                });
                return sandbox;
            } catch (BaseImageUnavailable lack) {
                release(member);
                elsewhere(lacking, member, lack, image);
            } catch (RuntimeException e) {
                release(member);
                throw e;
            }
        }
    }

    /**
     * A slot on the healthy engine with the most free slots (ties: the one listed first), but none of {@code lacking};
     * waits while every one is full.
     */
    private Member acquire(Set<Member> lacking) {
        synchronized (slots) {
            while (true) {
                if (closed) {
                    throw new SandboxException("the docker-pool of " + source + " is closed");
                }
                List<Member> healthy = members.stream().filter(m -> !isDrained(m)).toList();
                if (healthy.isEmpty()) {
                    throw lostEverything();
                }
                if (lacking.containsAll(healthy)) {
                    throw new SandboxException("no engine of the docker-pool in " + source + " is left to start the sandbox on");
                }
                Member best = healthy.stream().filter(m -> m.busy < m.concurrency && !lacking.contains(m))
                        .max(Comparator.comparingInt((Member m) -> m.concurrency - m.busy).thenComparing(m -> -m.index)).orElse(null);
                if (best != null) {
                    best.busy++;
                    return best;
                }
                try {
                    slots.wait(1000); // also wakes to see engines drained meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SandboxException("interrupted while waiting for a free slot in the docker-pool of " + source, e);
                }
            }
        }
    }

    private void release(Member member) {
        synchronized (slots) {
            member.busy--;
            slots.notifyAll();
        }
    }

    /** Whether the engine is drained, draining it now when its watcher has seen it stop answering. */
    private boolean isDrained(Member member) {
        if (!member.isDrained() && member.engine.faults() != member.faultsAtOpen) {
            drain(member, "it stopped answering (" + member.engine.lastError() + ")");
        }
        return member.isDrained();
    }

    private void drain(Member member, String why) {
        synchronized (slots) {
            if (member.isDrained()) {
                return;
            }
            member.drained = why;
            slots.notifyAll();
        }
        String message = "the Docker engine at " + member.address() + " is drained, no sandbox starts there any more: " + why;
        log.accept(message);
    }

    private PlaceLost lostEverything() {
        return new PlaceLost("every engine of the docker-pool in " + source + " is lost: " + members.stream()
                .map(m -> m.address() + " (" + m.drained + ")").collect(Collectors.joining("; ")));
    }

    /**
     * Loads {@code ref} into {@code target} from another healthy engine of the pool that holds it, streaming
     * {@code docker save} into {@code docker load}; false when none has it (or every copy failed).
     */
    private boolean copyFromAnother(ImageRef ref, EngineImages target) {
        for (Member from : members) {
            if (from.engine.images() == target || isDrained(from)) {
                continue;
            }
            try {
                if (!from.engine.images().has(ref)) {
                    continue;
                }
                long begin = System.nanoTime();
                try (InputStream image = from.engine.client().saveImageCmd(ref.toString()).exec()) {
                    target.engine().client().loadImageCmd(image).exec();
                }
                if (target.has(ref)) {
                    log.accept(String.format("image %s loaded into %s from %s in %.1f s", ref, target.engine().address(), from.address(),
                            (System.nanoTime() - begin) / 1e9));
                    return true;
                }
            } catch (java.io.IOException | RuntimeException e) {
                log.accept("could not load image " + ref + " into " + target.engine().address() + " from " + from.address() + ": " + e.getMessage());
            }
        }
        return false;
    }

    /** What each engine had seen when an attempt began, and the engines it used (filled as it starts sandboxes). */
    private final class PoolMark implements Mark {
        final long nanoTime = System.nanoTime();
        final long[] faults = new long[members.size()];
        final boolean[] drainedBefore = new boolean[members.size()];
        final Set<Member> used = ConcurrentHashMap.newKeySet();

        PoolMark() {
            for (Member member : members) {
                faults[member.index] = member.engine.faults();
                drainedBefore[member.index] = member.isDrained();
            }
        }
    }

    private static void note(PoolMark mark, Member member) {
        if (mark != null) {
            mark.used.add(member);
        }
    }

    /** A reading of every engine; it becomes this thread's current mark, to which {@link #start(SandboxSpec)} and {@link #prepare} attribute what they use. */
    @Override
    public Mark mark() {
        PoolMark mark = new PoolMark();
        current.set(mark);
        return mark;
    }

    /**
     * Null when no engine the attempt used (every engine, when it used none) was lost since {@code mark};
     * else the lost engine is drained and the answer names it. Every attempt also asks its engines now: what it
     * ended with (a grade included) may come from a loss the watcher has not seen yet.
     */
    @Override
    public String lostSince(Mark mark, boolean graded, Consumer<String> log) {
        PoolMark before = (PoolMark) mark;
        if (current.get() == before) {
            current.remove();
        }
        List<Member> used = before.used.isEmpty() ? members : List.copyOf(before.used);
        List<Member> lostOn = new ArrayList<>();
        for (Member member : used) {
            if (before.drainedBefore[member.index] && before.used.isEmpty()) {
                continue; // drained before the attempt began: it ran nothing there
            }
            boolean lostDuring = member.engine.faults() != before.faults[member.index]
                    || member.isDrained() && !before.drainedBefore[member.index]
                    || !member.isDrained() && !member.engine.answers(); // a failure may come before the watcher's next look
            if (lostDuring) {
                if (!member.isDrained()) {
                    member.engine.observe(false);
                    drain(member, "it stopped answering (" + member.engine.lastError() + ")");
                }
                member.lost.incrementAndGet();
                lostOn.add(member);
            }
        }
        if (lostOn.isEmpty()) {
            return null;
        }
        if (members.stream().allMatch(this::isDrained)) {
            throw lostEverything();
        }
        return "the Docker engine at " + lostOn.stream().map(Member::address).collect(Collectors.joining(", ")) + " was lost during it"
                + " (drained: the pool runs on without it)";
    }

    /** Removes, on every engine that answers, what killed processes of this machine left there. */
    @Override
    public int removeOrphans() {
        int removed = 0;
        for (Member member : members) {
            if (member.isDrained() || !member.engine.answers()) {
                continue;
            }
            removed += DockerSandbox.removeOrphans(member.engine);
        }
        return removed;
    }

    /** On every engine that answers, removes this process's containers that an engine kept when it was lost (drained engines included). */
    @Override
    public void removeLeftovers(Consumer<String> log) {
        for (Member member : members) {
            if (!member.engine.answers()) {
                log.accept("warning: the Docker engine at " + member.address() + " does not answer; the containers this run left on it"
                        + " are removed by the next run");
                continue;
            }
            int leftovers = DockerSandbox.removeLeftovers(member.engine);
            if (leftovers > 0) {
                log.accept("removed " + leftovers + " container(s) of this run that " + member.address() + " kept when it was lost");
            }
        }
    }

    @Override
    public List<EngineUse> usage() {
        return members.stream().map(m -> new EngineUse(m.address(), m.started.get(), m.lost.get(), isDrained(m))).toList();
    }

    /** How many sandboxes run on each engine now, in the order of the engines file. */
    List<Integer> busy() {
        synchronized (slots) {
            return members.stream().map(m -> m.busy).toList();
        }
    }

    /**
     * Closes the sandboxes still open, removes what this process left on the engines that answer (containers
     * whose removal failed while an engine was lost), and stops watching.
     */
    @Override
    public void close() {
        synchronized (slots) {
            closed = true;
            slots.notifyAll();
        }
        new ArrayList<>(open).parallelStream().forEach(DockerSandbox::close);
        for (Member member : members) {
            member.engine.stopWatching();
            if (member.engine.answers()) {
                try {
                    DockerSandbox.removeLeftovers(member.engine);
                } catch (RuntimeException e) {
                    log.accept("could not look for containers left on " + member.address() + ": " + e.getMessage());
                }
            }
        }
    }

    @Override
    public String toString() {
        return "docker-pool " + members.stream().map(m -> m.address() + "×" + m.concurrency).collect(Collectors.joining(", "));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while waiting for the engines of a docker-pool", e);
        }
    }
}
