package dev.agentic.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineageTest {

    static Variant v(String id, String parent, Map<String, String> settings, String why) {
        return new Variant(id, parent, "", settings, why, "pom.xml profile " + id);
    }

    @Test
    void childrenInheritAndOverride() {
        Lineage lineage = Lineage.of(List.of(v("a", null, Map.of("memory", "full", "max-steps", "30"), null),
                v("b", "a", Map.of("memory", "window:10"), null), v("c", "b", Map.of("planning", "plan-first"), null)));
        assertThat(lineage.effectiveSettings("c")).containsEntry("memory", "window:10").containsEntry("max-steps", "30")
                .containsEntry("planning", "plan-first");
        assertThat(lineage.ancestry("c")).extracting(Variant::id).containsExactly("a", "b", "c");
        assertThat(lineage.children("a")).extracting(Variant::id).containsExactly("b");
    }

    @Test
    void invalidLineagesAreRefusedWithTheVariantAndTheReason() {
        assertThatThrownBy(() -> Lineage.of(List.of(v("b", "nope", Map.of(), null))))
                .hasMessageContaining("variant 'b' names parent 'nope', which is not declared");
        assertThatThrownBy(() -> Lineage.of(List.of(v("a", "b", Map.of(), null), v("b", "a", Map.of(), null))))
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> Lineage.of(List.of(v("a", null, Map.of(), null), v("a", null, Map.of(), null))))
                .hasMessageContaining("variant 'a' is declared twice");
        assertThatThrownBy(() -> Lineage.of(List.of(v("a", null, Map.of("memory", "full"), null),
                v("b", "a", Map.of("memory", "window:5", "planning", "plan-first"), null))))
                .hasMessageContaining("variant 'b' changes 2 dimensions of its parent 'a' (memory, planning)")
                .hasMessageContaining("<why>");
    }

    @Test
    void settingsAreComparedAsTheRegistryReadsThemDefaultsIncluded() {
        Lineage lineage = Lineage.of(List.of(v("a", null, Map.of("wall-time", "300s", "tools", "bash,editor,search,submit"), null),
                v("b", "a", Map.of("wall-time", "5m", "memory", "full", "tools", "bash,editor,search"), null),
                v("c", "a", Map.of("tool-timeout", "2m", "max-observation", "20000"), null)));
        assertThat(lineage.get("b").settings()).containsEntry("wall-time", "300s").containsEntry("tools", "bash,editor,search,submit");
        assertThat(lineage.changedDimensions("b")).as("the same wall time, the default memory, the same tools").isEmpty();
        assertThat(lineage.changedDimensions("c")).as("tool-timeout 2m is the default; max-observation is tool policy")
                .containsExactly("tool policy");
    }

    @Test
    void aVariantWithAnUnknownOrBadSettingIsRefusedNamingWhereItIsDeclared() {
        assertThatThrownBy(() -> v("a", null, Map.of("colour", "blue"), null))
                .hasMessageStartingWith("pom.xml profile a: variant 'a': unknown setting 'colour'; expected one of model, prompt,");
        assertThatThrownBy(() -> v("a", null, Map.of("max-steps", "0"), null))
                .hasMessage("pom.xml profile a: variant 'a': setting max-steps='0': expected a whole number of at least 1, got '0'");
    }

    @Test
    void limitsCountAsOneDimensionAndAReasonAllowsMore() {
        Lineage limits = Lineage.of(List.of(v("a", null, Map.of(), null), v("b", "a", Map.of("max-steps", "10", "wall-time", "5m"), null)));
        assertThat(limits.changedDimensions("b")).containsExactly("limits");
        Lineage explained = Lineage.of(List.of(v("a", null, Map.of(), null),
                v("b", "a", Map.of("memory", "window:5", "planning", "plan-first"), "the window needs the pinned plan")));
        assertThat(explained.changedDimensions("b")).containsExactly("memory", "planning");
    }
}
