/**
 * Tasks as they are published: Terminal-Bench task folders ({@code task.yaml}, {@code Dockerfile},
 * {@code run-tests.sh}, {@code tests/}, {@code solution.sh}) and the images their environments run
 * in, built once per content hash. A broken task is refused with the file and field at fault.
 *
 * <p>Not here: running the tests and grading (package {@code verify}), suites and scheduling.
 */
package dev.agentic.task;
