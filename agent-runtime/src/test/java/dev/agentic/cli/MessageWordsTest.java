package dev.agentic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's messages name its own command line only ({@code --run-id <id>}, {@code agentx fetch --suite …}): no Maven
 * property, no Maven command. The plugin adds Maven's words where it shows them (its {@code RuntimeOptions}). Checked
 * on every string literal of the runtime's sources; comments, which document, may name the Maven goals.
 */
class MessageWordsTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern MAVEN = Pattern.compile("-Dagent\\.|\\./mvnw|\\bmvnw? +agent:|agent:(bench|fetch|gate|compare|promote|lineage|report)\\s+-");

    @Test
    void noStringOfTheRuntimeNamesAMavenPropertyOrCommand() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            for (Literal literal : literals(Files.readString(file, StandardCharsets.UTF_8))) {
                if (MAVEN.matcher(literal.text()).find()) {
                    found.add(file + ":" + literal.line() + ": " + literal.text());
                }
            }
        }
        assertThat(files).as("runtime sources").hasSizeGreaterThan(100);
        assertThat(found).as("strings of the runtime in Maven's words").isEmpty();
    }

    @Test
    void theScanFindsStringsAndSkipsComments() {
        List<Literal> literals = literals("""
                // "-Dagent.a" in a comment
                /* "mvn agent:bench" */ String s = "resume with -Dagent.runId=" + id; char c = '"';
                String t = "a \\" quote"; String u = \"""
                    ./mvnw agent:bench -Px
                    \""";
                """);
        assertThat(literals).extracting(Literal::text).containsExactly("resume with -Dagent.runId=", "a \\\" quote",
                "\n    ./mvnw agent:bench -Px\n    ");
        assertThat(literals).extracting(Literal::line).containsExactly(2, 3, 3);
        assertThat(literals.stream().filter(l -> MAVEN.matcher(l.text()).find())).hasSize(2);
    }

    record Literal(int line, String text) {}

    /** The string literals and text blocks of a Java source, outside comments, with the line each starts on. */
    static List<Literal> literals(String source) {
        List<Literal> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != '\'') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                i = end + 1;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end;
                literals.add(new Literal(line, source.substring(i + 3, end)));
                line += count(source, i, end);
                i = end + 3;
            } else if (c == '"') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != '"' && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                literals.add(new Literal(line, source.substring(i + 1, Math.min(end, source.length()))));
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int count(String source, int from, int to) {
        int n = 0;
        for (int i = from; i < to && i < source.length(); i++) {
            n += source.charAt(i) == '\n' ? 1 : 0;
        }
        return n;
    }
}
