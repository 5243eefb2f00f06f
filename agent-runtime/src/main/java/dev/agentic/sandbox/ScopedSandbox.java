package dev.agentic.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A view of a sandbox whose commands run as one user with more environment variables: the
 * agent's commands of a task that sets {@code [agent].user} and {@code env}. Files it writes belong
 * to that user. Closing the view closes nothing.
 */
public record ScopedSandbox(Sandbox sandbox, ExecOptions options) implements Sandbox {

    /** {@code sandbox} itself when {@code options} change nothing. */
    public static Sandbox of(Sandbox sandbox, ExecOptions options) {
        return options.user() == null && options.env().isEmpty() ? sandbox : new ScopedSandbox(sandbox, options);
    }

    @Override
    public SandboxSpec spec() {
        return sandbox.spec();
    }

    @Override
    public ExecResult exec(String command, Duration timeout, ExecOptions more) {
        Map<String, String> env = new HashMap<>(options.env());
        env.putAll(more.env());
        return sandbox.exec(command, timeout, new ExecOptions(more.user() != null ? more.user() : options.user(), env));
    }

    @Override
    public Sandbox freshCopy() {
        return sandbox.freshCopy();
    }

    @Override
    public void writeFile(String path, byte[] content) {
        sandbox.writeFile(path, content);
        owned(path);
    }

    @Override
    public void writeFile(String path, byte[] content, int mode) {
        sandbox.writeFile(path, content, mode);
        owned(path);
    }

    /** Gives a file just written to the scope's user. */
    private void owned(String path) {
        if (options.user() != null) {
            sandbox.exec("chown " + Shell.quote(options.user()) + " " + Shell.quote(spec().resolve(path)), Duration.ofSeconds(30),
                    ExecOptions.asUser("root"));
        }
    }

    @Override
    public byte[] readFile(String path) {
        return sandbox.readFile(path);
    }

    @Override
    public java.util.Map<String, byte[]> readFiles(java.util.Collection<String> paths) {
        return sandbox.readFiles(paths);
    }

    @Override
    public void copyIn(Path hostDir, String sandboxDir) {
        sandbox.copyIn(hostDir, sandboxDir);
    }

    @Override
    public void copyOut(String sandboxDir, Path hostDir) {
        sandbox.copyOut(sandboxDir, hostDir);
    }

    @Override
    public void close() {
        // the underlying sandbox belongs to whoever started it
    }
}
