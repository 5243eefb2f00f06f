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
    void limitsCountAsOneDimensionAndAReasonAllowsMore() {
        Lineage limits = Lineage.of(List.of(v("a", null, Map.of(), null), v("b", "a", Map.of("max-steps", "10", "wall-time", "5m"), null)));
        assertThat(limits.changedDimensions("b")).containsExactly("limits");
        Lineage explained = Lineage.of(List.of(v("a", null, Map.of(), null),
                v("b", "a", Map.of("memory", "window:5", "planning", "plan-first"), "the window needs the pinned plan")));
        assertThat(explained.changedDimensions("b")).containsExactly("memory", "planning");
    }
}
