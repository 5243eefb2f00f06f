package dev.agentic.task;

import dev.agentic.suite.Suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loaders on valid fixtures in the published formats, and one broken fixture per error message. */
class TaskLoadingTest {

    static final Path FIXTURES = Path.of("src/test/resources/tasks");
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void terminalBenchFolderWithEveryField() {
        TerminalBenchTask task = TerminalBenchTask.load(REPO.resolve("experiments/tasks/hello-world"));
        assertThat(task.id()).isEqualTo("tb/hello-world");
        assertThat(task.instruction()).startsWith("Create a file called /app/greeting.txt");
        assertThat(task.difficulty()).isEqualTo(Difficulty.EASY);
        assertThat(task.category()).isEqualTo("file-operations");
        assertThat(task.tags()).containsExactly("file-operations", "shell");
        assertThat(task.agentTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(task.testTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(task.environment()).isInstanceOf(TaskEnvironment.Built.class);
    }

    @Test
    void terminalBenchDefaults() throws Exception {
        Path task = Files.createDirectories(dir.resolve("minimal"));
        Files.writeString(task.resolve("task.yaml"), "instruction: do the thing\n");
        TerminalBenchTask loaded = TerminalBenchTask.load(task);
        assertThat(loaded.difficulty()).isEqualTo(Difficulty.UNKNOWN);
        assertThat(loaded.category()).isEqualTo("software_engineering");
        assertThat(loaded.authorName()).isEqualTo("unknown");
        assertThat(loaded.parserName()).isEqualTo("pytest");
        assertThat(loaded.agentTimeout()).isEqualTo(Duration.ofSeconds(360));
        assertThat(loaded.testTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(loaded.runTestsInSameShell()).isFalse();
        assertThat(loaded.environment()).isEqualTo(new TaskEnvironment.Prebuilt("agentic/base:bookworm"));
    }

    @Test
    void terminalBenchComposeFileNamesTheBuild() {
        TerminalBenchTask task = TerminalBenchTask.load(FIXTURES.resolve("tb-compose"));
        TaskEnvironment.Built built = (TaskEnvironment.Built) task.environment();
        assertThat(built.dockerfile()).isEqualTo(FIXTURES.resolve("tb-compose/Dockerfile").normalize());
        assertThat(built.excluded()).contains("tests", "solution.sh", "run-tests.sh");
    }

    @Test
    void composeVariablesAreThoseTheHarnessSets() throws Exception {
        Path task = copyOf(FIXTURES.resolve("tb-compose"), "compose-vars");
        Files.writeString(task.resolve("docker-compose.yaml"), """
                services:
                  client:
                    build:
                      dockerfile: ${DOCKERFILE:-Dockerfile}
                    image: ${T_BENCH_TASK_DOCKER_CLIENT_IMAGE_NAME}
                    container_name: ${T_BENCH_TASK_DOCKER_CLIENT_CONTAINER_NAME}
                    command: ["sh", "-c", "sleep infinity"]
                    environment:
                      - TEST_DIR=${T_BENCH_TEST_DIR}
                      - LOGS=${T_BENCH_CONTAINER_LOGS_PATH}
                    volumes:
                      - ${T_BENCH_TASK_LOGS_PATH}:${T_BENCH_CONTAINER_LOGS_PATH}
                """);
        TerminalBenchTask loaded = TerminalBenchTask.load(task);
        assertThat(((TaskEnvironment.Built) loaded.environment()).dockerfile()).isEqualTo(task.resolve("Dockerfile").normalize());
        assertThat(loaded.containerEnv()).containsEntry("TEST_DIR", "/tests").containsEntry("LOGS", "/logs");
        assertThat(loaded.sandboxSpec("img", "/app").env()).containsEntry("TEST_DIR", "/tests");
        assertThat(ComposeFile.substitute("${T_BENCH_TASK_DOCKER_CLIENT_IMAGE_NAME}", ComposeFile.variables("fix.git")))
                .isEqualTo("tb__fix-git__client");
    }

    @Test
    void harborFolder() {
        HarborTask task = HarborTask.load(FIXTURES.resolve("harbor-count-lines"));
        assertThat(task.id()).as("[task].name, not the folder name").isEqualTo("harbor/count-lines");
        assertThat(task.instruction()).startsWith("Count the lines");
        assertThat(task.difficulty()).isEqualTo(Difficulty.EASY);
        assertThat(task.agentTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(task.testTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(task.verifier().env()).containsEntry("EXPECTED", "3");
        assertThat(task.verifier().user()).isNull();
        assertThat(task.authors()).containsExactly("Agentic Experiments");
        assertThat(task.resources().memoryMb()).isEqualTo(1024);
        assertThat(task.limits().memoryBytes()).isEqualTo(1024L << 20);
        assertThat(task.workdir()).as("the image's WORKDIR decides").isNull();
        assertThat(task.environment()).isInstanceOf(TaskEnvironment.Built.class);
    }

    @Test
    void sweBenchInstancesAsPublished() {
        List<SweBenchTask> tasks = SweBenchTask.loadAll(Path.of("src/test/resources/swe/instances.jsonl"), null);
        SweBenchTask task = tasks.get(0);
        assertThat(task.instanceId()).isEqualTo("agentic__calc-1");
        assertThat(task.failToPass()).containsExactly("tests/test_calc.py::test_add", "tests/test_calc.py::test_mul");
        assertThat(task.passToPass()).hasSize(3);
        assertThat(task.difficulty()).isEqualTo(Difficulty.EASY);
        assertThat(task.workdir()).isEqualTo("/testbed");
        assertThat(task.environment()).isEqualTo(new TaskEnvironment.Prebuilt("swebench/sweb.eval.x86_64.agentic_1776_calc-1:latest"));
        assertThat(SweBenchTask.publishedImage("django__django-11099")).isEqualTo("swebench/sweb.eval.x86_64.django_1776_django-11099:latest");
    }

    @Test
    void brokenTerminalBenchTasksNameTheFileAndField() throws Exception {
        assertThat(brokenTb("difficulty: easy\n")).contains("task.yaml:1:1: field 'instruction' is missing or empty");
        assertThat(brokenTb("instruction: x\ndifficulty: brutal\n")).contains("task.yaml:2:13: field 'difficulty': expected easy, medium, hard or unknown, got 'brutal'");
        assertThat(brokenTb("instruction: x\nmax_agent_timeout_sec: soon\n")).contains("task.yaml:2:24: field 'max_agent_timeout_sec' must be a positive number of seconds, got 'soon'");
        assertThat(brokenTb("instruction: x\ntags: urgent\n")).contains("task.yaml:2:7: field 'tags' must be a list of strings, found a string");
        assertThat(brokenTb("instruction: [unclosed\n")).contains("task.yaml:2:1: not valid YAML: expected ',' or ']'");
        assertThat(brokenTb("instruction: x\nrun_tests_in_same_shell: maybe\n")).contains("'run_tests_in_same_shell' must be true or false");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> TerminalBenchTask.load(empty)).hasMessageContaining("task.yaml: missing");
        Path compose = Files.createDirectories(dir.resolve("compose"));
        Files.writeString(compose.resolve("task.yaml"), "instruction: x\n");
        Files.writeString(compose.resolve("docker-compose.yaml"), "services:\n  web: {image: a}\n  db: {image: b}\n");
        assertThatThrownBy(() -> TerminalBenchTask.load(compose)).hasMessageContaining("have no 'client'");
    }

    @Test
    void aTaskWhoseDockerfileIsMissingIsRefusedWhenItsImageIsNeeded() throws Exception {
        Path task = Files.createDirectories(dir.resolve("nodockerfile"));
        Files.writeString(task.resolve("task.yaml"), "instruction: x\n");
        Files.writeString(task.resolve("docker-compose.yaml"), "services:\n  client:\n    build: .\n");
        TerminalBenchTask loaded = TerminalBenchTask.load(task);
        assertThatThrownBy(() -> new TaskImages(Duration.ofMinutes(1)).imageFor(loaded))
                .hasMessageContaining("Dockerfile: missing");
    }

    @Test
    void brokenHarborTasksNameTheFileAndField() throws Exception {
        Path task = copyOf(FIXTURES.resolve("harbor-count-lines"), "harbor");
        Files.delete(task.resolve("instruction.md"));
        assertThatThrownBy(() -> HarborTask.load(task)).hasMessageContaining("instruction.md: missing or empty");

        Path timeout = copyOf(FIXTURES.resolve("harbor-count-lines"), "harbor2");
        Files.writeString(timeout.resolve("task.toml"), "[agent]\ntimeout_sec = \"long\"\n");
        assertThatThrownBy(() -> HarborTask.load(timeout)).hasMessageContaining("task.toml:2:15: field [agent].timeout_sec must be a positive number of seconds, got 'long'");

        Path noEnv = copyOf(FIXTURES.resolve("harbor-count-lines"), "harbor3");
        Files.delete(noEnv.resolve("environment/Dockerfile"));
        assertThatThrownBy(() -> HarborTask.load(noEnv)).hasMessageContaining("has no [environment].docker_image");

        Path badMemory = copyOf(FIXTURES.resolve("harbor-count-lines"), "harbor4");
        Files.writeString(badMemory.resolve("task.toml"), "[environment]\nmemory = \"lots\"\n");
        assertThatThrownBy(() -> HarborTask.load(badMemory)).hasMessageContaining("task.toml:2:10: field [environment].memory must be a size such as \"2G\"");

        Path relative = copyOf(FIXTURES.resolve("harbor-count-lines"), "harbor5");
        Files.writeString(relative.resolve("task.toml"), "[environment]\nworkdir = \"work\"\n");
        assertThatThrownBy(() -> HarborTask.load(relative)).hasMessageContaining("[environment].workdir must be an absolute path");

        Path invalid = copyOf(FIXTURES.resolve("harbor-count-lines"), "harbor6");
        Files.writeString(invalid.resolve("task.toml"), "[agent]\ntimeout_sec = 10\n[agent\n");
        assertThatThrownBy(() -> HarborTask.load(invalid)).hasMessageContaining("task.toml:3:").hasMessageContaining(": not valid TOML: ");

        Path noTest = copyOf(FIXTURES.resolve("harbor-count-lines"), "harbor7");
        Files.delete(noTest.resolve("tests/test.sh"));
        assertThat(HarborTask.load(noTest).testScript()).as("a missing test script is the task's error when graded, not a load error")
                .doesNotExist();
    }

    @Test
    void brokenSweBenchInstancesNameTheFileLineAndField() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var good = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                Files.readString(Path.of("src/test/resources/swe/instances.jsonl")).strip());
        assertThat(brokenSwe(json.writeValueAsString(good.deepCopy().without("base_commit"))))
                .contains("instances.jsonl:1:1: instance agentic__calc-1: field 'base_commit' is missing");
        assertThat(brokenSwe(json.writeValueAsString(good.deepCopy().put("base_commit", "main")))).contains("must be a git commit hash");
        assertThat(brokenSwe(json.writeValueAsString(good.deepCopy().put("FAIL_TO_PASS", "not json"))))
                .contains("field 'FAIL_TO_PASS' is not a JSON-encoded list");
        assertThat(brokenSwe(json.writeValueAsString(good.deepCopy().without("test_patch")))).contains("field 'test_patch' is missing");
        assertThat(brokenSwe("{\"repo\": \"a/b\"}")).contains("instances.jsonl:1:1: field 'instance_id' is missing");
        assertThat(brokenSwe("{not json")).contains("instances.jsonl:1:2: not valid JSON");
    }

    @Test
    void theSameNameInTwoFormatsIsTwoTasks() throws Exception {
        Path suiteDir = Files.createDirectories(dir.resolve("two"));
        TestFolders.copy(REPO.resolve("experiments/tasks/hello-world"), suiteDir.resolve("tb/hello-world"));
        TestFolders.copy(FIXTURES.resolve("harbor-count-lines"), suiteDir.resolve("harbor/hello-world"));
        Files.writeString(suiteDir.resolve("harbor/hello-world/task.toml"), "[metadata]\ndifficulty = \"easy\"\n");
        Files.writeString(suiteDir.resolve("suite.yaml"), "id: two\ntasks:\n  - tb/*\n  - harbor/*\n");
        Suite suite = Suite.load(suiteDir.resolve("suite.yaml"), "agentic/base:bookworm");
        assertThat(suite.tasks()).extracting(Task::id).containsExactly("tb/hello-world", "harbor/hello-world");
    }

    @Test
    void aRepeatedInstanceIsKeptOnceWhenIdenticalAndRefusedWhenNot() throws Exception {
        String line = Files.readAllLines(REPO.resolve("agent-runtime/src/test/resources/swe/instances.jsonl")).get(0);
        Path same = dir.resolve("same.jsonl");
        Files.writeString(same, line + "\n" + line + "\n");
        List<String> warnings = new java.util.ArrayList<>();
        assertThat(SweBenchTask.loadAll(same, null, warnings::add)).hasSize(1);
        assertThat(warnings).singleElement().asString().contains("same.jsonl:2:1 repeats instance agentic__calc-1 of")
                .contains("same.jsonl:1:1");
        Path different = dir.resolve("different.jsonl");
        Files.writeString(different, line + "\n" + line.replace("\"problem_statement\": \"", "\"problem_statement\": \"Changed. ") + "\n");
        assertThatThrownBy(() -> SweBenchTask.loadAll(different, null, warnings::add))
                .hasMessageContaining("different.jsonl:2:1: instance agentic__calc-1 appears again with different fields (first at")
                .hasMessageContaining("different.jsonl:1:1");
    }

    @Test
    void suitesHashTheirContentAndFilterByGlobs() throws Exception {
        Path suiteDir = Files.createDirectories(dir.resolve("suite"));
        TestFolders.copy(REPO.resolve("experiments/tasks/hello-world"), suiteDir.resolve("tasks/hello-world"));
        TestFolders.copy(FIXTURES.resolve("tb-compose"), suiteDir.resolve("tasks/tb-compose"));
        TestFolders.copy(FIXTURES.resolve("harbor-count-lines"), suiteDir.resolve("more/harbor-count-lines"));
        Files.writeString(suiteDir.resolve("suite.yaml"), "id: small\ntasks:\n  - tasks/*\nexpansion:\n  - more/harbor-count-lines\n");
        Suite suite = Suite.load(suiteDir.resolve("suite.yaml"), "agentic/base:bookworm");
        assertThat(suite.tasks()).extracting(Task::id).containsExactly("tb/hello-world", "tb/tb-compose");
        assertThat(suite.expansion()).extracting(Task::id).containsExactly("harbor/count-lines");
        assertThat(suite.filter(List.of("hello*"), List.of()).tasks()).extracting(Task::id).containsExactly("tb/hello-world");
        assertThat(suite.filter(List.of(), List.of("tb-*")).tasks()).extracting(Task::id).containsExactly("tb/hello-world");
        assertThat(suite.filter(List.of("tb/*"), List.of()).tasks()).hasSize(2);
        assertThat(suite.filter(List.of("harbor/*"), List.of()).expansion()).extracting(Task::id).containsExactly("harbor/count-lines");

        String before = suite.hash();
        assertThat(Suite.load(suiteDir.resolve("suite.yaml"), "agentic/base:bookworm").hash()).isEqualTo(before);
        Files.writeString(suiteDir.resolve("tasks/tb-compose/solution.sh"), "\n# a better reference solution\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(Suite.load(suiteDir.resolve("suite.yaml"), "agentic/base:bookworm").hash()).as("solutions do not affect results")
                .isEqualTo(before);
        Files.writeString(suiteDir.resolve("tasks/tb-compose/tests/test_outputs.py"), "\n# changed\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(Suite.load(suiteDir.resolve("suite.yaml"), "agentic/base:bookworm").hash()).isNotEqualTo(before);

        Files.writeString(suiteDir.resolve("bad.yaml"), "id: bad\ntasks:\n  - nowhere/*\n");
        assertThatThrownBy(() -> Suite.load(suiteDir.resolve("bad.yaml"), "x")).hasMessageContaining("'nowhere/*' matches no task folder");
        Files.writeString(suiteDir.resolve("twice.yaml"), "id: twice\ntasks:\n  - tasks/hello-world\n  - tasks/hello-world\n");
        assertThatThrownBy(() -> Suite.load(suiteDir.resolve("twice.yaml"), "x")).hasMessageContaining("task id 'tb/hello-world' appears twice");
        assertThatThrownBy(() -> Suite.load(suiteDir.resolve("missing.yaml"), "x")).hasMessageContaining("file does not exist");
    }

    private String brokenTb(String yaml) throws Exception {
        Path task = Files.createDirectories(Files.createTempDirectory(dir, "tb"));
        Files.writeString(task.resolve("task.yaml"), yaml);
        try {
            TerminalBenchTask.load(task);
        } catch (TaskException e) {
            assertThat(e.getMessage()).contains(task.resolve("task.yaml").toString());
            return e.getMessage();
        }
        throw new AssertionError("loaded a broken task: " + yaml);
    }

    private String brokenSwe(String line) throws Exception {
        Path file = Files.createTempDirectory(dir, "swe").resolve("instances.jsonl");
        Files.writeString(file, line + "\n");
        try {
            SweBenchTask.loadAll(file, null);
        } catch (TaskException e) {
            assertThat(e.getMessage()).contains(file.toString());
            return e.getMessage();
        }
        throw new AssertionError("loaded a broken instance: " + line);
    }

    private Path copyOf(Path source, String name) throws Exception {
        return TestFolders.copy(source, dir.resolve(name));
    }
}
