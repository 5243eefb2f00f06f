/**
<<<<<<< HEAD
 * Results for people: the self-contained HTML report ({@link dev.agentic.report.HtmlReport}, no network and
 * no script: the lineage tree with rates and intervals, a task × variant heat map, failure labels, cost
 * against resolved rate, one page per variant with every trial's trajectory and tests; SVG charts drawn
 * by hand), and Markdown summaries of a run or of a comparison for pull-request comments and CI step
 * summaries ({@link dev.agentic.report.MarkdownSummary}). Secrets are redacted in both.
=======
 * Results for people: Markdown summaries of a run or of a comparison, and where they are published
 * (a file for a pull-request comment, the CI step summary); the self-contained HTML report.
>>>>>>> wt-mojos
 *
 * <p>Not here: computing the numbers (packages {@code bench}, {@code stats}, {@code lineage}).
 */
package dev.agentic.report;
