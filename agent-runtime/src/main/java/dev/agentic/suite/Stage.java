package dev.agentic.suite;

import dev.agentic.task.Task;
import java.util.List;
import java.util.Set;

/**
 * One stage of a suite's staged evaluation: a named share of the core tasks that a variant runs in
 * full (every trial) before the next stage starts, and the pass rate it must reach there to go on.
 * A suite that declares no stages has one, {@link #implicit}, of all its core tasks.
 *
 * @param name the stage's name, unique in its suite
 * @param globs the task-id globs naming its tasks, as the manifest writes them; empty for the stage that takes
 *     every core task not in an earlier one (only the last stage may)
 * @param minPassRate the share (0 to 1) of the stage's graded trials that must resolve for the variant to go on
 * @param tasks the ids of its tasks, in the suite's order
 */
public record Stage(String name, List<String> globs, double minPassRate, List<String> tasks) {

    /** The name of the one stage of a suite that declares none. */
    public static final String IMPLICIT = "core";

    public Stage {
        globs = List.copyOf(globs);
        tasks = List.copyOf(tasks);
    }

    /** The stage of a suite without stages: every core task, no threshold. */
    public static Stage implicit(List<Task> core) {
        return new Stage(IMPLICIT, List.of(), 0, core.stream().map(Task::id).toList());
    }

    /** This stage with only the tasks in {@code ids} (a suite filtered by include / exclude globs). */
    Stage restrictedTo(Set<String> ids) {
        return new Stage(name, globs, minPassRate, tasks.stream().filter(ids::contains).toList());
    }

    /** The text the suite hash covers: name, globs and threshold. */
    String definition() {
        return name + "|" + String.join(",", globs) + "|" + minPassRate;
    }
}
