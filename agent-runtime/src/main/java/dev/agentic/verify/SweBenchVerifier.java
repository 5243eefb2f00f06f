package dev.agentic.verify;

import dev.agentic.verify.swebench.TestStatus;
import dev.agentic.sandbox.ExecResult;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.sandbox.Sandboxes;
import dev.agentic.sandbox.Shell;
import dev.agentic.task.SweBenchTask;
import dev.agentic.verify.swebench.RepoSpec;
import dev.agentic.verify.swebench.RepoSpecs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SWE-bench grading with the official harness's semantics, per repository ({@link RepoSpec}). The
 * agent's changes are taken as a diff of the working directory against {@code base_commit}; in a
 * fresh container of the instance image the diff is applied ({@code git apply}, then
 * {@code --3way}, then {@code --reject}, then {@code patch --fuzz=5}); then, as the official eval
 * script does: the environment is activated, the spec's eval commands and install run, the files
 * {@code test_patch} modifies are reset to {@code base_commit}, {@code test_patch} is applied, the
 * spec's test command runs on the directives between start and end markers (stdout and stderr
 * together, the exit code recorded after the end marker), and the test files are reset again. Only
 * the text between the markers is read, by the repository's parser, and graded as the harness
 * grades: a test passes when PASSED or XFAIL, fails when FAILED, ERROR or missing, and otherwise
 * (SKIPPED) counts as neither; RESOLVED_FULL when every FAIL_TO_PASS and PASS_TO_PASS test that
 * counts passed, RESOLVED_PARTIAL when some FAIL_TO_PASS and all PASS_TO_PASS did.
 *
 * <p>Where this is stricter than the harness (documented in {@code docs/tasks.md}): a diff that
 * changes the test runner's files ({@link RepoSpec#runnerFiles()} and the pytest sections of
 * {@code tox.ini}, {@code setup.cfg}, {@code pyproject.toml}), a file holding a graded test that the
 * eval does not reset, or a file that {@code test_patch} creates is tampering; a {@code test_patch}
 * that does not apply stops the tests (the harness would run them anyway).
 */
public record SweBenchVerifier(SweBenchTask task, Sandboxes sandboxes, SandboxSpec pristine, Duration testTimeout) implements Verifier {

    static final String START = ">>>>> Start Test Output";
    static final String END = ">>>>> End Test Output";
    private static final Pattern DIFF_FILE = Pattern.compile("(?m)^diff --git a/(\\S+) b/(\\S+)");
    private static final Pattern PYTEST_SECTION = Pattern.compile("^\\s*\\[\\s*(pytest|tool:pytest|tool\\.pytest[^\\]]*)\\s*]");
    private static final Set<String> SECTION_FILES = Set.of("tox.ini", "setup.cfg", "pyproject.toml");

    @Override
    public Grade verify(Sandbox sandbox, GraderGuard guard) {
        return grade(modelPatch(sandbox));
    }

    /** The repository specification this instance is graded by: built in, or from the suite's extra file. */
    public RepoSpec spec() {
        RepoSpecs specs = task.repoSpecs() == null ? RepoSpecs.builtIn() : RepoSpecs.builtIn().withFile(task.repoSpecs());
        return specs.forRepo(task.repo(), task.version());
    }

    /** The agent's changes to the repository: new, changed and deleted files against {@code base_commit}. */
    public String modelPatch(Sandbox sandbox) {
        // the agent's git configuration must not shape the diff (prefixes, external diff drivers, text conversion)
        String git = "/usr/bin/git -c diff.noprefix=false -c diff.mnemonicPrefix=false -c core.quotePath=false";
        ExecResult diff = sandbox.exec(git + " add -A && " + git + " diff --cached --no-color --no-ext-diff --no-textconv --binary "
                + task.baseCommit() + " && " + git + " reset -q",
                Duration.ofMinutes(2));
        if (diff.exitCode() != 0) {
            throw new SandboxException("git diff in " + sandbox.spec().workdir() + " failed: " + diff.stderr());
        }
        if (diff.truncated()) {
            throw new SandboxException("the agent's diff is larger than the sandbox output cap (" + sandbox.spec().maxOutputBytes() + " bytes)");
        }
        return diff.stdout();
    }

