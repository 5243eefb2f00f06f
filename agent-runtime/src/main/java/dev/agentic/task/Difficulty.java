package dev.agentic.task;

import java.util.Locale;

/** How hard a task is said to be. */
public enum Difficulty {
    EASY, MEDIUM, HARD, UNKNOWN;

    static Difficulty parse(String text) {
        for (Difficulty d : values()) {
            if (d.name().toLowerCase(Locale.ROOT).equals(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException("expected easy, medium, hard or unknown, got '" + text + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
