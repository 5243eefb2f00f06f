package dev.agentic.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentic.tool.ToolArgumentException;
import dev.agentic.trajectory.Secrets;
import dev.langchain4j.agent.tool.ToolExecutionRequest;

/** Reading the arguments of the model's tool calls. */
final class ToolCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolCalls() {}

    /** The arguments as a JSON object; anything else is a format error. */
    static JsonNode arguments(ToolExecutionRequest request) throws ToolArgumentException {
        String raw = request.arguments() == null || request.arguments().isBlank() ? "{}" : request.arguments();
        try {
            JsonNode node = JSON.readTree(raw);
            if (node == null || !node.isObject()) {
                throw new ToolArgumentException(request.name() + ": arguments must be a JSON object, got: " + abbreviate(raw));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ToolArgumentException(request.name() + ": arguments are not valid JSON (" + e.getOriginalMessage() + "): " + abbreviate(raw));
        }
    }

    /** The {@code command} argument, when there is one (for self-diagnosis). */
    static String commandOf(ToolExecutionRequest request) {
        try {
            JsonNode command = arguments(request).get("command");
            return command == null ? null : command.asText();
        } catch (ToolArgumentException e) {
            return null;
        }
    }

    /** The text cut at 200 characters; redacted first, so that no part of a secret is left. */
    private static String abbreviate(String raw) {
        String text = Secrets.standard().redact(raw);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
