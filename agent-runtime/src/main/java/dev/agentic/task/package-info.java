/**
 * Tasks as they are published: Terminal-Bench task folders ({@code task.yaml}, {@code Dockerfile} or
 * {@code docker-compose.yaml}, {@code run-tests.sh}, {@code tests/}, {@code solution.sh}), Harbor task
 * folders ({@code task.toml} schema 1.x, {@code instruction.md}, {@code environment/}, {@code tests/},
 * {@code solution/}), SWE-bench instances, with ids namespaced by format ({@code tb/}, {@code harbor/},
 * {@code swe/}), and the fingerprints of what can change their results. What their environments run in, as
 * image sources ({@link dev.agentic.task.Task#imageSource}) that a place prepares, without touching Docker
 * here ({@link dev.agentic.task.TaskImages} keeps a task's errors its own). A broken task file is refused
 * with the file, line, column and field at fault (read through package {@code document}). The task sets of a suite
 * ({@link dev.agentic.task.TaskSet}: core, expansion) are here so that the bench and the fetching of published tasks
 * share them.
 *
 * <p>Not here: suites of tasks (package {@code suite}), fetching published tasks (package {@code fetch}), building or pulling images (package
 * {@code sandbox}), running the tests and grading (package {@code verify}), scheduling (package {@code bench}).
 */
package dev.agentic.task;
