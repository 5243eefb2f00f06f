/**
 * Results for people: the self-contained HTML report ({@link dev.agentic.report.HtmlReport}, no network and
 * no script: the lineage tree with rates and intervals, a task × variant heat map, failure labels, cost
 * against resolved rate, one page per variant with every trial's trajectory and tests; SVG charts drawn
 * by hand), Markdown summaries of a run or of a comparison ({@link dev.agentic.report.MarkdownSummary}),
 * and where they are published ({@link dev.agentic.report.Publication}: a file for a pull-request comment,
 * the CI step summary). Secrets are redacted in all of them.
 *
 * <p>Not here: computing the numbers (packages {@code bench}, {@code stats}, {@code lineage}).
 */
package dev.agentic.report;
