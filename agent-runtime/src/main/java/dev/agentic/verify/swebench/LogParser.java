package dev.agentic.verify.swebench;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.agentic.verify.swebench.TestStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A reader of one test runner's output, named as the official SWE-bench harness names its log
 * parsers, turning the text between the start and end markers into test name → status. The names
 * are exactly those SWE-bench records in FAIL_TO_PASS and PASS_TO_PASS: pytest node ids up to the
 * first whitespace ({@code path::Class::test[param}, for an id with a space in it), Django's
 * {@code test_name (module.Class)} or a test's docstring line, sympy's bare {@code test_name}.
 *
 * <p>The official parsers record only FAILED, PASSED, SKIPPED, ERROR and XFAIL; XPASS lines are not
 * read. Where an official parser would record a token that is not one of those statuses (a line
 * beginning {@code "ERROR:"}, say), the line is not read.
 *
 * <p>One hardening over the official pytest-style parsers ({@link #PYTEST}, {@link #PYTEST_OPTIONS},
 * {@link #PYTEST_V2}, {@link #MATPLOTLIB}, {@link #SEABORN}): when the log contains a pytest
 * {@code short test summary info} header, only the lines after the last such header are read. With
 * {@code -rA}, which every built-in test command passes, that section lists every test, so an
 * honest log gives the same map; text printed by the code under test into captured-output sections,
 * which come before the summary, can then not be read as results. A test command without
 * {@code -rA} loses the passing tests of a run that printed a summary.
 */
public enum LogParser {

    /** pytest {@code -rA}: lines beginning with a status word; FAILED lines lose their " - " separators. */
    PYTEST("pytest", List.of("astroid", "flask", "marshmallow", "pvlib", "pyvista", "sqlfluff", "xarray"), Pytest::plain),

    /** As {@link #PYTEST}, with a parametrization that is an absolute path shortened to its last segment. */
    PYTEST_OPTIONS("pytest_options", List.of("pydicom", "requests", "pylint"), Pytest::options),

    /** As {@link #PYTEST} after removing colour codes and control characters, also reading verbose lines that end in or contain a status. */
    PYTEST_V2("pytest_v2", List.of("astropy", "scikit", "sphinx"), Pytest::v2),

    /** Django's {@code runtests.py --verbosity 2}: {@code name ... ok|FAIL|ERROR|skipped}. */
    DJANGO("django", List.of(), Django::parse),

    /** seaborn's pytest output: PASSED and FAILED only, status first or, in verbose lines, second. */
    SEABORN("seaborn", List.of(), Pytest::seaborn),

    /** sympy's {@code bin/test --verbose}: {@code test_name ok|F|E}, and failed sections by their headers. */
    SYMPY("sympy", List.of(), Sympy::parse),

    /** As {@link #PYTEST}, with {@code MouseButton.LEFT}/{@code RIGHT} in ids read as 1 and 3. */
    MATPLOTLIB("matplotlib", List.of(), Pytest::matplotlib);

    private final String parserName;
    private final List<String> aliases;
    private final Function<String, Map<String, TestStatus>> reader;

    LogParser(String parserName, List<String> aliases, Function<String, Map<String, TestStatus>> reader) {
        this.parserName = parserName;
        this.aliases = aliases;
        this.reader = reader;
    }

    /** The name used in the specifications file, e.g. {@code pytest_v2}. */
    @JsonValue
    public String parserName() {
        return parserName;
    }

    /** The other names the official harness gives this parser, e.g. {@code sphinx} for {@link #PYTEST_V2}. */
    public List<String> aliases() {
        return aliases;
    }

    /** Test name → status for {@code log}, the output between the start and end markers; empty if nothing is recognised. */
    public Map<String, TestStatus> parse(String log) {
        return Collections.unmodifiableMap(reader.apply(log == null ? "" : log));
    }

    /** The parser called {@code name} or one of its aliases. */
    public static Optional<LogParser> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(p -> p.parserName.equals(name) || p.aliases.contains(name))
                .findFirst();
    }

    /** The parser called {@code name} or one of its aliases; an unknown name is refused with the names there are. */
    @JsonCreator
    static LogParser require(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException("unknown parser '" + name + "'; expected one of "
                + Arrays.stream(values()).map(LogParser::parserName).collect(Collectors.joining(", "))
                + " (or an alias: " + Arrays.stream(values()).flatMap(p -> p.aliases.stream()).collect(Collectors.joining(", ")) + ")"));
    }

    /** One recognised result line. */
    private record Result(String test, TestStatus status) {}

    /** String operations with Python's notion of whitespace, so that names split exactly where the official parsers split them. */
    private static final class PyText {

        /** Python's {@code \s} in a regular expression. */
        static final String SPACE = "[\\s\\x1c-\\x1f\\x85\\p{Zs}\\u2028\\u2029]";

        private PyText() {}

        static boolean isSpace(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
        }

        /** {@code str.split()}: runs of whitespace separate, leading and trailing whitespace yields nothing. */
        static List<String> words(String text) {
            List<String> words = new ArrayList<>();
            int start = -1;
            for (int i = 0; i < text.length(); i++) {
                if (isSpace(text.charAt(i))) {
                    if (start >= 0) {
                        words.add(text.substring(start, i));
                        start = -1;
                    }
                } else if (start < 0) {
                    start = i;
                }
            }
            if (start >= 0) {
                words.add(text.substring(start));
            }
            return words;
        }

        /** {@code str.strip()}. */
        static String strip(String text) {
            int begin = 0;
            int end = text.length();
            while (begin < end && isSpace(text.charAt(begin))) {
                begin++;
            }
            while (end > begin && isSpace(text.charAt(end - 1))) {
                end--;
            }
            return text.substring(begin, end);
        }

        /** {@code str.split("\n")}. */
        static List<String> lines(String text) {
            return Arrays.asList(text.split("\n", -1));
        }
    }

    /** The pytest-style parsers. */
    private static final class Pytest {

        private static final List<String> STATUS_WORDS = List.of("FAILED", "PASSED", "SKIPPED", "ERROR", "XFAIL");
        private static final Pattern SUMMARY_HEADER = Pattern.compile("=+" + PyText.SPACE + "*short test summary info" + PyText.SPACE + "*=+");
        private static final Pattern ANSI = Pattern.compile("\\x1b\\[[0-9;?]*[A-Za-z]");
        private static final Pattern COLOUR = Pattern.compile("\\[\\p{Nd}+m");
        private static final Pattern CONTROL = Pattern.compile("[\\x01-\\x1f]");
        private static final Pattern PARAMETRIZED = Pattern.compile("(.*?)\\[(.*)\\]", Pattern.UNIX_LINES);

        private Pytest() {}

        static Map<String, TestStatus> plain(String log) {
            return read(log, UnaryOperator.identity(), Pytest::statusFirst);
        }

        static Map<String, TestStatus> options(String log) {
            return read(log, UnaryOperator.identity(),
                    line -> statusFirst(line).map(r -> new Result(withShortPathOption(r.test()), r.status())));
        }

        static Map<String, TestStatus> v2(String log) {
            return read(log, line -> CONTROL.matcher(COLOUR.matcher(line).replaceAll("")).replaceAll(""), Pytest::anyStatusPosition);
        }

        static Map<String, TestStatus> matplotlib(String log) {
            return read(log, line -> line.replace("MouseButton.LEFT", "1").replace("MouseButton.RIGHT", "3"), Pytest::statusFirst);
        }

        static Map<String, TestStatus> seaborn(String log) {
            return read(log, UnaryOperator.identity(), Pytest::passedOrFailed);
        }

        /** Reads {@code log} line by line, each line first cleaned, from after the last summary header if there is one. */
        private static Map<String, TestStatus> read(String log, UnaryOperator<String> clean, Function<String, Optional<Result>> reader) {
            List<String> lines = PyText.lines(log).stream().map(clean).toList();
            Map<String, TestStatus> tests = new LinkedHashMap<>();
            for (String line : fromLastSummary(lines)) {
                reader.apply(line).ifPresent(r -> tests.put(r.test(), r.status()));
            }
            return tests;
        }

        private static List<String> fromLastSummary(List<String> lines) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                String visible = PyText.strip(ANSI.matcher(lines.get(i)).replaceAll(""));
                if (SUMMARY_HEADER.matcher(visible).matches()) {
                    return lines.subList(i + 1, lines.size());
                }
            }
            return lines;
        }

        private static boolean startsWithStatus(String line) {
            return STATUS_WORDS.stream().anyMatch(line::startsWith);
        }

        private static Optional<TestStatus> status(String word) {
            return STATUS_WORDS.contains(word) ? Optional.of(TestStatus.valueOf(word)) : Optional.empty();
        }

        /** {@code STATUS name ...}; on FAILED lines " - " becomes a space first, so the message never joins the name. */
        private static Optional<Result> statusFirst(String line) {
            if (!startsWithStatus(line)) {
                return Optional.empty();
            }
            List<String> words = PyText.words(line.startsWith("FAILED") ? line.replace(" - ", " ") : line);
            return words.size() < 2 ? Optional.empty() : status(words.get(0)).map(s -> new Result(words.get(1), s));
        }

        /** {@code name STATUS ...}, the verbose form. */
        private static Optional<Result> statusSecond(String line) {
            List<String> words = PyText.words(line);
            return words.size() < 2 ? Optional.empty() : status(words.get(1)).map(s -> new Result(words.get(0), s));
        }

        /** Status first; else, in a line that ends in or contains a status word, {@code name STATUS}. */
        private static Optional<Result> anyStatusPosition(String line) {
            if (startsWithStatus(line)) {
                return statusFirst(line);
            }
            return STATUS_WORDS.stream().anyMatch(line::contains) ? statusSecond(line) : Optional.empty();
        }

        /** seaborn: {@code FAILED name}, {@code name PASSED ...} or {@code PASSED name}; other statuses are not read. */
        private static Optional<Result> passedOrFailed(String line) {
            List<String> words = PyText.words(line);
            if (line.startsWith("FAILED")) {
                return words.size() < 2 ? Optional.empty() : Optional.of(new Result(words.get(1), TestStatus.FAILED));
            }
            if (line.contains(" PASSED ")) {
                return words.size() >= 2 && words.get(1).equals("PASSED")
                        ? Optional.of(new Result(words.get(0), TestStatus.PASSED)) : Optional.empty();
            }
            if (line.startsWith("PASSED")) {
                return words.size() < 2 ? Optional.empty() : Optional.of(new Result(words.get(1), TestStatus.PASSED));
            }
            return Optional.empty();
        }

        /**
         * {@code name[/an/absolute/path]} → {@code name[/path]}; a parametrization starting with {@code //} or holding
         * a {@code *} is kept. Text after the last {@code ]} is dropped.
         */
        private static String withShortPathOption(String test) {
            Matcher m = PARAMETRIZED.matcher(test);
            if (!m.find()) {
                return test;
            }
            String option = m.group(2);
            if (option.startsWith("/") && !option.startsWith("//") && !option.contains("*")) {
                option = "/" + option.substring(option.lastIndexOf('/') + 1);
            }
            return m.group(1) + "[" + option + "]";
        }
    }

    /** Django's test runner at verbosity 2. */
    private static final class Django {

        private static final String VERSION_HELP = "--version is equivalent to version";
        private static final List<String> PASS_SUFFIXES = List.of(" ... ok", " ... OK", " ...  OK");
        /** A migration line the runner's output ran into, seen in django__django-7188. */
        private static final String MIGRATION_RUN_IN = "Applying sites.0002_alter_domain_unique...test_no_migrations";
        private static final int FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES;
        private static final String S = PyText.SPACE;
        /** A result split from its test by a long message printed in between, then {@code ok} alone on the next line. */
        private static final List<Pattern> SPLIT_RESULTS = List.of(
                Pattern.compile("^(.*?)" + S + "\\.\\.\\." + S + "Testing against Django installed in ((?s:.*?)) silenced\\)\\.\\nok$", FLAGS),
                Pattern.compile("^(.*?)" + S + "\\.\\.\\." + S + "Internal Server Error: /(.*)/\\nok$", FLAGS),
                Pattern.compile("^(.*?)" + S + "\\.\\.\\." + S + "System check identified no issues \\(0 silenced\\)\\nok$", FLAGS));

        private Django() {}

        static Map<String, TestStatus> parse(String log) {
            Map<String, TestStatus> tests = new LinkedHashMap<>();
            String previous = null;
            for (String raw : PyText.lines(log)) {
                String line = PyText.strip(raw);
                if (line.contains(VERSION_HELP)) {
                    tests.put(VERSION_HELP, TestStatus.PASSED);
                }
                if (line.contains(" ... ")) {
                    previous = line.substring(0, line.indexOf(" ... "));
                }
                for (String suffix : PASS_SUFFIXES) {
                    if (line.endsWith(suffix)) {
                        if (line.startsWith(MIGRATION_RUN_IN)) {
                            line = PyText.strip(line.substring(line.indexOf("...") + 3));
                        }
                        tests.put(line.substring(0, line.lastIndexOf(suffix)), TestStatus.PASSED);
                        break;
                    }
                }
                if (line.contains(" ... skipped")) {
                    tests.put(line.substring(0, line.indexOf(" ... skipped")), TestStatus.SKIPPED);
                }
                if (line.endsWith(" ... FAIL")) {
                    tests.put(line.substring(0, line.indexOf(" ... FAIL")), TestStatus.FAILED);
                }
                if (line.startsWith("FAIL:")) {
                    secondWord(line).ifPresent(t -> tests.put(t, TestStatus.FAILED));
                }
                if (line.endsWith(" ... ERROR")) {
                    tests.put(line.substring(0, line.indexOf(" ... ERROR")), TestStatus.ERROR);
                }
                if (line.startsWith("ERROR:")) {
                    secondWord(line).ifPresent(t -> tests.put(t, TestStatus.ERROR));
                }
                if (line.startsWith("ok") && previous != null) {
                    tests.put(previous, TestStatus.PASSED);
                }
            }
            for (Pattern pattern : SPLIT_RESULTS) {
                Matcher m = pattern.matcher(log);
                while (m.find()) {
                    tests.put(m.group(1), TestStatus.PASSED);
                }
            }
            return tests;
        }

        /** {@code FAIL: test_x (module.Class)} → {@code test_x}: the official parser keeps only the second word. */
        private static Optional<String> secondWord(String line) {
            List<String> words = PyText.words(line);
            return words.size() < 2 ? Optional.empty() : Optional.of(PyText.strip(words.get(1)));
        }
    }

    /** sympy's {@code bin/test --verbose}. */
    private static final class Sympy {

        /** A failure or error section header, {@code ____ sympy/x/tests/test_y.py:test_z ____}. */
        private static final Pattern SECTION = Pattern.compile("(_*) (.*)\\.py:(.*) (_*)", Pattern.UNIX_LINES);
        private static final List<Map.Entry<String, TestStatus>> ENDINGS =
                List.of(Map.entry(" E", TestStatus.ERROR), Map.entry(" F", TestStatus.FAILED), Map.entry(" ok", TestStatus.PASSED));

        private Sympy() {}

        static Map<String, TestStatus> parse(String log) {
            Map<String, TestStatus> tests = new LinkedHashMap<>();
            Matcher m = SECTION.matcher(log);
            while (m.find()) {
                tests.put(m.group(2) + ".py:" + m.group(3), TestStatus.FAILED);
            }
            for (String raw : PyText.lines(log)) {
                String line = PyText.strip(raw);
                if (!line.startsWith("test_")) {
                    continue;
                }
                String test = PyText.words(line).get(0);
                ENDINGS.stream().filter(ending -> line.endsWith(ending.getKey())).forEach(ending -> tests.put(test, ending.getValue()));
            }
            return tests;
        }
    }
}
