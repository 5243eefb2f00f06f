package dev.agentic.model;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;

/**
 * A tokenizer-free estimate: about four characters a token, plus a few tokens of framing per
 * message. Used where no provider reports counts (offline models, memory budgets).
 */
public final class TokenEstimate {

    private static final int PER_MESSAGE = 4;

    private TokenEstimate() {}

    public static long of(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }

    public static long of(ChatMessage message) {
        return PER_MESSAGE + of(textOf(message));
    }

    public static long of(List<ChatMessage> messages) {
        return messages.stream().mapToLong(TokenEstimate::of).sum();
    }

    /** All text of a message, tool calls included. */
    public static String textOf(ChatMessage message) {
        if (message instanceof SystemMessage system) {
            return system.text();
        }
        if (message instanceof UserMessage user) {
            return user.hasSingleText() ? user.singleText() : user.contents().toString();
        }
        if (message instanceof ToolExecutionResultMessage result) {
            return result.text();
        }
        if (message instanceof AiMessage ai) {
            StringBuilder text = new StringBuilder(ai.text() == null ? "" : ai.text());
            if (ai.hasToolExecutionRequests()) {
                for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                    text.append(' ').append(call.name()).append(' ').append(call.arguments());
                }
            }
            return text.toString();
        }
        return String.valueOf(message);
    }
}
