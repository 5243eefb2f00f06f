package dev.agentic.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The system and task prompt templates. Built in: {@code default} and {@code verify-first}
 * (resources {@code prompts/<name>/system.txt} and {@code task.txt} next to this class); or
 * {@code file:<dir>} with the same two files. Placeholders: {@code {{instruction}}},
 * {@code {{workdir}}}, {@code {{tools}}}.
 */
public record PromptStrategy(String spec, String systemTemplate, String taskTemplate) {

    public static PromptStrategy parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.startsWith("file:")) {
            Path dir = Path.of(value.substring("file:".length()));
            return new PromptStrategy(value, readFile(dir.resolve("system.txt")), readFile(dir.resolve("task.txt")));
        }
        String system = resource(value, "system.txt");
        String task = resource(value, "task.txt");
        if (system == null || task == null) {
            throw new IllegalArgumentException("prompt '" + text + "': expected default, verify-first or file:<directory with system.txt and task.txt>");
        }
        return new PromptStrategy(value, system, task);
    }

    public String system(Map<String, String> values) {
        return render(systemTemplate, values);
    }

    public String task(Map<String, String> values) {
        return render(taskTemplate, values);
    }

    private static String render(String template, Map<String, String> values) {
        String result = template;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            result = result.replace("{{" + entry.getKey() + "}}", entry.getValue());
        }
        return result;
    }

    private static String resource(String name, String file) {
        if (!name.matches("[a-z0-9-]+")) {
            return null;
        }
        try (InputStream in = PromptStrategy.class.getResourceAsStream("prompts/" + name + "/" + file)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("built-in prompt " + name + "/" + file + " unreadable", e);
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("prompt template " + file + " unreadable: " + e.getMessage(), e);
        }
    }
}
