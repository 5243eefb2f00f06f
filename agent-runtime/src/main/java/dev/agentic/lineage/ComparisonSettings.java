package dev.agentic.lineage;

import java.util.Locale;

/**
 * How a child is compared with its parent ({@link Comparisons}).
 *
 * @param confidence 1 − α, between 0.5 and 1: α is the one-sided level of "worse" and of "better", and Δ's interval
 *     is two-sided at 1 − 2α (each end a one-sided 1 − α bound)
 * @param margin differences within it never decide, in resolved-rate units (0.05 = 5 points), from 0 to 1
 * @param resamples resamples of the bootstrap interval shown as a diagnostic, 1 or more
 */
public record ComparisonSettings(double confidence, double margin, int resamples) {

    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** 95 % confidence, no margin, {@link Comparisons#DEFAULT_RESAMPLES} resamples. */
    public static final ComparisonSettings DEFAULT = new ComparisonSettings(DEFAULT_CONFIDENCE, 0, Comparisons.DEFAULT_RESAMPLES);

    public ComparisonSettings {
        named("confidence", () -> confidence(confidence));
        named("margin", () -> margin(margin));
        named("resamples", () -> resamples(resamples));
    }

    /** {@code value} as a confidence; else a message, for the caller to prefix with the name of its option. */
    public static double confidence(double value) {
        if (!(value > 0.5 && value < 1)) {
            throw new IllegalArgumentException("expected a number between 0.5 and 1, e.g. 0.95, got " + number(value));
        }
        return value;
    }

    /** {@code value} as a margin; else a message, for the caller to prefix with the name of its option. */
    public static double margin(double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException("expected a share of the resolved rate from 0 to 1, e.g. 0.05 for 5 points, got "
                    + number(value));
        }
        return value;
    }

    /** {@code value} as a number of bootstrap resamples; else a message, for the caller to prefix with the name of its option. */
    public static int resamples(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("expected 1 or more, e.g. " + Comparisons.DEFAULT_RESAMPLES + ", got " + value);
        }
        return value;
    }

    /** The significance level of the one-sided tests, 1 − confidence. */
    public double alpha() {
        return 1 - confidence;
    }

    private static void named(String setting, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? String.format(Locale.ROOT, "%.0f", value) : Double.toString(value);
    }
}
