package dev.agentic.memory;

import dev.agentic.model.TokenEstimate;
import dev.langchain4j.data.message.ChatMessage;
import java.util.List;

/**
 * Drops the oldest turns until the conversation fits {@code tokens} (estimated), a whole unit at
 * a time (a model message with its tool results), so no tool result is orphaned. The newest unit
 * is always kept, even when it alone exceeds the budget.
 */
public record TokenBudgetMemory(long tokens) implements MemoryPolicy {

    @Override
    public List<ChatMessage> apply(List<ChatMessage> turns, long pinnedTokens, Summarizer summarizer) {
        List<Integer> starts = Turns.unitStarts(turns);
        long total = pinnedTokens + TokenEstimate.of(turns);
        int from = 0;
        for (int u = 1; u < starts.size() && total > tokens; u++) {
            total -= TokenEstimate.of(turns.subList(starts.get(u - 1), starts.get(u)));
            from = starts.get(u);
        }
        return from == 0 ? turns : List.copyOf(turns.subList(from, turns.size()));
    }

    @Override
    public String spec() {
        return "token-budget:" + tokens;
    }
}
