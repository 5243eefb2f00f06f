package dev.agentic.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Terminal-Bench task folder: the id is the folder name; {@code task.yaml} holds the
 * instruction and metadata (documented defaults applied); the environment is the folder's
 * {@code Dockerfile}, or the project's base image when there is none.
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
        boolean runTestsInSameShell) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public Path dockerfile() {
        return dir.resolve("Dockerfile");
    }

    public boolean hasDockerfile() {
        return Files.isRegularFile(dockerfile());
    }

    /** Reads {@code dir/task.yaml}; every problem names the file and the field. */
    public static TerminalBenchTask load(Path dir) {
        Path file = dir.resolve("task.yaml");
        if (!Files.isDirectory(dir)) {
            throw new TaskException("task folder " + dir + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new TaskException(file + ": missing; a Terminal-Bench task folder needs a task.yaml with an 'instruction'");
        }
        JsonNode yaml;
        try {
            yaml = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new TaskException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (yaml == null || !yaml.isObject()) {
            throw new TaskException(file + ": expected a mapping of fields, e.g. 'instruction: ...'");
        }
        Fields fields = new Fields(file, yaml);
        String instruction = fields.text("instruction", null);
        if (instruction == null || instruction.isBlank()) {
            throw new TaskException(file + ": field 'instruction' is missing or empty; it is the only text the agent receives");
        }
        Difficulty difficulty;
        try {
            difficulty = Difficulty.parse(fields.text("difficulty", "unknown"));
        } catch (IllegalArgumentException e) {
            throw new TaskException(file + ": field 'difficulty': " + e.getMessage());
        }
        return new TerminalBenchTask(
                dir.getFileName().toString(), dir, instruction,
                fields.text("author_name", "unknown"), fields.text("author_email", "unknown"),
                difficulty, fields.text("category", "software_engineering"), fields.texts("tags"),
                fields.text("parser_name", "pytest"),
                Duration.ofMillis((long) (fields.number("max_agent_timeout_sec", 360) * 1000)),
                Duration.ofMillis((long) (fields.number("max_test_timeout_sec", 60) * 1000)),
                fields.bool("run_tests_in_same_shell", false));
    }

    /** Typed access to task.yaml fields with messages naming file and field. */
    private record Fields(Path file, JsonNode yaml) {

        String text(String name, String fallback) {
            JsonNode node = yaml.get(name);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isValueNode()) {
                throw new TaskException(file + ": field '" + name + "' must be text, got " + node.getNodeType().name().toLowerCase());
            }
            return node.asText();
        }

        List<String> texts(String name) {
            JsonNode node = yaml.get(name);
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw new TaskException(file + ": field '" + name + "' must be a list of strings");
            }
            List<String> values = new ArrayList<>();
            node.forEach(item -> values.add(item.asText()));
            return List.copyOf(values);
        }

        double number(String name, double fallback) {
            JsonNode node = yaml.get(name);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isNumber() || node.asDouble() <= 0) {
                throw new TaskException(file + ": field '" + name + "' must be a positive number of seconds, got '" + node.asText() + "'");
            }
            return node.asDouble();
        }

        boolean bool(String name, boolean fallback) {
            JsonNode node = yaml.get(name);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isBoolean()) {
                throw new TaskException(file + ": field '" + name + "' must be true or false, got '" + node.asText() + "'");
            }
            return node.asBoolean();
        }
    }
}
