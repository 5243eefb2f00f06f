package dev.agentic.testing;

import dev.agentic.sandbox.ExecOptions;
import dev.agentic.sandbox.ExecResult;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.sandbox.SandboxSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sandbox whose files live in a map and whose commands are answered by the test: no process, no
 * Docker. A few file probes the tools use are answered from the map ({@code test -e}, the editor's
 * {@code [ -d ] / [ -f ]} probe, {@code cat}, {@code rm -f}, {@code mkdir -p}, {@code true}); every
 * other command goes to the test's {@link Shell}, and a command nobody answers exits 127 saying so.
 * Every command is recorded in {@link #commands()}.
 */
public final class MemorySandbox implements Sandbox {

    /** Answers a command, or returns null to leave it to the built-in probes. */
    @FunctionalInterface
    public interface Shell extends BiFunction<String, MemorySandbox, ExecResult> {}

    private static final String Q = "'((?:[^']|'\\\\'')*)'";
    private static final Pattern TEST_E = Pattern.compile("test -e " + Q);
    private static final Pattern KIND = Pattern.compile("if \\[ -d " + Q + " \\]; then echo dir; elif \\[ -f " + Q
            + " \\]; then echo file; else echo none; fi");
    private static final Pattern CAT = Pattern.compile("cat " + Q);
    private static final Pattern RM_F = Pattern.compile("rm -f " + Q);
    private static final Pattern MKDIR = Pattern.compile("mkdir -p " + Q);

    private final SandboxSpec spec;
    private final Shell shell;
    private final Map<String, byte[]> files = new TreeMap<>();
    private final List<String> commands = new ArrayList<>();
    private boolean closed;

    public MemorySandbox(SandboxSpec spec, Shell shell) {
        this.spec = spec;
        this.shell = shell;
    }

    /** A sandbox of the base image's spec that answers only the built-in probes. */
    public static MemorySandbox empty() {
        return new MemorySandbox(SandboxSpec.of(SandboxSpec.BASE_IMAGE), (command, sandbox) -> null);
    }

    public static ExecResult ok(String stdout) {
        return new ExecResult(0, stdout, "", Duration.ofMillis(1), false, false);
    }

    public static ExecResult exit(int code, String stdout, String stderr) {
        return new ExecResult(code, stdout, stderr, Duration.ofMillis(1), false, false);
    }

    @Override
    public SandboxSpec spec() {
        return spec;
    }

    /** The commands run so far, in order. */
    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    /** Absolute paths of the files, sorted. */
    public synchronized List<String> paths() {
        return List.copyOf(files.keySet());
    }

    public synchronized boolean exists(String path) {
        return files.containsKey(spec.resolve(path));
    }

    @Override
    public synchronized ExecResult exec(String command, Duration timeout, ExecOptions options) {
        open();
        commands.add(command);
        ExecResult answered = shell.apply(command, this);
        if (answered != null) {
            return answered;
        }
        Matcher m;
        if ((m = TEST_E.matcher(command)).matches()) {
            String path = unquote(m.group(1));
            return exit(files.containsKey(path) || isDirectory(path) ? 0 : 1, "", "");
        }
        if ((m = KIND.matcher(command)).matches()) {
            String path = unquote(m.group(1));
            return ok(isDirectory(path) ? "dir\n" : files.containsKey(path) ? "file\n" : "none\n");
        }
        if ((m = CAT.matcher(command)).matches()) {
            byte[] content = files.get(unquote(m.group(1)));
            return content == null ? exit(1, "", "cat: " + unquote(m.group(1)) + ": No such file or directory\n")
                    : ok(new String(content, java.nio.charset.StandardCharsets.UTF_8));
        }
        if ((m = RM_F.matcher(command)).matches()) {
            files.remove(unquote(m.group(1)));
            return ok("");
        }
        if (MKDIR.matcher(command).matches() || command.equals("true")) {
            return ok("");
        }
        return exit(127, "", "memory sandbox: no answer for command: " + command + "\n");
    }

    private boolean isDirectory(String path) {
        String prefix = path.endsWith("/") ? path : path + "/";
        return files.keySet().stream().anyMatch(p -> p.startsWith(prefix));
    }

    private static String unquote(String quoted) {
        return quoted.replace("'\\''", "'");
    }

    @Override
    public Sandbox freshCopy() {
        MemorySandbox copy = new MemorySandbox(spec, shell);
        synchronized (this) {
            copy.files.putAll(files);
        }
        return copy;
    }

    @Override
    public synchronized void writeFile(String path, byte[] content) {
        open();
        files.put(spec.resolve(path), content.clone());
    }

    @Override
    public synchronized byte[] readFile(String path) {
        open();
        byte[] content = files.get(spec.resolve(path));
        if (content == null) {
            throw new SandboxException("no file " + spec.resolve(path) + " in the memory sandbox");
        }
        return content.clone();
    }

    @Override
    public void copyIn(Path hostDir, String sandboxDir) {
        String base = spec.resolve(sandboxDir);
        try (var walk = Files.walk(hostDir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                writeFile(base + "/" + hostDir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void copyOut(String sandboxDir, Path hostDir) {
        String prefix = spec.resolve(sandboxDir) + "/";
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (file.getKey().startsWith(prefix)) {
                    Path target = hostDir.resolve(file.getKey().substring(prefix.length()));
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void open() {
        if (closed) {
            throw new SandboxException("the memory sandbox is closed");
        }
    }

    public synchronized boolean closed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
