package dev.agentic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.lineage.PromotionLog;
import dev.agentic.verify.swebench.RepoSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed files of every format the project reads, and bad command-line values: each is refused in
 * one line that names the file (with {@code line:column} where the format has positions) and what was
 * expected, with exit code 2, and never with a stack trace. None of these cases reaches a container.
 */
class MalformedInputTest {

    static final Path REPO = AgentCliTest.REPO;
    static final String HELLO = REPO.resolve("experiments/tasks/hello-world").toString();
    static final Pattern POSITION = Pattern.compile(":\\d+:\\d+: ");

    /** A minimal SWE-bench instance, one field per line; {@code %s} takes extra fields. */
    static final String INSTANCE = """
            {
              "instance_id": "octo__widgets-1",
              "repo": "octo/widgets",
              "base_commit": "8196bba3868c2f523bc9739d6959176829eeeb35",
              "test_patch": "diff --git a/t.py b/t.py",
              "problem_statement": "Widgets break.",
              "FAIL_TO_PASS": "[\\"t.py::test_a\\"]",
              "PASS_TO_PASS": "[]"%s
            }
            """;

    @TempDir
    Path dir;

    @org.junit.jupiter.api.AfterEach
    void defaultCache() {
        System.clearProperty(dev.agentic.fetch.TaskCache.PROPERTY);
    }

    /** How an input was refused: the exit code (0 for a refusal thrown by the runtime itself) and what the user reads. */
    record Refusal(int exitCode, String message) {}

    /** Writes the malformed input under a folder and feeds it to the project. */
    interface Fixture {
        Refusal apply(Path dir) throws Exception;
    }

