package dev.agentic.memory;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/** Splitting turns into units that start at a model message, so tool results are never separated from their call. */
final class Turns {

    private Turns() {}

    /** Index where each unit starts: 0 and every {@link AiMessage} after it. */
    static List<Integer> unitStarts(List<ChatMessage> turns) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            if (i == 0 || turns.get(i) instanceof AiMessage) {
                starts.add(i);
            }
        }
        return starts;
    }
}
