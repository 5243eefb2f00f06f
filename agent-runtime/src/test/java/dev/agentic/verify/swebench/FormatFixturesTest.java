package dev.agentic.verify.swebench;

import static dev.agentic.verify.swebench.TestStatus.ERROR;
import static dev.agentic.verify.swebench.TestStatus.FAILED;
import static dev.agentic.verify.swebench.TestStatus.PASSED;
import static dev.agentic.verify.swebench.TestStatus.SKIPPED;
import static dev.agentic.verify.swebench.TestStatus.XFAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentic.verify.swebench.TestStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixture instances of src/test/resources/swe-formats, one per log parser of the official
 * SWE-bench harness, read through their spec file. Each instance's logs/&lt;id&gt;.gold.log and
 * .nop.log are the output of the spec's test command with the directives of the test patch, run in
 * the instance's image (--network none) with the test patch applied, and with the gold patch too
 * (gold) or without it (nop).
 *
 * <p>Graded by the official rules: only PASSED and XFAIL pass; a FAIL_TO_PASS or PASS_TO_PASS test
 * that is missing, FAILED or ERROR fails; any other status (SKIPPED) is neither and drops out.
 */
class FormatFixturesTest {

    static final Path FIXTURE = Path.of("src/test/resources/swe-formats");
    static final RepoSpecs SPECS = RepoSpecs.builtIn().withFile(FIXTURE.resolve("repos.yaml"));
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<TestStatus> PASSING = Set.of(PASSED, XFAIL);

    /** The parser each fixture repository is for, and the exact command its logs were made with. */
    static final Map<String, LogParser> PARSERS = Map.of(
            "agentic/djangoish", LogParser.DJANGO,
            "agentic/symbolish", LogParser.SYMPY,
            "agentic/astroish", LogParser.PYTEST_V2,
            "agentic/plotish", LogParser.MATPLOTLIB,
            "agentic/seabornish", LogParser.SEABORN,
            "agentic/requestish", LogParser.PYTEST_OPTIONS);
    static final Map<String, String> COMMANDS = Map.of(
            "agentic/djangoish", "./tests/runtests.py --verbosity 2 --settings=test_sqlite --parallel 1 shapes.tests",
            "agentic/symbolish", "PYTHONWARNINGS='ignore::UserWarning,ignore::SyntaxWarning' bin/test -C --verbose symbolish/tests/test_poly.py",
            "agentic/astroish", "pytest -rA tests/test_angles.py",
            "agentic/plotish", "pytest -rA tests/test_zoom.py",
            "agentic/seabornish", "pytest --no-header -rA tests/test_palettes.py",
            "agentic/requestish", "pytest -rA tests/test_paths.py");

    record Instance(String id, String repo, String version, String baseCommit, String environmentSetupCommit,
                    String testPatch, List<String> failToPass, List<String> passToPass) {

        RepoSpec spec() {
            return SPECS.forRepo(repo, version);
        }

        Map<String, TestStatus> gold() {
            return spec().parser().parse(log("gold"));
        }

        Map<String, TestStatus> nop() {
            return spec().parser().parse(log("nop"));
        }

        String log(String kind) {
            return read(FIXTURE.resolve("logs").resolve(id + "." + kind + ".log"));
        }

        @Override
        public String toString() {
            return id;
        }
    }

