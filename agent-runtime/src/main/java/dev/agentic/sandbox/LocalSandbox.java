package dev.agentic.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs commands as local processes in a temporary directory. <strong>Not isolated</strong>: commands
 * see the host's files, network and processes with the rights of this JVM. Meant for development
 * on machines without Docker; the image and resource limits of the spec are ignored.
 *
 * <p>The spec's working directory is mapped to a fresh temporary directory: relative sandbox paths
 * and commands' current directory are there; absolute paths are host paths.
 */
public final class LocalSandbox implements Sandbox {

    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final SandboxSpec spec;
    private final Path root;
    private boolean closed;

    private LocalSandbox(SandboxSpec spec, Path root) {
        this.spec = spec;
        this.root = root;
    }

    public static LocalSandbox start(SandboxSpec spec) {
        try {
            LocalSandbox sandbox = new LocalSandbox(spec, Files.createTempDirectory("agentic-sandbox-"));
            OpenSandboxes.add(sandbox);
            return sandbox;
        } catch (IOException e) {
            throw new SandboxException("could not create a temporary directory for a local sandbox: " + e.getMessage(), e);
        }
    }

    @Override
    public SandboxSpec spec() {
        return spec;
    }

    /** The host directory standing in for the working directory. */
    public Path root() {
        return root;
    }

    @Override
    public ExecResult exec(String command, Duration timeout, ExecOptions options) {
        ensureOpen();
        if (options.user() != null) {
            throw new SandboxException("a local sandbox runs commands as this JVM's user only, not as '" + options.user() + "'");
        }
        ProcessMarker marker = ProcessMarker.next();
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(root.toFile());
        builder.environment().putAll(spec.env());
        builder.environment().putAll(options.env());
        builder.environment().put(ProcessMarker.VARIABLE, marker.value());
        HeadTailBuffer stdout = new HeadTailBuffer(spec.maxOutputBytes());
        HeadTailBuffer stderr = new HeadTailBuffer(spec.maxOutputBytes());
        long start = System.nanoTime();
        try {
            Process process = builder.start();
            Thread out = pump(process.getInputStream(), stdout);
            Thread err = pump(process.getErrorStream(), stderr);
            boolean timedOut = !process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (timedOut) {
                killAll(process, marker);
            }
            out.join(KILL_GRACE.toMillis());
            err.join(KILL_GRACE.toMillis());
            process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            int exitCode = process.isAlive() ? -1 : process.exitValue();
            return new ExecResult(exitCode, stdout.text(), stderr.text(), Duration.ofNanos(System.nanoTime() - start),
                    timedOut, stdout.truncated() || stderr.truncated());
        } catch (IOException e) {
            throw new SandboxException("could not start bash in " + root + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while running a command in " + root, e);
        }
    }

    /** A copy of the temporary directory; host processes keep running (a local sandbox isolates nothing). */
    @Override
    public Sandbox freshCopy() {
        ensureOpen();
        LocalSandbox copy = start(spec);
        copyTree(root, copy.root);
        return copy;
    }

    /**
     * Kills the process, its descendants, and any process that detached but still carries the
     * marker; repeats until none is left (or a second has passed), so the next command starts clean.
     */
    private static void killAll(Process process, ProcessMarker marker) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        long deadline = System.nanoTime() + 1_000_000_000L;
        List<Long> marked = markedProcesses(marker);
        while (!marked.isEmpty() && System.nanoTime() < deadline) {
            marked.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            marked = markedProcesses(marker);
        }
    }

    /** Live processes carrying the marker in {@code /proc/<pid>/environ}; empty where there is no /proc (not Linux). */
    private static List<Long> markedProcesses(ProcessMarker marker) {
        String[] entries = new java.io.File("/proc").list();
        List<Long> marked = new ArrayList<>();
        if (entries == null) {
            return marked;
        }
        for (String entry : entries) {
            if (!entry.isEmpty() && entry.chars().allMatch(Character::isDigit)
                    && carries(Path.of("/proc", entry, "environ"), marker)
                    && ProcessHandle.of(Long.parseLong(entry)).map(ProcessHandle::isAlive).orElse(false)) {
                marked.add(Long.parseLong(entry));
            }
        }
        return marked;
    }

    private static boolean carries(Path environ, ProcessMarker marker) {
        try {
            String variables = new String(Files.readAllBytes(environ), java.nio.charset.StandardCharsets.UTF_8);
            return ("\0" + variables).contains("\0" + marker.assignment() + "\0");
        } catch (IOException | SecurityException unreadable) {
            return false;
        }
    }

    private static Thread pump(InputStream from, HeadTailBuffer to) {
        Thread thread = new Thread(() -> {
            try (from) {
                from.transferTo(to);
            } catch (IOException closed) {
                // the process was killed: keep what arrived
            }
        }, "local-sandbox-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void writeFile(String path, byte[] content) {
        ensureOpen();
        Path target = hostPath(path);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, content);
        } catch (IOException e) {
            throw new SandboxException("could not write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void writeFile(String path, byte[] content, int mode) {
        writeFile(path, content);
        try {
            Files.setPosixFilePermissions(hostPath(path), java.nio.file.attribute.PosixFilePermissions.fromString(permissions(mode)));
        } catch (IOException | UnsupportedOperationException e) {
            throw new SandboxException("could not set the permissions of " + hostPath(path) + ": " + e.getMessage(), e);
        }
    }

    /** {@code rwxr-xr-x} for 0755 (the special bits aside). */
    private static String permissions(int mode) {
        StringBuilder text = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = mode >> shift;
            text.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        return text.toString();
    }

    @Override
    public byte[] readFile(String path) {
        ensureOpen();
        Path source = hostPath(path);
        try {
            return Files.readAllBytes(source);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SandboxException("no such file in local sandbox: " + source, e);
        } catch (IOException e) {
            throw new SandboxException("could not read " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void copyIn(Path hostDir, String sandboxDir) {
        ensureOpen();
        copyTree(hostDir, hostPath(sandboxDir));
    }

    @Override
    public void copyOut(String sandboxDir, Path hostDir) {
        ensureOpen();
        copyTree(hostPath(sandboxDir), hostDir);
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new SandboxException("could not copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /** Relative paths and paths under the spec's working directory map into the temporary directory. */
    private Path hostPath(String path) {
        String absolute = spec.resolve(path);
        String workdir = spec.workdir().endsWith("/") ? spec.workdir() : spec.workdir() + "/";
        if (absolute.equals(spec.workdir()) || absolute.startsWith(workdir)) {
            return root.resolve(absolute.substring(Math.min(absolute.length(), workdir.length())));
        }
        return Path.of(absolute);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        OpenSandboxes.remove(this);
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new SandboxException("could not delete local sandbox " + root + ": " + e.getMessage(), e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new SandboxException("local sandbox " + root + " is closed");
        }
    }

    @Override
    public String toString() {
        return "LocalSandbox[" + root + "]";
    }
}
