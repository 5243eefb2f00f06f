package dev.agentic.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Harbor (Terminal-Bench 2) task folder: {@code instruction.md}; {@code task.toml} with
 * {@code [task]}, {@code [metadata]}, {@code [verifier]}, {@code [agent]}, {@code [environment]};
 * {@code environment/} (a Dockerfile, or {@code docker_image} in the toml); {@code tests/test.sh},
 * which writes the reward to {@code /logs/verifier/reward.txt} or {@code reward.json};
 * {@code solution/solve.sh}.
 */
public record HarborTask(
        String id,
        Path dir,
        String instruction,
        String description,
        List<String> authors,
        List<String> keywords,
        Difficulty difficulty,
        String category,
        Duration agentTimeout,
        Duration testTimeout,
        Duration buildTimeout,
        Map<String, String> verifierEnv,
        double cpus,
        long memoryMb,
        TaskEnvironment environment) implements Task {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

    @Override
    public String workdir() {
        return "/app";
    }

    @Override
    public String format() {
        return "harbor";
    }

    public Path testScript() {
        return dir.resolve("tests/test.sh");
    }

    public Path tests() {
        return dir.resolve("tests");
    }

    public Path solution() {
        return dir.resolve("solution/solve.sh");
    }

    public static HarborTask load(Path dir) {
        Path toml = dir.resolve("task.toml");
        Path instructionFile = dir.resolve("instruction.md");
        if (!Files.isRegularFile(toml)) {
            throw new TaskException(toml + ": missing; a Harbor task folder needs task.toml and instruction.md");
        }
        String instruction;
        try {
            instruction = Files.isRegularFile(instructionFile) ? Files.readString(instructionFile) : null;
        } catch (IOException e) {
            throw new TaskException(instructionFile + ": unreadable: " + e.getMessage(), e);
        }
        if (instruction == null || instruction.isBlank()) {
            throw new TaskException(instructionFile + ": missing or empty; it is the only text the agent receives");
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(toml.toFile());
        } catch (IOException e) {
            throw new TaskException(toml + ": not valid TOML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        Sections fields = new Sections(toml, root);
        if (!Files.isRegularFile(dir.resolve("tests/test.sh"))) {
            throw new TaskException(dir.resolve("tests/test.sh") + ": missing; the verifier runs it and it writes the reward");
        }
        Difficulty difficulty;
        try {
            difficulty = Difficulty.parse(fields.text("metadata", "difficulty", "unknown"));
        } catch (IllegalArgumentException e) {
            throw new TaskException(toml + ": field [metadata].difficulty: " + e.getMessage());
        }
        return new HarborTask(dir.getFileName().toString(), dir, instruction,
                fields.text("task", "description", ""), fields.texts("task", "authors"), fields.texts("task", "keywords"),
                difficulty, fields.text("metadata", "category", "unknown"),
                fields.seconds("agent", "timeout_sec", DEFAULT_TIMEOUT), fields.seconds("verifier", "timeout_sec", DEFAULT_TIMEOUT),
                fields.seconds("environment", "build_timeout_sec", DEFAULT_TIMEOUT), fields.table("verifier", "env"),
                fields.number("environment", "cpus", 0), (long) fields.number("environment", "memory_mb", 0),
                environment(dir, toml, fields.text("environment", "docker_image", null)));
    }

    private static TaskEnvironment environment(Path dir, Path toml, String image) {
        Path dockerfile = dir.resolve("environment/Dockerfile");
        if (Files.isRegularFile(dockerfile)) {
            return new TaskEnvironment.Built(dir.resolve("environment"), dockerfile, Set.of());
        }
        if (image != null && !image.isBlank()) {
            return new TaskEnvironment.Prebuilt(image);
        }
        throw new TaskException(dir.resolve("environment") + ": no Dockerfile, and " + toml + " has no [environment].docker_image");
    }

    /** Typed access to the sections of task.toml, with messages naming file, section and field. */
    private record Sections(Path file, JsonNode root) {

        private JsonNode field(String section, String name) {
            JsonNode table = root.get(section);
            return table == null ? null : table.get(name);
        }

        String text(String section, String name, String fallback) {
            JsonNode node = field(section, name);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isValueNode()) {
                throw new TaskException(file + ": field [" + section + "]." + name + " must be a string");
            }
            return node.asText();
        }

        List<String> texts(String section, String name) {
            JsonNode node = field(section, name);
            List<String> values = new ArrayList<>();
            if (node == null) {
                return values;
            }
            if (!node.isArray()) {
                throw new TaskException(file + ": field [" + section + "]." + name + " must be a list");
            }
            node.forEach(item -> values.add(item.isObject() ? item.path("name").asText(item.toString()) : item.asText()));
            return List.copyOf(values);
        }

        double number(String section, String name, double fallback) {
            JsonNode node = field(section, name);
            if (node == null) {
                return fallback;
            }
            if (!node.isNumber() || node.asDouble() < 0) {
                throw new TaskException(file + ": field [" + section + "]." + name + " must be a non-negative number, got '" + node.asText() + "'");
            }
            return node.asDouble();
        }

        Duration seconds(String section, String name, Duration fallback) {
            JsonNode node = field(section, name);
            if (node == null) {
                return fallback;
            }
            if (!node.isNumber() || node.asDouble() <= 0) {
                throw new TaskException(file + ": field [" + section + "]." + name + " must be a positive number of seconds, got '" + node.asText() + "'");
            }
            return Duration.ofMillis((long) (node.asDouble() * 1000));
        }

        Map<String, String> table(String section, String name) {
            JsonNode node = field(section, name);
            Map<String, String> values = new LinkedHashMap<>();
            if (node != null && node.isObject()) {
                node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
            }
            return Map.copyOf(values);
        }
    }
}
