package dev.agentic.verify.swebench;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The status of one test, as pytest reports it; written by name, e.g. {@code PASSED}. */
public enum TestStatus {
    PASSED, FAILED, ERROR, SKIPPED, XFAIL, XPASS;

    /** The status written as {@code name}; any other text is refused, naming the statuses there are. */
    @JsonCreator
    public static TestStatus named(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("test status '" + name + "': expected one of "
                        + Arrays.stream(values()).map(TestStatus::name).collect(Collectors.joining(", "))));
    }

    /** PASSED, SKIPPED and XFAIL count as passing (Terminal-Bench and SWE-bench alike). */
    public boolean passing() {
        return this == PASSED || this == SKIPPED || this == XFAIL;
    }
}
