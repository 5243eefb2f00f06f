package dev.agentic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every {@code -Dagent.*} property the documentation mentions is a parameter of a goal, every
 * parameter's property is in the reference table of docs/maven.md, and no pom of the project sets
 * such a parameter in the plugin's {@code <configuration>}, where it would hide the property given
 * on the command line. The goals' parameters come from the plugin descriptor the build generated.
 */
class CommandLinePropertiesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern MENTION = Pattern.compile("-Dagent\\.([A-Za-z]+)\\b");
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", ".git", "results", "node_modules");

    @Test
    void everyDocumentedPropertyIsAParameterOfAGoal() throws Exception {
        Set<String> properties = new TreeSet<>(parameterProperties().values());
        List<String> unknown = new ArrayList<>();
        for (Path doc : documentation()) {
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MENTION.matcher(lines.get(i));
                while (m.find()) {
                    if (!properties.contains("agent." + m.group(1))) {
                        unknown.add(ROOT.relativize(doc) + ":" + (i + 1) + ": -Dagent." + m.group(1));
                    }
                }
            }
        }
        assertThat(documentation()).as("documentation files").isNotEmpty();
        assertThat(unknown).as("documented properties that no goal reads").isEmpty();
    }

    @Test
    void everyPropertyOfAGoalIsInTheReference() throws Exception {
        String reference = Files.readString(ROOT.resolve("docs/maven.md"), StandardCharsets.UTF_8);
        Set<String> missing = new TreeSet<>();
        for (String property : parameterProperties().values()) {
            if (property.startsWith("agent.") && !reference.contains("-D" + property + "`") && !reference.contains("-D" + property + "=")) {
                missing.add(property);
            }
        }
        assertThat(missing).as("properties of the goals missing from docs/maven.md").isEmpty();
    }

    @Test
    void noPomOfTheProjectShadowsAProperty() throws Exception {
        Map<String, String> properties = parameterProperties();
        List<String> shadowing = new ArrayList<>();
        List<Path> poms;
        try (Stream<Path> files = walk()) {
            poms = files.filter(p -> p.getFileName().toString().equals("pom.xml")).toList();
        }
        for (Path pom : poms) {
            shadowing.addAll(shadowing(pom, properties));
        }
        assertThat(poms).as("poms").hasSizeGreaterThan(10);
        assertThat(shadowing).isEmpty();
    }

    @Test
    void aParameterSetInTheConfigurationIsReported(@TempDir Path dir) throws Exception {
        Path pom = dir.resolve("pom.xml");
        Files.writeString(pom, """
                <project><build><plugins><plugin>
                  <groupId>dev.agentic</groupId><artifactId>agent-maven-plugin</artifactId>
                  <configuration><suite>offline-core.yaml</suite><resultsDirectory>${agent.resultsDirectory}</resultsDirectory></configuration>
                  <executions><execution><configuration><trials>3</trials></configuration></execution></executions>
                </plugin></plugins></build>
                <profiles><profile><build><plugins><plugin>
                  <artifactId>agent-maven-plugin</artifactId><configuration><variant><id>x</id></variant></configuration>
                </plugin></plugins></build></profile></profiles></project>
                """);
        assertThat(shadowing(pom, parameterProperties())).containsExactly(
                pom + ": <suite> in the configuration of agent-maven-plugin hides -Dagent.suite; set <agent.suite> in <properties> instead",
                pom + ": <trials> in the configuration of agent-maven-plugin hides -Dagent.trials; set <agent.trials> in <properties> instead");
    }

    /** Parameter name → its property, for every goal (a name means the same property in every goal that has it). */
    static Map<String, String> parameterProperties() throws Exception {
        Map<String, String> properties = new TreeMap<>();
        try (InputStream descriptor = CommandLinePropertiesTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(descriptor).as("the plugin descriptor (generated before the tests run)").isNotNull();
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor);
            for (Element configuration : elements(doc.getDocumentElement(), "configuration")) {
                for (Element parameter : children(configuration)) {
                    Matcher m = Pattern.compile("\\$\\{(agent\\.[A-Za-z.]+)}").matcher(parameter.getTextContent().trim());
                    if (m.matches()) {
                        String earlier = properties.put(parameter.getTagName(), m.group(1));
                        assertThat(earlier).as("property of " + parameter.getTagName()).isIn(null, m.group(1));
                    }
                }
            }
        }
        assertThat(properties).containsEntry("suite", "agent.suite").containsEntry("engineWait", "agent.engineWait");
        return properties;
    }

    /** The messages for {@code pom}'s agent-maven-plugin configurations that set a parameter backed by a property. */
    static List<String> shadowing(Path pom, Map<String, String> properties) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        List<String> found = new ArrayList<>();
        for (Element plugin : elements(doc.getDocumentElement(), "plugin")) {
            if (!isAgentPlugin(plugin)) {
                continue;
            }
            List<Element> configurations = new ArrayList<>();
            configurations.addAll(children(plugin, "configuration"));
            for (Element executions : children(plugin, "executions")) {
                for (Element execution : children(executions, "execution")) {
                    configurations.addAll(children(execution, "configuration"));
                }
            }
            for (Element configuration : configurations) {
                for (Element parameter : children(configuration)) {
                    String property = properties.get(parameter.getTagName());
                    if (property != null && !parameter.getTextContent().trim().equals("${" + property + "}")) {
                        found.add(pom + ": <" + parameter.getTagName() + "> in the configuration of agent-maven-plugin hides -D" + property
                                + "; set <" + property + "> in <properties> instead");
                    }
                }
            }
        }
        return found;
    }

    private static boolean isAgentPlugin(Element plugin) {
        return children(plugin, "artifactId").stream().map(a -> a.getTextContent().trim())
                .anyMatch(id -> id.equals("agent-maven-plugin") || id.equals("@project.artifactId@"));
    }

    private static List<Path> documentation() throws IOException {
        try (Stream<Path> files = walk()) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".md") || (name.endsWith(".yml") && p.startsWith(ROOT.resolve("docs")));
            }).toList();
        }
    }

    private static Stream<Path> walk() throws IOException {
        List<Path> files = new ArrayList<>();
        walk(ROOT, files);
        return files.stream();
    }

    private static void walk(Path dir, List<Path> into) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.sorted().toList()) {
                if (Files.isDirectory(entry)) {
                    if (!SKIPPED_FOLDERS.contains(entry.getFileName().toString())) {
                        walk(entry, into);
                    }
                } else {
                    into.add(entry);
                }
            }
        }
    }

    private static List<Element> elements(Element root, String name) {
        List<Element> all = new ArrayList<>();
        var list = root.getElementsByTagName(name);
        for (int i = 0; i < list.getLength(); i++) {
            all.add((Element) list.item(i));
        }
        return all;
    }

    private static List<Element> children(Element parent) {
        List<Element> all = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                all.add(e);
            }
        }
        return all;
    }

    private static List<Element> children(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).toList();
    }
}
