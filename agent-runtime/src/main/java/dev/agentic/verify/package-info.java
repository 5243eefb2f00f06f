/**
 * Grading after the agent has stopped, the way each benchmark's own harness grades: Terminal-Bench
 * by the pytest summary, Harbor by the reward file, SWE-bench by FAIL_TO_PASS and PASS_TO_PASS with
 * the repository's own test command and log parser (subpackage {@code swebench}). The tests are
 * copied in only then, first into a fresh copy of the agent's container ({@code TestRunInSnapshot});
 * {@link dev.agentic.verify.GraderGuard} keeps what the agent did from steering the grader and labels
 * tampering with its evidence; a task whose tests give no result even on its environment as built is
 * a task error. {@link dev.agentic.verify.ReferenceSolution} applies a task's reference solution (for
 * the oracle agent, and on a fresh environment to tell a broken task from an agent that broke its own).
 *
 * <p>Not here: running the agent (package {@code agent}), a whole trial and its failure label (package {@code trial}).
 */
package dev.agentic.verify;