    /** Grades {@code patch} (the agent's, or the gold patch for the oracle) in a fresh container. */
    public Grade grade(String patch) {
        if (patch == null || patch.isBlank()) {
            return swe(Grade.Outcome.NO_CHANGE, Map.of(), "", Duration.ZERO, "the patch is empty: nothing was changed",
                    report(false, false, SweBenchReport.Resolution.RESOLVED_NO));
        }
        RepoSpec spec = spec();
        try (Sandbox fresh = sandboxes.start(pristine.withMaxOutputBytes(8 << 20))) {
            fresh.writeText("/tmp/model.patch", patch);
            ExecResult applied = fresh.exec("git apply --verbose /tmp/model.patch || git apply --verbose --3way /tmp/model.patch"
                    + " || git apply --verbose --reject /tmp/model.patch || patch --batch --forward --fuzz=5 -p1 -i /tmp/model.patch",
                    Duration.ofMinutes(2));
            if (applied.exitCode() != 0) {
                return swe(Grade.Outcome.PATCH_FAILED, Map.of(), applied.stdout() + applied.stderr(), applied.duration(),
                        "the patch did not apply to base_commit " + task.baseCommit(), report(true, false, SweBenchReport.Resolution.RESOLVED_NO));
            }
            List<String> touched = changedFiles(fresh);
            List<String> tampered = touchedGraderFiles(touched, spec);
            if (!tampered.isEmpty()) {
                return swe(Grade.Outcome.TAMPERED, Map.of(), "", Duration.ZERO, "the patch changes what grades it: " + String.join(", ", tampered),
                        report(true, true, SweBenchReport.Resolution.RESOLVED_NO));
            }
            List<String> configured = changedPytestSections(fresh, touched);
            if (!configured.isEmpty()) {
                return swe(Grade.Outcome.TAMPERED, Map.of(), "", Duration.ZERO, "the patch changes the test runner's configuration: "
                        + String.join(", ", configured), report(true, true, SweBenchReport.Resolution.RESOLVED_NO));
            }
            fresh.writeText("/tmp/test.patch", task.testPatch());
            String nonce = UUID.randomUUID().toString();
            return gradeRun(fresh.exec(evalScript(spec, nonce), testTimeout), spec, nonce);
        }
    }

    /** The official eval sequence for this instance; the markers carry {@code nonce} so that no output can imitate them. */
    String evalScript(RepoSpec spec, String nonce) {
        List<String> reset = modifiedFiles(task.testPatch());
        String resetCommand = reset.isEmpty() ? "true" : "git checkout " + task.baseCommit() + " -- "
                + String.join(" ", reset.stream().map(Shell::quote).toList());
        List<String> lines = new ArrayList<>();
        lines.add("set -uo pipefail");
        if (!spec.activation().isBlank()) {
            lines.add(spec.activation());
        }
        lines.add("cd " + Shell.quote(pristine.workdir()));
        lines.addAll(spec.evalCommands());
        lines.add("git config --global --add safe.directory " + Shell.quote(pristine.workdir()) + " 2>/dev/null");
        if (!spec.install().isBlank()) {
            lines.add(spec.install() + " >/tmp/install.log 2>&1 || { echo 'the install step failed:'; tail -n 20 /tmp/install.log; }");
        }
        lines.add(resetCommand);
        lines.add("if ! git apply -v /tmp/test.patch; then echo 'test_patch did not apply'; exit 97; fi");
        lines.add("echo '" + START + " " + nonce + "'");
        lines.add("{ " + spec.testCommandFor(filesOf(task.testPatch())) + " ; } 2>&1");
        lines.add("status=$?");
        lines.add("echo \"" + END + " " + nonce + " exit code $status\"");
        lines.add(resetCommand);
        return String.join("\n", lines) + "\n";
    }

