package dev.agentic.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.document.Document;
import dev.agentic.document.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.agentic.sandbox.ExecOptions;
import dev.agentic.sandbox.ResourceLimits;

/**
 * A Harbor (Terminal-Bench 2) task folder: {@code instruction.md}; {@code task.toml} with
 * {@code [task]} (its {@code name} is the task's name; the folder name without one), {@code [metadata]},
 * {@code [verifier]} and {@code [agent]} (timeout_sec, user, env), {@code [environment]} (workdir, cpus,
 * memory_mb, storage_mb, build_timeout_sec, docker_image, allow_internet); {@code environment/} (a
 * Dockerfile, unless {@code docker_image} names a prebuilt image); {@code tests/test.sh}, which writes
 * the reward to {@code /logs/verifier/reward.json} or {@code reward.txt}; {@code solution/solve.sh}.
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
        Run agent,
        Run verifier,
        Resources resources,
        Map<String, String> containerEnv,
        String declaredWorkdir,
        Boolean allowInternet,
        TaskEnvironment environment) implements Task {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

    /** The namespace of Harbor task ids: {@code harbor/<[task].name, or the folder name>}. */
    public static final String NAMESPACE = "harbor";

    /** How one phase's commands run: {@code [agent]} or {@code [verifier]} user and env; a null user is the image's. */
    public record Run(String user, Map<String, String> env) {
        public ExecOptions exec() {
            return new ExecOptions(user, env);
        }
    }

    /**
     * {@code [environment]} cpus, memory_mb and storage_mb (the deprecated {@code memory} and {@code storage}
     * strings such as "2G" override them, as in Harbor); zero where the task sets nothing.
     */
    public record Resources(double cpus, long memoryMb, long storageMb) {}

    /** {@code [environment].workdir}, or null: then the image's {@code WORKDIR} decides, as in Harbor. */
    @Override
    public String workdir() {
        return declaredWorkdir;
    }

    /** An image without {@code WORKDIR} runs Harbor's commands in {@code /}, as {@code docker exec} without {@code -w} does. */
    @Override
    public String fallbackWorkdir() {
        return "/";
    }

    @Override
    public ResourceLimits limits() {
        return new ResourceLimits(resources.cpus() > 0 ? resources.cpus() : ResourceLimits.DEFAULT.cpus(),
                resources.memoryMb() > 0 ? resources.memoryMb() << 20 : ResourceLimits.DEFAULT.memoryBytes(), ResourceLimits.DEFAULT.pids());
    }

    /** A task that sets {@code [environment].allow_internet = true} says that it uses the network. */
    @Override
    public boolean needsInternet() {
        return Boolean.TRUE.equals(allowInternet);
    }

    @Override
    public ExecOptions agentExec() {
        return agent.exec();
    }

    @Override
    public ExecOptions verifierExec() {
        return verifier.exec();
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

    /**
     * Reads a task folder. A missing {@code tests/test.sh} is not a load error: the task loads and every
     * grading of it is a task error, so that one broken task does not stop a suite.
     */
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
        Document document = Tasks.read(toml, Format.TOML);
        Sections fields = new Sections(document);
        Difficulty difficulty;
        try {
            difficulty = Difficulty.parse(fields.text("metadata", "difficulty", "unknown"));
        } catch (IllegalArgumentException e) {
            throw new TaskException(document.at("metadata", "difficulty") + ": field [metadata].difficulty: " + e.getMessage());
        }
        String workdir = fields.text("environment", "workdir", null);
        if (workdir != null && !workdir.startsWith("/")) {
            throw new TaskException(document.at("environment", "workdir") + ": field [environment].workdir must be an absolute path, got '" + workdir + "'");
        }
        long memoryMb = fields.size("environment", "memory", fields.wholeNumber("environment", "memory_mb"));
        long storageMb = fields.size("environment", "storage", fields.wholeNumber("environment", "storage_mb"));
        return new HarborTask(NAMESPACE + "/" + fields.text("task", "name", dir.getFileName().toString()), dir, instruction,
                fields.text("task", "description", ""), fields.texts("task", "authors"), fields.texts("task", "keywords"),
                difficulty, fields.text("metadata", "category", "unknown"),
                fields.seconds("agent", "timeout_sec", DEFAULT_TIMEOUT), fields.seconds("verifier", "timeout_sec", DEFAULT_TIMEOUT),
                fields.seconds("environment", "build_timeout_sec", DEFAULT_TIMEOUT),
                new Run(fields.user("agent"), fields.table("agent", "env")), new Run(fields.user("verifier"), fields.table("verifier", "env")),
                new Resources(fields.number("environment", "cpus", 0), memoryMb, storageMb), fields.table("environment", "env"), workdir,
                fields.optionalBool("environment", "allow_internet"),
                environment(dir, toml, fields.text("environment", "docker_image", null)));
    }

    private static TaskEnvironment environment(Path dir, Path toml, String image) {
        if (image != null && !image.isBlank()) {
            return new TaskEnvironment.Prebuilt(image);
        }
        Path dockerfile = dir.resolve("environment/Dockerfile");
        if (Files.isRegularFile(dockerfile)) {
            return new TaskEnvironment.Built(dir.resolve("environment"), dockerfile, Set.of());
        }
        throw new TaskException(dir.resolve("environment") + ": no Dockerfile, and " + toml + " has no [environment].docker_image");
    }

    /** Typed access to the sections of task.toml, with messages naming file, line, column, section and field. */
    private record Sections(Document toml) {

        private JsonNode field(String section, String name) {
            JsonNode table = toml.root().get(section);
            if (table != null && !table.isObject()) {
                throw new TaskException(toml.at(section) + ": [" + section + "] must be a table, found " + Document.kind(table));
            }
            return table == null ? null : table.get(name);
        }

        private String at(String section, String name) {
            return toml.at(section, name) + ": field [" + section + "]." + name;
        }

        String text(String section, String name, String fallback) {
            JsonNode node = field(section, name);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isValueNode()) {
                throw new TaskException(at(section, name) + " must be a string, found " + Document.kind(node));
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
                throw new TaskException(at(section, name) + " must be a list, found " + Document.kind(node));
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
                throw new TaskException(at(section, name) + " must be a non-negative number, got " + Document.written(node));
            }
            return node.asDouble();
        }

        Duration seconds(String section, String name, Duration fallback) {
            JsonNode node = field(section, name);
            if (node == null) {
                return fallback;
            }
            if (!node.isNumber() || node.asDouble() <= 0) {
                throw new TaskException(at(section, name) + " must be a positive number of seconds, got " + Document.written(node));
            }
            return Duration.ofMillis((long) (node.asDouble() * 1000));
        }

        /** {@code [section].user}: a user name or a numeric uid; null when absent (the image's user). */
        String user(String section) {
            JsonNode node = field(section, "user");
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual() && !node.canConvertToLong()) {
                throw new TaskException(at(section, "user") + " must be a user name or a numeric uid");
            }
            return node.asText();
        }

        long wholeNumber(String section, String name) {
            JsonNode node = field(section, name);
            if (node == null) {
                return 0;
            }
            if (!node.canConvertToLong() || node.asLong() < 0) {
                throw new TaskException(at(section, name) + " must be a whole number of megabytes, got " + Document.written(node));
            }
            return node.asLong();
        }

        /** A size string such as "2G", "512M" or "256K" in megabytes; {@code fallback} when absent. */
        long size(String section, String name, long fallback) {
            JsonNode node = field(section, name);
            if (node == null) {
                return fallback;
            }
            String text = node.asText().strip().toUpperCase(java.util.Locale.ROOT);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([GMK])B?").matcher(text);
            if (!m.matches()) {
                throw new TaskException(at(section, name) + " must be a size such as \"2G\", \"512M\" or \"256K\", got '"
                        + node.asText() + "'");
            }
            double value = Double.parseDouble(m.group(1));
            return (long) switch (m.group(2)) {
                case "G" -> value * 1024;
                case "K" -> value / 1024;
                default -> value;
            };
        }

        Boolean optionalBool(String section, String name) {
            JsonNode node = field(section, name);
            if (node == null) {
                return null;
            }
            if (!node.isBoolean()) {
                throw new TaskException(at(section, name) + " must be true or false, got " + Document.written(node));
            }
            return node.asBoolean();
        }

        /** A table of environment variables; {@code ${VAR}} and {@code ${VAR:-default}} are taken from this process's environment, as Harbor does. */
        Map<String, String> table(String section, String name) {
            JsonNode node = field(section, name);
            Map<String, String> values = new LinkedHashMap<>();
            if (node != null && !node.isObject()) {
                throw new TaskException(at(section, name) + " must be a table of NAME = \"value\", found " + Document.kind(node));
            }
            if (node != null) {
                node.properties().forEach(e -> values.put(e.getKey(), ComposeFile.substitute(e.getValue().asText(), System.getenv())));
            }
            return Map.copyOf(values);
        }
    }
}
