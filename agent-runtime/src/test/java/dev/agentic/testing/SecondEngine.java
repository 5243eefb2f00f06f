package dev.agentic.testing;

import dev.agentic.sandbox.SandboxSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Docker engine of its own, so that a test can stop, kill and restart the engine under the harness without touching
 * the machine's: {@code dockerd --bridge=none --iptables=false --ip-masq=false} with its socket, data root, exec root
 * and pid file in a fresh folder {@code /tmp/agentic-engine-<random>}, and the base image loaded into it from the
 * machine's engine ({@code docker save | docker -H … load}), or no image at all ({@link #openEmpty()}).
 *
 * <p>The daemon starts its own containerd, whose configuration, socket and state live under this folder's exec root
 * and data root ({@code exec/containerd/}, {@code data/containerd/}); the machine's daemon keeps its own under
 * {@code /var/run/docker} and {@code /var/lib/docker}. The processes of this engine are therefore told apart from
 * everyone else's by that folder: dockerd, containerd and the containerd shims name it in their command lines, and the
 * containers' processes sit in cgroups named after the containers in {@code data/containers/}.
 *
 * <p>Use it from another process through {@link #host()} as {@code DOCKER_HOST} (see {@link ChildProcess}).
 */
public final class SecondEngine implements AutoCloseable {

    private static final Duration ANSWER = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(60);
    private static final int MAX_SOCKET_PATH = 107;

    private final Path root;
    private final String image;
    private final List<String> daemonArgs;
    private final Thread cleanupAtExit = new Thread(this::killAndRemove, "remove second engine");
    private Process daemon;

    private SecondEngine(Path root, String image, List<String> daemonArgs) {
        this.root = root;
        this.image = image;
        this.daemonArgs = List.copyOf(daemonArgs);
    }

    /** Starts an engine in a new folder and loads the base image ({@code agentic.baseImage}, default the project's) into it. */
    public static SecondEngine open() {
        return open(System.getProperty("agentic.baseImage", SandboxSpec.BASE_IMAGE));
    }

    /** Starts an engine in a new folder and loads {@code image} into it from the machine's engine; with a null image, it starts with no image at all. */
    public static SecondEngine open(String image) {
        return open(image, List.of());
    }

    /**
     * As {@link #open(String)}, the daemon started with {@code daemonArgs} as well, e.g. a TCP listener with its TLS
     * material ({@code --host tcp://127.0.0.1:<port> --tlsverify …}); its own socket stays as {@link #host()} says.
     */
    public static SecondEngine open(String image, List<String> daemonArgs) {
        Path root;
        try {
            root = Files.createTempDirectory(Path.of("/tmp"), "agentic-engine-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for a second Docker engine under /tmp: " + e.getMessage(), e);
        }
        SecondEngine engine = new SecondEngine(root, image, daemonArgs);
        Runtime.getRuntime().addShutdownHook(engine.cleanupAtExit);
        try {
            engine.start();
            if (image != null) {
                engine.load();
            }
            return engine;
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** Starts an engine in a new folder with no image: what it needs, the code under test brings in itself. */
    public static SecondEngine openEmpty() {
        return open(null);
    }

    /** The engine's address, as {@code DOCKER_HOST} or {@code docker -H} take it. */
    public String host() {
        return "unix://" + root.resolve("docker.sock");
    }

    /** The folder of everything this engine keeps. */
    public Path root() {
        return root;
    }

    /** The pid of the running daemon. */
    public synchronized long pid() {
        if (!running()) {
            throw new IllegalStateException("the engine in " + root + " is not running");
        }
        return daemon.pid();
    }

    public synchronized boolean running() {
        return daemon != null && daemon.isAlive();
    }

    /** Starts the daemon again on the same data root (its images and containers stay) and waits until it answers. */
    public synchronized void start() {
        if (running()) {
            return;
        }
        String socket = root.resolve("docker.sock").toString();
        if (socket.length() > MAX_SOCKET_PATH) {
            throw new IllegalStateException("socket path " + socket + " is longer than a unix socket path may be (" + MAX_SOCKET_PATH + ")");
        }
        if (processes().isEmpty()) { // after a kill, pid files name processes that are gone (or zombies not reaped yet)
            deleteIfExists(root.resolve("docker.pid"));
            deleteIfExists(root.resolve("exec/containerd/containerd.pid"));
        }
        List<String> command = new ArrayList<>(List.of("dockerd", "--bridge=none", "--iptables=false", "--ip-masq=false",
                "--host", host(), "--data-root", root.resolve("data").toString(), "--exec-root", root.resolve("exec").toString(),
                "--pidfile", root.resolve("docker.pid").toString()));
        command.addAll(daemonArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        try {
            daemon = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dockerd (is it installed? see scripts/setup-docker.sh): " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + ANSWER.toNanos();
        while (!answers()) {
            if (!daemon.isAlive()) {
                throw new IllegalStateException("dockerd in " + root + " exited with code " + daemon.exitValue() + ":\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("dockerd in " + root + " did not answer within " + ANSWER.toSeconds() + " s:\n" + logTail());
            }
            sleep(200);
        }
    }

    /** Stops the daemon with SIGTERM (it stops its containers and its containerd) and waits until it has exited. */
    public synchronized void stop() {
        if (!running()) {
            return;
        }
        daemon.destroy();
        try {
            if (!daemon.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                kill();
                throw new IllegalStateException("dockerd in " + root + " did not stop within " + STOP.toSeconds() + " s of SIGTERM; killed it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping dockerd in " + root, e);
        }
    }

    /**
     * Kills the daemon with SIGKILL, and then what a crash of the machine would take with it: this engine's containerd,
     * its shims and its containers' processes (all SIGKILL). Waits until none of them is left.
     */
    public synchronized void kill() {
        if (daemon != null && daemon.isAlive()) {
            daemon.destroyForcibly();
            try {
                daemon.waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while killing dockerd in " + root, e);
            }
        }
        long deadline = System.nanoTime() + STOP.toNanos();
        for (List<ProcessHandle> left = processes(); !left.isEmpty(); left = processes()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("processes of the engine in " + root + " survived SIGKILL: " + describe(left));
            }
            left.forEach(ProcessHandle::destroyForcibly);
            sleep(100);
        }
    }

    /**
     * Every live process of this engine: dockerd, containerd, containerd shims (their command lines name this
     * engine's folder), and the processes of its containers (their cgroups name a container of its data root).
     */
    public List<ProcessHandle> processes() {
        String folder = root.toString() + "/";
        Set<String> containers = containerIds();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().filter(p -> p.pid() != self).filter(p -> {
            List<String> command = Procfs.commandLine(p.pid());
            if (command.isEmpty() || Procfs.ended(p.pid())) {
                return false;
            }
            String program = Path.of(command.get(0)).getFileName().toString();
            boolean engineProgram = (program.startsWith("dockerd") || program.startsWith("containerd"))
                    && command.stream().anyMatch(arg -> arg.contains(folder));
            return engineProgram || (!containers.isEmpty() && Procfs.cgroups(p.pid()).stream()
                    .anyMatch(cgroup -> containers.stream().anyMatch(cgroup::contains)));
        }).toList();
    }

    /** Runs {@code docker -H <this engine> args} and returns its output; a failure names the command and its output. */
    public String docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", host()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit code " + process.exitValue() + "):\n" + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    /** Stops the engine, kills anything of it that is left, and removes its folder (unmounting what the daemon left mounted). */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            killAndRemove();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanupAtExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    @Override
    public String toString() {
        return "Docker engine at " + host();
    }

    private synchronized void killAndRemove() {
        if (!Files.exists(root)) {
            return;
        }
        kill();
        for (String mount : mountsUnder(root)) { // dockerd bind-mounts its data root onto itself and leaves it
            run("umount", mount);
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root + ": " + e.getMessage(), e);
        }
    }

    private void load() {
        load(image);
    }

    /** Loads {@code image} into this engine from the machine's engine ({@code docker save | docker -H … load}). */
    public void load(String image) {
        try {
            List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                    new ProcessBuilder("docker", "save", image).redirectError(ProcessBuilder.Redirect.appendTo(log().toFile())),
                    new ProcessBuilder("docker", "-H", host(), "load", "-q").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))));
            for (Process step : pipeline) {
                if (step.waitFor() != 0) {
                    throw new IllegalStateException("docker save " + image + " | docker -H " + host() + " load failed:\n" + logTail()
                            + "\n(is " + image + " on the machine's engine? see scripts/setup-docker.sh)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run docker save | docker load: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + image + " into " + host(), e);
        }
    }

    private boolean answers() {
        try {
            Process version = new ProcessBuilder("docker", "-H", host(), "version", "--format", "{{.Server.Version}}")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!version.waitFor(10, TimeUnit.SECONDS)) {
                version.destroyForcibly();
                return false;
            }
            return version.exitValue() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run docker (is the Docker CLI installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Set<String> containerIds() {
        Path containers = root.resolve("data/containers");
        if (!Files.isDirectory(containers)) {
            return Set.of();
        }
        try (Stream<Path> ids = Files.list(containers)) {
            return ids.map(p -> p.getFileName().toString()).filter(id -> id.matches("[0-9a-f]{64}")).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of(); // removed meanwhile
        }
    }

    private static List<String> mountsUnder(Path root) {
        try {
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().map(line -> line.split(" ")[4])
                    .filter(point -> point.equals(root.toString()) || point.startsWith(root + "/"))
                    .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/mountinfo: " + e.getMessage(), e);
        }
    }

    private void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    private Path log() {
        return root.resolve("dockerd.log");
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8).stream().filter(l -> !l.contains("module=grpc")).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stale pid file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String describe(List<ProcessHandle> processes) {
        return processes.stream().map(p -> p.pid() + " " + String.join(" ", Procfs.commandLine(p.pid()))).collect(Collectors.joining("; "));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
