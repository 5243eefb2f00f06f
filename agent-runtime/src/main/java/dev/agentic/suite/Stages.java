package dev.agentic.suite;

import dev.agentic.task.Task;
import dev.agentic.task.TaskException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.document.Document;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code stages} of a suite manifest:
 *
 * <pre>
 * stages:                       # optional; in order over the core set
 *   - name: screen
 *     tasks: [tb/hello-world, "swe/*-1179*"]   # task-id globs of core tasks
 *     min_pass_rate: 0.2        # go on only when the pass rate over this stage's trials is at least this
 *   - name: core                # no 'tasks': every core task not in an earlier stage (last stage only)
 *     min_pass_rate: 0
 * </pre>
 *
 * Globs match as {@link Suite#filter} matches them. A stage without a name, a name used twice, an
 * unknown field, a glob that is not valid or names no core task, a task in two stages, a threshold
 * outside [0, 1], a stage without {@code tasks} that is not the last, and core tasks left in no stage
 * are refused with the manifest's {@code file:line:column}.
 */
final class Stages {

    private static final Set<String> FIELDS = Set.of("name", "tasks", "min_pass_rate");

    private Stages() {}

    /** The stages the manifest declares, in order; empty when it declares none. */
    static List<Stage> read(Document yaml, List<Task> core, List<Task> expansion) {
        JsonNode list = yaml.root().get("stages");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray() || list.isEmpty()) {
            throw new TaskException(yaml.at("stages") + ": field 'stages': expected a list of stages ({name, tasks, min_pass_rate}), found "
                    + (list.isArray() ? "an empty list" : Document.kind(list)));
        }
        Map<String, String> stageOf = new LinkedHashMap<>(); // task id -> the stage that has it
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                throw new TaskException(yaml.at("stages", i) + ": stage " + (i + 1) + ": expected a mapping with 'name', 'tasks' and"
                        + " 'min_pass_rate', found " + Document.kind(item));
            }
            for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                if (!FIELDS.contains(field)) {
                    throw new TaskException(yaml.at("stages", i, field) + ": stage " + (i + 1) + ": unknown field '" + field
                            + "'; expected name, tasks or min_pass_rate");
                }
            }
            String name = name(yaml, item, i, stages);
            double threshold = threshold(yaml, item, i, name);
            List<String> globs = new ArrayList<>();
            List<String> tasks = new ArrayList<>();
            JsonNode globList = item.get("tasks");
            if (globList == null || globList.isNull()) {
                if (i < list.size() - 1) {
                    throw new TaskException(yaml.at("stages", i) + ": stage '" + name + "' has no 'tasks'; only the last stage may"
                            + " leave them out (it takes every core task not in an earlier stage)");
                }
                core.stream().map(Task::id).filter(id -> !stageOf.containsKey(id)).forEach(tasks::add);
                if (tasks.isEmpty()) {
                    throw new TaskException(yaml.at("stages", i) + ": stage '" + name + "' has no task left: every core task is in an"
                            + " earlier stage; remove it or give it tasks");
                }
            } else {
                if (!globList.isArray() || globList.isEmpty()) {
                    throw new TaskException(yaml.at("stages", i, "tasks") + ": stage '" + name + "': field 'tasks': expected a list of"
                            + " task-id globs, found " + (globList.isArray() ? "an empty list" : Document.kind(globList)));
                }
                for (int j = 0; j < globList.size(); j++) {
                    String at = yaml.at("stages", i, "tasks", j);
                    JsonNode glob = globList.get(j);
                    if (!glob.isTextual() || glob.asText().isBlank()) {
                        throw new TaskException(at + ": stage '" + name + "': expected a task-id glob, found " + Document.written(glob));
                    }
                    globs.add(glob.asText());
                    for (String id : matching(at, name, glob.asText(), core, expansion)) {
                        String earlier = stageOf.get(id);
                        if (earlier != null && !earlier.equals(name)) {
                            throw new TaskException(at + ": stage '" + name + "': '" + glob.asText() + "' names " + id
                                    + ", which is in stage '" + earlier + "' already; a task belongs to one stage");
                        }
                        if (earlier == null) {
                            stageOf.put(id, name);
                            tasks.add(id);
                        }
                    }
                }
                List<String> order = core.stream().map(Task::id).filter(tasks::contains).toList();
                tasks = new ArrayList<>(order);
            }
            tasks.forEach(id -> stageOf.putIfAbsent(id, name));
            stages.add(new Stage(name, globs, threshold, tasks));
        }
        List<String> left = core.stream().map(Task::id).filter(id -> !stageOf.containsKey(id)).toList();
        if (!left.isEmpty()) {
            throw new TaskException(yaml.at("stages") + ": " + left.size() + " core task" + (left.size() == 1 ? " is" : "s are")
                    + " in no stage (" + String.join(", ", left.subList(0, Math.min(5, left.size()))) + (left.size() > 5 ? ", …" : "")
                    + "); name them in a stage, or end with a stage without 'tasks', which takes the rest");
        }
        return List.copyOf(stages);
    }

    private static String name(Document yaml, JsonNode item, int i, List<Stage> earlier) {
        JsonNode name = item.get("name");
        if (name == null || !name.isValueNode() || name.isNull() || name.asText().isBlank()) {
            throw new TaskException(yaml.at("stages", i, "name") + ": stage " + (i + 1) + ": field 'name' is missing or empty;"
                    + " expected the stage's name");
        }
        String text = name.asText().strip();
        if (earlier.stream().anyMatch(s -> s.name().equals(text))) {
            throw new TaskException(yaml.at("stages", i, "name") + ": stage name '" + text + "' is used twice; give each stage its own name");
        }
        return text;
    }

    private static double threshold(Document yaml, JsonNode item, int i, String name) {
        JsonNode value = item.get("min_pass_rate");
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isNumber() || !(value.asDouble() >= 0 && value.asDouble() <= 1)) {
            throw new TaskException(yaml.at("stages", i, "min_pass_rate") + ": stage '" + name + "': field 'min_pass_rate': expected a"
                    + " share from 0 to 1 (0.2 = 20 %), got " + Document.written(value));
        }
        return value.asDouble();
    }

    /** The core task ids {@code glob} names; a glob that is not valid, or names no core task, is refused at {@code at}. */
    private static List<String> matching(String at, String stage, String glob, List<Task> core, List<Task> expansion) {
        Pattern pattern;
        try {
            pattern = Glob.ofIds(glob);
        } catch (IllegalArgumentException e) {
            throw new TaskException(at + ": stage '" + stage + "' '" + glob + "': " + e.getMessage());
        }
        List<String> ids = core.stream().map(Task::id).filter(id -> Glob.matchesId(glob, pattern, id)).toList();
        if (ids.isEmpty()) {
            boolean inExpansion = expansion.stream().anyMatch(t -> Glob.matchesId(glob, pattern, t.id()));
            throw new TaskException(at + ": stage '" + stage + "': '" + glob + "' names no core task of the suite"
                    + (inExpansion ? " (it names tasks of the expansion set, which stages do not cover)" : ""));
        }
        return ids;
    }
}
