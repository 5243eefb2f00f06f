package dev.agentic.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentic.document.DocumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file in which the Maven goal hands a resolved variant to the bench's JVM: written, read back, refused when broken. */
class ResolvedVariantTest {

    @TempDir
    Path dir;

    static Variant v(String id, String parent, Map<String, String> settings) {
        return new Variant(id, parent, "hypothesis of " + id, settings, null, "profile " + id + " of pom.xml");
    }

    @Test
    void aVariantIsResolvedThroughItsAncestryAndReadBackAsWritten() {
        Lineage lineage = Lineage.of(List.of(v("base", null, Map.of("memory", "full", "max-steps", "30", "tools", "bash,editor,search")),
                v("child", "base", Map.of("memory", "window:10"))));
        ResolvedVariant resolved = ResolvedVariant.of(lineage, "child", Map.of("model", "scripted:/clone/experiments/scripts"));

        assertThat(resolved.variant()).isEqualTo("child");
        assertThat(resolved.parent()).isEqualTo("base");
        assertThat(resolved.hypothesis()).isEqualTo("hypothesis of child");
        assertThat(resolved.source()).isEqualTo("profile child of pom.xml");
        assertThat(resolved.settings()).containsEntry("memory", "window:10").containsEntry("max-steps", "30")
                .containsEntry("tools", "bash,editor,search,submit").containsEntry("model", "scripted:/clone/experiments/scripts")
                .hasSize(4);

        Path file = dir.resolve("target/agent/child.resolved.json");
        resolved.write(file);
        assertThat(ResolvedVariant.read(file)).isEqualTo(resolved);
        assertThat(file.getParent()).isDirectoryNotContaining("glob:**.tmp");

        ResolvedVariant root = ResolvedVariant.of(lineage, "base", Map.of());
        root.write(file);
        assertThat(ResolvedVariant.read(file)).isEqualTo(root).extracting(ResolvedVariant::parent).isNull();
    }

    @Test
    void settingsLeftOutKeepTheirDefaultsAndAreNotWritten() throws Exception {
        Path file = dir.resolve("v.json");
        new ResolvedVariant("v", null, null, Map.of("model", "openai:gpt-4o-mini"), "test").write(file);
        assertThat(Files.readString(file)).contains("\"model\" : \"openai:gpt-4o-mini\"").doesNotContain("wall-time");
        assertThat(ResolvedVariant.read(file).hypothesis()).isEmpty();
    }

    @Test
    void aBrokenFileIsRefusedWithItsLineAndColumn() throws Exception {
        assertRefused("{\"schema\": 1, \"variant\": \"v\", \"settings\": {\n  \"memory\": \"window:ten\"}}",
                ":2:13: setting memory='window:ten': 'ten' is not a whole number; expected full, window:<observations>,");
        assertRefused("{\"schema\": 1, \"variant\": \"v\", \"settings\": {\n  \"colour\": \"blue\"}}",
                ":2:13: unknown setting 'colour'; expected one of model, prompt, planning, memory,");
        assertRefused("{\"schema\": 1, \"variant\": \"v\", \"settings\": {\"max-steps\": 30}}",
                ":1:57: setting 'max-steps': expected a string, found a number");
        assertRefused("{\"schema\": 2, \"variant\": \"v\", \"settings\": {}}",
                ":1:12: field 'schema': '2', this version reads 1; write the file again with this version");
        assertRefused("{\"schema\": 1, \"variant\": \"v\", \"setings\": {}}",
                ":1:42: field 'setings': unknown field; expected one of schema, variant, parent, hypothesis, source, settings");
        assertRefused("{\"schema\": 1, \"variant\": \"a/b\", \"settings\": {}}",
                ":1:26: field 'variant': 'a/b' is no variant id; expected letters, digits, '.', '_' or '-'");
        assertRefused("[]", ":1:1: expected a resolved variant (an object with schema, variant, parent, hypothesis, source, settings), found a list");
    }

    private void assertRefused(String json, String expected) throws Exception {
        Path file = Files.writeString(dir.resolve("resolved.json"), json);
        assertThatThrownBy(() -> ResolvedVariant.read(file)).isInstanceOf(DocumentException.class).hasMessageStartingWith(file + expected);
    }
}
