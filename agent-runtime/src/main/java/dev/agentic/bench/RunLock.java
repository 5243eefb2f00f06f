package dev.agentic.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentic.sandbox.DockerSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The one writer of a run folder: {@code run.lock} names the process (pid, host, when it started).
 * A second writer is refused with that information; the lock of a process on this host that is gone
 * is taken over, with a message.
 */
final class RunLock implements AutoCloseable {

    static final String FILE = "run.lock";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who holds a lock. */
    record Holder(long pid, String host, String processStarted, String lockedAt) {}

    private final Path file;
    private final Holder holder;

    private RunLock(Path file, Holder holder) {
        this.file = file;
        this.holder = holder;
    }

    static RunLock acquire(Path runDirectory, String runId, Consumer<String> log) {
        Path file = runDirectory.resolve(FILE);
        ProcessHandle self = ProcessHandle.current();
        Holder me = new Holder(self.pid(), DockerSandbox.hostName(), started(self), Instant.now().toString());
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(me), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                return new RunLock(file, me);
            } catch (FileAlreadyExistsException held) {
                Holder other = read(file);
                if (other == null) {
                    continue; // removed meanwhile
                }
                if (!other.host().equals(me.host()) || alive(other)) {
                    throw new RunFailure(RunFailure.Cause.LOCKED, "run " + runId + " in " + runDirectory + " is being written by process "
                            + other.pid() + " on host " + other.host() + " (since " + other.lockedAt() + "); wait for it to end or stop it,"
                            + " or choose another run id" + (other.host().equals(me.host()) ? ""
                            : "; if that process is gone, delete " + file));
                }
                log.accept("run " + runId + ": taking over the lock of process " + other.pid() + " on " + other.host()
                        + ", which is gone (it locked the run at " + other.lockedAt() + ")");
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove the stale lock " + file + ": " + e.getMessage(), e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the lock " + file + ": " + e.getMessage(), e);
            }
        }
        throw new RunFailure(RunFailure.Cause.LOCKED, "run " + runId + ": another process keeps taking the lock " + file);
    }

    /** Releases the lock if this process still holds it. */
    @Override
    public void close() {
        Holder current = read(file);
        if (current != null && current.pid() == holder.pid() && current.host().equals(holder.host())) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the lock " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static Holder read(Path file) {
        try {
            return JSON.readValue(Files.readAllBytes(file), Holder.class);
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException unreadable) {
            // a lock cut short by a crash while it was written: its writer is gone, whoever it was
            return new Holder(-1, DockerSandbox.hostName(), "", "(unreadable lock)");
        }
    }

    /** Whether the holder still runs: the same pid, started at the same moment (a reused pid is another process). */
    private static boolean alive(Holder holder) {
        return ProcessHandle.of(holder.pid()).filter(ProcessHandle::isAlive)
                .map(p -> holder.processStarted().isEmpty() || started(p).isEmpty() || started(p).equals(holder.processStarted()))
                .orElse(false);
    }

    private static String started(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("");
    }
}
