package dev.agentic.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which of a suite's task sets a run measures, or a published task belongs to: written and given on the command line
 * as {@code core} or {@code expansion}. Here, beside the tasks, so that the bench, the lineage and the fetching of
 * published tasks all use the one set.
 */
public enum TaskSet {
    /** The suite's tasks. */
    CORE,
    /** Its expansion set, measured once a variant beats its parent on the core. */
    EXPANSION;

    /** The form in {@code run.json} ({@code task_set}) and on the command line ({@code --task-set}, {@code agentx fetch --set}). */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }

    /** The task set written as {@code label}; any other text is refused. */
    @JsonCreator
    public static TaskSet of(String label) {
        for (TaskSet set : values()) {
            if (set.label().equals(label)) {
                return set;
            }
        }
        throw new IllegalArgumentException("task set '" + label + "': expected core or expansion");
    }
}
