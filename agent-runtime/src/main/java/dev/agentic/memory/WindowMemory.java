package dev.agentic.memory;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the last {@code observations} tool results verbatim and replaces older ones by a one-line
 * placeholder; the model's own messages and tool calls stay, so no call loses its result.
 */
public record WindowMemory(int observations) implements MemoryPolicy {

    static final String PLACEHOLDER_START = "[older output omitted";

    @Override
    public List<ChatMessage> apply(List<ChatMessage> turns, long pinnedTokens, Summarizer summarizer) {
        int seen = 0;
        List<ChatMessage> kept = new ArrayList<>(turns);
        for (int i = kept.size() - 1; i >= 0; i--) {
            if (kept.get(i) instanceof ToolExecutionResultMessage result && ++seen > observations
                    && !result.text().startsWith(PLACEHOLDER_START)) {
                int lines = (int) result.text().lines().count();
                kept.set(i, ToolExecutionResultMessage.builder().id(result.id()).toolName(result.toolName()).isError(result.isError())
                        .text(PLACEHOLDER_START + ": " + lines + " lines; only the last " + observations + " observations are kept]").build());
            }
        }
        return kept;
    }

    @Override
    public String spec() {
        return "window:" + observations;
    }
}
