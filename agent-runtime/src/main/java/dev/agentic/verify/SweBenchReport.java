package dev.agentic.verify;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What SWE-bench's own report says of an instance: whether a patch existed and applied, and for
 * FAIL_TO_PASS and PASS_TO_PASS which tests succeeded and which failed.
 */
public record SweBenchReport(boolean patchExists, boolean patchApplied, Resolution resolution,
                             List<String> failToPassSuccess, List<String> failToPassFailure,
                             List<String> passToPassSuccess, List<String> passToPassFailure) {

    /** SWE-bench's resolution levels, written by name as SWE-bench writes them, e.g. {@code RESOLVED_FULL}. */
    public enum Resolution {
        RESOLVED_FULL, RESOLVED_PARTIAL, RESOLVED_NO;

        /** The resolution written as {@code name}; any other text is refused, naming the levels there are. */
        @JsonCreator
        public static Resolution named(String name) {
            return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("SWE-bench resolution '" + name + "': expected one of "
                            + Arrays.stream(values()).map(Resolution::name).collect(Collectors.joining(", "))));
        }
    }
}
