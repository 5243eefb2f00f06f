package dev.agentic.lineage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** When a gate fails a child: on a verdict of {@link Verdict#WORSE}, or on any verdict but {@link Verdict#BETTER}. */
public enum GateRule {

    /** Fails when the child is worse than its parent beyond the margin. */
    REGRESSION("regression", "fails when the child is WORSE"),
    /** Fails unless the child is better than its parent beyond the margin. */
    NO_IMPROVEMENT("no-improvement", "fails unless the child is BETTER");

    private final String written;
    private final String meaning;

    GateRule(String written, String meaning) {
        this.written = written;
        this.meaning = meaning;
    }

    /** Whether a comparison with this verdict fails the gate. */
    public boolean fails(Verdict verdict) {
        return switch (this) {
            case REGRESSION -> verdict == Verdict.WORSE;
            case NO_IMPROVEMENT -> verdict != Verdict.BETTER;
        };
    }

    /**
     * The rule written as {@code regression} or {@code no-improvement} (surrounding blanks and case ignored). Anything
     * else is refused with a message that lists the rules, for the caller to prefix with the name of its option.
     */
    public static GateRule parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (GateRule rule : values()) {
            if (rule.written.equals(value)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("expected " + Arrays.stream(values()).map(r -> r.written + " (" + r.meaning + ")")
                .collect(Collectors.joining(" or ")) + ", got '" + (text == null ? "" : text) + "'");
    }

    /** The rule as it is written: {@code regression}, {@code no-improvement}. */
    @Override
    public String toString() {
        return written;
    }
}
