package dev.agentic.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentic.sandbox.DockerSandbox;
import dev.agentic.sandbox.ExecResult;
import dev.agentic.sandbox.SandboxSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tools where what they do depends on a real shell and file system: symbolic links, and
 * searches with {@code find} and {@code grep}. Everything else the tools do is in {@link ToolsTest}.
 */
class ToolsInContainerTest {

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

    static JsonNode editor(String command, String path, String... fields) {
        ObjectNode arguments = JSON.createObjectNode().put("command", command).put("path", path);
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equals("insert_line")) {
                arguments.put(fields[i], Integer.parseInt(fields[i + 1]));
            } else {
                arguments.put(fields[i], fields[i + 1]);
            }
        }
        return arguments;
    }

    static String sh(String command) {
        ExecResult result = sandbox.exec(command, Duration.ofSeconds(10));
        assertThat(result.exitCode()).as(command + ": " + result.stderr()).isZero();
        return result.stdout();
    }

    /** What {@code path} is: {@code link -> target} for a symbolic link, else {@code file}. */
    static String kind(String path) {
        return sh("if [ -L " + path + " ]; then echo \"link -> $(readlink " + path + ")\"; elif [ -f " + path
                + " ]; then echo file; else echo none; fi").strip();
    }

    @Test
    void editsThroughASymbolicLinkChangeItsTargetAndKeepTheLink() throws Exception {
        sh("mkdir -p /app/links/real && printf 'a = 1\\nb = 2\\n' > /app/links/real/config.py && chmod 750 /app/links/real/config.py"
                + " && ln -s real/config.py /app/links/config.py && ln -s /app/links/config.py /app/links/chain.py");
        EditorTool editor = new EditorTool();

        ToolResult viewed = editor.run(editor("view", "/app/links/config.py"), context);
        assertThat(viewed.text()).isEqualTo("     1\ta = 1\n     2\tb = 2\n");

        ToolResult replaced = editor.run(editor("str_replace", "/app/links/config.py", "old_str", "b = 2", "new_str", "b = 20"), context);
        assertThat(replaced.error()).as(replaced.text()).isFalse();
        assertThat(kind("/app/links/config.py")).isEqualTo("link -> real/config.py");
        assertThat(sh("cat /app/links/real/config.py")).isEqualTo("a = 1\nb = 20\n");
        assertThat(sh("stat -c %a /app/links/real/config.py").strip()).as("the target keeps its mode").isEqualTo("750");

        editor.run(editor("insert", "/app/links/chain.py", "insert_line", "0", "new_str", "# header"), context);
        assertThat(kind("/app/links/chain.py")).isEqualTo("link -> /app/links/config.py");
        assertThat(kind("/app/links/config.py")).isEqualTo("link -> real/config.py");
        assertThat(sh("cat /app/links/real/config.py")).isEqualTo("# header\na = 1\nb = 20\n");

        editor.run(editor("undo_edit", "/app/links/chain.py"), context);
        editor.run(editor("undo_edit", "/app/links/config.py"), context);
        assertThat(kind("/app/links/config.py")).isEqualTo("link -> real/config.py");
        assertThat(kind("/app/links/chain.py")).isEqualTo("link -> /app/links/config.py");
        assertThat(sh("cat /app/links/real/config.py")).isEqualTo("a = 1\nb = 2\n");
    }

    @Test
    void createThroughADanglingLinkCreatesItsTargetAndUndoRemovesOnlyTheTarget() throws Exception {
        sh("mkdir -p /app/dangling && ln -s missing/settings.toml /app/dangling/settings.toml");
        EditorTool editor = new EditorTool();

        ToolResult created = editor.run(editor("create", "/app/dangling/settings.toml", "file_text", "name = \"x\"\n"), context);
        assertThat(created.text()).isEqualTo("File created at /app/dangling/settings.toml (a link to"
                + " /app/dangling/missing/settings.toml, 1 line).");
        assertThat(kind("/app/dangling/settings.toml")).isEqualTo("link -> missing/settings.toml");
        assertThat(kind("/app/dangling/missing/settings.toml")).isEqualTo("file");
        assertThat(sh("cat /app/dangling/settings.toml")).isEqualTo("name = \"x\"\n");

        assertThat(editor.run(editor("create", "/app/dangling/settings.toml", "file_text", "y"), context).text())
                .startsWith("File already exists");

        editor.run(editor("undo_edit", "/app/dangling/settings.toml"), context);
        assertThat(kind("/app/dangling/missing/settings.toml")).isEqualTo("none");
        assertThat(kind("/app/dangling/settings.toml")).isEqualTo("link -> missing/settings.toml");
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
