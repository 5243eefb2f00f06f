package dev.agentic.verify.swebench;

import static dev.agentic.verify.swebench.TestStatus.ERROR;
import static dev.agentic.verify.swebench.TestStatus.FAILED;
import static dev.agentic.verify.swebench.TestStatus.PASSED;
import static dev.agentic.verify.swebench.TestStatus.SKIPPED;
import static dev.agentic.verify.swebench.TestStatus.XFAIL;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.verify.swebench.TestStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Log excerpts in each runner's format, read as the official SWE-bench harness reads them. */
class LogParserTest {

    private static final String ESC = "\u001b";

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    @Test
    void pytestSummaryWithParametrizedIdsTruncatesAtTheFirstSpace() {
        String log = lines(
                "============================= test session starts ==============================",
                "collected 8 items",
                "",
                "tests/test_basic.py ..F.sxE.                                            [100%]",
                "",
                "=================================== FAILURES ===================================",
                "________________________ test_session[key - value] _________________________",
                "E       AssertionError: assert 1 == 2",
                "----------------------------- Captured stdout call -----------------------------",
                "PASSED tests/test_basic.py::test_printed_by_the_code_under_test",
                "FAILED tests/test_basic.py::test_request_dispatching - printed too",
                "=========================== short test summary info ============================",
                "PASSED tests/test_basic.py::test_request_dispatching",
                "PASSED tests/test_basic.py::test_url_generation[/foo]",
                "PASSED tests/test_basic.py::test_method_route[get-GET /x]",
                "PASSED tests/test_basic.py::test_nested[a[0]-b]",
                "SKIPPED [1] tests/test_basic.py:120: requires python-dotenv",
                "XFAIL tests/test_basic.py::test_bad_environ - reason: not yet",
                "ERROR tests/test_basic.py::test_fixture - RuntimeError: no app",
                "FAILED tests/test_basic.py::test_session[key - value] - AssertionError: assert 1 == 2",
                "==================== 1 failed, 4 passed, 1 skipped, 1 xfailed, 1 error in 0.52s ====================");

        assertThat(LogParser.PYTEST.parse(log)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("tests/test_basic.py::test_request_dispatching", PASSED),
                entry("tests/test_basic.py::test_url_generation[/foo]", PASSED),
                entry("tests/test_basic.py::test_method_route[get-GET", PASSED),
                entry("tests/test_basic.py::test_nested[a[0]-b]", PASSED),
                entry("[1]", SKIPPED),
                entry("tests/test_basic.py::test_bad_environ", XFAIL),
                entry("tests/test_basic.py::test_fixture", ERROR),
                entry("tests/test_basic.py::test_session[key", FAILED)));
    }

    @Test
    void pytestWithoutASummaryReadsEveryStatusLine() {
        String log = lines(
                "PASSED testing/test_mark.py::test_marked_class_run_twice",
                "FAILED testing/test_mark.py::TestFunctional::test_keywords_at_node_level - assert 0",
                "XPASS testing/test_mark.py::test_unexpected",
                "ERROR: file or directory not found: testing/test_gone.py",
                "testing/test_mark.py::test_verbose PASSED                               [ 50%]");

        assertThat(LogParser.PYTEST.parse(log)).containsExactly(
                entry("testing/test_mark.py::test_marked_class_run_twice", PASSED),
                entry("testing/test_mark.py::TestFunctional::test_keywords_at_node_level", FAILED));
    }

    @Test
    void pytestHeaderlessRunAsSeabornPrintsIt() {
        String log = lines(
                "........F.                                                               [100%]",
                "=================================== FAILURES ===================================",
                "____________________ TestRelationalPlotter.test_legend ____________________",
                "E   assert 3 == 4",
                "=========================== short test summary info ============================",
                "PASSED tests/test_relational.py::TestRelationalPlotter::test_wide_df_variables",
                "PASSED tests/test_relational.py::TestScatterPlotter::test_size_norm_extrapolation",
                "SKIPPED [1] tests/test_relational.py:1021: no statsmodels",
                "XFAIL tests/test_relational.py::test_x - known",
                "ERROR tests/test_relational.py::test_setup - fixture",
                "FAILED tests/test_relational.py::TestRelationalPlotter::test_legend - assert 3 == 4",
                "========================= 1 failed, 2 passed in 3.10s ==========================");

        assertThat(LogParser.SEABORN.parse(log)).containsExactly(
                entry("tests/test_relational.py::TestRelationalPlotter::test_wide_df_variables", PASSED),
                entry("tests/test_relational.py::TestScatterPlotter::test_size_norm_extrapolation", PASSED),
                entry("tests/test_relational.py::TestRelationalPlotter::test_legend", FAILED));
    }

    @Test
    void seabornVerboseLinesName() {
        String log = lines(
                "tests/test_core.py::TestVectorPlotter::test_long_df PASSED                [ 50%]",
                "tests/test_core.py::TestVectorPlotter::test_wide_df FAILED                [100%]",
                "FAILED tests/test_core.py::TestVectorPlotter::test_wide_df - KeyError");

        assertThat(LogParser.SEABORN.parse(log)).containsExactly(
                entry("tests/test_core.py::TestVectorPlotter::test_long_df", PASSED),
                entry("tests/test_core.py::TestVectorPlotter::test_wide_df", FAILED));
    }

    @Test
    void pytestOptionsShortensAbsolutePathParameters() {
        String log = lines(
                "=========================== short test summary info ============================",
                "PASSED tests/test_self.py::TestRunTC::test_ignore_pattern[/testbed/tests/regrtest_data/directory/ignored_subdirectory]",
                "PASSED tests/test_self.py::TestRunTC::test_network[//server/share/x]",
                "PASSED tests/test_self.py::TestRunTC::test_glob[/testbed/tests/*.py]",
                "PASSED test_requests.py::TestRequests::test_invalid_url[MissingSchema-hiwpefhipowhefopw]",
                "PASSED test_requests.py::test_trailing[a]b",
                "FAILED test_requests.py::TestRequests::test_proxy_auth - requests.exceptions.ProxyError");

        assertThat(LogParser.PYTEST_OPTIONS.parse(log)).containsExactly(
                entry("tests/test_self.py::TestRunTC::test_ignore_pattern[/ignored_subdirectory]", PASSED),
                entry("tests/test_self.py::TestRunTC::test_network[//server/share/x]", PASSED),
                entry("tests/test_self.py::TestRunTC::test_glob[/testbed/tests/*.py]", PASSED),
                entry("test_requests.py::TestRequests::test_invalid_url[MissingSchema-hiwpefhipowhefopw]", PASSED),
                entry("test_requests.py::test_trailing[a]", PASSED),
                entry("test_requests.py::TestRequests::test_proxy_auth", FAILED));
    }

    @Test
    void pytestV2RemovesColourCodesAndReadsTheFailedMessageApart() {
        String log = lines(
                ESC + "[1m=========================== short test summary info ============================" + ESC + "[0m",
                ESC + "[32mPASSED" + ESC + "[0m astropy/io/fits/tests/test_header.py::TestHeaderFunctions::test_card_constructor_default_args",
                ESC + "[33mSKIPPED" + ESC + "[0m [2] astropy/io/fits/tests/test_header.py:52: needs scipy",
                ESC + "[1m" + ESC + "[31mFAILED" + ESC + "[0m astropy/io/fits/tests/test_header.py::test_fromstring[bytes - str] - TypeError: expected str",
                ESC + "[31m========================= 1 failed, 1 passed in 0.40s =========================" + ESC + "[0m");

        assertThat(LogParser.PYTEST_V2.parse(log)).containsExactly(
                entry("astropy/io/fits/tests/test_header.py::TestHeaderFunctions::test_card_constructor_default_args", PASSED),
                entry("[2]", SKIPPED),
                entry("astropy/io/fits/tests/test_header.py::test_fromstring[bytes", FAILED));
    }

    @Test
    void pytestV2ReadsVerboseLinesWhereTheStatusFollowsTheName() {
        String log = lines(
                "sklearn/tests/test_base.py::test_clone PASSED                            [ 33%]",
                "sklearn/tests/test_base.py::test_clone_2 FAILED",
                "sklearn/tests/test_base.py::test_repr XFAIL                               [100%]",
                "E   AssertionError: the run PASSED nothing");

        assertThat(LogParser.PYTEST_V2.parse(log)).containsExactly(
                entry("sklearn/tests/test_base.py::test_clone", PASSED),
                entry("sklearn/tests/test_base.py::test_clone_2", FAILED),
                entry("sklearn/tests/test_base.py::test_repr", XFAIL));
    }

    @Test
    void sphinxThroughToxReadsTheLastSummary() {
        String log = lines(
                "py39: commands[0]> python -X dev -m pytest -rA --durations 25 tests/test_ext_autodoc.py",
                "----------------------------- Captured stdout call -----------------------------",
                "=========================== short test summary info ============================",
                "FAILED tests/test_ext_autodoc.py::test_printed_inside - from a nested run",
                "=========================== short test summary info ============================",
                "PASSED tests/test_ext_autodoc.py::test_autodoc_typed_instance_variables",
                "FAILED tests/test_ext_autodoc.py::test_autodoc_TypeVar - AssertionError",
                "  py39: commands failed");

        assertThat(LogParser.PYTEST_V2.parse(log)).containsExactly(
                entry("tests/test_ext_autodoc.py::test_autodoc_typed_instance_variables", PASSED),
                entry("tests/test_ext_autodoc.py::test_autodoc_TypeVar", FAILED));
    }

    @Test
    void matplotlibReadsMouseButtonsAsNumbersAndLeavesColouredLines() {
        String log = lines(
                "=========================== short test summary info ============================",
                "PASSED lib/matplotlib/tests/test_backend_bases.py::test_interactive_zoom[MouseButton.RIGHT]",
                "PASSED lib/matplotlib/tests/test_widgets.py::test_span_selector_drag[MouseButton.LEFT-True]",
                "PASSED lib/matplotlib/tests/test_axes.py::test_formatter_ticker[png]",
                "FAILED lib/matplotlib/tests/test_axes.py::test_bar_label_fmt[%.2f] - AssertionError: '1.00' != '1'",
                ESC + "[32mPASSED" + ESC + "[0m lib/matplotlib/tests/test_axes.py::test_coloured");

        assertThat(LogParser.MATPLOTLIB.parse(log)).containsExactly(
                entry("lib/matplotlib/tests/test_backend_bases.py::test_interactive_zoom[3]", PASSED),
                entry("lib/matplotlib/tests/test_widgets.py::test_span_selector_drag[1-True]", PASSED),
                entry("lib/matplotlib/tests/test_axes.py::test_formatter_ticker[png]", PASSED),
                entry("lib/matplotlib/tests/test_axes.py::test_bar_label_fmt[%.2f]", FAILED));
    }

    @Test
    void djangoVerbosityTwo() {
        String log = lines(
                "Testing against Django installed in '/testbed/django'",
                "Importing application forms_tests",
                "Operations to perform:",
                "  Apply all migrations: admin, sites",
                "Running migrations:",
                "  Applying admin.0001_initial... OK",
                "  Applying sites.0001_initial... OK",
                "System check identified no issues (0 silenced).",
                "test_choices_constructor (forms_tests.widget_tests.test_select.SelectTest) ... ok",
                "test_doesnt_render_required_when_impossible_to_select_empty_field (forms_tests.widget_tests.test_select.SelectTest)",
                "If the first option has a value, the widget is not required. ... ok",
                "test_render_none (forms_tests.widget_tests.test_select.SelectTest) ... FAIL",
                "test_optgroups_pil (forms_tests.widget_tests.test_select.SelectTest) ... skipped 'Requires Pillow'",
                "test_noisy (forms_tests.widget_tests.test_select.SelectTest) ... printing from the test",
                "ok",
                "test_broken (forms_tests.widget_tests.test_select.SelectTest) ... ERROR",
                "",
                "======================================================================",
                "ERROR: test_broken (forms_tests.widget_tests.test_select.SelectTest)",
                "----------------------------------------------------------------------",
                "Traceback (most recent call last):",
                "ZeroDivisionError: division by zero",
                "",
                "======================================================================",
                "FAIL: test_render_none (forms_tests.widget_tests.test_select.SelectTest)",
                "----------------------------------------------------------------------",
                "AssertionError: False is not true",
                "",
                "----------------------------------------------------------------------",
                "Ran 6 tests in 0.012s",
                "",
                "FAILED (failures=1, errors=1, skipped=1)");

        assertThat(LogParser.DJANGO.parse(log)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("test_choices_constructor (forms_tests.widget_tests.test_select.SelectTest)", PASSED),
                entry("If the first option has a value, the widget is not required.", PASSED),
                entry("test_render_none (forms_tests.widget_tests.test_select.SelectTest)", FAILED),
                entry("test_optgroups_pil (forms_tests.widget_tests.test_select.SelectTest)", SKIPPED),
                entry("test_noisy (forms_tests.widget_tests.test_select.SelectTest)", PASSED),
                entry("test_broken (forms_tests.widget_tests.test_select.SelectTest)", ERROR),
                entry("test_broken", ERROR),
                entry("test_render_none", FAILED)));
    }

    @Test
    void djangoResultsSplitFromTheirTestByPrintedMessages() {
        String log = lines(
                "test_runner_deprecation (test_runner.tests.CustomTestRunnerOptionsCmdlineTests) ... Testing against Django installed in '/testbed/django' with up to 4 processes",
                "System check identified no issues (0 silenced).",
                "ok",
                "test_handler_error (handlers.tests.HandlerTests) ... Internal Server Error: /error/",
                "ok",
                "test_checks_run (check_framework.tests.CheckCommandTests) ... System check identified no issues (0 silenced)",
                "ok",
                "Applying sites.0002_alter_domain_unique...test_no_migrations (migrations.test_loader.LoaderTests) ... ok",
                "--version is equivalent to version");

        assertThat(LogParser.DJANGO.parse(log)).containsAllEntriesOf(Map.ofEntries(
                entry("test_runner_deprecation (test_runner.tests.CustomTestRunnerOptionsCmdlineTests)", PASSED),
                entry("test_handler_error (handlers.tests.HandlerTests)", PASSED),
                entry("test_checks_run (check_framework.tests.CheckCommandTests)", PASSED),
                entry("test_no_migrations (migrations.test_loader.LoaderTests)", PASSED),
                entry("--version is equivalent to version", PASSED)));
    }

    @Test
    void sympyVerboseWithOkFailuresAndErrors() {
        String log = lines(
                "============================= test process starts ==============================",
                "executable:         /opt/miniconda3/envs/testbed/bin/python  (3.9.19-final-0) [CPython]",
                "architecture:       64-bit",
                "ground types:       python ",
                "random seed:        41516281",
                "hash randomization: on (PYTHONHASHSEED=1391247785)",
                "",
                "sympy/matrices/tests/test_sparse.py[4] ",
                "test_sparse_matrix ok",
                "test_transpose F",
                "test_sparse_solve E",
                "test_hermitian ok                                                           [FAIL]",
                "",
                "",
                "________________________________________________________________________________",
                "_________ sympy/matrices/tests/test_sparse.py:test_sparse_solve __________",
                "Traceback (most recent call last):",
                "  File \"/testbed/sympy/matrices/tests/test_sparse.py\", line 40, in test_sparse_solve",
                "ZeroDivisionError: division by zero",
                "________________________________________________________________________________",
                "__________ sympy/matrices/tests/test_sparse.py:test_transpose ___________",
                "AssertionError",
                "",
                "====== tests finished: 2 passed, 1 failed, 1 exceptions, in 0.51 seconds =======",
                "DO *NOT* COMMIT!");

        assertThat(LogParser.SYMPY.parse(log)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("sympy/matrices/tests/test_sparse.py:test_sparse_solve", FAILED),
                entry("sympy/matrices/tests/test_sparse.py:test_transpose", FAILED),
                entry("test_sparse_matrix", PASSED),
                entry("test_transpose", FAILED),
                entry("test_sparse_solve", ERROR)));
    }

    /** sympy__sympy-13031: FAIL_TO_PASS is ["test_sparse_matrix"], from sympy/matrices/tests/test_sparse.py. */
    @Test
    void sympy13031FailToPassIsReadByItsBareName() {
        Map<String, TestStatus> tests = LogParser.SYMPY.parse(lines("sympy/matrices/tests/test_sparse.py[11] ", "test_sparse_matrix ok"));

        assertThat(tests).containsExactly(entry("test_sparse_matrix", PASSED));
    }

    @Test
    void parsersAreNamedAsTheOfficialHarnessNamesThem() {
        assertThat(LogParser.named("pytest_v2")).contains(LogParser.PYTEST_V2);
        assertThat(LogParser.named("sphinx")).contains(LogParser.PYTEST_V2);
        assertThat(LogParser.named("requests")).contains(LogParser.PYTEST_OPTIONS);
        assertThat(LogParser.named("xarray")).contains(LogParser.PYTEST);
        assertThat(LogParser.named("django")).contains(LogParser.DJANGO);
        assertThat(LogParser.named("junit")).isEmpty();
    }

    @Test
    void anEmptyLogHasNoTests() {
        for (LogParser parser : LogParser.values()) {
            assertThat(parser.parse("")).as(parser.parserName()).isEmpty();
        }
    }
}
