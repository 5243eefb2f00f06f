package dev.agentic.diagnosis;

import dev.agentic.tool.ToolResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches tool results during an episode. Each kind of finding is reported at most once every
 * {@value #COOLDOWN_STEPS} steps, so the model is told, not nagged.
 */
public final class SelfDiagnosis {

    static final int COOLDOWN_STEPS = 5;
    static final int REPEATS = 3;
    static final int TIMEOUTS = 2;
    static final int TRUNCATIONS = 3;
    static final int EDIT_MISSES = 2;

    private static final Pattern NOT_FOUND = Pattern.compile("(?m)(?:bash: (?:line \\d+: )?)?([\\w./+-]+): (?:command )?not found");

    private final Map<String, Integer> lastReported = new HashMap<>();
    private String lastFailedCommand;
    private int sameFailures;
    private int timeouts;
    private int truncations;
    private int editMisses;

    /** Findings about one tool call of {@code step}; empty when all looks healthy. */
    public List<Finding> observe(int step, String tool, String command, ToolResult result) {
        List<Finding> findings = new ArrayList<>();
        String text = result.text();
        if (result.exitCode() != null) {
            observeCommand(command, result, text, findings);
        }
        if (tool.equals("editor") && result.error() && text.startsWith("No replacement was made: old_str does not occur")) {
            if (++editMisses >= EDIT_MISSES) {
                findings.add(new Finding("edit-mismatch", "str_replace found no match " + editMisses + " times in a row.",
                        "View the file with line numbers (editor view with view_range) and copy old_str exactly,"
                                + " including indentation; or make a smaller, unique edit."));
                editMisses = 0;
            }
        } else if (tool.equals("editor")) {
            editMisses = 0;
        }
        return findings.stream().filter(f -> due(f.kind(), step)).toList();
    }

    /** A tool call failed because the sandbox itself failed (the container is gone or Docker refused). */
    public List<Finding> sandboxFailure(int step, String error) {
        Finding finding = new Finding("sandbox-error", "the sandbox failed to run the call: " + error,
                "This is the environment, not your command. Try one simple command (echo ok); if the sandbox keeps failing,"
                        + " the episode will end.");
        return due(finding.kind(), step) ? List.of(finding) : List.of();
    }

    private void observeCommand(String command, ToolResult result, String text, List<Finding> findings) {
        Matcher missing = NOT_FOUND.matcher(text);
        if (result.exitCode() == 127 && missing.find()) {
            String name = missing.group(1);
            findings.add(new Finding("command-not-found", "'" + name + "' was not found (exit code 127).",
                    "Check whether it is installed and on PATH: echo $PATH; ls /usr/local/bin /usr/bin | grep -i "
                            + name.replaceAll(".*/", "") + "; look for it with find / -name '" + name.replaceAll(".*/", "")
                            + "*' 2>/dev/null. If PATH is wrong, fix it (export PATH=...) in each command or call the program by its full path."));
        }
        if (text.contains("Permission denied") || text.contains("Operation not permitted")) {
            findings.add(new Finding("permission-denied", "a command was refused: permission denied.",
                    "Inspect owner and mode (ls -l, id, stat); make scripts executable (chmod +x) or run them through their"
                            + " interpreter (sh script.sh, python3 script.py)."));
        }
        if (Boolean.TRUE.equals(result.timedOut())) {
            if (++timeouts >= TIMEOUTS) {
                findings.add(new Finding("timeouts", timeouts + " commands hit the timeout.",
                        "Run long work with a smaller scope (one test, one directory), put a time bound on it"
                                + " (timeout 60 ...), or run it in the background with output to a file and read the file."));
                timeouts = 0;
            }
        }
        if (Boolean.TRUE.equals(result.truncated())) {
            if (++truncations >= TRUNCATIONS) {
                findings.add(new Finding("output-truncated", "the output of " + truncations + " commands in a row was cut.",
                        "Filter output before it reaches you: grep for what you need, head/tail, wc -l, or write it to a"
                                + " file and view ranges of it."));
                truncations = 0;
            }
        } else {
            truncations = 0;
        }
        if (result.error() && command != null && command.equals(lastFailedCommand)) {
            if (++sameFailures >= REPEATS) {
                findings.add(new Finding("repeated-failure", "the same command failed " + sameFailures + " times in a row: "
                        + (command.length() > 120 ? command.substring(0, 120) + "…" : command),
                        "Running it again will not help. Read its error, check the environment it depends on (files,"
                                + " PATH, configuration, installed packages), then change the command or fix the cause."));
                sameFailures = 0;
            }
        } else if (result.error()) {
            lastFailedCommand = command;
            sameFailures = 1;
        } else {
            lastFailedCommand = null;
            sameFailures = 0;
        }
    }

    private boolean due(String kind, int step) {
        Integer last = lastReported.get(kind);
        if (last != null && step - last < COOLDOWN_STEPS) {
            return false;
        }
        lastReported.put(kind, step);
        return true;
    }
}