    /** @param expected fragments of the message, the first naming the file (and its position when {@code positioned}) */
    record Case(String name, boolean positioned, Fixture fixture, String... expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // suite manifests, read by validate (and bench)
        cases.add(positioned("suite: a list never closed", d -> validate(write(d, "suite.yaml", "id: s\ntasks: [a, b\n")),
                "suite.yaml:3:1: not valid YAML: expected ',' or ']', but got <stream end> (while parsing a flow sequence that starts at line 2, column 8)"));
        cases.add(positioned("suite: a tab as indentation", d -> validate(write(d, "suite.yaml", "id: s\ntasks:\n\t- a\n")),
                "suite.yaml:3:1: not valid YAML: found character '\\t(TAB)' that cannot start any token"));
        cases.add(positioned("suite: tasks is a mapping", d -> validate(write(d, "suite.yaml", "id: s\ntasks:\n  hello: world\n")),
                "suite.yaml:3:3: field 'tasks': expected a list of task folders", "found a mapping"));
        cases.add(positioned("suite: no id", d -> validate(write(d, "suite.yaml", "# the core suite\ntasks: [a]\n")),
                "suite.yaml:2:1: field 'id' is missing or empty"));
        cases.add(positioned("suite: empty file", d -> validate(write(d, "suite.yaml", "")),
                "suite.yaml:1:1: expected a mapping with fields 'id' and 'tasks', found nothing"));
        cases.add(positioned("suite: control characters", d -> validate(write(d, "suite.yaml", "id: s\ntasks: \u0000\u0001\n")),
                "suite.yaml:2:8: not valid YAML: character U+0000 is not allowed"));
        cases.add(positioned("suite: binary garbage", d -> validate(writeBytes(d, "suite.yaml", 'i', 'd', ':', ' ', 0x1f, 0x8b, 0x08, 0x00)),
                "suite.yaml:1:6: not UTF-8 text (byte 0x8B)"));
        cases.add(positioned("suite: a glob never closed", d -> validate(write(d, "suite.yaml", "id: s\ntasks:\n  - tasks/[abc\n")),
                "suite.yaml:3:5: entry of 'tasks' 'tasks/[abc': not a valid glob: '[' at character 7 is not closed"));
        cases.add(positioned("suite: live_processes is a string", d -> validate(write(d, "suite.yaml",
                        "id: s\ntasks:\n  - " + HELLO + "\nlive_processes: tb/hello-world\n")),
                "suite.yaml:4:17: field 'live_processes': expected a list of task-id globs, found a string"));
        cases.add(positioned("suite: an instances file that is not there", d -> validate(write(d, "suite.yaml",
                        "id: s\ntasks:\n  - instances: nowhere.jsonl\n")),
                "suite.yaml:3:16: instances file ", "nowhere.jsonl does not exist"));
        cases.add(positioned("instances.jsonl: line 2 cut short", d -> {
            write(d, "swe.jsonl", INSTANCE.formatted("").replace("\n", "") + "\n{\"instance_id\": \"octo__widgets-2\"\n");
            return validate(write(d, "suite.yaml", "id: s\ntasks:\n  - instances: swe.jsonl\n"));
        }, "swe.jsonl:2:34: not valid JSON: Unexpected end-of-input: expected close marker for Object (start marker at line 2, column 1)"));
        cases.add(positioned("instances.json: an item that is not an object", d -> {
            write(d, "swe.json", "[\n" + INSTANCE.formatted("") + ",\n  42\n]\n");
            return validate(write(d, "suite.yaml", "id: s\ntasks:\n  - instances: swe.json\n"));
        }, "swe.json:12:3: expected a SWE-bench instance object", "found a number"));
        // published tasks: sources and their entries, read by fetch (no network: all refused while reading the manifest)
        String git = "sources:\n  tb2:\n    git: https://example.invalid/tb2.git\n    commit: %s\n";
        String data = "sources:\n  swe:\n    dataset: %s\n    revision: %s\n    file: %s\n";
        String commit = "69671fbaac6d67a7ef0dfec016cc38a64ef7a77c";
        cases.add(positioned("sources: a branch for a commit", d -> fetch(write(d, "suite.yaml", "id: s\n" + git.formatted("main")
                        + "tasks:\n  - source: tb2\n    tasks: [fix-git]\n")),
                "suite.yaml:5:13: source 'tb2': commit 'main': expected the 40 lower-case hex digits of a commit"));
        cases.add(positioned("sources: a dataset without owner", d -> fetch(write(d, "suite.yaml", "id: s\n"
                        + data.formatted("SWE-bench_Verified", commit, "data/test.parquet") + "tasks:\n  - source: swe\n    instances: [a__b-1]\n")),
                "suite.yaml:4:14: source 'swe': dataset 'SWE-bench_Verified': expected <owner>/<name>"));
        cases.add(positioned("sources: a dataset file of another kind", d -> fetch(write(d, "suite.yaml", "id: s\n"
                        + data.formatted("a/b", commit, "data/test.csv") + "tasks:\n  - source: swe\n    instances: [a__b-1]\n")),
                "suite.yaml:6:11: source 'swe': file 'data/test.csv': expected a relative path in the dataset repository ending in .parquet, .jsonl or .json"));
        cases.add(positioned("sources: a checksum too short", d -> fetch(write(d, "suite.yaml", "id: s\n"
                        + data.formatted("a/b", commit, "data/t.parquet") + "    sha256: abc\ntasks:\n  - source: swe\n    instances: [a__b-1]\n")),
                "suite.yaml:7:13: source 'swe': sha256 'abc': expected 64 lower-case hex digits"));
        cases.add(positioned("sources: a checksum of digits only, unquoted", d -> fetch(write(d, "suite.yaml", "id: s\n"
                        + data.formatted("a/b", commit, "data/t.parquet") + "    sha256: " + "1".repeat(64) + "\ntasks:\n  - source: swe\n    instances: [a__b-1]\n")),
                "suite.yaml:7:13: source 'swe': field 'sha256': YAML reads ", "as a number, which loses leading zeros; write it in quotes"));
        cases.add(positioned("sources: an entry naming no source", d -> fetch(write(d, "suite.yaml", "id: s\n" + git.formatted(commit)
                        + "tasks:\n  - source: tb1\n    tasks: [fix-git]\n")),
                "suite.yaml:7:13: entry of 'tasks': source 'tb1' is not one of the manifest's sources (tb2)"));
        cases.add(positioned("sources: instances of a git source", d -> fetch(write(d, "suite.yaml", "id: s\n" + git.formatted(commit)
                        + "tasks:\n  - source: tb2\n    instances: [fix-git]\n")),
                "suite.yaml:8:16: source 'tb2' is a git repository of task folders: list them under 'tasks'"));
        cases.add(positioned("sources: an unknown field of a task", d -> fetch(write(d, "suite.yaml", "id: s\n" + git.formatted(commit)
                        + "tasks:\n  - source: tb2\n    tasks:\n      - {name: fix-git, size: 3}\n")),
                "suite.yaml:9:31: unknown field 'size'; expected name, path, image, image_mb"));
        cases.add(positioned("sources: a negative image size", d -> fetch(write(d, "suite.yaml", "id: s\n" + git.formatted(commit)
                        + "tasks:\n  - source: tb2\n    tasks:\n      - {name: fix-git, image_mb: -1}\n")),
                "suite.yaml:9:35: image_mb: expected a positive number of MB, found '-1'"));
        cases.add(positioned("sources: a task not fetched yet", d -> validate(write(d, "suite.yaml", "id: s\n" + git.formatted(commit)
                        + "tasks:\n  - source: tb2\n    tasks: [fix-git]\n"), "--cache", d.resolve("cache").toString()),
                "suite.yaml:8:13: 1 of 1 task(s) of source 'tb2' (git " + commit + ") are not fetched into ", "run: agentx fetch --suite "));
        cases.add(unpositioned("fetch: a mirror for a source the manifest lacks", d -> fetch(write(d, "suite.yaml", "id: s\n" + git.formatted(commit)
                        + "tasks:\n  - source: tb2\n    tasks: [fix-git]\n"), "--source", "tb3=/srv/mirror.git"),
                "--source tb3=/srv/mirror.git: ", "suite.yaml has no source 'tb3'; its sources: tb2"));
        cases.add(unpositioned("bench: a suite id nobody fetched", d -> cli("--cache", d.resolve("cache").toString(), "validate", "--suite", "nowhere-fetched"),
                "suite 'nowhere-fetched': no such manifest file, and no suite of that id was fetched into ", "agentx fetch --suite <manifest>"));
        // stages of a suite manifest
        cases.add(positioned("suite: stages is a mapping", d -> validate(staged(d, "stages:\n  name: screen\n")),
                "suite.yaml:7:3: field 'stages': expected a list of stages ({name, tasks, min_pass_rate}), found a mapping"));
        cases.add(positioned("suite: a stage without a name", d -> validate(staged(d, "stages:\n  - tasks: [tb/hello-world]\n  - name: rest\n")),
                "suite.yaml:7:5: stage 1: field 'name' is missing or empty; expected the stage's name"));
        cases.add(positioned("suite: a stage name used twice", d -> validate(staged(d,
                        "stages:\n  - name: screen\n    tasks: [tb/hello-world]\n  - name: screen\n")),
                "suite.yaml:9:11: stage name 'screen' is used twice"));
        cases.add(positioned("suite: a stage glob never closed", d -> validate(staged(d,
                        "stages:\n  - name: screen\n    tasks: [\"tb/[abc\"]\n  - name: rest\n")),
                "suite.yaml:8:13: stage 'screen' 'tb/[abc': not a valid glob: '[' at character 4 is not closed"));
        cases.add(positioned("suite: a stage glob naming no task", d -> validate(staged(d,
                        "stages:\n  - name: screen\n    tasks: [tb/hello-world, \"swe/*-1179*\"]\n  - name: rest\n")),
                "suite.yaml:8:29: stage 'screen': 'swe/*-1179*' names no core task of the suite"));
        cases.add(positioned("suite: a task in two stages", d -> validate(staged(d,
                        "stages:\n  - name: screen\n    tasks: [hello-*]\n  - name: rest\n    tasks: [tb/csv-to-json-report, tb/hello-world]\n")),
                "suite.yaml:10:36: stage 'rest': 'tb/hello-world' names tb/hello-world, which is in stage 'screen' already"));
        cases.add(positioned("suite: a threshold above 1", d -> validate(staged(d,
                        "stages:\n  - name: screen\n    tasks: [tb/hello-world]\n    min_pass_rate: 20\n  - name: rest\n")),
                "suite.yaml:9:20: stage 'screen': field 'min_pass_rate': expected a share from 0 to 1 (0.2 = 20 %), got '20'"));
        cases.add(positioned("suite: a threshold as text", d -> validate(staged(d,
                        "stages:\n  - name: screen\n    tasks: [tb/hello-world]\n    min_pass_rate: half\n  - name: rest\n")),
                "suite.yaml:9:20: stage 'screen': field 'min_pass_rate': expected a share from 0 to 1 (0.2 = 20 %), got 'half'"));
        cases.add(positioned("suite: a stage without tasks that is not the last", d -> validate(staged(d,
                        "stages:\n  - name: screen\n  - name: rest\n    tasks: [tb/hello-world]\n")),
                "suite.yaml:7:5: stage 'screen' has no 'tasks'; only the last stage may leave them out"));
        cases.add(positioned("suite: a misspelt stage field", d -> validate(staged(d,
                        "stages:\n  - name: screen\n    tasks: [tb/hello-world]\n    min_pass: 0.5\n  - name: rest\n")),
                "suite.yaml:9:15: stage 1: unknown field 'min_pass'; expected name, tasks or min_pass_rate"));
        cases.add(positioned("suite: core tasks in no stage", d -> validate(staged(d,
                        "stages:\n  - name: screen\n    tasks: [tb/hello-world]\n")),
                "suite.yaml:7:3: 1 core task is in no stage (tb/csv-to-json-report); name them in a stage, or end with a stage"
                        + " without 'tasks'"));
        cases.add(unpositioned("bench: a cost cap on a model without a price", d -> cli("bench", "--suite", staged(d, "").toString(),
                        "--variant", "v", "--set", "model=openai:unpriced-model", "--results", d.resolve("results").toString(),
                        "--max-run-cost", "5"),
                "cost cap $5.00 (--max-run-cost) cannot be enforced: the price of model openai:unpriced-model is unknown"));
        cases.add(unpositioned("bench: a price table that is not there", d -> cli("bench", "--suite", staged(d, "").toString(),
                        "--variant", "v", "--set", "model=openai:gpt-4o-mini", "--results", d.resolve("results").toString(),
                        "--prices", d.resolve("prices.txt").toString()),
                "--prices ", "prices.txt: file does not exist"));
        cases.add(unpositioned("bench: a negative cost cap", d -> cli("bench", "--suite", staged(d, "").toString(),
                        "--variant", "v", "--set", "model=scripted:x", "--results", d.resolve("results").toString(), "--max-run-cost", "-1"),
                "--max-run-cost -1.0: expected a number of USD, 0 or more (0: no cap)"));
        cases.add(unpositioned("--tasks: a glob never closed", d -> validate(write(d, "suite.yaml", "id: s\ntasks:\n  - " + HELLO + "\n"),
                        "--tasks", "tb/[abc"),
                "--tasks 'tb/[abc' (filtering suite ", "suite.yaml): not a valid glob: '[' at character 4 is not closed"));
        cases.add(unpositioned("validate: --tasks matching no task", d -> validate(write(d, "suite.yaml", "id: s\ntasks:\n  - " + HELLO + "\n"),
                        "--tasks", "hello-wrld"),
                "no task of suite s (", "suite.yaml) matches --tasks 'hello-wrld'; its 1 task is tb/hello-world"));
        cases.add(unpositioned("validate: --exclude leaving no task", d -> validate(staged(d, ""), "--exclude", "tb/*"),
                "every task of suite s (", "suite.yaml) matches --exclude 'tb/*'; its 2 tasks are tb/hello-world, tb/csv-to-json-report"));
        cases.add(unpositioned("bench: --tasks matching no task", d -> cli("bench", "--suite", staged(d, "").toString(),
                        "--variant", "v", "--set", "model=scripted:x", "--results", d.resolve("results").toString(), "--tasks", "hello-wrld"),
                "suite ", "suite.yaml", "hello-wrld"));
        cases.add(unpositioned("--exclude: a group never closed", d -> validate(write(d, "suite.yaml", "id: s\ntasks:\n  - " + HELLO + "\n"),
                        "--exclude", "tb/{hello,world"),
                "--exclude 'tb/{hello,world'", "not a valid glob: '{' at character 4 is not closed; expected a '}'"));

        // Terminal-Bench task.yaml and docker-compose.yaml, read by run (and by suites)
        cases.add(positioned("task.yaml: a mapping value where none is allowed", d -> run(task(d, "task.yaml", "instruction: do it\n  difficulty: easy\n")),
                "task.yaml:2:13: not valid YAML: mapping values are not allowed here"));
        cases.add(positioned("task.yaml: no instruction", d -> run(task(d, "task.yaml", "difficulty: easy\n")),
                "task.yaml:1:1: field 'instruction' is missing or empty"));
        cases.add(positioned("task.yaml: unknown difficulty", d -> run(task(d, "task.yaml", "instruction: x\ndifficulty: brutal\n")),
                "task.yaml:2:13: field 'difficulty': expected easy, medium, hard or unknown, got 'brutal'"));
        cases.add(positioned("task.yaml: a timeout that is a list", d -> run(task(d, "task.yaml", "instruction: x\nmax_agent_timeout_sec: [1]\n")),
                "task.yaml:2:24: field 'max_agent_timeout_sec' must be a positive number of seconds, got a list"));
        cases.add(positioned("task.yaml: tags as a mapping", d -> run(task(d, "task.yaml", "instruction: x\ntags: {a: 1}\n")),
                "task.yaml:2:7: field 'tags' must be a list of strings, found a mapping"));
        cases.add(positioned("task.yaml: a list instead of fields", d -> run(task(d, "task.yaml", "- instruction: x\n")),
                "task.yaml:1:1: expected a mapping of fields", "found a list"));
        cases.add(positioned("docker-compose.yaml: a list never closed", d -> run(task(d, "task.yaml", "instruction: x\n",
                        "docker-compose.yaml", "services:\n  client:\n    build: [.\n")),
                "docker-compose.yaml:4:1: not valid YAML: expected ',' or ']'"));
        cases.add(positioned("docker-compose.yaml: services as a list", d -> run(task(d, "task.yaml", "instruction: x\n",
                        "docker-compose.yaml", "services:\n  - client\n")),
                "docker-compose.yaml:2:3: field 'services' is missing or empty", "found a list"));
        cases.add(positioned("docker-compose.yaml: environment as a number", d -> run(task(d, "task.yaml", "instruction: x\n",
                        "docker-compose.yaml", "services:\n  client:\n    image: x\n    environment: 3\n")),
                "docker-compose.yaml:4:18: field 'services.client.environment' must be a list of NAME=value or a mapping, found a number"));

        // Harbor task.toml
        cases.add(positioned("task.toml: a value missing", d -> run(harbor(d, "[agent]\ntimeout_sec = \n")),
                "task.toml:2:15: not valid TOML: "));
        cases.add(positioned("task.toml: a table defined twice", d -> run(harbor(d, "[agent]\ntimeout_sec = 10\n[agent]\n")),
                "task.toml:3:", "not valid TOML: Table redefined"));
        cases.add(positioned("task.toml: a timeout as text", d -> run(harbor(d, "[metadata]\ncategory = \"x\"\n\n[agent]\ntimeout_sec = \"long\"\n")),
                "task.toml:5:15: field [agent].timeout_sec must be a positive number of seconds, got 'long'"));
        cases.add(positioned("task.toml: a section that is not a table", d -> run(harbor(d, "environment = 3\n")),
                "task.toml:1:15: [environment] must be a table, found a number"));
        cases.add(positioned("task.toml: control characters", d -> run(harbor(d, "\u0000\u0001\u0002")),
                "task.toml:1:1: not valid TOML: Illegal control character"));

        // SWE-bench instance.json (a folder with its environment) and repository specifications
        cases.add(positioned("instance.json: a trailing comma", d -> run(instance(d, "{\"instance_id\": \"octo__widgets-1\",}")),
                "instance.json:1:35: not valid JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name"));
        cases.add(positioned("instance.json: a base commit that is not a hash", d -> run(instance(d,
                        INSTANCE.formatted("").replace("8196bba3868c2f523bc9739d6959176829eeeb35", "main"))),
                "instance.json:4:18: instance octo__widgets-1: field 'base_commit' must be a git commit hash, got 'main'"));
        cases.add(positioned("instance.json: FAIL_TO_PASS as a number", d -> run(instance(d,
                        INSTANCE.formatted("").replace("\"[\\\"t.py::test_a\\\"]\"", "7"))),
                "instance.json:7:19: instance octo__widgets-1: field 'FAIL_TO_PASS' must hold a list of test names, got 7"));
        cases.add(positioned("instance.json: empty", d -> run(instance(d, "")),
                "instance.json:1:1: expected a SWE-bench instance object", "found nothing"));
        cases.add(positioned("repos.yaml: a misspelt field", d -> refusal(() -> RepoSpecs.builtIn().withFile(
                        write(d, "repos.yaml", "repos:\n  octo/widgets:\n    tset_cmd: pytest\n"))),
                "repos.yaml:3:5: field 'repos.octo/widgets.tset_cmd': unknown field; expected one of activation, by_version"));
        cases.add(positioned("repos.yaml: a list written as one string", d -> refusal(() -> RepoSpecs.builtIn().withFile(
                        write(d, "repos.yaml", "repos:\n  octo/widgets:\n    eval_commands: export A=1\n"))),
                "repos.yaml:3:20: field 'repos.octo/widgets.eval_commands': expected a list, found a string"));

        // scripted-model scripts, settings files and trajectories to replay, read by run
        cases.add(positioned("script: a misspelt field", d -> run(HELLO, "--model", "scripted:" + write(d, "script.yaml",
                        "turns:\n  - text: hi\n    tool_call: []\n")),
                "script.yaml:3:5: field 'turns[0].tool_call': unknown field; expected one of text, tool_calls, usage"));
        cases.add(positioned("script: empty", d -> run(HELLO, "--model", "scripted:" + write(d, "script.yaml", "")),
                "script.yaml:1:1: field 'turns' is missing or empty; expected a list of turns"));
        cases.add(positioned("script: a string never closed", d -> run(HELLO, "--model", "scripted:" + write(d, "script.yaml",
                        "turns:\n  - text: \"unterminated\n")),
                "script.yaml:3:1: not valid YAML: found unexpected end of stream"));
        cases.add(positioned("script: text as a list", d -> run(HELLO, "--model", "scripted:" + write(d, "script.yaml",
                        "turns:\n  - text: [a, b]\n")),
                "script.yaml:2:11: field 'turns[0].text': expected a string, found a list"));
        cases.add(positioned("script: a tool call without a name", d -> run(HELLO, "--model", "scripted:" + write(d, "script.yaml",
                        "turns:\n  - tool_calls:\n      - arguments: {command: ls}\n")),
                "script.yaml:3:9: turn 1 has a tool call without 'name'"));
        cases.add(positioned("settings: a nested mapping", d -> run(HELLO, "--model", "scripted:x.yaml", "--config", write(d, "settings.yaml",
                        "limits:\n  max-steps: 3\n").toString()),
                "settings.yaml:2:3: setting 'limits' must be a single value, found a mapping"));
        cases.add(positioned("settings: a quote never closed", d -> run(HELLO, "--model", "scripted:x.yaml", "--config", write(d, "settings.yaml",
                        "memory: 'full\n").toString()),
                "settings.yaml:2:1: not valid YAML: found unexpected end of stream"));
        cases.add(positioned("trajectory to replay: line 2 cut short", d -> run(HELLO, "--model", "replay:" + write(d, "trajectory.jsonl",
                        "{\"event\": \"message\", \"step\": 0, \"kind\": \"note\", \"content\": \"hi\"}\n{\"event\": \"model_call\", \"step\": \n")),
                "trajectory.jsonl:2:33: not valid JSON: Unexpected end-of-input"));
        cases.add(positioned("trajectory to replay: an unknown event", d -> run(HELLO, "--model", "replay:" + write(d, "trajectory.jsonl",
                        "\n{\"event\": \"nap\", \"step\": 1}\n")),
                "trajectory.jsonl:2:11: field 'event': unknown kind 'nap'; expected one of diagnosis, end, memory, message, model_call, notice, start, tool"));

        // trajectories read by the report, and the promotion log
        cases.add(positioned("report: a trajectory cut short", d -> {
            Path experiments = experiments(d);
            Path trajectory = experiments.resolve("exp-02/results/k3/trajectories/tb/hello-world.1.jsonl");
            List<String> lines = new ArrayList<>(Files.readAllLines(trajectory));
            lines.set(1, lines.get(1).substring(0, 20));
            Files.write(trajectory, lines);
            return cli("report", "--experiments", experiments.toString(), "--out", d.resolve("report").toString());
        }, "hello-world.1.jsonl:2:21: not valid JSON: "));
        cases.add(positioned("promotions.jsonl: a line that is not JSON", d -> refusal(() -> PromotionLog.promoted(write(d, "promotions.jsonl",
                        "{\"generation\": \"exp-02\", \"promoted\": null}\nnot json\n"))),
                "promotions.jsonl:2:1: not valid JSON: Unrecognized token 'not'"));
        cases.add(positioned("promotions.jsonl: a variant that is a number", d -> refusal(() -> PromotionLog.promoted(write(d, "promotions.jsonl",
                        "{\"generation\": \"exp-02\", \"promoted\": 3}\n"))),
                "promotions.jsonl:1:38: field 'promoted': expected the promoted variant's id or null, found a number"));

        // command-line values
        cases.add(unpositioned("summary: a results folder that is not there", d -> cli("summary", "--results", d.resolve("nowhere").toString()),
                "--results ", "nowhere: no such folder"));
        cases.add(unpositioned("summary: results that are a file", d -> cli("summary", "--results", write(d, "results", "k3\n").toString()),
                "--results ", "results: is a file; expected a folder"));
        cases.add(unpositioned("summary: a folder that holds no results", d -> cli("summary", "--results", Files.createDirectories(d.resolve("empty")).toString()),
                "--results ", "empty: not a results folder (no LATEST file and no run folder with run.json)"));
        cases.add(unpositioned("summary: a run that is not there", d -> cli("summary", "--results", experiments(d).resolve("exp-02/results").toString(),
                        "--run-id", "k9"),
                "no run k9 of exp-02 in ", "exp-02/results; bench it first: agentx bench --variant exp-02 --results ", "exp-02/results"));
        cases.add(unpositioned("summary: a parent folder that is not there", d -> cli("summary", "--results", experiments(d).resolve("exp-02/results").toString(),
                        "--parent", d.resolve("nowhere").toString()),
                "--parent ", "nowhere: no such folder"));
        cases.add(unpositioned("report: an experiments folder that is not there", d -> cli("report", "--experiments", d.resolve("nowhere").toString()),
                "--experiments ", "nowhere: no such folder"));
        cases.add(unpositioned("report: an output folder that is a file", d -> cli("report", "--experiments", experiments(d).toString(),
                        "--out", write(d, "out", "").toString()),
                "--out ", "out: is a file; expected a folder to write into"));
        cases.add(unpositioned("validate: a suite that is a folder", d -> cli("validate", "--suite", d.toString()),
                "", ": is a folder; expected a file"));
        cases.add(unpositioned("validate: a suite that is not there", d -> cli("validate", "--suite", d.resolve("nowhere.yaml").toString()),
                "nowhere.yaml: file does not exist"));
        cases.add(unpositioned("run: a folder that is no task", d -> cli("run", "--task", d.toString(), "--model", "scripted:x.yaml"),
                "", ": not a task folder; expected task.yaml (Terminal-Bench), task.toml (Harbor) or instance.json"));
        cases.add(unpositioned("run: an output folder that is a file", d -> run(HELLO, "--model",
                        "scripted:" + REPO.resolve("experiments/scripts/tb/hello-world.yaml"), "--out", write(d, "out", "").toString()),
                "--out ", "out: is a file; expected a folder to write into"));
        cases.add(unpositioned("run: a price table that is not there", d -> run(HELLO, "--model", "scripted:x.yaml", "--prices",
                        d.resolve("prices.txt").toString()),
                "--prices ", "prices.txt: file does not exist"));
        cases.add(unpositioned("run: a price table entry with one number", d -> run(HELLO, "--model", "scripted:x.yaml", "--prices",
                        write(d, "prices.txt", "# mine\ngpt-x = 1.0\n").toString()),
                "prices.txt:2: entry 'gpt-x' = '1.0': found 1 number, expected 2 to 4: '<model> = <input>, <output>[, <cached input>"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedInOneLineNamingTheFileWithoutAStackTrace(Case c) throws Exception {
        Refusal refusal = c.fixture().apply(dir);

        assertThat(refusal.exitCode()).as(refusal.message()).isIn(0, 2);
        assertThat(refusal.message()).as("the message").doesNotContain("\tat ").doesNotContain("Exception in thread")
                .doesNotContain("Exception:").doesNotContain("[Source:");
        assertThat(refusal.message().strip().lines()).as("one line: " + refusal.message()).hasSize(1);
        for (String fragment : c.expected()) {
            assertThat(refusal.message()).contains(fragment);
        }
        assertThat(POSITION.matcher(refusal.message()).find()).as("line:column in " + refusal.message()).isEqualTo(c.positioned());
    }

    @Test
    void countsBelowOneAreRefusedWithTheUsage() throws Exception {
        Path suite = write(dir, "suite.yaml", "id: s\ntasks:\n  - " + HELLO + "\n");
        for (String option : List.of("--trials", "--concurrency")) {
            AgentCliTest.Run run = AgentCliTest.agentx("validate", "--suite", suite.toString(), option, "0");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.stderr()).startsWith("Invalid value for option '" + option + "': 0; expected 1 or more")
                    .contains("Usage: agentx validate").doesNotContain("\tat ");
        }
    }

    @Test
    void validateWithAGlobMatchingNoTaskSaysSoAndValidatesNothing() throws Exception {
        Path suite = write(dir, "suite.yaml", "id: one\ntasks:\n  - " + HELLO + "\n");
        AgentCliTest.Run run = AgentCliTest.agentx("validate", "--suite", suite.toString(), "--tasks", "nothing-*", "--tasks", "tb/none");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).as("no summary of an empty validation").isEmpty();
        assertThat(run.stderr().strip()).isEqualTo("agentx: no task of suite one (" + suite + ") matches --tasks 'nothing-*', 'tb/none';"
                + " its 1 task is tb/hello-world");
    }

    @Test
    void anUnexpectedErrorIsOneLineWithTheHintAndTheStackOnlyWithDebug() throws Exception {
        Path experiments = experiments(dir);
        Path out = Files.createDirectories(dir.resolve("report/index.html"));

        AgentCliTest.Run plain = AgentCliTest.agentx("report", "--experiments", experiments.toString(), "--out", out.getParent().toString());
        assertThat(plain.exitCode()).isEqualTo(Failure.UNEXPECTED);
        assertThat(plain.stderr().strip()).startsWith("agentx: unexpected error: cannot write the report into " + out.getParent())
                .endsWith("(rerun with --debug or AGENTX_DEBUG=1 for the stack trace)");
        assertThat(plain.stderr().strip().lines()).hasSize(1);

        AgentCliTest.Run debug = AgentCliTest.agentx("report", "--debug", "--experiments", experiments.toString(), "--out", out.getParent().toString());
        assertThat(debug.exitCode()).isEqualTo(Failure.UNEXPECTED);
        assertThat(debug.stderr()).startsWith("agentx: unexpected error: cannot write the report").contains("\tat dev.agentic.report.HtmlReport.write");
    }

    @Test
    void agentxDebugInTheEnvironmentPrintsTheStackOfABadInputToo() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AgentCli.class.getName(), "validate", "--suite", dir.resolve("nowhere.yaml").toString())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String plain = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(plain.strip()).isEqualTo("agentx: " + dir.resolve("nowhere.yaml") + ": file does not exist");

