package dev.agentic.model;

/** Tokens of one or more model calls. */
public record Usage(long inputTokens, long outputTokens) {

    public static final Usage ZERO = new Usage(0, 0);

    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
