package dev.agentic.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The table of settings in docs/agent.md is the registry's: a setting added, removed or changed without the docs fails here. */
class SettingsDocumentationTest {

    private static final Path DOC = Path.of("..").toAbsolutePath().normalize().resolve("docs/agent.md");
    private static final String BEGIN = "<!-- settings table: begin (generated from dev.agentic.agent.Settings.table()) -->\n";
    private static final String END = "<!-- settings table: end -->";

    @Test
    void theDocumentedTableIsTheRegistrysTable() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        assertThat(doc).as(DOC + " marks its table of settings").contains(BEGIN).contains(END);
        String documented = doc.substring(doc.indexOf(BEGIN) + BEGIN.length(), doc.indexOf(END));
        assertThat(documented).as("the table between the markers of " + DOC + "; replace it with:\n" + Settings.table())
                .isEqualTo(Settings.table());
    }

    @Test
    void theTableHasOneRowPerSettingNamingItsKeyElementAndDimension() {
        String[] rows = Settings.table().split("\n");
        assertThat(rows).hasSize(Settings.ALL.size() + 2);
        for (int i = 0; i < Settings.ALL.size(); i++) {
            Setting<?> setting = Settings.ALL.get(i);
            assertThat(rows[i + 2]).startsWith("| `" + setting.key() + "` | `<" + setting.element() + ">` | " + setting.dimension().label() + " | ");
            assertThat(rows[i + 2].chars().filter(c -> c == '|').count()).as("cells of " + setting.key()).isEqualTo(7);
        }
    }
}
