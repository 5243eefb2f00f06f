package dev.agentic.verify;

import dev.agentic.sandbox.ExecResult;
import dev.agentic.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Notices an agent reaching for the grader: files where tests or rewards will be placed
 * ({@code /tests}, {@code /logs/verifier}), pytest configuration at the file system root, and the
 * installed pytest, pluggy and Python start-up hooks. A listing with checksums is taken before
 * the agent runs and compared after it stops.
 */
public final class GraderGuard {

    static final String LISTING = "for p in /tests /logs/verifier /conftest.py /pytest.ini /tox.ini /setup.cfg /pyproject.toml; do"
            + " [ -e \"$p\" ] && echo \"present $p\"; done; "
            + "find /usr/lib/python3/dist-packages/_pytest /usr/lib/python3/dist-packages/pytest /usr/lib/python3/dist-packages/pluggy"
            + " /usr/local/lib/python3*/dist-packages/_pytest /usr/local/lib/python3*/site-packages/_pytest -type f 2>/dev/null"
            + " | sort | xargs -r md5sum; "
            + "find /usr/lib/python3* /usr/local/lib/python3* /etc/python3* -maxdepth 3 \\( -name sitecustomize.py -o -name usercustomize.py \\)"
            + " 2>/dev/null | sort | xargs -r md5sum; true";

    private final List<String> before;

    private GraderGuard(List<String> before) {
        this.before = before;
    }

    /** Takes the listing before the agent runs. */
    public static GraderGuard before(Sandbox sandbox) {
        return new GraderGuard(listing(sandbox));
    }

    /** What changed since, one entry per path; empty when nothing did. */
    public List<String> changes(Sandbox sandbox) {
        List<String> after = listing(sandbox);
        List<String> changed = new ArrayList<>();
        Set<String> old = Set.copyOf(before);
        Set<String> now = Set.copyOf(after);
        for (String line : after) {
            if (!old.contains(line)) {
                changed.add(line.startsWith("present ") ? "created " + line.substring(8) : "changed " + path(line));
            }
        }
        for (String line : before) {
            if (!now.contains(line) && after.stream().noneMatch(l -> path(l).equals(path(line)))) {
                changed.add("removed " + path(line));
            }
        }
        return changed;
    }

    private static String path(String line) {
        return line.startsWith("present ") ? line.substring(8) : line.substring(line.indexOf(' ') + 1).strip();
    }

    private static List<String> listing(Sandbox sandbox) {
        ExecResult result = sandbox.exec(LISTING, Duration.ofSeconds(60));
        return result.stdout().lines().filter(l -> !l.isBlank()).toList();
    }
}
