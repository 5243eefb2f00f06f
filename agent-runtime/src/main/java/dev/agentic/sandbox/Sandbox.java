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

    /**
     * As {@link #writeFile(String, byte[])}, with permission bits {@code mode} whatever a file there had:
     * nothing needs to be asked about an existing file first. Sandboxes without permission bits ignore them.
     */
    default void writeFile(String path, byte[] content, int mode) {
        writeFile(path, content);
    }

    /** Reads the whole file at {@code path}. */
    byte[] readFile(String path);

    /**
     * Reads several files at once: each of {@code paths} that is a regular file, by its path as given;
     * one that is missing or not a regular file is left out. Implementations may read a folder holding
     * several of them in one round trip.
     */
    default java.util.Map<String, byte[]> readFiles(java.util.Collection<String> paths) {
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (String path : paths) {
            try {
                files.put(path, readFile(path));
            } catch (SandboxException missingOrNotAFile) {
                // left out
            }
        }
        return files;
    }

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
