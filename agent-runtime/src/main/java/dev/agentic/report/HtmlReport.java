package dev.agentic.report;

import dev.agentic.bench.RunResults;
import dev.agentic.bench.Summary;
import dev.agentic.bench.SummaryTable;
import dev.agentic.trial.FailureLabel;
import dev.agentic.trial.TrialResult;
import dev.agentic.lineage.Comparison;
import dev.agentic.lineage.ComparisonReport;
import dev.agentic.lineage.Comparisons;
import dev.agentic.lineage.FailureModes;
import dev.agentic.trajectory.Secrets;
import dev.agentic.trajectory.Trajectories;
import dev.agentic.trajectory.TrajectoryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Self-contained HTML reports that open from disk (no network, no script): {@code index.html} for
 * the whole lineage — tree with rates and intervals, resolved rate per variant, a task × variant
 * heat map, failure labels per variant, cost against resolved rate — and one page per variant
 * with its comparison to its parent and a panel per task with every trial's trajectory and tests.
 */
public final class HtmlReport {

    /** A variant's latest results. */
    public record VariantResults(String id, String parent, RunResults results) {}

    private static final int OBSERVATION_CHARS = 4000;

    private HtmlReport() {}

    /**
     * The latest results of every variant under an experiments folder ({@code <dir>/<variant>/results/LATEST}),
     * with their parents as recorded in {@code run.json}, in folder order.
     */
    public static List<VariantResults> scan(Path experiments) {
        List<VariantResults> found = new ArrayList<>();
        try (var dirs = Files.list(experiments)) {
            for (Path dir : dirs.sorted().toList()) {
                Path results = dir.resolve("results");
                if (Files.isRegularFile(results.resolve("LATEST"))) {
                    RunResults run = RunResults.load(results, null, dir.getFileName().toString());
                    found.add(new VariantResults(run.run().variant(), run.run().parent(), run));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + experiments + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no results under " + experiments + " (expected <variant>/results/LATEST): run a bench first");
        }
        return found;
    }

    /** Writes {@code index.html} and one {@code <variant>.html} per variant into {@code dir}; returns the files. */
    public static List<Path> write(List<VariantResults> variants, Path dir) {
        try {
            Files.createDirectories(dir);
            List<Path> files = new ArrayList<>();
            Path index = dir.resolve("index.html");
            Files.writeString(index, lineage(variants), StandardCharsets.UTF_8);
            files.add(index);
            for (VariantResults v : variants) {
                Path page = dir.resolve(Html.id(v.id()) + ".html");
                Files.writeString(page, experiment(v, find(variants, v.parent())), StandardCharsets.UTF_8);
                files.add(page);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
    }

    static String lineage(List<VariantResults> variants) {
        StringBuilder body = new StringBuilder("<h1>Lineage</h1>");
        body.append("<section><h2>Variants</h2>").append(tree(variants, null)).append("</section>");
        List<String> names = variants.stream().map(VariantResults::id).toList();
        List<Summary> summaries = variants.stream().map(v -> summary(v)).toList();
        body.append("<section><h2>Resolved rate with 95 % interval</h2>").append(Charts.rates(names,
                summaries.stream().map(s -> new double[] {s.passRate(), s.intervalLow(), s.intervalHigh()}).toList())).append("</section>");
        body.append("<section><h2>Tasks × variants</h2>").append(heatmap(variants)).append("</section>");
        List<String> labels = new ArrayList<>(new TreeSet<>(summaries.stream().flatMap(s -> s.failureLabels().keySet().stream()).toList()));
        labels.remove(FailureLabel.NONE.label());
        labels.add(0, FailureLabel.NONE.label());
        body.append("<section><h2>Failure labels per variant</h2>").append(Charts.stacked(names,
                summaries.stream().map(Summary::failureLabels).toList(), labels)).append("</section>");
        body.append("<section><h2>Cost against resolved rate</h2>").append(Charts.costAgainstRate(names,
                summaries.stream().map(s -> new double[] {s.meanCostUsd() == null ? Double.NaN : s.meanCostUsd(),
                        s.meanInputTokens() + s.meanOutputTokens(), s.passRate()}).toList()))
                .append("</section>");
        return page("Lineage", body.toString());
    }

    static String experiment(VariantResults v, VariantResults parent) {
        Summary s = summary(v);
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"index.html\">← lineage</a></p><h1>").append(Html.escape(v.id())).append("</h1>");
        if (v.results().run().hypothesis() != null && !v.results().run().hypothesis().isBlank()) {
            body.append("<p class=\"hypothesis\">").append(Html.escape(v.results().run().hypothesis())).append("</p>");
        }
        body.append("<section><h2>Run ").append(Html.escape(v.results().run().runId())).append("</h2><table class=\"facts\">");
        row(body, "resolved", String.format(Locale.ROOT, "%d of %d graded trials — %.1f %% (95 %% CI %.1f–%.1f)", s.resolved(),
                s.trialsFinished() - s.infrastructureFailures() - s.taskErrors(), 100 * s.passRate(), 100 * s.intervalLow(), 100 * s.intervalHigh()));
        row(body, "design", s.tasks() + " tasks × " + s.trialsPerTask() + " trials on " + s.suite() + " (hash " + s.suiteHash() + ")");
        row(body, "model", v.results().run().model());
        row(body, "settings", v.results().run().config().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" · ")));
        if (!s.passAtK().isEmpty()) {
            row(body, "pass@k", SummaryTable.perK(s.passAtK()));
        }
        if (s.passHatK() != null && !s.passHatK().isEmpty()) {
            row(body, "pass^k", SummaryTable.perK(s.passHatK()));
        }
        row(body, "failure labels", s.failureLabels().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · ")));
        row(body, "mean per trial", String.format(Locale.ROOT, "%,.0f tokens%s · %s · agent %.1f s · tests %.1f s",
                s.meanInputTokens() + s.meanOutputTokens(), SummaryTable.cachedShare(s, "of input cached"),
                SummaryTable.meanCost(s), s.meanAgentSeconds(), s.meanTestSeconds()));
        body.append("</table></section>");
        if (parent != null) {
            try {
                Comparison c = Comparisons.compare(v.results(), parent.results(), 0.95, 0, 2000);
                FailureModes modes = FailureModes.compare(v.results().trials(), parent.results().trials());
                body.append("<section><h2>Against ").append(Html.escape(parent.id())).append("</h2><p class=\"verdict ")
                        .append(c.verdict().name().toLowerCase(Locale.ROOT)).append("\">").append(Html.escape(ComparisonReport.headline(c)))
                        .append("</p><p>").append(Html.escape(ComparisonReport.detectable(c))).append("</p><p>").append(Html.escape(modes.sentence()))
                        .append("</p></section>");
            } catch (IllegalArgumentException e) {
                body.append("<section><h2>Against ").append(Html.escape(parent.id())).append("</h2><p>").append(Html.escape(e.getMessage()))
                        .append("</p></section>");
            }
        }
        body.append("<section><h2>Tasks</h2>");
        Map<String, List<TrialResult>> byTask = v.results().trials().stream()
                .collect(Collectors.groupingBy(TrialResult::task, TreeMap::new, Collectors.toList()));
        byTask.forEach((task, trials) -> body.append(taskPanel(v, task, trials)));
        body.append("</section>");
        return page(v.id(), body.toString());
    }

    private static String taskPanel(VariantResults v, String task, List<TrialResult> trials) {
        long ok = trials.stream().filter(TrialResult::resolved).count();
        StringBuilder out = new StringBuilder("<details class=\"task\" id=\"").append(Html.id(task)).append("\"><summary><span class=\"dot\" style=\"background:")
                .append(Charts.heat(ok / (double) trials.size())).append("\"></span>").append(Html.escape(task))
                .append(String.format(Locale.ROOT, " — %d/%d resolved", ok, trials.size())).append("</summary>");
        for (TrialResult t : trials) {
            TrialResult.Score score = t.score();
            out.append("<details class=\"trial\"><summary>trial ").append(t.trial()).append(": ")
                    .append(t.resolved() ? "resolved" : Html.escape(String.valueOf(score.failureLabel())))
                    .append(" · ").append(Html.escape(String.valueOf(t.agentRun().exitStatus()))).append(" · ").append(t.agentRun().steps()).append(" steps")
                    .append(score.tags() == null || score.tags().isEmpty() ? "" : " · " + Html.escape(String.join(", ", score.tags()))).append("</summary>");
            if (score.tests() != null && !score.tests().isEmpty()) {
                out.append("<ul class=\"tests\">");
                score.tests().forEach((name, status) -> out.append("<li class=\"").append(status.name().toLowerCase(Locale.ROOT)).append("\">")
                        .append(Html.escape(status.name())).append(" ").append(Html.escape(name)).append("</li>"));
                out.append("</ul>");
            }
            out.append(trajectory(v.results().directory().resolve(t.agentRun().trajectory() == null ? "missing" : t.agentRun().trajectory())));
            out.append("</details>");
        }
        return out.append("</details>").toString();
    }

    private static String trajectory(Path file) {
        if (!Files.isRegularFile(file)) {
            return "<p class=\"muted\">no trajectory</p>";
        }
        StringBuilder out = new StringBuilder("<ol class=\"trajectory\">");
        for (TrajectoryEvent event : Trajectories.read(file)) {
            if (event instanceof TrajectoryEvent.ModelCall call) {
                out.append("<li class=\"model\"><b>step ").append(call.step()).append(call.purpose().equals("act") ? "" : " · " + call.purpose())
                        .append("</b> <span class=\"muted\">").append(call.inputTokens() + call.outputTokens()).append(" tokens</span>");
                if (call.text() != null && !call.text().isBlank()) {
                    out.append("<div class=\"say\">").append(Html.escape(call.text())).append("</div>");
                }
                out.append("</li>");
            } else if (event instanceof TrajectoryEvent.ToolRun run) {
                // redacted before it is cut, so that no part of a secret is left
                String observation = run.observation() == null ? "" : Secrets.standard().redact(run.observation());
                if (observation.length() > OBSERVATION_CHARS) {
                    observation = observation.substring(0, OBSERVATION_CHARS) + "\n[…]";
                }
                out.append("<li class=\"tool").append(run.error() ? " error" : "").append("\"><code>").append(Html.escape(run.name())).append(" ")
                        .append(Html.escape(run.arguments())).append("</code><pre>").append(Html.escape(observation)).append("</pre></li>");
            } else if (event instanceof TrajectoryEvent.Diagnosis d) {
                out.append("<li class=\"diagnosis\">self-diagnosis <b>").append(Html.escape(d.kind())).append("</b>: ").append(Html.escape(d.evidence()))
                        .append("<br><span class=\"muted\">").append(Html.escape(d.hint())).append("</span></li>");
            } else if (event instanceof TrajectoryEvent.Notice n) {
                out.append("<li class=\"diagnosis\">notice <b>").append(Html.escape(n.kind())).append("</b>: ")
                        .append(Html.escape(Secrets.standard().redact(n.text()))).append("</li>");
            } else if (event instanceof TrajectoryEvent.End end) {
                out.append("<li class=\"end\">").append(Html.escape(end.exitStatus())).append(" after ").append(end.step()).append(" steps")
                        .append(end.submission() == null || end.submission().isBlank() ? "" : ": " + Html.escape(end.submission())).append("</li>");
            }
        }
        return out.append("</ol>").toString();
    }

    private static String tree(List<VariantResults> variants, String parent) {
        List<VariantResults> level = variants.stream().filter(v -> parent == null ? v.parent() == null || find(variants, v.parent()) == null
                : parent.equals(v.parent())).toList();
        if (level.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<ul class=\"tree\">");
        for (VariantResults v : level) {
            Summary s = summary(v);
            out.append("<li><a href=\"").append(Html.id(v.id())).append(".html\">").append(Html.escape(v.id())).append("</a> ")
                    .append(String.format(Locale.ROOT, "%.1f %% <span class=\"muted\">(%.1f–%.1f, %d trials)</span>", 100 * s.passRate(),
                            100 * s.intervalLow(), 100 * s.intervalHigh(), s.trialsFinished()));
            VariantResults p = find(variants, v.parent());
            if (p != null) {
                try {
                    Comparison c = Comparisons.compare(v.results(), p.results(), 0.95, 0, 2000);
                    out.append(" <span class=\"verdict ").append(c.verdict().name().toLowerCase(Locale.ROOT)).append("\">").append(c.verdict())
                            .append(String.format(Locale.ROOT, " Δ %+.1f pts", 100 * c.delta())).append("</span>");
                } catch (IllegalArgumentException e) {
                    out.append(" <span class=\"muted\">not comparable</span>");
                }
            }
            out.append(tree(variants, v.id())).append("</li>");
        }
        return out.append("</ul>").toString();
    }

    private static String heatmap(List<VariantResults> variants) {
        Map<String, Map<String, double[]>> cells = new TreeMap<>();
        for (VariantResults v : variants) {
            for (TrialResult t : v.results().trials()) {
                double[] cell = cells.computeIfAbsent(t.task(), k -> new LinkedHashMap<>()).computeIfAbsent(v.id(), k -> new double[2]);
                cell[0] += t.resolved() ? 1 : 0;
                cell[1]++;
            }
        }
        StringBuilder out = new StringBuilder("<table class=\"heat\"><tr><th>task</th>");
        variants.forEach(v -> out.append("<th>").append(Html.escape(v.id())).append("</th>"));
        out.append("</tr>");
        cells.forEach((task, row) -> {
            out.append("<tr><td>").append(Html.escape(task)).append("</td>");
            for (VariantResults v : variants) {
                double[] cell = row.get(v.id());
                if (cell == null) {
                    out.append("<td class=\"none\">–</td>");
                } else {
                    double rate = cell[0] / cell[1];
                    out.append("<td style=\"background:").append(Charts.heat(rate)).append("\"><a href=\"").append(Html.id(v.id())).append(".html#")
                            .append(Html.id(task)).append("\">").append((int) cell[0]).append("/").append((int) cell[1]).append("</a></td>");
                }
            }
            out.append("</tr>");
        });
        return out.append("</table>").toString();
    }

    private static Summary summary(VariantResults v) {
        return v.results().summary().orElseThrow(() -> new IllegalArgumentException(v.results().directory()
                + " has no summary.json: the run did not finish; resume it: agentx bench --variant " + v.id() + " --run-id " + v.results().run().runId()));
    }

    private static VariantResults find(List<VariantResults> variants, String id) {
        return id == null ? null : variants.stream().filter(v -> v.id().equals(id)).findFirst().orElse(null);
    }

    private static void row(StringBuilder body, String name, String value) {
        body.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.escape(value)).append("</td></tr>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>" + Html.escape(title) + " · Agentic Experiments</title><style>" + STYLE + "</style></head><body><main>" + body
                + "</main></body></html>\n";
    }

    private static final String STYLE = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a202c;background:#f7fafc;margin:0}
            main{max-width:1100px;margin:0 auto;padding:24px 32px 64px}
            h1{font-size:26px;margin:8px 0 16px}h2{font-size:18px;margin:0 0 12px;color:#2d3748}
            section{background:#fff;border:1px solid #e2e8f0;border-radius:10px;padding:18px 20px;margin:16px 0;box-shadow:0 1px 2px rgba(0,0,0,.04)}
            a{color:#2b6cb0;text-decoration:none}a:hover{text-decoration:underline}
            .muted{color:#718096}.hypothesis{font-style:italic;color:#4a5568}
            .tree{list-style:none;padding-left:18px;margin:4px 0}.tree li{margin:6px 0}
            .verdict{font-weight:600;padding:1px 8px;border-radius:10px;font-size:13px}
            .verdict.worse{background:#fed7d7;color:#9b2c2c}.verdict.better{background:#c6f6d5;color:#22543d}.verdict.inconclusive{background:#edf2f7;color:#4a5568}
            p.verdict{display:inline-block;padding:6px 12px}
            .chart{width:100%;max-width:680px;height:auto}.chart .grid{stroke:#edf2f7}.chart .axisline{stroke:#a0aec0}
            .chart text{font-size:12px;fill:#4a5568}.chart .label{text-anchor:end}.chart .whisker{stroke:#1a202c;stroke-width:2}
            table.heat{border-collapse:collapse;font-size:13px}table.heat th,table.heat td{padding:4px 10px;border:1px solid #fff;text-align:center}
            table.heat td:first-child{text-align:left;background:#f7fafc}table.heat td a{color:#fff;font-weight:600}
            table.facts th{text-align:left;padding:3px 16px 3px 0;color:#4a5568;font-weight:600;vertical-align:top}
            details.task{border-top:1px solid #edf2f7;padding:6px 0}details.task>summary{cursor:pointer;font-weight:600}
            details.trial{margin:6px 0 6px 18px}details.trial>summary{cursor:pointer;color:#2d3748}
            .dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:8px}
            ul.tests{font:12px ui-monospace,monospace;margin:6px 0}ul.tests li.passed{color:#2f855a}ul.tests li.failed,ul.tests li.error{color:#c53030}
            ol.trajectory{padding-left:22px;font-size:13px}ol.trajectory li{margin:6px 0}
            li.tool code{font:12px ui-monospace,monospace;background:#edf2f7;padding:1px 4px;border-radius:4px;word-break:break-all}
            li.tool pre{font:12px ui-monospace,monospace;background:#1a202c;color:#e2e8f0;padding:8px 10px;border-radius:6px;max-height:260px;overflow:auto;white-space:pre-wrap}
            li.tool.error pre{border-left:4px solid #e53e3e}li.diagnosis{background:#fffaf0;border-left:4px solid #dd6b20;padding:4px 8px}
            li.end{font-weight:600}.say{color:#4a5568;white-space:pre-wrap}
            """;
}
