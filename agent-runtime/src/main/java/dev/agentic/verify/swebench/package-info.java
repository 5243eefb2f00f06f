/**
 * SWE-bench facts, kept as the official SWE-bench harness has them: the per-repository and
 * per-version specifications as data ({@code repos.yaml}, read by {@link
 * dev.agentic.verify.swebench.RepoSpecs} into {@link dev.agentic.verify.swebench.RepoSpec}), how
 * the files of a test patch become test-command arguments, and the log parsers ({@link
 * dev.agentic.verify.swebench.LogParser}) that turn test-runner output into the test names
 * FAIL_TO_PASS and PASS_TO_PASS use, with their {@link dev.agentic.verify.swebench.TestStatus} (the statuses
 * every verifier reports tests with).
 *
 * <p>Pure functions of text and data: nothing here starts a container or runs a command.
 *
 * <p>Not here: the evaluation sequence (applying patches, resetting test files, running the
 * command between the markers) and the grading decision, which live in {@link
 * dev.agentic.verify.SweBenchVerifier}; building environments and images.
 */
package dev.agentic.verify.swebench;
