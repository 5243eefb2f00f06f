package dev.agentic.memory;

import dev.langchain4j.data.message.ChatMessage;
import java.util.List;

/** Keeps everything. */
public record FullMemory() implements MemoryPolicy {

    @Override
    public List<ChatMessage> apply(List<ChatMessage> turns, long pinnedTokens, Summarizer summarizer) {
        return turns;
    }

    @Override
    public String spec() {
        return "full";
    }
}
