package dev.agentic.memory;

import dev.langchain4j.data.message.ChatMessage;
import java.util.List;

/** Shapes the turns of a conversation after each step. */
public sealed interface MemoryPolicy permits FullMemory, WindowMemory, TokenBudgetMemory, SummarizingMemory {

    /** The turns to keep; {@code pinnedTokens} is what the untouchable head of the conversation costs. */
    List<ChatMessage> apply(List<ChatMessage> turns, long pinnedTokens, Summarizer summarizer);

    /** The textual form, e.g. {@code window:10}. */
    String spec();

    /** Parses {@code full}, {@code window:N}, {@code token-budget:T} or {@code summarize:T}. */
    static MemoryPolicy parse(String text) {
        String expected = "expected full, window:<observations>, token-budget:<tokens> or summarize:<tokens>";
        String value = text == null ? "" : text.trim();
        if (value.equals("full")) {
            return new FullMemory();
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("memory '" + text + "': " + expected);
        }
        String kind = value.substring(0, colon);
        long number;
        try {
            number = Long.parseLong(value.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("memory '" + text + "': '" + value.substring(colon + 1) + "' is not a whole number; " + expected);
        }
        if (number < 1) {
            throw new IllegalArgumentException("memory '" + text + "': the number must be positive; " + expected);
        }
        return switch (kind) {
            case "window" -> new WindowMemory((int) number);
            case "token-budget" -> new TokenBudgetMemory(number);
            case "summarize" -> new SummarizingMemory(number);
            default -> throw new IllegalArgumentException("memory '" + text + "': unknown policy '" + kind + "'; " + expected);
        };
    }
}
