/**
 * Suites of tasks, from a manifest ({@link dev.agentic.suite.Suite}): task folders (globs allowed),
 * SWE-bench instance files and tasks of published sources fetched into the cache (package {@code fetch}),
 * {@code --tasks}/{@code --exclude} globs over task ids, stages with pass-rate thresholds
 * ({@link dev.agentic.suite.Stage}), an expansion set, the tasks whose tests run beside the agent's
 * processes, and a hash of everything that affects results. A broken manifest is refused with the file,
 * line, column and field at fault.
 *
 * <p>Not here: the task formats themselves (package {@code task}), fetching (package {@code fetch}).
 */
package dev.agentic.suite;
