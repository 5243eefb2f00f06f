/**
 * The YAML, JSON and TOML files users write (suite manifests, task files, instance files, repository
 * specifications, scripts, settings) and the JSON Lines files the project reads back (trajectories,
 * the promotion log), read so that every complaint names the file, the line and the column and what
 * was expected: {@code experiments/offline-core.yaml:12:5: field 'tasks': expected a list of task
 * folders, found a mapping}. Syntax errors, wrong types, unknown and missing fields all take that
 * form ({@link dev.agentic.document.DocumentException}); no parser's excerpt or stack trace reaches the user.
 *
 * <p>Not here: what the fields mean (the packages that read them).
 */
package dev.agentic.document;
