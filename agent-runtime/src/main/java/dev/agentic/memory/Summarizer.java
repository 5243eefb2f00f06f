package dev.agentic.memory;

import dev.langchain4j.data.message.ChatMessage;
import java.util.List;

/** Asks the model for a summary of some turns (one model call). */
@FunctionalInterface
public interface Summarizer {

    String summarize(List<ChatMessage> turns);
}
