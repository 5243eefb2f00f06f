package dev.agentic.verify;

import java.util.List;

/**
 * What SWE-bench's own report says of an instance: whether a patch existed and applied, and for
 * FAIL_TO_PASS and PASS_TO_PASS which tests succeeded and which failed.
 */
public record SweBenchReport(boolean patchExists, boolean patchApplied, Resolution resolution,
                             List<String> failToPassSuccess, List<String> failToPassFailure,
                             List<String> passToPassSuccess, List<String> passToPassFailure) {

    /** SWE-bench's resolution levels. */
    public enum Resolution { RESOLVED_FULL, RESOLVED_PARTIAL, RESOLVED_NO }
}
