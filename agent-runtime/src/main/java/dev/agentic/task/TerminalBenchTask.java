package dev.agentic.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.document.Document;
import dev.agentic.document.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Terminal-Bench task folder: the id is the folder name; {@code task.yaml} holds the
 * instruction and metadata (documented defaults applied); the environment is the folder's
 * {@code Dockerfile} (or the build of the {@code client} service of a single-service
 * {@code docker-compose.yaml}), or the project's base image when there is neither.
 */
public record TerminalBenchTask(
        String id,
        Path dir,
        String instruction,
        String authorName,
        String authorEmail,
        Difficulty difficulty,
        String category,
        List<String> tags,
        String parserName,
        Duration agentTimeout,
        Duration testTimeout,
        boolean runTestsInSameShell,
        TaskEnvironment environment,
        Map<String, String> containerEnv) implements Task {

    /** The namespace of Terminal-Bench task ids: {@code tb/<folder name>}. */
    public static final String NAMESPACE = "tb";

    /** Files of the folder the agent must never see; they are not part of the image build. */
    public static final Set<String> HIDDEN = Set.of("tests", "run-tests.sh", "solution.sh", "solution.yaml");

    /** The image's {@code WORKDIR} decides, as in Terminal-Bench (its tmux session starts there); {@code /app} when it has none. */
    @Override
    public String workdir() {
        return null;
    }

    public TerminalBenchTask {
        containerEnv = Map.copyOf(containerEnv);
    }

    @Override
    public String format() {
        return "terminal-bench";
    }

    /** Terminal-Bench's parsers other than pytest. */
    static final List<String> OTHER_PARSERS = List.of("swebench", "swelancer", "mlebench", "sweperf");

    public Path runTests() {
        return dir.resolve("run-tests.sh");
    }

    public Path tests() {
        return dir.resolve("tests");
    }

    public Path solution() {
        return dir.resolve("solution.sh");
    }

    /** Reads {@code dir/task.yaml}; every problem names the file and the field. */
    public static TerminalBenchTask load(Path dir) {
        return load(dir, dev.agentic.sandbox.SandboxSpec.BASE_IMAGE);
    }

    /** As {@link #load(Path)}, with {@code baseImage} for a folder without Dockerfile or compose file. */
    public static TerminalBenchTask load(Path dir, String baseImage) {
        Path file = dir.resolve("task.yaml");
        if (!Files.isDirectory(dir)) {
            throw new TaskException("task folder " + dir + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new TaskException(file + ": missing; a Terminal-Bench task folder needs a task.yaml with an 'instruction'");
        }
        Document yaml = Tasks.read(file, Format.YAML);
        if (!yaml.root().isObject()) {
            throw new TaskException(yaml.at() + ": expected a mapping of fields, e.g. 'instruction: ...', found " + Document.kind(yaml.root()));
        }
        Fields fields = new Fields(yaml);
        String instruction = fields.text("instruction", null);
        if (instruction == null || instruction.isBlank()) {
            throw new TaskException(yaml.at("instruction") + ": field 'instruction' is missing or empty; it is the only text the agent receives");
        }
        Difficulty difficulty;
        try {
            difficulty = Difficulty.parse(fields.text("difficulty", "unknown"));
        } catch (IllegalArgumentException e) {
            throw new TaskException(yaml.at("difficulty") + ": field 'difficulty': " + e.getMessage());
        }
        String parser = fields.text("parser_name", "pytest");
        if (!parser.equals("pytest")) {
            throw new TaskException(yaml.at("parser_name") + ": field 'parser_name': " + (OTHER_PARSERS.contains(parser)
                    ? "'" + parser + "' is a Terminal-Bench parser this harness does not implement; supported: pytest"
                    : "unknown parser '" + parser + "'; Terminal-Bench's parsers are pytest, " + String.join(", ", OTHER_PARSERS)
                      + ", and this harness implements pytest"));
        }
        ComposeFile.Client client = client(dir, baseImage);
        return new TerminalBenchTask(
                NAMESPACE + "/" + dir.getFileName(), dir, instruction,
                fields.text("author_name", "unknown"), fields.text("author_email", "unknown"),
                difficulty, fields.text("category", "software_engineering"), fields.texts("tags"),
                parser,
                Duration.ofMillis((long) (fields.number("max_agent_timeout_sec", 360) * 1000)),
                Duration.ofMillis((long) (fields.number("max_test_timeout_sec", 60) * 1000)),
                fields.bool("run_tests_in_same_shell", false),
                client.environment(), client.env());
    }

    /** The compose file's {@code client} service (its variables substituted as the harness sets them), else the Dockerfile, else the base image. */
    private static ComposeFile.Client client(Path dir, String baseImage) {
        Path compose = Files.isRegularFile(dir.resolve("docker-compose.yaml")) ? dir.resolve("docker-compose.yaml") : dir.resolve("docker-compose.yml");
        if (Files.isRegularFile(compose)) {
            return ComposeFile.client(compose, dir.getFileName().toString(), HIDDEN);
        }
        if (Files.isRegularFile(dir.resolve("Dockerfile"))) {
            return new ComposeFile.Client(new TaskEnvironment.Built(dir, dir.resolve("Dockerfile"), HIDDEN), Map.of());
        }
        return new ComposeFile.Client(new TaskEnvironment.Prebuilt(baseImage), Map.of());
    }

    /** Typed access to task.yaml fields with messages naming file, line, column and field. */
    private record Fields(Document yaml) {

        private JsonNode field(String name) {
            JsonNode node = yaml.root().get(name);
            return node == null || node.isNull() ? null : node;
        }

        String text(String name, String fallback) {
            JsonNode node = field(name);
            if (node == null) {
                return fallback;
            }
            if (!node.isValueNode()) {
                throw new TaskException(yaml.at(name) + ": field '" + name + "': expected text, found " + Document.kind(node));
            }
            return node.asText();
        }

        List<String> texts(String name) {
            JsonNode node = field(name);
            if (node == null) {
                return List.of();
            }
            if (!node.isArray()) {
                throw new TaskException(yaml.at(name) + ": field '" + name + "' must be a list of strings, found " + Document.kind(node));
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isValueNode() || node.get(i).isNull()) {
                    throw new TaskException(yaml.at(name, i) + ": field '" + name + "' must be a list of strings, found "
                            + Document.kind(node.get(i)) + " in it");
                }
                values.add(node.get(i).asText());
            }
            return List.copyOf(values);
        }

        double number(String name, double fallback) {
            JsonNode node = field(name);
            if (node == null) {
                return fallback;
            }
            if (!node.isNumber() || node.asDouble() <= 0) {
                throw new TaskException(yaml.at(name) + ": field '" + name + "' must be a positive number of seconds, got " + Document.written(node));
            }
            return node.asDouble();
        }

        boolean bool(String name, boolean fallback) {
            JsonNode node = field(name);
            if (node == null) {
                return fallback;
            }
            if (!node.isBoolean()) {
                throw new TaskException(yaml.at(name) + ": field '" + name + "' must be true or false, got " + Document.written(node));
            }
            return node.asBoolean();
        }
    }
}
