package dev.agentic.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A place where shell commands run and files live, closed when no longer needed.
 *
 * <p>Paths inside the sandbox are absolute, or relative to {@link SandboxSpec#workdir()}.
 * Implementations are safe to use from one thread at a time.
 */
public interface Sandbox extends AutoCloseable {

    /** The specification this sandbox was created from. */
    SandboxSpec spec();

    /**
     * Runs {@code command} with {@code bash -c} in the working directory. When the timeout passes,
     * every process the command started is killed and the result says so; the sandbox remains
     * usable. Output beyond {@link SandboxSpec#maxOutputBytes()} per stream is cut in the middle.
     *
     * @throws SandboxException when the sandbox itself fails (not when the command fails)
     */
    default ExecResult exec(String command, Duration timeout) {
        return exec(command, timeout, ExecOptions.DEFAULT);
    }

    /** As {@link #exec(String, Duration)}, as another user or with more environment variables. */
    ExecResult exec(String command, Duration timeout, ExecOptions options);

    /**
     * A new sandbox of the same spec whose files are this one's as they are now and in which none
     * of this one's processes runs (however they were started: detached, re-parented, daemonised).
     * Closing it removes everything it took; this sandbox is left as it is.
     */
    Sandbox freshCopy();

    /** Writes {@code content} to {@code path}, creating parent directories and replacing any file. */
    void writeFile(String path, byte[] content);

    /** Reads the whole file at {@code path}. */
    byte[] readFile(String path);

    /** Copies the contents of the host directory {@code hostDir} into {@code sandboxDir}. */
    void copyIn(Path hostDir, String sandboxDir);

    /** Copies the contents of {@code sandboxDir} into the host directory {@code hostDir}. */
    void copyOut(String sandboxDir, Path hostDir);

    /**
     * Null while the sandbox can run commands; else what became of it (a container that stopped
     * under the agent, say). Sandboxes that cannot stop on their own say null.
     */
    default String notRunning() {
        return null;
    }

    /** Releases the sandbox and everything in it; calling it again does nothing. */
    @Override
    void close();

    default void writeText(String path, String text) {
        writeFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    default String readText(String path) {
        return new String(readFile(path), StandardCharsets.UTF_8);
    }
}
