package dev.agentic.bench;

import dev.agentic.trial.TrialResult;
import dev.agentic.trajectory.Secrets;
import java.util.List;
import java.util.Locale;

/**
 * A JUnit XML report of a run, one test case per task and trial, so that CI dashboards show the
 * results: unresolved trials are failures, infrastructure failures and broken tasks are errors.
 * Every text placed in it is redacted ({@link Secrets#standard()}) before it is escaped.
 */
final class JUnitReport {

    private JUnitReport() {}

    static String of(RunInfo run, List<TrialResult> trials) {
        long failures = trials.stream().filter(t -> !t.resolved() && t.graded()).count();
        long errors = trials.stream().filter(t -> !t.graded()).count();
        double seconds = trials.stream().mapToLong(t -> t.timing().totalMs()).sum() / 1000.0;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"%.3f\">%n",
                escape(run.variant() + " on " + run.suite()), trials.size(), failures, errors, seconds));
        for (TrialResult t : trials) {
            xml.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\">",
                    escape(run.suite() + "." + t.task()), "trial-" + t.trial(), t.timing().totalMs() / 1000.0));
            if (!t.graded()) {
                xml.append("\n    <error type=\"").append(escape(t.score().failureLabel().label())).append("\" message=\"")
                        .append(escape(String.valueOf(t.tries().error()))).append("\"/>\n  ");
            } else if (!t.resolved()) {
                xml.append("\n    <failure type=\"").append(escape(t.score().failureLabel().label())).append("\" message=\"")
                        .append(escape(t.score().outcome() + (t.agentRun().exitDetail() == null ? "" : ": " + t.agentRun().exitDetail()))).append("\"/>\n  ");
            }
            xml.append("</testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : Secrets.standard().redact(String.valueOf(text)).toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
