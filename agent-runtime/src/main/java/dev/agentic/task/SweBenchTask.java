package dev.agentic.task;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentic.document.Document;
import dev.agentic.document.DocumentException;
import dev.agentic.document.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A SWE-bench instance: the repository at {@code /testbed} at {@code base_commit}; the agent gets
 * the {@code problem_statement}; grading applies {@code test_patch} and checks {@code FAIL_TO_PASS}
 * and {@code PASS_TO_PASS} (each a JSON-encoded list of test names, as published). The image is a
 * configured environment folder ({@code <environments>/<instance_id>/Dockerfile}) when there is
 * one, else the published {@code swebench/sweb.eval.x86_64.<id>} image. {@code repoSpecs} is an extra
 * file of repository specifications (how the instance's tests run and are read) over the built-in ones, or null.
 */
public record SweBenchTask(
        String instanceId,
        String repo,
        String baseCommit,
        String patch,
        String testPatch,
        String problemStatement,
        String hintsText,
        String createdAt,
        String version,
        String environmentSetupCommit,
        List<String> failToPass,
        List<String> passToPass,
        String difficultyText,
        TaskEnvironment environment,
        Path repoSpecs) implements Task {

    /** Files of an environment folder that never enter the image: the instance holds the gold patch. */
    public static final Set<String> HIDDEN = Set.of("instance.json", "tests", "solution");
    private static final ObjectMapper JSON = Format.JSON.mapper();

    /** The namespace of SWE-bench task ids: {@code swe/<instance_id>}. */
    public static final String NAMESPACE = "swe";

    @Override
    public String id() {
        return NAMESPACE + "/" + instanceId;
    }

    @Override
    public String instruction() {
        return problemStatement;
    }

    @Override
    public Difficulty difficulty() {
        if (difficultyText == null) {
            return Difficulty.UNKNOWN;
        }
        return switch (difficultyText) {
            case "<15 min fix" -> Difficulty.EASY;
            case "15 min - 1 hour" -> Difficulty.MEDIUM;
            case "1-4 hours", ">4 hours" -> Difficulty.HARD;
            default -> Difficulty.UNKNOWN;
        };
    }

    @Override
    public String category() {
        return "swe-bench:" + repo;
    }

    @Override
    public Duration agentTimeout() {
        return Duration.ofMinutes(30);
    }

    @Override
    public Duration testTimeout() {
        return Duration.ofMinutes(30);
    }

    @Override
    public String workdir() {
        return "/testbed";
    }

    @Override
    public String format() {
        return "swe-bench";
    }

    /** The published evaluation image of an instance. */
    public static String publishedImage(String instanceId) {
        return "swebench/sweb.eval.x86_64." + instanceId.toLowerCase(Locale.ROOT).replace("__", "_1776_") + ":latest";
    }

    /** Instances from a JSON file (one object or an array) or a JSON Lines file; warnings go to standard error. */
    public static List<SweBenchTask> loadAll(Path file, Path environments) {
        return loadAll(file, environments, System.err::println);
    }

    /**
     * As {@link #loadAll(Path, Path)}; an instance given twice (as some published files do) is kept
     * once with a warning naming both places when the copies are identical, and refused naming both
     * when they differ.
     */
    public static List<SweBenchTask> loadAll(Path file, Path environments, java.util.function.Consumer<String> warnings) {
        return loadAll(file, environments, null, warnings);
    }

    /** As {@link #loadAll(Path, Path, java.util.function.Consumer)}, with an extra repository-specifications file (or null). */
    public static List<SweBenchTask> loadAll(Path file, Path environments, Path repoSpecs, java.util.function.Consumer<String> warnings) {
        java.util.Map<String, SweBenchTask> tasks = new java.util.LinkedHashMap<>();
        java.util.Map<String, Written> first = new java.util.HashMap<>();
        for (Written written : written(file)) {
            SweBenchTask task = fromJson(written, environments, repoSpecs);
            Written earlier = first.putIfAbsent(task.instanceId(), written);
            if (earlier == null) {
                tasks.put(task.instanceId(), task);
            } else if (earlier.node().equals(written.node())) {
                warnings.accept("warning: " + written.place() + " repeats instance " + task.instanceId() + " of " + earlier.place()
                        + " (identical); kept once");
            } else {
                throw new TaskException(written.place() + ": instance " + task.instanceId() + " appears again with different fields (first at "
                        + earlier.place() + "); keep one of them");
            }
        }
        return List.copyOf(tasks.values());
    }

    /** One instance as written: the document holding it and where in it. */
    private record Written(Document document, JsonPointer pointer) {
        JsonNode node() {
            return document.root().at(pointer);
        }

        /** {@code file:line:column} of the instance. */
        String place() {
            return document.at(pointer);
        }

        String at(String field) {
            return document.at(pointer.appendProperty(field));
        }
    }

    /** The instances of a JSON file (one object or an array) or a JSON Lines file. */
    private static List<Written> written(Path file) {
        try {
            String text = Document.readText(file);
            List<Written> written = new ArrayList<>();
            if (text.strip().startsWith("[")) {
                Document array = Document.parse(file.toString(), text, JSON);
                for (int i = 0; i < array.root().size(); i++) {
                    written.add(new Written(array, Document.pointer(i)));
                }
            } else if (file.toString().endsWith(".jsonl")) {
                List<String> lines = text.lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).isBlank()) {
                        written.add(new Written(Document.parse(file.toString(), lines.get(i), JSON, i + 1), JsonPointer.empty()));
                    }
                }
            } else {
                written.add(new Written(Document.parse(file.toString(), text, JSON), JsonPointer.empty()));
            }
            return written;
        } catch (DocumentException e) {
            throw new TaskException(e.getMessage(), e);
        }
    }

    /** One instance; messages name its file, line and column. */
    private static SweBenchTask fromJson(Written written, Path environments, Path repoSpecs) {
        JsonNode node = written.node();
        if (!node.isObject()) {
            throw new TaskException(written.place() + ": expected a SWE-bench instance object (one per line in .jsonl, or a list of them),"
                    + " found " + Document.kind(node));
        }
        String id = required(written, "", "instance_id");
        String where = "instance " + id + ": ";
        Path envDir = environments == null ? null : environments.resolve(id);
        TaskEnvironment environment = envDir != null && Files.isRegularFile(envDir.resolve("Dockerfile"))
                ? new TaskEnvironment.Built(envDir, envDir.resolve("Dockerfile"), HIDDEN)
                : new TaskEnvironment.Prebuilt(publishedImage(id));
        String baseCommit = required(written, where, "base_commit");
        if (!baseCommit.matches("[0-9a-f]{7,40}")) {
            throw new TaskException(written.at("base_commit") + ": " + where + "field 'base_commit' must be a git commit hash, got '" + baseCommit + "'");
        }
        return new SweBenchTask(id, required(written, where, "repo"), baseCommit, text(node, "patch"),
                required(written, where, "test_patch"), required(written, where, "problem_statement"), text(node, "hints_text"),
                text(node, "created_at"), text(node, "version"), text(node, "environment_setup_commit"),
                testList(written, where, "FAIL_TO_PASS"), testList(written, where, "PASS_TO_PASS"), text(node, "difficulty"), environment,
                repoSpecs);
    }

    private static String required(Written written, String where, String field) {
        JsonNode value = written.node().get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new TaskException(written.at(field) + ": " + where + "field '" + field + "' is missing or empty");
        }
        if (!value.isTextual()) {
            throw new TaskException(written.at(field) + ": " + where + "field '" + field + "' must be a string, found " + Document.kind(value));
        }
        return value.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A JSON-encoded string holding a list, as published; a plain list is accepted too. */
    private static List<String> testList(Written written, String where, String field) {
        JsonNode value = written.node().get(field);
        if (value == null || value.isNull()) {
            throw new TaskException(written.at(field) + ": " + where + "field '" + field + "' is missing; expected a JSON-encoded list of test names");
        }
        JsonNode list = value;
        if (value.isTextual()) {
            try {
                list = JSON.readTree(value.asText());
            } catch (IOException e) {
                throw new TaskException(written.at(field) + ": " + where + "field '" + field + "' is not a JSON-encoded list: "
                        + abbreviate(value.asText()), e);
            }
        }
        if (list == null || !list.isArray()) {
            throw new TaskException(written.at(field) + ": " + where + "field '" + field + "' must hold a list of test names, got "
                    + abbreviate(value.toString()));
        }
        List<String> tests = new ArrayList<>();
        list.forEach(item -> tests.add(item.asText()));
        return List.copyOf(tests);
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
