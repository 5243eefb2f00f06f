/**
 * Noticing that the agent's tools or environment are failing rather than its code: commands not
 * found, permission denied, the same command failing again and again, timeouts, output cut again
 * and again, edits that do not match. {@link dev.agentic.diagnosis.SelfDiagnosis} watches tool
 * results in the loop and produces {@link dev.agentic.diagnosis.Finding}s with a concrete hint for
 * the model.
 *
 * <p>Not here: the failure label and behaviour tags of a whole trial, read after it (package {@code trial}).
 */
package dev.agentic.diagnosis;
