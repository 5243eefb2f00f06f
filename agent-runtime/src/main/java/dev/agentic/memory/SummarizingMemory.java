package dev.agentic.memory;

import dev.agentic.model.TokenEstimate;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * When the conversation exceeds {@code tokens} (estimated), the model summarises all but the
 * last {@value #KEEP_UNITS} units in one call, and the summary replaces them.
 */
public record SummarizingMemory(long tokens) implements MemoryPolicy {

    static final int KEEP_UNITS = 2;
    public static final String SUMMARY_HEADER = "[Summary of the earlier work in this episode]\n";

    @Override
    public List<ChatMessage> apply(List<ChatMessage> turns, long pinnedTokens, Summarizer summarizer) {
        if (pinnedTokens + TokenEstimate.of(turns) <= tokens) {
            return turns;
        }
        List<Integer> starts = Turns.unitStarts(turns);
        if (starts.size() <= KEEP_UNITS) {
            return turns;
        }
        int cut = starts.get(starts.size() - KEEP_UNITS);
        String summary = summarizer.summarize(turns.subList(0, cut));
        List<ChatMessage> kept = new ArrayList<>();
        kept.add(UserMessage.from(SUMMARY_HEADER + summary));
        kept.addAll(turns.subList(cut, turns.size()));
        return kept;
    }

    @Override
    public String spec() {
        return "summarize:" + tokens;
    }
}
