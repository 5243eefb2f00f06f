package dev.agentic.bench;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How one stage of a staged suite ended in a run, as {@code run.json} writes it ({@code stages[].outcome}). */
public enum StageOutcome {
    /** Its pass rate reached its threshold. */
    CLEARED("cleared"),
    /** Below its threshold: the run stopped here. */
    STOPPED("stopped"),
    /** An earlier stage stopped the run (or the cost cap did). */
    NOT_REACHED("not reached"),
    /** The cost cap stopped the run during it. */
    UNFINISHED("unfinished");

    private final String label;

    StageOutcome(String label) {
        this.label = label;
    }

    /** The form in {@code run.json} and in messages, e.g. {@code not reached}. */
    @JsonValue
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Whether the stage ran to its end, so that its pass rate means something. */
    public boolean ranThrough() {
        return this == CLEARED || this == STOPPED;
    }

    /** The outcome written as {@code label}; any other text is refused, naming the outcomes there are. */
    @JsonCreator
    public static StageOutcome of(String label) {
        return Arrays.stream(values()).filter(o -> o.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("stage outcome '" + label + "': expected one of "
                        + Arrays.stream(values()).map(StageOutcome::label).collect(Collectors.joining(", "))));
    }
}
