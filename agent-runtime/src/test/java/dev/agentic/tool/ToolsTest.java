package dev.agentic.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentic.sandbox.DockerSandbox;
import dev.agentic.sandbox.SandboxSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tools against a real container. */
class ToolsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static DockerSandbox sandbox;
    static ToolContext context;

    @BeforeAll
    static void start() {
        sandbox = DockerSandbox.start(SandboxSpec.of(System.getProperty("agentic.baseImage", SandboxSpec.BASE_IMAGE)));
        context = new ToolContext(sandbox, ToolPolicy.DEFAULT.withMaxObservationChars(400), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

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
        assertThat(sandbox.exec("test -e " + file, Duration.ofSeconds(5)).exitCode()).isEqualTo(1);
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

    @Test
    void searchFindsFilesAndLinesButNotInsideGit() throws Exception {
        sandbox.exec("mkdir -p /app/s/pkg /app/s/.git && echo 'def needle(): pass' > /app/s/pkg/mod.py && echo needle > /app/s/.git/x.py",
                Duration.ofSeconds(5));
        SearchTool search = new SearchTool();
        assertThat(search.run(args("{\"command\":\"find_files\",\"pattern\":\"*.py\",\"path\":\"/app/s\"}"), context).text())
                .isEqualTo("/app/s/pkg/mod.py");
        assertThat(search.run(args("{\"command\":\"grep\",\"pattern\":\"def need(le|ful)\",\"path\":\"/app/s\"}"), context).text())
                .isEqualTo("/app/s/pkg/mod.py:1:def needle(): pass");
        assertThat(search.run(args("{\"command\":\"grep\",\"pattern\":\"absent\",\"path\":\"/app/s\"}"), context).text())
                .startsWith("no matches");
    }
}
