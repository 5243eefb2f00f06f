package dev.agentic.verify.swebench;

/** The status of one test, as pytest reports it. */
public enum TestStatus {
    PASSED, FAILED, ERROR, SKIPPED, XFAIL, XPASS;

    /** PASSED, SKIPPED and XFAIL count as passing (Terminal-Bench and SWE-bench alike). */
    public boolean passing() {
        return this == PASSED || this == SKIPPED || this == XFAIL;
    }
}
