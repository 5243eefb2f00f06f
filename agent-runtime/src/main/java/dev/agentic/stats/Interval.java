package dev.agentic.stats;

/** A two-sided interval for a proportion or a difference. */
public record Interval(double low, double high) {

    public Interval {
        if (low > high) {
            throw new IllegalArgumentException("interval low " + low + " is above high " + high);
        }
    }

    public boolean contains(double value) {
        return value >= low && value <= high;
    }
}
