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
 * {@code [ -d ] / [ -f ]} probe and its {@code readlink} probe, which finds no link here, {@code cat},
 * {@code rm -f}, {@code mkdir -p}, {@code true}), and two commands of scripted episodes are answered
 * as bash would: {@code echo} of plain words, and {@code sleep N}, which sleeps until the command's
 * timeout at most and then reports it timed out (exit 137), as the real sandboxes do. Every other
 * command goes to the test's {@link Shell} first, and a command nobody answers exits 127 saying so.
 * Every command is recorded in {@link #commands()}, with its timeout in {@link #timeouts()}.
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
    private static final Pattern READLINK = Pattern.compile("readlink -m " + Q + " 2>/dev/null \\|\\| readlink -f " + Q + " 2>/dev/null");
    private static final Pattern ECHO = Pattern.compile("echo((?: [\\w.,:/+=-]+)*)");
    private static final Pattern SLEEP = Pattern.compile("sleep (\\d+)");

    private final SandboxSpec spec;
    private final Shell shell;
    private final Map<String, byte[]> files = new TreeMap<>();
    private final List<String> commands = new ArrayList<>();
    private final List<Duration> timeouts = new ArrayList<>();
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

    /** The timeout each command of {@link #commands()} was given. */
    public synchronized List<Duration> timeouts() {
        return List.copyOf(timeouts);
    }

    /** Absolute paths of the files, sorted. */
    public synchronized List<String> paths() {
        return List.copyOf(files.keySet());
    }

    public synchronized boolean exists(String path) {
        return files.containsKey(spec.resolve(path));
    }

    @Override
    public ExecResult exec(String command, Duration timeout, ExecOptions options) {
        Matcher sleep = SLEEP.matcher(command);
        synchronized (this) {
            open();
            commands.add(command);
            timeouts.add(timeout);
            ExecResult answered = shell.apply(command, this);
            if (answered != null || !sleep.matches()) {
                return answered != null ? answered : probe(command);
            }
        }
        return sleep(Duration.ofSeconds(Long.parseLong(sleep.group(1))), timeout); // outside the lock, as a command runs beside others
    }

    private static ExecResult sleep(Duration wanted, Duration timeout) {
        boolean timedOut = wanted.compareTo(timeout) > 0;
        Duration slept = timedOut ? timeout : wanted;
        try {
            Thread.sleep(slept.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while running a command in the memory sandbox", e);
        }
        return new ExecResult(timedOut ? 137 : 0, "", "", slept, timedOut, false);
    }

    /** The built-in answers to the commands the test's shell left. */
    private ExecResult probe(String command) {
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
        if ((m = READLINK.matcher(command)).matches()) {
            return ok(unquote(m.group(1)) + "\n");
        }
        if ((m = ECHO.matcher(command)).matches()) {
            return ok(m.group(1).isEmpty() ? "\n" : m.group(1).substring(1) + "\n");
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
