package dev.agentic.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * Runs the runtime's command line in a child JVM with the plugin's classpath, apart from Maven's own
 * JVM (its environment, its shutdown hooks, its classes). The child watches this JVM ({@code AGENTX_STOP_WITH}) and stops when it ends, even by {@code kill -9}.
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
        env.put("AGENTX_STOP_WITH", Long.toString(ProcessHandle.current().pid())); // the child stops if this JVM is killed
        Process process = builder.start();
        Thread stopChild = new Thread(() -> stop(process), "stop-forked-runtime");
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
                stop(process);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    /** The files of the plugin's classpath (the runtime and its dependencies), for the child JVM. */
    static List<File> classpath(PluginDescriptor plugin) {
        List<File> files = new ArrayList<>();
        for (Artifact artifact : plugin.getArtifacts()) {
            if (artifact.getFile() != null) {
                files.add(artifact.getFile());
            }
        }
        return files;
    }

    /**
     * On Ctrl-C or SIGTERM: asks the child to stop as it would on Ctrl-C (it abandons its in-flight
     * trials and removes its containers) and waits for that, so that its last line is logged.
     */
    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    private static final int STOP_GRACE_SECONDS = 30;

    /** The child's exit code and its last lines of output. */
    record Result(int exitCode, List<String> tail) {}
}
