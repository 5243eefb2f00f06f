package dev.agentic.verify.swebench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentic.task.TaskException;
import dev.agentic.verify.swebench.RepoSpec.DirectiveStyle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoSpecsTest {

    private static final String CONDA = "source /opt/miniconda3/bin/activate && conda activate testbed";
    private static final String TEST_DJANGO = "./tests/runtests.py --verbosity 2 --settings=test_sqlite --parallel 1";

    private final RepoSpecs specs = RepoSpecs.builtIn();

    @TempDir
    Path dir;

    /** Each repository of SWE-bench Verified at one of its versions there: parser and test command. */
    @Test
    void theTwelveVerifiedRepositoriesResolve() {
        Map<String, List<Object>> expected = Map.ofEntries(
                Map.entry("astropy/astropy@5.2", List.of(LogParser.PYTEST_V2, "pytest -rA")),
                Map.entry("django/django@4.0", List.of(LogParser.DJANGO, TEST_DJANGO)),
                Map.entry("matplotlib/matplotlib@3.6", List.of(LogParser.MATPLOTLIB, "pytest -rA")),
                Map.entry("mwaskom/seaborn@0.12", List.of(LogParser.SEABORN, "pytest --no-header -rA")),
                Map.entry("pallets/flask@2.3", List.of(LogParser.PYTEST, "pytest -rA")),
                Map.entry("psf/requests@2.0", List.of(LogParser.PYTEST_OPTIONS, "pytest -rA")),
                Map.entry("pydata/xarray@2022.06", List.of(LogParser.PYTEST, "pytest -rA")),
                Map.entry("pylint-dev/pylint@2.15", List.of(LogParser.PYTEST_OPTIONS, "pytest -rA")),
                Map.entry("pytest-dev/pytest@5.4", List.of(LogParser.PYTEST, "pytest -rA")),
                Map.entry("scikit-learn/scikit-learn@0.22", List.of(LogParser.PYTEST_V2, "pytest -rA")),
                Map.entry("sphinx-doc/sphinx@3.5", List.of(LogParser.PYTEST_V2, "tox --current-env -epy39 -v --")),
                Map.entry("sympy/sympy@1.1", List.of(LogParser.SYMPY,
                        "PYTHONWARNINGS='ignore::UserWarning,ignore::SyntaxWarning' bin/test -C --verbose")));
        expected.forEach((at, parserAndCommand) -> {
            String repo = at.substring(0, at.indexOf('@'));
            RepoSpec spec = specs.forRepo(repo, at.substring(at.indexOf('@') + 1));
            assertThat(spec.repo()).isEqualTo(repo);
            assertThat(spec.parser()).as(at).isEqualTo(parserAndCommand.get(0));
            assertThat(spec.testCommand()).as(at).isEqualTo(parserAndCommand.get(1));
            assertThat(spec.activation()).as(at).isEqualTo(CONDA);
            assertThat(spec.directiveStyle()).as(at).isEqualTo(repo.equals("django/django") ? DirectiveStyle.DJANGO : DirectiveStyle.FILES);
        });
        assertThat(specs.repos()).containsAll(expected.keySet().stream().map(at -> at.substring(0, at.indexOf('@'))).toList());
    }

    @Test
    void versionsWithTheirOwnSettings() {
        assertThat(specs.forRepo("django/django", "1.9").testCommand()).isEqualTo("./tests/runtests.py --verbosity 2");
        assertThat(specs.forRepo("django/django", "1.11").testCommand()).isEqualTo(TEST_DJANGO);
        assertThat(specs.forRepo("django/django", "1.9").evalCommands()).contains("export LANG=en_US.UTF-8", "export PYTHONIOENCODING=utf8");
        assertThat(specs.forRepo("django/django", "1.9").install()).isEqualTo("python setup.py install");
        assertThat(specs.forRepo("django/django", "3.0").evalCommands()).containsExactly(
                "sed -i '/en_US.UTF-8/s/^# //g' /etc/locale.gen && locale-gen",
                "export LANG=en_US.UTF-8", "export LANGUAGE=en_US:en", "export LC_ALL=en_US.UTF-8");
        assertThat(specs.forRepo("django/django", "4.2").evalCommands()).isEmpty();
        assertThat(specs.forRepo("astropy/astropy", "1.3").testCommand()).isEqualTo("pytest -rA -vv -o console_output_style=classic --tb=no");
        assertThat(specs.forRepo("astropy/astropy", "3.0").testCommand()).isEqualTo("pytest -rA");
        assertThat(specs.forRepo("sphinx-doc/sphinx", "7.1").preInstall()).containsExactly("sed -i 's/pytest/pytest -rA/' tox.ini");
        assertThat(specs.forRepo("matplotlib/matplotlib", "3.8").install()).isEqualTo("python -m pip install --no-build-isolation -e \".[dev]\"");
        assertThat(specs.forRepo("mwaskom/seaborn", "0.11").install()).isEqualTo("python -m pip install -e .");
    }

    @Test
    void anUnknownVersionOfAKnownRepositoryGetsTheRepositorysOwnSettings() {
        RepoSpec spec = specs.forRepo("django/django", "9.9");

        assertThat(spec.testCommand()).isEqualTo(TEST_DJANGO);
        assertThat(spec.evalCommands()).isEmpty();
        assertThat(spec.version()).isEqualTo("9.9");
        assertThat(specs.forRepo("django/django", null).testCommand()).isEqualTo(TEST_DJANGO);
    }

    @Test
    void anUnknownRepositoryGetsTheDefaultUnderItsOwnName() {
        RepoSpec spec = specs.forRepo("octo/widgets", "1.0");

        assertThat(spec.repo()).isEqualTo("octo/widgets");
        assertThat(spec.parser()).isEqualTo(LogParser.PYTEST);
        assertThat(spec.directiveStyle()).isEqualTo(DirectiveStyle.FILES);
        assertThat(spec.activation()).isEmpty();
        assertThat(spec.evalCommands()).isEmpty();
        assertThat(spec.testCommand()).isEqualTo("pytest -rA");
    }

    @Test
    void djangoDirectivesAreModulesOfTheTestsTree() {
        RepoSpec django = specs.forRepo("django/django", "3.0");

        assertThat(django.directives(List.of("tests/a/tests.py", "tests/forms_tests/widget_tests/test_select.py",
                "tests/i18n/sampleproject/locale/fr/LC_MESSAGES/django.po")))
                .containsExactly("a.tests", "forms_tests.widget_tests.test_select", "i18n.sampleproject.locale.fr.LC_MESSAGES.django.po");
        assertThat(django.testCommandFor(List.of("tests/a/tests.py", "tests/a/fixtures/data.json")))
                .isEqualTo(TEST_DJANGO + " a.tests");
    }

    @Test
    void otherRepositoriesKeepTheFiles() {
        assertThat(specs.forRepo("sympy/sympy", "1.1").directives(List.of("sympy/matrices/tests/test_sparse.py")))
                .containsExactly("sympy/matrices/tests/test_sparse.py");
        assertThat(specs.forRepo("pytest-dev/pytest", "5.4").directives(List.of("testing/test_mark.py", "testing/python/collect.py")))
                .containsExactly("testing/test_mark.py", "testing/python/collect.py");
    }

    @Test
    void dataFilesAreNotPassedToTheTestCommand() {
        List<String> files = List.of("tests/test_x.py", "tests/data/expected.json", "docs/changes.md", "tests/fixtures/table.csv",
                "tests/fixtures/namescsv", "tests/img/baseline.png", "tests/config.toml", "tests/conf.yaml", "tests/conf.yml",
                "tests/notes.txt", "tests/model.pkl", "tests/photo.jpg", "tests/photo.jpeg", "tests/test_y.py");

        assertThat(specs.forRepo("pallets/flask", "2.3").directives(files)).containsExactly("tests/test_x.py", "tests/test_y.py");
    }

    @Test
    void patchedFilesAreTheTargetPathsOfTheDiffHeaders() {
        String patch = String.join("\n",
                "diff --git a/tests/a/tests.py b/tests/a/tests.py",
                "--- a/tests/a/tests.py",
                "+++ b/tests/a/tests.py",
                "@@ -1 +1 @@",
                "-x",
                "+y",
                "diff --git a/tests/old_name.py b/tests/new_name.py",
                "similarity index 100%");

        assertThat(RepoSpec.patchedFiles(patch)).containsExactly("tests/a/tests.py", "tests/new_name.py");
    }

    @Test
    void anExtraFileAddsAndReplacesEntries() throws Exception {
        Path extra = write("extra.yaml", """
                default:
                  test_cmd: pytest -rA -p no:cacheprovider
                repos:
                  django/django:
                    parser: pytest
                    directives: files
                    test_cmd: pytest -rA tests
                  octo/widgets:
                    parser: pytest_v2
                    activation: source venv/bin/activate
                    by_version:
                      - versions: ["1.10"]
                        test_cmd: pytest -rA -x
                """);

        RepoSpecs merged = specs.withFile(extra);

        RepoSpec django = merged.forRepo("django/django", "1.9");
        assertThat(django.parser()).isEqualTo(LogParser.PYTEST);
        assertThat(django.directiveStyle()).isEqualTo(DirectiveStyle.FILES);
        assertThat(django.testCommand()).isEqualTo("pytest -rA tests");
        assertThat(django.activation()).isEmpty();
        assertThat(merged.forRepo("octo/widgets", "1.10").testCommand()).isEqualTo("pytest -rA -x");
        assertThat(merged.forRepo("octo/widgets", "1.1").testCommand()).isEqualTo("pytest -rA -p no:cacheprovider");
        assertThat(merged.forRepo("octo/widgets", "1.1").parser()).isEqualTo(LogParser.PYTEST_V2);
        assertThat(merged.forRepo("octo/widgets", "1.1").directiveStyle()).isEqualTo(DirectiveStyle.FILES);
        assertThat(merged.forRepo("sympy/sympy", "1.1")).isEqualTo(specs.forRepo("sympy/sympy", "1.1"));
        assertThat(specs.forRepo("django/django", "1.9").parser()).isEqualTo(LogParser.DJANGO);
    }

    @Test
    void malformedYamlIsRefusedWithTheFileLineAndColumn() throws Exception {
        Path broken = write("broken.yaml", """
                repos:
                  django/django:
                    parser: django
                    eval_commands: [export LANG=C
                """);

        assertThatThrownBy(() -> specs.withFile(broken))
                .isInstanceOf(TaskException.class)
                .hasMessage(broken + ":5:1: not valid YAML: expected ',' or ']', but got <stream end>"
                        + " (while parsing a flow sequence that starts at line 4, column 20)");
    }

    @Test
    void aRepeatedFieldIsRefused() throws Exception {
        Path twice = write("twice.yaml", """
                repos:
                  django/django:
                    parser: django
                    parser: pytest
                """);

        assertThatThrownBy(() -> specs.withFile(twice))
                .isInstanceOf(TaskException.class)
                .hasMessageStartingWith(twice + ":4:")
                .hasMessageContaining("Duplicate field 'parser'");
    }

    @Test
    void anUnknownFieldIsNamedWithTheFieldsThereAre() throws Exception {
        Path typo = write("typo.yaml", """
                repos:
                  django/django:
                    parser: django
                    tset_cmd: ./tests/runtests.py
                """);

        assertThatThrownBy(() -> specs.withFile(typo))
                .isInstanceOf(TaskException.class)
                .hasMessage(typo + ":4:5: field 'repos.django/django.tset_cmd': unknown field; expected one of "
                        + "activation, by_version, directives, eval_commands, install, parser, pre_install, runner_files, test_cmd");
    }

    @Test
    void anUnknownParserIsRefusedWithTheParsersThereAre() throws Exception {
        Path file = write("parser.yaml", """
                repos:
                  octo/widgets:
                    parser: junit
                """);

        assertThatThrownBy(() -> specs.withFile(file))
                .isInstanceOf(TaskException.class)
                .hasMessageStartingWith(file + ":3:13: ")
                .hasMessageContaining("field 'repos.octo/widgets.parser': unknown parser 'junit'; expected one of pytest, pytest_options, pytest_v2, django");
    }

    @Test
    void anUnknownDirectiveStyleIsRefused() throws Exception {
        Path file = write("style.yaml", """
                repos:
                  octo/widgets:
                    directives: modules
                """);

        assertThatThrownBy(() -> specs.withFile(file))
                .isInstanceOf(TaskException.class)
                .hasMessageStartingWith(file + ":3:17: ")
                .hasMessageContaining("field 'repos.octo/widgets.directives': unknown directive style 'modules'; expected one of files, django");
    }

    @Test
    void anUnquotedVersionIsRefusedBeforeItBecomesANumber() throws Exception {
        Path file = write("version.yaml", """
                repos:
                  octo/widgets:
                    by_version:
                      - versions: [1.10]
                        test_cmd: pytest -rA
                """);

        assertThatThrownBy(() -> specs.withFile(file))
                .isInstanceOf(TaskException.class)
                .hasMessageStartingWith(file + ":4:20: ")
                .hasMessageContaining("field 'repos.octo/widgets.by_version[0].versions[0]': expected a string, found a number");
    }

    @Test
    void aListWrittenAsOneStringIsRefused() throws Exception {
        Path file = write("list.yaml", """
                repos:
                  octo/widgets:
                    eval_commands: export LANG=C
                """);

        assertThatThrownBy(() -> specs.withFile(file))
                .isInstanceOf(TaskException.class)
                .hasMessageStartingWith(file + ":3:20: ")
                .hasMessageContaining("field 'repos.octo/widgets.eval_commands': expected a list, found a string");
    }

    @Test
    void anOverrideWithoutVersionsIsRefused() throws Exception {
        Path file = write("noversions.yaml", """
                repos:
                  octo/widgets:
                    by_version:
                      - test_cmd: pytest -rA
                """);

        assertThatThrownBy(() -> specs.withFile(file))
                .isInstanceOf(TaskException.class)
                .hasMessageStartingWith(file + ":4:9: ")
                .hasMessageContaining("field 'repos.octo/widgets.by_version[0]': versions is missing or empty");
    }

    @Test
    void aMissingFileIsRefused() {
        Path missing = dir.resolve("nowhere.yaml");

        assertThatThrownBy(() -> specs.withFile(missing)).isInstanceOf(TaskException.class).hasMessage(missing + ": file does not exist");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
