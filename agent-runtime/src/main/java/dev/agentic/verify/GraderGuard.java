package dev.agentic.verify;

import dev.agentic.sandbox.ExecOptions;
import dev.agentic.sandbox.ExecResult;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps what the agent did in its sandbox from steering the grader. Before the agent starts, it
 * finds what the test runner depends on (interpreters, their site-packages and standard library,
 * the modules pytest imports) and fingerprints it together with every place the runner reads
 * configuration or start-up hooks from (see {@code grader-listing.sh}), and notes the processes
 * that belong to the sandbox itself. After the agent stopped, {@link #check(Sandbox)} — on a fresh
 * copy of the sandbox, where no process of the agent runs — checks through the engine (not through
 * tools inside the sandbox) that the listing's own tools are unchanged, fingerprints again, checks
 * that the copy runs just the programs a container of the environment as built runs (a replaced
 * {@code sleep} that became the copy's main process would otherwise outlive every file check), and
 * reports each difference as {@link Tampering} with its evidence; {@link #agentProcesses(Sandbox)}
 * lists what the agent left running.
 *
 * <p>Legitimate repairs of the environment are not differences: new packages, PATH and profile
 * changes, {@code .pth} files that only add paths, symlinks. What is not detected is documented in
 * {@code docs/tasks.md} (grading threat model).
 */
public final class GraderGuard {

    private static final Duration LISTING_TIMEOUT = Duration.ofMinutes(2);
    private static final String DISCOVERY = resource("grader-discovery.sh");
    private static final String LISTING = resource("grader-listing.sh");

    private final ExecOptions listingEnv;
    private final Map<String, String> tools;
    private final Map<String, Entry> before;
    private final Set<String> ownProcesses;
    private final boolean isolated;

    private GraderGuard(ExecOptions listingEnv, Map<String, String> tools, Map<String, Entry> before, Set<String> ownProcesses,
                        boolean isolated) {
        this.listingEnv = listingEnv;
        this.tools = tools;
        this.before = before;
        this.ownProcesses = ownProcesses;
        this.isolated = isolated;
    }

    /**
     * Lists every process but the sandbox's own and this listing's, one {@code pid command line} each;
     * a process started by the agent cannot hide by clearing its environment.
     */
    private static final String PROCESSES = "for p in /proc/[0-9]*; do pid=${p#/proc/}; "
            + "grep -qzx \"AGENTIC_EXEC_ID=$AGENTIC_EXEC_ID\" \"$p/environ\" 2>/dev/null && continue; "
            + "cmd=$(tr '\\0' ' ' < \"$p/cmdline\" 2>/dev/null); [ -n \"$cmd\" ] && printf '%s %s\\n' \"$pid\" \"$cmd\"; done; true";

    /** One difference the agent made to what the grader relies on. */
    public record Tampering(String kind, String path, String change) {
        @Override
        public String toString() {
            return path + " " + change + " (" + KINDS.getOrDefault(kind, kind) + ")";
        }
    }

    private static final Map<String, String> KINDS = Map.of(
            "grader", "where the grader puts tests or rewards",
            "config", "test-runner configuration",
            "hook", "interpreter or runner start-up hook",
            "runner", "the test runner's code",
            "stdlib", "the Python standard library",
            "command", "a test-runner command on PATH",
            "shadow", "a module named like one the test runner imports",
            "tool", "a tool the grader's checks use, or what loads into it",
            "process", "the sandbox's own processes");

    private record Entry(String kind, String path, String fingerprint) {}

    /** Where the grader itself puts tests and rewards. */
    private static final List<String> GRADER_PATHS = List.of("/tests", "/logs/verifier");

    /**
     * The guard of one attempt at {@code task}, taken before the agent runs. SWE-bench needs none: it
     * grades only the agent's diff, in a fresh container ({@link SweBenchVerifier}).
     */
    public static GraderGuard of(dev.agentic.task.Task task, Sandbox sandbox, boolean isolated) {
        return task instanceof dev.agentic.task.SweBenchTask ? null : before(sandbox, sandbox.spec().workdir(), isolated);
    }

    /** As {@link #before(Sandbox, String, boolean)} in a container, whose processes are its own. */
    public static GraderGuard before(Sandbox sandbox, String workdir) {
        return before(sandbox, workdir, true);
    }

    /**
     * Takes the fingerprints before the agent runs; {@code workdir} is the agent's working folder.
     * {@code isolated}: the sandbox's processes are its own (a container), so those of a fresh copy
     * are compared with them; a sandbox on the host sees the host's, which no copy reproduces.
     */
    public static GraderGuard before(Sandbox sandbox, String workdir, boolean isolated) {
        ExecResult found = sandbox.exec(DISCOVERY, LISTING_TIMEOUT);
        Set<String> sites = new LinkedHashSet<>();
        Set<String> syspath = new LinkedHashSet<>();
        Set<String> stdlib = new LinkedHashSet<>();
        Set<String> runnerModules = new LinkedHashSet<>();
        Set<String> allModules = new LinkedHashSet<>();
        Map<String, String> tools = new LinkedHashMap<>();
        for (String line : found.stdout().lines().toList()) {
            String[] f = line.split("\t");
            if (f.length < 2) {
                continue;
            }
            switch (f[0]) {
                case "sitedir" -> sites.add(f[1]);
                case "syspath" -> syspath.add(f[1]);
                case "stdlib" -> stdlib.add(f[1]);
                case "module" -> {
                    if (!f[1].startsWith("_") || f[1].equals("_pytest")) {
                        allModules.add(f[1]);
                    }
                    if (f.length < 3) {
                        runnerModules.add(f[1]);
                    }
                }
                case "tool" -> tools.put(f[1], f.length > 2 ? f[2] : "");
                default -> { }
            }
        }
        stdlib.forEach(sites::remove);
        runnerModules.addAll(List.of("pytest", "_pytest", "pluggy", "iniconfig", "py")); // even where pytest is absent: one the agent adds is the runner
        if (found.timedOut()) {
            throw new SandboxException("the grader's discovery did not finish within " + LISTING_TIMEOUT.toSeconds() + " s");
        }
        ExecOptions env = ExecOptions.DEFAULT.withEnv(Map.of(
                "WORKDIR", workdir,
                "SITE_DIRS", String.join("\n", sites),
                "SYSPATH_DIRS", String.join("\n", syspath),
                "STDLIB_DIRS", String.join("\n", stdlib),
                "RUNNER_MODULES", String.join(" ", runnerModules),
                "ALL_MODULES", String.join(" ", allModules)));
        tools.replaceAll((tool, sum) -> sum.matches("[0-9a-f]{64}") ? sum : checksum(sandbox, tool));
        return new GraderGuard(env, tools, listing(sandbox, env), Set.copyOf(processes(sandbox)), isolated);
    }

    /**
     * The environment the listing runs with after the agent, and the tools read through the engine
     * first: what a tool that repeats this check by other means needs (the trial benchmark's docker
     * CLI baseline does).
     */
    public Map<String, String> listingEnvironment() {
        return listingEnv.env();
    }

    /** The listing's tools, read through the engine before the listing runs, by their resolved paths. */
    public Set<String> tools() {
        return Collections.unmodifiableSet(tools.keySet());
    }

    /** The listing script, run in the sandbox before the agent and in its fresh copy after it. */
    public static String listingScript() {
        return LISTING;
    }

    /** What the agent left running in {@code sandbox}: {@code pid command line} each, empty when nothing. */
    public List<String> agentProcesses(Sandbox sandbox) {
        return processes(sandbox).stream().filter(p -> !ownProcesses.contains(p)).toList();
    }

    private static List<String> processes(Sandbox sandbox) {
        return sandbox.exec(PROCESSES, LISTING_TIMEOUT).stdout().lines().filter(l -> !l.isBlank()).toList();
    }

    /**
     * Compares with the fingerprints taken before the agent: empty when nothing the grader relies on
     * changed. Call on a {@link Sandbox#freshCopy()} of the agent's sandbox (no process of the agent
     * can change anything while it runs), before the tests are copied in.
     */
    public List<Tampering> check(Sandbox sandbox) {
        return check(sandbox, false);
    }

    /**
     * As {@link #check(Sandbox)}, after the tests ran in {@code sandbox}: what the grader itself put in
     * {@code /tests} and {@code /logs/verifier} is then left out (the copied-in tests are compared on their own).
     */
    public List<Tampering> checkAfterTests(Sandbox sandbox) {
        return check(sandbox, true);
    }

    private List<Tampering> check(Sandbox sandbox, boolean afterTests) {
        try {
            return compare(sandbox, afterTests);
        } catch (ListingHung hung) {
            // it ran on the agent's files with none of its processes: what makes it hang is the agent's
            return List.of(new Tampering("grader", "the grader's listing", "did not finish within " + LISTING_TIMEOUT.toSeconds() + " s"));
        }
    }

    /** The listing ran out of time. */
    private static final class ListingHung extends SandboxException {
        private static final long serialVersionUID = 1L;

        ListingHung(String message) {
            super(message);
        }
    }

    private List<Tampering> compare(Sandbox sandbox, boolean afterTests) {
        List<Tampering> found = new ArrayList<>();
        found.addAll(changedTools(sandbox));
        if (!found.isEmpty()) {
            return found; // the listing below would run on tools the agent replaced
        }
        Map<String, Entry> after = listing(sandbox, listingEnv);
        if (afterTests) {
            after.values().removeIf(e -> GRADER_PATHS.stream().anyMatch(p -> e.path().equals(p) || e.path().startsWith(p + "/")));
        }
        if (!afterTests && isolated) {
            found.addAll(strangeProcesses(processEntries(before), processEntries(after)));
        }
        after.values().removeIf(e -> e.kind().equals(PROCESS));
        after.forEach((key, entry) -> {
            Entry old = before.get(key);
            if (old == null) {
                found.add(new Tampering(entry.kind(), entry.path(), entry.kind().equals("command")
                        ? "was not on PATH, now resolves to " + entry.fingerprint() : "created"));
            } else if (!old.fingerprint().equals(entry.fingerprint())) {
                found.add(new Tampering(entry.kind(), entry.path(), entry.kind().equals("command")
                        ? "resolved to " + old.fingerprint() + ", now to " + entry.fingerprint() : "changed"));
            }
        });
        before.forEach((key, entry) -> {
            if (!after.containsKey(key) && !entry.kind().equals("grader") && !entry.kind().equals("shadow") && !entry.kind().equals(PROCESS)) {
                found.add(new Tampering(entry.kind(), entry.path(), "removed"));
            }
        });
        return found;
    }

    private static final String PROCESS = "process";

    /** The process lines of a listing (path: pid; fingerprint: checksum of the program, then its command line). */
    private static List<Entry> processEntries(Map<String, Entry> listing) {
        return listing.values().stream().filter(e -> e.kind().equals(PROCESS)).toList();
    }

    /**
     * What runs in a fresh copy besides the programs a container of the environment runs before any
     * agent (its init and {@code sleep}), by the checksum of each program, not by what it calls itself;
     * and what of those does not run there.
     */
    private static List<Tampering> strangeProcesses(List<Entry> expected, List<Entry> running) {
        List<String> unmatched = new ArrayList<>(expected.stream().map(GraderGuard::program).toList());
        List<Tampering> found = new ArrayList<>();
        for (Entry process : running) {
            if (!unmatched.remove(program(process))) {
                found.add(new Tampering(PROCESS, "pid " + process.path() + " (" + commandLine(process) + ")",
                        "runs in the fresh copy before the tests"));
            }
        }
        for (Entry process : expected) {
            if (unmatched.contains(program(process))) {
                unmatched.remove(program(process));
                found.add(new Tampering(PROCESS, commandLine(process), "is not running in the fresh copy: another program runs in its place"));
            }
        }
        return found;
    }

    private static String program(Entry process) {
        int space = process.fingerprint().indexOf(' ');
        return space < 0 ? process.fingerprint() : process.fingerprint().substring(0, space);
    }

    private static String commandLine(Entry process) {
        int space = process.fingerprint().indexOf(' ');
        return space < 0 ? "" : process.fingerprint().substring(space + 1).strip();
    }

    /** The listing's tools whose content the engine reads differently now (read together: a folder of them in one round trip). */
    private List<Tampering> changedTools(Sandbox sandbox) {
        Map<String, byte[]> now = sandbox.readFiles(tools.keySet());
        List<Tampering> changed = new ArrayList<>();
        tools.forEach((tool, before) -> {
            byte[] content = now.get(tool);
            String sum = content == null ? "" : sha256(content);
            if (!sum.equals(before)) {
                changed.add(new Tampering("tool", tool, sum.isEmpty() ? "removed" : before.isEmpty() ? "created" : "changed"));
            }
        });
        return changed;
    }

    /** One line for a grade's detail: what changed, how. */
    static String describe(List<Tampering> tampering) {
        return "the agent changed what the grader relies on: " + String.join("; ", tampering.stream().map(Tampering::toString).toList());
    }

    private static Map<String, Entry> listing(Sandbox sandbox, ExecOptions env) {
        ExecResult result = sandbox.exec(LISTING, LISTING_TIMEOUT, env);
        if (result.timedOut()) {
            throw new ListingHung("the grader's listing did not finish within " + LISTING_TIMEOUT.toSeconds() + " s");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String line : result.stdout().lines().toList()) {
            String[] f = line.split("\t", 3);
            if (f.length == 3) {
                entries.put(f[0] + "\t" + f[1], new Entry(f[0], f[1], f[2]));
            }
        }
        return entries;
    }

    /** The checksum of a file as the engine reads it (no tool inside the sandbox is involved); empty when it is gone. */
    private static String checksum(Sandbox sandbox, String path) {
        byte[] content = sandbox.readFiles(List.of(path)).get(path);
        return content == null ? "" : sha256(content);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text resource of this package (the grader's shell scripts). */
    static String resource(String name) {
        try (InputStream in = GraderGuard.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
