package dev.agentic.verify;

import dev.agentic.verify.swebench.TestStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On outputs captured from pytest 7.2 in the base image (src/test/resources/pytest). */
class PytestSummaryTest {

    static String output(String name) throws IOException {
        try (InputStream in = PytestSummaryTest.class.getResourceAsStream("/pytest/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyStatusOfAMixedRun() throws Exception {
        Map<String, TestStatus> statuses = PytestSummary.parse(output("mixed.txt")).orElseThrow();
        assertThat(statuses).containsExactly(
                entry("test_mix.py::test_pass", TestStatus.PASSED),
                entry("test_mix.py::test_param[a b]", TestStatus.PASSED),
                entry("test_mix.py::test_param[c::d]", TestStatus.PASSED),
                entry("test_mix.py:16", TestStatus.SKIPPED),
                entry("test_mix.py::test_xfail", TestStatus.XFAIL),
                entry("test_mix.py::test_xpass", TestStatus.XPASS),
                entry("test_mix.py::test_error", TestStatus.ERROR),
                entry("test_mix.py::test_fail", TestStatus.FAILED));
    }

    @Test
    void allPassing() throws Exception {
        assertThat(PytestSummary.parse(output("allpass.txt")).orElseThrow())
                .containsExactly(entry("test_allpass.py::test_one", TestStatus.PASSED), entry("test_allpass.py::test_two", TestStatus.PASSED));
    }

    @Test
    void collectionErrorIsAnErrorOfTheFile() throws Exception {
        assertThat(PytestSummary.parse(output("collection-error.txt")).orElseThrow())
                .containsExactly(entry("test_collect.py", TestStatus.ERROR));
    }

    @Test
    void noSummaryIsAParseError() throws Exception {
        assertThat(PytestSummary.parse(output("no-summary.txt"))).isEmpty();
        assertThat(PytestSummary.parse("")).isEmpty();
    }

    @Test
    void passingStatuses() {
        assertThat(TestStatus.values()).filteredOn(TestStatus::passing)
                .containsExactly(TestStatus.PASSED, TestStatus.SKIPPED, TestStatus.XFAIL);
    }
}
