package dev.agentic.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command in a process of its own, with additions to its environment, its output (standard output and error,
 * merged) captured line by line, and its pid exposed so that a test can send it a {@link Signal}. The process is
 * killed on {@link #close()} if it still runs.
 *
 * <p>{@link #agentCli} runs the runtime's command line ({@code dev.agentic.cli.AgentCli}) with this JVM's classpath:
 * the way to run the bench on another engine, since the {@code docker} place picks the engine from the process
 * environment ({@code DOCKER_HOST}) only.
 */
public final class ChildProcess implements AutoCloseable {

    private final List<String> command;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ChildProcess(List<String> command, Process process) {
        this.command = List.copyOf(command);
        this.process = process;
        this.reader = new Thread(this::read, "output of pid " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} in {@code directory} with {@code environment} added to this process's environment. */
    public static ChildProcess start(List<String> command, Path directory, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            return new ChildProcess(command, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts {@code AgentCli args} in a JVM of this JVM's Java and classpath, with {@code environment} added.
     */
    public static ChildProcess agentCli(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), "dev.agentic.cli.AgentCli"));
        command.addAll(List.of(args));
        Map<String, String> env = new java.util.HashMap<>(environment);
        return start(command, Path.of("").toAbsolutePath(), env);
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends {@code signal} to the process. */
    public void signal(Signal signal) {
        signal.send(pid());
    }

    /** Waits at most {@code timeout} for the process to end; true when it has. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits at most {@code timeout} for the process to end and returns its exit code (128 + n after signal n). */
    public int exitCode(Duration timeout) throws InterruptedException {
        if (!waitFor(timeout)) {
            throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeout.toSeconds()
                    + " s; its output so far:\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    /** The output so far, one line per line. */
    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Kills the process (SIGKILL) if it still runs, and waits for it. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return "pid " + pid() + ": " + String.join(" ", command).replace(System.getProperty("java.class.path"), "<classpath>");
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException ended) {
            // the process's output closed
        }
    }
}