    private Grade gradeRun(ExecResult run, RepoSpec spec, String nonce) {
        String output = run.stdout() + (run.stderr().isEmpty() ? "" : "\n[stderr]\n" + run.stderr());
        SweBenchReport unknown = report(true, true, SweBenchReport.Resolution.RESOLVED_NO);
        if (run.timedOut()) {
            return swe(Grade.Outcome.TEST_TIMEOUT, Map.of(), output, run.duration(), "the tests did not finish in time", unknown);
        }
        String startMarker = START + " " + nonce;
        String endMarker = END + " " + nonce;
        int start = run.stdout().indexOf(startMarker);
        int end = run.stdout().lastIndexOf(endMarker);
        if (start < 0 || end < start) {
            return swe(Grade.Outcome.PARSE_ERROR, Map.of(), output, run.duration(), start < 0
                    ? "test_patch did not apply or the tests did not start (exit code " + run.exitCode() + ")"
                    : "the test output has no end marker", unknown);
        }
        String log = run.stdout().substring(run.stdout().indexOf('\n', start) + 1, end);
        Map<String, TestStatus> tests = spec.parser().parse(log);
        String exit = run.stdout().substring(end + endMarker.length()).lines().findFirst().orElse("").strip();
        List<String> f2pOk = new ArrayList<>();
        List<String> f2pBad = new ArrayList<>();
        List<String> p2pOk = new ArrayList<>();
        List<String> p2pBad = new ArrayList<>();
        sort(task.failToPass(), tests, f2pOk, f2pBad);
        sort(task.passToPass(), tests, p2pOk, p2pBad);
        SweBenchReport.Resolution resolution = resolution(f2pOk.size(), f2pBad.size(), p2pOk.size(), p2pBad.size());
        SweBenchReport report = new SweBenchReport(true, true, resolution, f2pOk, f2pBad, p2pOk, p2pBad);
        if (resolution == SweBenchReport.Resolution.RESOLVED_FULL) {
            return swe(Grade.Outcome.RESOLVED, tests, output, run.duration(), null, report);
        }
        List<String> failing = new ArrayList<>(f2pBad);
        failing.addAll(p2pBad);
        return swe(Grade.Outcome.TESTS_FAILED, tests, output, run.duration(), resolution + ": failing " + failing + " (tests " + exit + ")",
                report);
    }

    /** Passed (PASSED, XFAIL), failed (FAILED, ERROR, or missing from the log), or neither (SKIPPED): as the harness counts. */
    private static void sort(List<String> names, Map<String, TestStatus> tests, List<String> passed, List<String> failed) {
        for (String name : names) {
            TestStatus status = tests.get(name);
            if (status == TestStatus.PASSED || status == TestStatus.XFAIL) {
                passed.add(name);
            } else if (status == null || status == TestStatus.FAILED || status == TestStatus.ERROR) {
                failed.add(name);
            }
        }
    }

    /** The harness's rule: each ratio is 1 when no test of its list counts. */
    static SweBenchReport.Resolution resolution(int f2pOk, int f2pBad, int p2pOk, int p2pBad) {
        double f2p = f2pOk + f2pBad == 0 ? 1 : (double) f2pOk / (f2pOk + f2pBad);
        double p2p = p2pOk + p2pBad == 0 ? 1 : (double) p2pOk / (p2pOk + p2pBad);
        if (f2p == 1 && p2p == 1) {
            return SweBenchReport.Resolution.RESOLVED_FULL;
        }
        return f2p > 0 && f2p < 1 && p2p == 1 ? SweBenchReport.Resolution.RESOLVED_PARTIAL : SweBenchReport.Resolution.RESOLVED_NO;
    }

    private SweBenchReport report(boolean exists, boolean applied, SweBenchReport.Resolution resolution) {
        return new SweBenchReport(exists, applied, resolution, List.of(), task.failToPass(), List.of(), task.passToPass());
    }

    private static Grade swe(Grade.Outcome outcome, Map<String, TestStatus> tests, String output, Duration duration, String detail,
                             SweBenchReport report) {
        boolean resolved = outcome == Grade.Outcome.RESOLVED;
        return new Grade(resolved, resolved ? 1 : 0, outcome, tests, output, duration, detail, report);
    }

