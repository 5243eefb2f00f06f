package dev.agentic.lineage;

/** What the evidence says about a child against its parent. */
public enum Verdict {
    /** The child resolves more, beyond the margin, by both the bootstrap interval and the sign test. */
    BETTER,
    /** The child resolves less, beyond the margin, by both the bootstrap interval and the sign test. */
    WORSE,
    /** Neither: the difference is within noise or within the margin. */
    INCONCLUSIVE
}