        ProcessBuilder withDebug = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AgentCli.class.getName(), "validate", "--suite", dir.resolve("nowhere.yaml").toString())
                .redirectErrorStream(true);
        withDebug.environment().put("AGENTX_DEBUG", "1");
        Process debug = withDebug.start();
        debug.getOutputStream().close();
        String traced = new String(debug.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(debug.waitFor()).isEqualTo(2);
        assertThat(traced).startsWith("agentx: " + dir.resolve("nowhere.yaml") + ": file does not exist")
                .contains("dev.agentic.document.DocumentException").contains("\tat dev.agentic.document.Document.readText");
    }

    private static Case positioned(String name, Fixture fixture, String... expected) {
        return new Case(name, true, fixture, expected);
    }

    private static Case unpositioned(String name, Fixture fixture, String... expected) {
        return new Case(name, false, fixture, expected);
    }

    static Refusal cli(String... args) {
        AgentCliTest.Run run = AgentCliTest.agentx(args);
        assertThat(run.exitCode()).as("exit code of agentx " + String.join(" ", args) + ": " + run.stdout() + run.stderr()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("agentx: ");
        return new Refusal(run.exitCode(), run.stderr().substring("agentx: ".length()));
    }

    static Refusal validate(Path suite, String... more) {
        List<String> args = new ArrayList<>(List.of("validate", "--suite", suite.toString()));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    static Refusal fetch(Path suite, String... more) {
        List<String> args = new ArrayList<>(List.of("fetch", "--suite", suite.toString(), "--dry-run"));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    static Refusal run(Path task) {
        return run(task.toString(), "--model", "scripted:x.yaml");
    }

    static Refusal run(String task, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--task", task));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    static Refusal refusal(ThrowingRunnable work) {
        try {
            work.run();
        } catch (IllegalArgumentException | dev.agentic.task.TaskException e) {
            return new Refusal(0, e.getMessage());
        } catch (Exception e) {
            throw new AssertionError("refused with " + e, e);
        }
        throw new AssertionError("accepted a malformed input");
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(Files.createDirectories(dir).resolve(name), text);
    }

    static Path writeBytes(Path dir, String name, int... bytes) throws Exception {
        byte[] content = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            content[i] = (byte) bytes[i];
        }
        return Files.write(dir.resolve(name), content);
    }

    /** A suite of hello-world and csv-to-json-report (lines 1 to 5) followed by {@code more} (from line 6). */
    static Path staged(Path dir, String more) throws Exception {
        return write(dir, "suite.yaml", "id: s\ntasks:\n  - " + HELLO + "\n  - " + REPO.resolve("experiments/tasks/csv-to-json-report")
                + "\n# stages\n" + more);
    }

    /** A task folder holding the given files (name, text, name, text, …). */
    static Path task(Path dir, String... files) throws Exception {
        Path task = Files.createDirectories(dir.resolve("task"));
        for (int i = 0; i < files.length; i += 2) {
            write(task, files[i], files[i + 1]);
        }
        return task;
    }

    static Path harbor(Path dir, String toml) throws Exception {
        Path task = task(dir, "instruction.md", "Count the lines.\n", "task.toml", toml);
        write(task.resolve("environment"), "Dockerfile", "FROM agentic/base:bookworm\n");
        return task;
    }

    static Path instance(Path dir, String json) throws Exception {
        return task(dir, "instance.json", json, "Dockerfile", "FROM agentic/base:bookworm\n");
    }

    /** An experiments folder holding a copy of exp-02's recorded results. */
    static Path experiments(Path dir) throws Exception {
        Path experiments = dir.resolve("experiments");
        dev.agentic.task.TestFolders.copy(REPO.resolve("experiments/exp-02/results"), experiments.resolve("exp-02/results"));
        return experiments;
    }
}
