package dev.agentic.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentic.lineage.Variant;
import java.io.StringReader;
import java.util.List;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** A {@code <variant>} as written in a pom: its settings, and bad values reported with the profile and the element. */
class VariantXmlTest {

    private static final String SOURCE = "profile exp-02-x of experiments/pom.xml";

    static Xpp3Dom dom(String xml) throws Exception {
        return Xpp3DomBuilder.build(new StringReader(xml));
    }

    @Test
    void readsSettingsWithLimitsInKebabCase() throws Exception {
        Variant v = VariantXml.parse(dom("<variant><id>exp-02-x</id><parent>exp-02</parent><memory>window:10</memory>"
                + "<limits><maxSteps>30</maxSteps><wallTime>5m</wallTime></limits></variant>"), SOURCE);
        assertThat(v.id()).isEqualTo("exp-02-x");
        assertThat(v.parent()).isEqualTo("exp-02");
        assertThat(v.settings()).containsExactly(java.util.Map.entry("memory", "window:10"), java.util.Map.entry("max-steps", "30"),
                java.util.Map.entry("wall-time", "5m"));
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
                SOURCE)).hasMessage(SOURCE + ", <limits>: <maxSteps>many</maxSteps>: not a number");
        assertThatThrownBy(() -> VariantXml.parse(dom("<variant><id>exp-02-x</id><limits><wallTime>5 minutes</wallTime></limits></variant>"),
                SOURCE)).hasMessage(SOURCE + ", <limits>: <wallTime>5 minutes</wallTime>: expected a duration like 90s, 5m, 1h or PT3M");
    }

    @Test
    void aBadToolOrModelNamesTheElement() {
        assertThatThrownBy(() -> VariantXml.parse(dom("<variant><id>x</id><tools>bash,browser</tools></variant>"), SOURCE))
                .hasMessageStartingWith(SOURCE + ": <tools>bash,browser</tools>: unknown tool 'browser'");
        assertThatThrownBy(() -> VariantXml.parse(dom("<variant><id>x</id><model>gpt-4o</model></variant>"), SOURCE))
                .hasMessageStartingWith(SOURCE + ": <model>gpt-4o</model>: expected <provider>:<name>");
    }

    @Test
    void aCycleNamesTheProfileAndItsParent() {
        Variant a = new Variant("a", "b", "", java.util.Map.of(), null, "profile a of pom.xml");
        Variant b = new Variant("b", "a", "", java.util.Map.of(), null, "profile b of pom.xml");
        assertThatThrownBy(() -> Variants.lineage(List.of(a, b)))
                .hasMessage("profile a of pom.xml: <parent>b</parent>: variant 'a' has a cycle in its ancestry: a -> b -> a");
    }
}
