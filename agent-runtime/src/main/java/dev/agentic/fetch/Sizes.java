package dev.agentic.fetch;

import java.util.Locale;

/** Byte counts for people: decimal units, as registries and the Hub report them. */
final class Sizes {

    private Sizes() {}

    static String human(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    static String mb(double mb) {
        return human(Math.round(mb * 1e6));
    }
}
