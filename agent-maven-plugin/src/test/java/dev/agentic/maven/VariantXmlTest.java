package dev.agentic.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentic.agent.Settings;
import dev.agentic.lineage.Lineage;
import dev.agentic.lineage.ResolvedVariant;
import dev.agentic.lineage.Variant;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.InputSource;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3ReaderEx;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code <variant>} as written in a pom: its settings, and bad values reported with the profile and the element. */
class VariantXmlTest {

    private static final String SOURCE = "profile exp-02-x of experiments/pom.xml";

    @TempDir
    Path dir;

    static Xpp3Dom dom(String xml) throws Exception {
        return Xpp3DomBuilder.build(new StringReader(xml));
    }

    @Test
    void readsSettingsWithLimitsInKebabCase() throws Exception {
        Variant v = VariantXml.parse(dom("<variant><id>exp-02-x</id><parent>exp-02</parent><memory>window:10</memory>"
                + "<limits><maxSteps>30</maxSteps><wallTime>5m</wallTime></limits><toolTimeout>90s</toolTimeout><tools>bash</tools></variant>"),
                SOURCE);
        assertThat(v.id()).isEqualTo("exp-02-x");
        assertThat(v.parent()).isEqualTo("exp-02");
        assertThat(v.settings()).containsExactly(Map.entry("memory", "window:10"), Map.entry("max-steps", "30"),
                Map.entry("wall-time", "300s"), Map.entry("tool-timeout", "90s"), Map.entry("tools", "bash,submit"));
    }

    @Test
    void everySettingHasItsElement() throws Exception {
        StringBuilder xml = new StringBuilder("<variant><id>all</id>");
        Map<String, String> values = Map.ofEntries(Map.entry("model", "openai:gpt-4o-mini"), Map.entry("prompt", "verify-first"),
                Map.entry("planning", "plan-first"), Map.entry("memory", "window:3"), Map.entry("tools", "bash,submit"),
                Map.entry("tool-timeout", "60s"), Map.entry("max-observation", "5000"), Map.entry("max-format-errors", "2"),
                Map.entry("diagnosis", "off"), Map.entry("max-steps", "20"), Map.entry("max-tokens", "1000"), Map.entry("max-cost", "0.5"),
                Map.entry("wall-time", "600s"), Map.entry("temperature", "0.2"), Map.entry("seed", "7"), Map.entry("prompt-cache", "off"));
        Settings.ALL.forEach(s -> xml.append('<').append(s.element()).append('>').append(values.get(s.key())).append("</").append(s.element()).append('>'));
        Variant v = VariantXml.parse(dom(xml.append("</variant>").toString()), SOURCE);
        assertThat(v.settings()).containsExactlyInAnyOrderEntriesOf(values);
        assertThat(VariantXml.elements()).startsWith("id", "parent", "hypothesis", "why", "documentationOnly", "limits", "model")
                .contains("maxSteps", "promptCache");
    }

    @Test
    void aBadMemoryPolicyNamesTheProfileAndTheElement() {
        assertThatThrownBy(() -> VariantXml.parse(dom("<variant><id>exp-02-x</id><memory>window:abc</memory></variant>"), SOURCE))
                .hasMessage(SOURCE + ": <memory>window:abc</memory>: 'abc' is not a whole number; expected full, window:<observations>,"
                        + " token-budget:<tokens> or summarize:<tokens>");
    }

    @Test
    void aBadLimitNamesTheProfileAndTheElementAsWritten() {
        assertThatThrownBy(() -> VariantXml.parse(dom("<variant><id>exp-02-x</id><limits><maxSteps>many</maxSteps></limits></variant>"),
                SOURCE)).hasMessage(SOURCE + ": <maxSteps>many</maxSteps>: expected a whole number of at least 1, got 'many'");
        assertThatThrownBy(() -> VariantXml.parse(dom("<variant><id>exp-02-x</id><limits><wallTime>5 minutes</wallTime></limits></variant>"),
                SOURCE)).hasMessage(SOURCE + ": <wallTime>5 minutes</wallTime>: expected a duration like 90s, 5m, 1h or PT3M");
        assertThatThrownBy(() -> VariantXml.parse(dom("<variant><id>exp-02-x</id><limits><memory>full</memory></limits></variant>"),
                SOURCE)).hasMessage(SOURCE + ": unknown element <memory> in <limits>; expected one of maxSteps, maxTokens, maxCost, wallTime");
    }