    static List<Instance> instances() {
        List<Instance> instances = new ArrayList<>();
        for (String line : read(FIXTURE.resolve("instances.jsonl")).lines().filter(l -> !l.isBlank()).toList()) {
            try {
                JsonNode node = JSON.readTree(line);
                instances.add(new Instance(node.get("instance_id").asText(), node.get("repo").asText(), node.get("version").asText(),
                        node.get("base_commit").asText(), node.get("environment_setup_commit").asText(),
                        node.get("test_patch").asText(), tests(node, "FAIL_TO_PASS"), tests(node, "PASS_TO_PASS")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instances;
    }

    static Instance instance(String id) {
        return instances().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    /** FAIL_TO_PASS and PASS_TO_PASS are JSON-encoded strings holding lists, as published. */
    private static List<String> tests(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        assertThat(value.isTextual()).as(field + " is a JSON-encoded string").isTrue();
        List<String> tests = new ArrayList<>();
        JSON.readTree(value.asText()).forEach(t -> tests.add(t.asText()));
        return tests;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The official per-test verdict: true passed, false failed, null neither (e.g. SKIPPED). */
    private static Boolean verdict(Map<String, TestStatus> statuses, String test) {
        TestStatus status = statuses.get(test);
        if (status != null && PASSING.contains(status)) {
            return true;
        }
        return status == null || status == FAILED || status == ERROR ? false : null;
    }

    /** Every parser but plain pytest, which the fixture of src/test/resources/swe (agentic/calc) uses. */
    @Test
    void thereIsOneInstancePerParser() {
        assertThat(instances()).extracting(Instance::repo).containsExactlyInAnyOrderElementsOf(PARSERS.keySet());
        assertThat(instances()).extracting(i -> i.spec().parser())
                .containsExactlyInAnyOrderElementsOf(Stream.of(LogParser.values()).filter(p -> p != LogParser.PYTEST).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void theSpecFileGivesTheParserAndTheCommandTheLogsWereMadeWith(Instance instance) {
        RepoSpec spec = instance.spec();
        assertThat(spec.parser()).isEqualTo(PARSERS.get(instance.repo()));
        assertThat(spec.activation()).isEmpty();
        assertThat(spec.testCommandFor(RepoSpec.patchedFiles(instance.testPatch()))).isEqualTo(COMMANDS.get(instance.repo()));
        assertThat(instance.baseCommit()).matches("[0-9a-f]{40}").isEqualTo(instance.environmentSetupCommit());
        Path environment = FIXTURE.resolve("environments").resolve(instance.id());
        assertThat(environment.resolve("Dockerfile")).isRegularFile();
        assertThat(environment.resolve("repo")).isDirectory();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void theGoldLogPassesEveryListedTest(Instance instance) {
        Map<String, TestStatus> gold = instance.gold();
        assertThat(instance.failToPass()).isNotEmpty();
        assertThat(instance.passToPass()).isNotEmpty();
        for (String test : concat(instance.failToPass(), instance.passToPass())) {
            assertThat(gold.get(test)).as("%s in the gold log; recorded: %s", test, gold).isIn(PASSING);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void theNopLogFailsEveryFailToPassAndPassesEveryPassToPass(Instance instance) {
        Map<String, TestStatus> nop = instance.nop();
        for (String test : instance.failToPass()) {
            assertThat(verdict(nop, test)).as("%s in the nop log (%s); recorded: %s", test, nop.get(test), nop).isFalse();
        }
        for (String test : instance.passToPass()) {
            assertThat(nop.get(test)).as("%s in the nop log; recorded: %s", test, nop).isIn(PASSING);
        }
    }

    /** The lists are exactly what the harness derives from the two logs: F2P fails before and passes after, P2P passes in both. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void theListsAreWhatTheLogsGive(Instance instance) {
        Map<String, TestStatus> gold = instance.gold();
        Map<String, TestStatus> nop = instance.nop();
        List<String> failToPass = gold.keySet().stream()
                .filter(t -> Boolean.TRUE.equals(verdict(gold, t)) && Boolean.FALSE.equals(verdict(nop, t))).toList();
        List<String> passToPass = gold.keySet().stream()
                .filter(t -> Boolean.TRUE.equals(verdict(gold, t)) && Boolean.TRUE.equals(verdict(nop, t))).toList();
        assertThat(failToPass).containsExactlyInAnyOrderElementsOf(instance.failToPass());
        assertThat(passToPass).containsExactlyInAnyOrderElementsOf(instance.passToPass());
    }

    // What each parser does differently, as the fixture logs show it.

    @Test
    void djangoNamesADocstringTestByItsFirstDocstringLineAndRecordsSkippedTestsAsNeither() {
        Instance django = instance("agentic__djangoish-1");
        Map<String, TestStatus> gold = django.gold();
        Map<String, TestStatus> nop = django.nop();
        assertThat(gold).containsEntry("The area of a circle is pi times the radius squared.", PASSED)
                .doesNotContainKey("test_area (shapes.tests.CircleTests)");
        assertThat(nop).containsEntry("A clockwise triangle has a positive area.", FAILED)
                .containsEntry("test_equivalent_square_side_clockwise (shapes.tests.PolygonAreaTests)", ERROR);
        // skipped in both runs: neither passed nor failed, so it is in neither list and does not count
        String skipped = "test_area_with_units (shapes.tests.RectangleTests)";
        assertThat(gold).containsEntry(skipped, SKIPPED);
        assertThat(nop).containsEntry(skipped, SKIPPED);
        assertThat(verdict(gold, skipped)).isNull();
        assertThat(concat(django.failToPass(), django.passToPass())).doesNotContain(skipped);
        // the FAIL:/ERROR: section headers add the bare method name
        assertThat(nop).containsEntry("test_clockwise_square", FAILED).containsEntry("test_clockwise_triangle", FAILED)
                .containsEntry("test_equivalent_square_side_clockwise", ERROR);
    }

    @Test
    void sympyNeverRecordsTheLastTestOfAFileNorAnExpectedFailure() {
        Instance sympy = instance("agentic__symbolish-1");
        Map<String, TestStatus> gold = sympy.gold();
        // "test_call ok   [OK]": the file's result is printed on the line of its last test
        assertThat(sympy.log("gold")).containsPattern("(?m)^test_call ok +\\[OK\\]$");
        assertThat(sympy.log("nop")).containsPattern("(?m)^test_call ok +\\[FAIL\\]$");
        assertThat(gold).doesNotContainKeys("test_call", "test_factor");
        assertThat(sympy.log("gold")).contains("test_factor f");
        Map<String, TestStatus> nop = sympy.nop();
        assertThat(nop).containsEntry("test_diff", FAILED).containsEntry("test_critical_point", ERROR)
                // the traceback section headers, as path.py:name, whether failure or exception
                .containsEntry("symbolish/tests/test_poly.py:test_diff", FAILED)
                .containsEntry("symbolish/tests/test_poly.py:test_critical_point", FAILED);
    }

    @Test
    void pytestV2ReadsColouredLinesAndEatsADigitsAndMParameter() {
        Instance astro = instance("agentic__astroish-1");
        assertThat(astro.log("gold")).contains("\u001b[32mPASSED\u001b[0m tests/test_angles.py::\u001b[1mtest_parse_angle[45m]\u001b[0m");
        // "[45m" looks like a colour code: test_parse_angle[45m] is recorded as test_parse_angle]
        assertThat(astro.gold()).containsEntry("tests/test_angles.py::test_parse_angle]", PASSED)
                .doesNotContainKey("tests/test_angles.py::test_parse_angle[45m]");
        // the plain pytest parser reads nothing of a coloured log
        assertThat(LogParser.PYTEST.parse(astro.log("gold"))).isEmpty();
    }

    @Test
    void matplotlibReadsLeftAndRightButtonsAsNumbersButNotTheMiddleOne() {
        Instance plot = instance("agentic__plotish-1");
        assertThat(plot.log("gold")).contains("PASSED tests/test_zoom.py::test_width_after_press[MouseButton.RIGHT]");
        assertThat(plot.gold()).containsEntry("tests/test_zoom.py::test_width_after_press[3]", PASSED)
                .containsEntry("tests/test_zoom.py::test_width_after_press[1]", PASSED)
                .containsEntry("tests/test_zoom.py::test_width_after_press[MouseButton.MIDDLE]", PASSED);
        assertThat(plot.nop()).containsEntry("tests/test_zoom.py::test_width_after_press[3]", FAILED);
        assertThat(LogParser.PYTEST.parse(plot.log("gold"))).containsKey("tests/test_zoom.py::test_width_after_press[MouseButton.RIGHT]");
    }

    @Test
    void seabornReadsOnlyPassedAndFailed() {
        Instance seaborn = instance("agentic__seabornish-1");
        String xfail = "tests/test_palettes.py::test_hls_palette";
        String error = "tests/test_palettes.py::test_long_palette_for_eight_groups";
        assertThat(LogParser.PYTEST.parse(seaborn.log("gold"))).containsEntry(xfail, XFAIL);
        assertThat(seaborn.gold()).doesNotContainKey(xfail);
        // its fixture fails before the fix: ERROR, which seaborn's parser does not record; missing fails all the same
        assertThat(LogParser.PYTEST.parse(seaborn.log("nop"))).containsEntry(error, ERROR);
        assertThat(seaborn.nop()).doesNotContainKey(error);
        assertThat(seaborn.nop()).containsEntry("tests/test_palettes.py::test_long_palette_cycles", FAILED);
    }

    @Test
    void pytestOptionsShortensPathParametersSoThatTwoTestsCanShareAName() {
        Instance requests = instance("agentic__requestish-1");
        Map<String, TestStatus> gold = requests.gold();
        String p = "tests/test_paths.py::";
        assertThat(gold).containsEntry(p + "test_normalize[/index.html]", PASSED)
                .containsEntry(p + "test_normalize[/..]", PASSED)
                .containsEntry(p + "test_join[//cdn.example.com/lib.js]", PASSED)   // "//" kept
                .containsEntry(p + "test_matches[/static/*/app.js]", PASSED)        // "*" kept
                .containsEntry(p + "test_matches[/app.js]", PASSED)
                .containsEntry(p + "test_quote_path[/caf\\xe9.txt]", PASSED)
                // cut at the space before the parameter is looked at, so nothing is shortened
                .containsEntry(p + "test_quote_path[/files/annual", PASSED);
        // test_normalize[/] (the root) passes before the fix, test_normalize[/srv/www/static/] fails; both are
        // read as test_normalize[/], and the FAILED line comes last
        assertThat(requests.log("nop")).contains("PASSED " + p + "test_normalize[/]\n")
                .contains("FAILED " + p + "test_normalize[/srv/www/static/] - ");
        assertThat(requests.nop()).containsEntry(p + "test_normalize[/]", FAILED);
        assertThat(requests.failToPass()).contains(p + "test_normalize[/]");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
