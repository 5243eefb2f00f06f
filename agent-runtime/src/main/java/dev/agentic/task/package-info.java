/**
 * Tasks as they are published: Terminal-Bench task folders ({@code task.yaml}, {@code Dockerfile} or
 * {@code docker-compose.yaml}, {@code run-tests.sh}, {@code tests/}, {@code solution.sh}), Harbor task
 * folders ({@code task.toml} schema 1.x, {@code instruction.md}, {@code environment/}, {@code tests/},
 * {@code solution/}), SWE-bench instances. {@link dev.agentic.task.Suite}s of them, from a manifest of task
 * folders (globs allowed), instance files and fetched sources, with ids namespaced by format ({@code tb/},
 * {@code harbor/}, {@code swe/}), {@code --tasks}/{@code --exclude} globs, stages with pass-rate thresholds,
 * an expansion set, and a hash of everything that affects results. The images task environments run in,
 * built from a build context without tests or solutions, offline, once per content hash
 * ({@link dev.agentic.task.TaskImages}). A broken task file is refused with the file, line, column and field
 * at fault (read through package {@code document}).
 *
 * <p>Not here: fetching published tasks (package {@code fetch}), running the tests and grading, scheduling trials.
 */
package dev.agentic.task;