    @Test
    void anUnknownOrEmptyElementListsWhatIsExpected() {
        assertThatThrownBy(() -> VariantXml.parse(dom("<variant><id>x</id><colour>blue</colour></variant>"), SOURCE))
                .hasMessage(SOURCE + ": unknown element <colour> in <variant>; expected one of id, parent, hypothesis, why, documentationOnly,"
                        + " limits, model, prompt, planning, memory, tools, toolTimeout, maxObservation, maxFormatErrors, diagnosis, maxSteps,"
                        + " maxTokens, maxCost, wallTime, temperature, seed, promptCache");
        assertThatThrownBy(() -> VariantXml.parse(dom("<variant><id>x</id><diagnosis> </diagnosis></variant>"), SOURCE))
                .hasMessage(SOURCE + ": <diagnosis> is empty; expected off, notify");
    }

    @Test
    void aBadToolOrModelNamesTheElement() {
        assertThatThrownBy(() -> VariantXml.parse(dom("<variant><id>x</id><tools>bash,browser</tools></variant>"), SOURCE))
                .hasMessageStartingWith(SOURCE + ": <tools>bash,browser</tools>: unknown tool 'browser'");
        assertThatThrownBy(() -> VariantXml.parse(dom("<variant><id>x</id><model>gpt-4o</model></variant>"), SOURCE))
                .hasMessageStartingWith(SOURCE + ": <model>gpt-4o</model>: expected <provider>:<name>");
    }

    @Test
    void aBadValueInAPomReadByMavenNamesItsLineAndColumn() throws Exception {
        Path pom = Files.writeString(dir.resolve("pom.xml"), """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>g</groupId><artifactId>a</artifactId><version>1</version>
                  <profiles>
                    <profile>
                      <id>exp-02-x</id>
                      <build><plugins><plugin>
                        <groupId>dev.agentic</groupId><artifactId>agent-maven-plugin</artifactId>
                        <configuration>
                          <variant>
                            <id>exp-02-x</id>
                            <memory>window:abc</memory>
                          </variant>
                        </configuration>
                      </plugin></plugins></build>
                    </profile>
                  </profiles>
                </project>
                """);
        MavenProject project = project(pom);
        assertThatThrownBy(() -> Variants.declaredIn(project)).hasMessage("profile exp-02-x of " + pom + ":12:21: <memory>window:abc</memory>:"
                + " 'abc' is not a whole number; expected full, window:<observations>, token-budget:<tokens> or summarize:<tokens>");

        Xpp3Dom asTheMojoSeesIt = new Xpp3Dom(project.getModel().getProfiles().get(0).getBuild().getPlugins().get(0).getConfiguration()
                instanceof Xpp3Dom configuration ? configuration.getChild("variant") : null);
        asTheMojoSeesIt.setInputLocation(null);
        assertThat(VariantXml.at("here", asTheMojoSeesIt)).isEqualTo("here");
        assertThat(VariantXml.at("here", Variants.located(project, asTheMojoSeesIt))).isEqualTo("here:10:20");
    }

    @Test
    void aResolvedVariantIsTheLineagesEffectiveSettingsWithTheRunsModel() throws Exception {
        Variant base = VariantXml.parse(dom("<variant><id>base</id><memory>full</memory><limits><maxSteps>30</maxSteps></limits></variant>"),
                "profile base of pom.xml");
        Variant child = VariantXml.parse(dom("<variant><id>child</id><parent>base</parent><memory>window:5</memory></variant>"),
                "profile child of pom.xml");
        Lineage lineage = Variants.lineage(List.of(base, child));
        ResolvedVariant resolved = ResolvedVariant.of(lineage, "child", Map.of("model", "scripted:/clone/experiments/scripts"));
        Path file = dir.resolve("target/agent/child.resolved.json");
        resolved.write(file);
        assertThat(ResolvedVariant.read(file).settings()).containsExactly(Map.entry("memory", "window:5"), Map.entry("max-steps", "30"),
                Map.entry("model", "scripted:/clone/experiments/scripts"));
        assertThat(ResolvedVariant.read(file).parent()).isEqualTo("base");
    }

    @Test
    void aCycleNamesTheProfileAndItsParent() {
        Variant a = new Variant("a", "b", "", Map.of(), null, "profile a of pom.xml");
        Variant b = new Variant("b", "a", "", Map.of(), null, "profile b of pom.xml");
        assertThatThrownBy(() -> Variants.lineage(List.of(a, b)))
                .hasMessage("profile a of pom.xml: <parent>b</parent>: variant 'a' has a cycle in its ancestry: a -> b -> a");
    }

    /** The project of {@code pom} as Maven reads it when it records where each element is (as it does when it builds a project). */
    private static MavenProject project(Path pom) throws Exception {
        InputSource source = new InputSource();
        source.setLocation(pom.toString());
        Model model;
        try (var in = Files.newInputStream(pom)) {
            model = new MavenXpp3ReaderEx().read(in, true, source);
        }
        MavenProject project = new MavenProject(model);
        project.setFile(pom.toFile());
        return project;
    }
}
