package dev.agentic.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where trials run, chosen by name: {@code docker} (the local engine), {@code docker-pool} (several
 * engines, each with its own concurrency) or {@code local} (host processes, for development only).
 * A place starts sandboxes, says how many it runs at once, and tells an attempt whether the engine
 * it ran on was lost during it (an attempt that overlaps such a loss proves nothing, whatever it
 * ended with).
 */
public interface Place extends AutoCloseable {

    /** The name it is chosen by ({@code docker}, {@code docker-pool}, {@code local}). */
    String name();

    /** False when commands run unisolated on the host: results from such a place are for development only. */
    boolean isolated();

    /** How many sandboxes it runs at once; 0 when it sets no limit of its own (the run's concurrency decides). */
    int capacity();

    /**
     * Checks, before anything runs, that the place can be used (its engines answer, waiting up to
     * {@code patience} for one that does not yet; the container network exists). Fails with a
     * {@link SandboxException} naming what is wrong.
     */
    void open(Duration patience, Consumer<String> log);

    /**
     * Makes the image of {@code source} ready on the place (on one of its engines: pulled, built there, or
     * loaded from another engine that has it) and reads its working directory, for a spec whose task
     * declares none. The place remembers the source: a sandbox of {@link PreparedImage#ref()} started later
     * on another engine has its image made present there the same way.
     *
     * @throws ImageDefinitionException when the image cannot be made from its definition (a task error)
     * @throws SandboxException when the engine fails, or a named image cannot be pulled (infrastructure)
     */
    PreparedImage prepare(ImageSource source);

    /**
     * Starts a sandbox of {@code spec}, waiting for a free slot when the place is full. The image is
     * made ready where the sandbox runs (pulled, built or loaded) if it is not there yet: as its
     * {@link #prepare prepared} source says, else as a named image.
     *
     * @throws SandboxException when the sandbox cannot be started
     */
    Sandbox start(SandboxSpec spec);

    /**
     * As {@link #start(SandboxSpec)}, for the attempt that began at {@code mark}: a place of several engines
     * then knows which engines the attempt used, and {@link #lostSince} answers for those alone.
     * {@link #start(SandboxSpec)} and {@link #prepare} count towards the last mark taken on the calling
     * thread, so an attempt that runs on one thread needs no more than that.
     */
    default Sandbox start(SandboxSpec spec, Mark mark) {
        return start(spec);
    }

    /** What the place knows before an attempt, for {@link #lostSince}. */
    Mark mark();

    /**
     * After an attempt that began at {@code mark}: null when nothing it may have used was lost; else
     * why the attempt proves nothing. Before it returns, a lost engine has been waited for (one
     * engine) or drained (a pool). {@code graded} tells whether the attempt ended with a grade.
     *
     * @throws PlaceLost when nothing is left to run on
     */
    String lostSince(Mark mark, boolean graded, Consumer<String> log);

    /** Removes what killed processes of this machine left on the place's engines; returns how many. */
    int removeOrphans();

    /**
     * After a run: removes the sandboxes of this process that an engine kept when it was lost, waiting
     * for a lost engine first (as during the run); {@code log} hears what was removed or left.
     */
    void removeLeftovers(Consumer<String> log);

    /** Per engine: where it is and what ran there, for the run's summary. */
    List<EngineUse> usage();

    /** Releases every sandbox still open and the place's connections. */
    @Override
    void close();

    /** An opaque reading of the place's health, taken before an attempt. */
    interface Mark {}

    /** What ran on one engine of a place. */
    record EngineUse(String engine, int started, int lost, boolean drained) {}

    /** Nothing is left to run on: the engine (or every engine of a pool) was lost for longer than allowed. */
    final class PlaceLost extends SandboxException {
        private static final long serialVersionUID = 1L;

        public PlaceLost(String message) {
            super(message);
        }
    }
}
