/**
 * Grading after the agent has stopped: the task's tests are copied in only then, run under the
 * task's test timeout, and their output is parsed and graded the way each benchmark's own harness
 * does (Terminal-Bench: the pytest summary; Harbor: the reward file; SWE-bench: FAIL_TO_PASS and
 * PASS_TO_PASS). Tampering with the grader's paths is detected and labelled.
 *
 * <p>Not here: running the agent (package {@code agent}), classifying whole trials.
 */
package dev.agentic.verify;
