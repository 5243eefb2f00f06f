/**
 * Results for people: Markdown summaries of a run or of a comparison, and where they are published
 * (a file for a pull-request comment, the CI step summary); the self-contained HTML report.
 *
 * <p>Not here: computing the numbers (packages {@code bench}, {@code stats}, {@code lineage}).
 */
package dev.agentic.report;
