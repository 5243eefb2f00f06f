package dev.agentic.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the runtime's command line in a child JVM with the plugin's classpath. Testcontainers reads
 * its settings from the process environment only; a child process is where the plugin can set
 * them: no Ryuk, and a Docker host address that needs no bridge network (see docs/containers.md).
 */
final class ForkedRuntime {

    private ForkedRuntime() {}

    /**
     * Runs {@code AgentCli} with {@code args} in a JVM started with {@code jvmArgs}; each output line
     * goes to {@code out}. Returns the exit code and the last lines.
     */
    static Result run(List<String> jvmArgs, List<File> classpath, List<String> args, Consumer<String> out)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dfile.encoding=UTF-8");
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(File::getAbsolutePath).toList()));
        command.add("dev.agentic.cli.AgentCli");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putIfAbsent("TESTCONTAINERS_RYUK_DISABLED", "true");
        if (Files.exists(Path.of("/.dockerenv"))) {
            env.putIfAbsent("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1");
        }
        Process process = builder.start();
        Thread stopChild = new Thread(process::destroy, "stop-forked-runtime");
        Runtime.getRuntime().addShutdownHook(stopChild);
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.accept(line);
                tail.addLast(line);
                if (tail.size() > 20) {
                    tail.removeFirst();
                }
            }
            return new Result(process.waitFor(), List.copyOf(tail));
        } finally {
            if (process.isAlive()) {
                process.destroy();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    /** The child's exit code and its last lines of output. */
    record Result(int exitCode, List<String> tail) {}
}
