package dev.agentic.verify;

import dev.agentic.verify.swebench.TestStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the "short test summary info" section that {@code pytest -rA} prints: one line per test,
 * {@code STATUS node-id[ - message]}. Skipped tests are reported by location
 * ({@code SKIPPED [1] path:line: reason}) and keyed by that location; a collection error by file.
 * Only the last summary section is read: pytest prints its own at the very end, so a summary-like
 * text that the code under test printed (shown earlier, in a captured-output section) is never
 * taken for results.
 */
public final class PytestSummary {

    static final String HEADER = "short test summary info";

    private PytestSummary() {}

    /** Per-test statuses in report order, or empty when the output has no summary section (a parse error). */
    public static Optional<Map<String, TestStatus>> parse(String output) {
        int start = output.lastIndexOf(HEADER);
        if (start < 0) {
            return Optional.empty();
        }
        Map<String, TestStatus> statuses = new LinkedHashMap<>();
        for (String line : output.substring(output.indexOf('\n', start) + 1).lines().toList()) {
            if (line.startsWith("===") || line.startsWith("!!!")) {
                if (line.startsWith("===")) {
                    break;
                }
                continue;
            }
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            TestStatus status;
            try {
                status = TestStatus.valueOf(line.substring(0, space));
            } catch (IllegalArgumentException notAStatus) {
                continue;
            }
            String rest = line.substring(space + 1);
            statuses.put(status == TestStatus.SKIPPED ? skippedLocation(rest) : nodeId(rest), status);
        }
        return Optional.of(statuses);
    }

    /** The node id at the start of {@code text}: {@code path::name} with an optional {@code [parameters]} part. */
    static String nodeId(String text) {
        int i = 0;
        int depth = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && depth > 0) {
                depth--;
            } else if (c == ' ' && depth == 0) {
                break;
            }
            i++;
        }
        return text.substring(0, i);
    }

    /** {@code [1] path:line: reason} becomes {@code path:line}. */
    static String skippedLocation(String text) {
        String rest = text.startsWith("[") ? text.substring(text.indexOf(']') + 1).strip() : text;
        int second = rest.indexOf(':', rest.indexOf(':') + 1);
        return second > 0 ? rest.substring(0, second) : nodeId(rest);
    }
}
