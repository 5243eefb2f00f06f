package dev.agentic.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.testing.MemorySandbox;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What the tools make of their arguments and of what the sandbox answers, in a {@link MemorySandbox}:
 * the bash tool's observation, the editor's commands and messages, argument errors. Where a real
 * shell matters (symbolic links, find and grep) see {@link ToolsInContainerTest}.
 */
class ToolsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    final MemorySandbox sandbox = new MemorySandbox(SandboxSpec.of(SandboxSpec.BASE_IMAGE), (command, in) -> switch (command) {
        case "echo out; echo err >&2; exit 2" -> MemorySandbox.exit(2, "out\n", "err\n");
        case "seq 1 1000" -> MemorySandbox.ok(IntStream.rangeClosed(1, 1000).mapToObj(i -> i + "\n").collect(Collectors.joining()));
        default -> null;
    });
    final ToolContext context = new ToolContext(sandbox, ToolPolicy.DEFAULT.withMaxObservationChars(400), Duration.ofSeconds(10));

    static JsonNode args(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void bashReportsExitCodeAndStderrAndCutsLongOutputForTheModel() throws Exception {
        ToolResult failed = new BashTool().run(args("{\"command\":\"echo out; echo err >&2; exit 2\"}"), context);
        assertThat(failed.text()).isEqualTo("[exit code 2]\nout\n[stderr]\nerr\n");
        assertThat(failed.error()).isTrue();
        assertThat(failed.exitCode()).isEqualTo(2);

        ToolResult longOutput = new BashTool().run(args("{\"command\":\"seq 1 1000\"}"), context);
        assertThat(longOutput.truncated()).isTrue();
        assertThat(longOutput.text()).startsWith("[exit code 0]\n1\n2\n").endsWith("999\n1000\n").contains("characters omitted");
        assertThat(longOutput.text().length()).isLessThan(500);
    }

    @Test
    void editorCreatesViewsReplacesInsertsAndUndoes() throws Exception {
        EditorTool editor = new EditorTool();
        String file = "/app/editor/demo.py";
        assertThat(editor.run(args("{\"command\":\"create\",\"path\":\"" + file + "\",\"file_text\":\"a = 1\\nb = 2\\nc = 3\\n\"}"), context).error()).isFalse();
        assertThat(editor.run(args("{\"command\":\"create\",\"path\":\"" + file + "\",\"file_text\":\"x\"}"), context).text())
                .startsWith("File already exists");

        assertThat(editor.run(args("{\"command\":\"view\",\"path\":\"" + file + "\",\"view_range\":[2,-1]}"), context).text())
                .isEqualTo("     2\tb = 2\n     3\tc = 3\n");
        assertThat(editor.run(args("{\"command\":\"view\",\"path\":\"" + file + "\",\"view_range\":[3,9]}"), context).text())
                .startsWith("Invalid view_range");

        ToolResult replaced = editor.run(args("{\"command\":\"str_replace\",\"path\":\"" + file + "\",\"old_str\":\"b = 2\",\"new_str\":\"b = 20\"}"), context);
        assertThat(replaced.text()).contains("     2\tb = 20");
        assertThat(editor.run(args("{\"command\":\"str_replace\",\"path\":\"" + file + "\",\"old_str\":\" = \",\"new_str\":\"=\"}"), context).text())
                .startsWith("No replacement was made: old_str occurs 3 times").contains("lines [1, 2, 3]");
        assertThat(editor.run(args("{\"command\":\"str_replace\",\"path\":\"" + file + "\",\"old_str\":\"zzz\",\"new_str\":\"\"}"), context).text())
                .startsWith("No replacement was made: old_str does not occur verbatim");

        editor.run(args("{\"command\":\"insert\",\"path\":\"" + file + "\",\"insert_line\":0,\"new_str\":\"# header\"}"), context);
        assertThat(sandbox.readText(file)).isEqualTo("# header\na = 1\nb = 20\nc = 3\n");

        editor.run(args("{\"command\":\"undo_edit\",\"path\":\"" + file + "\"}"), context);
        assertThat(sandbox.readText(file)).isEqualTo("a = 1\nb = 20\nc = 3\n");
        editor.run(args("{\"command\":\"undo_edit\",\"path\":\"" + file + "\"}"), context);
        assertThat(sandbox.readText(file)).isEqualTo("a = 1\nb = 2\nc = 3\n");
        editor.run(args("{\"command\":\"undo_edit\",\"path\":\"" + file + "\"}"), context);
        assertThat(sandbox.exists(file)).isFalse();
        assertThat(editor.run(args("{\"command\":\"undo_edit\",\"path\":\"" + file + "\"}"), context).text()).startsWith("No edit");
    }

    @Test
    void editorArgumentErrorsAreFormatErrors() {
        EditorTool editor = new EditorTool();
        assertThatThrownBy(() -> editor.run(args("{\"command\":\"view\"}"), context))
                .isInstanceOf(ToolArgumentException.class).hasMessage("editor: missing required argument 'path'");
        assertThatThrownBy(() -> editor.run(args("{\"command\":\"rename\",\"path\":\"x\"}"), context))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("unknown command 'rename'");
        assertThatThrownBy(() -> editor.run(args("{\"command\":\"insert\",\"path\":\"x\",\"insert_line\":\"two\",\"new_str\":\"y\"}"), context))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("must be an integer");
    }
}