    /**
     * Files of the patch that the grader relies on: the test runner's files, files {@code test_patch}
     * creates, and files of graded tests that the eval does not reset (pytest node ids name their file).
     */
    private List<String> touchedGraderFiles(List<String> files, RepoSpec spec) {
        Set<String> reset = new LinkedHashSet<>(modifiedFiles(task.testPatch()));
        Set<String> created = new LinkedHashSet<>(filesOf(task.testPatch()));
        created.removeAll(reset);
        Set<String> graded = new LinkedHashSet<>();
        task.failToPass().forEach(t -> graded.add(fileOf(t)));
        task.passToPass().forEach(t -> graded.add(fileOf(t)));
        graded.removeAll(reset);
        List<String> found = new ArrayList<>();
        for (String file : files) {
            if (spec.isRunnerFile(file)) {
                found.add(file + " (the test runner's file)");
            } else if (created.contains(file)) {
                found.add(file + " (a test file that test_patch creates)");
            } else if (graded.contains(file)) {
                found.add(file + " (holds graded tests that the eval does not reset)");
            }
        }
        return found;
    }

    /** The pytest sections of {@code tox.ini}, {@code setup.cfg} and {@code pyproject.toml} that the applied patch changed. */
    private List<String> changedPytestSections(Sandbox fresh, List<String> files) {
        List<String> changed = new ArrayList<>();
        for (String file : files) {
            if (!SECTION_FILES.contains(file.substring(file.lastIndexOf('/') + 1))) {
                continue;
            }
            String quoted = Shell.quote(file);
            String before = fresh.exec("git show " + task.baseCommit() + ":" + quoted + " 2>/dev/null", Duration.ofSeconds(30)).stdout();
            String after = fresh.exec("cat " + quoted + " 2>/dev/null", Duration.ofSeconds(30)).stdout();
            if (!pytestSections(before).equals(pytestSections(after))) {
                changed.add(file + " (its pytest section)");
            }
        }
        return changed;
    }

    /** The lines of every pytest section of an ini or TOML file, headers included. */
    static String pytestSections(String text) {
        StringBuilder sections = new StringBuilder();
        boolean in = false;
        for (String line : text.lines().toList()) {
            if (line.strip().startsWith("[")) {
                in = PYTEST_SECTION.matcher(line).find();
            }
            if (in) {
                sections.append(line.strip()).append('\n');
            }
        }
        return sections.toString();
    }

    /**
     * The files that differ from {@code base_commit} in the fresh container once the patch is applied,
     * by its own (pristine) git: what the patch really changed, whatever its headers say.
     */
    private List<String> changedFiles(Sandbox fresh) {
        ExecResult status = fresh.exec("/usr/bin/git -c core.quotePath=false status --porcelain=v1 -z --untracked-files=all",
                Duration.ofMinutes(1));
        List<String> files = new ArrayList<>();
        String[] entries = status.stdout().split("\0");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            if (entry.length() < 4) {
                continue;
            }
            files.add(entry.substring(3));
            if (entry.charAt(0) == 'R' || entry.charAt(0) == 'C') {
                i++; // the entry after a rename or copy is its source
            }
        }
        return files;
    }

    static List<String> filesOf(String patch) {
        Set<String> files = new LinkedHashSet<>();
        Matcher matcher = DIFF_FILE.matcher(patch);
        while (matcher.find()) {
            files.add(matcher.group(2));
        }
        return List.copyOf(files);
    }

    /** The files a patch changes that exist before it (not created by it), as the harness resets them. */
    static List<String> modifiedFiles(String patch) {
        List<String> files = new ArrayList<>();
        String[] blocks = patch.split("(?m)^(?=diff --git )");
        for (String block : blocks) {
            Matcher header = DIFF_FILE.matcher(block);
            if (header.find() && !block.contains("\n--- /dev/null") && !block.contains("\nnew file mode")) {
                files.add(header.group(1));
            }
        }
        return files;
    }

    /** {@code tests/test_x.py::test_y[p]} → {@code tests/test_x.py}; names without a file (django, sympy) stay as they are. */
    static String fileOf(String testName) {
        int separator = testName.indexOf("::");
        return separator < 0 ? testName : testName.substring(0, separator);
    }
}
