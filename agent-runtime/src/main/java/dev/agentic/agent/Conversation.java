package dev.agentic.agent;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;

/** The messages the model is sent: a pinned head (system prompt, task, plan) and the turns after it. */
final class Conversation {

    static final String PLAN_HEADER = "[Your current plan]\n";

    private final List<ChatMessage> head = new ArrayList<>();
    private List<ChatMessage> turns = new ArrayList<>();
    private int planIndex = -1;

    Conversation(ChatMessage system, ChatMessage task) {
        head.add(system);
        head.add(task);
    }

    void pinPlan(String plan) {
        UserMessage message = UserMessage.from(PLAN_HEADER + plan);
        if (planIndex < 0) {
            planIndex = head.size();
            head.add(message);
        } else {
            head.set(planIndex, message);
        }
    }

    void add(ChatMessage message) {
        turns.add(message);
    }

    List<ChatMessage> head() {
        return List.copyOf(head);
    }

    List<ChatMessage> turns() {
        return List.copyOf(turns);
    }

    void replaceTurns(List<ChatMessage> kept) {
        turns = new ArrayList<>(kept);
    }

    List<ChatMessage> messages() {
        List<ChatMessage> all = new ArrayList<>(head);
        all.addAll(turns);
        return all;
    }

    /** The messages plus one more request, without keeping it. */
    List<ChatMessage> messagesWith(ChatMessage request) {
        List<ChatMessage> all = messages();
        all.add(request);
        return all;
    }
}
