package dev.agentic.tool;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading tool arguments with errors the model can act on. */
final class Arguments {

    private Arguments() {}

    static String requiredText(JsonNode arguments, String tool, String field) throws ToolArgumentException {
        JsonNode value = arguments.get(field);
        if (value == null || value.isNull()) {
            throw new ToolArgumentException(tool + ": missing required argument '" + field + "'");
        }
        if (!value.isTextual()) {
            throw new ToolArgumentException(tool + ": argument '" + field + "' must be a string, got " + value.getNodeType().name().toLowerCase());
        }
        return value.asText();
    }

    static String optionalText(JsonNode arguments, String tool, String field, String fallback) throws ToolArgumentException {
        JsonNode value = arguments.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        return requiredText(arguments, tool, field);
    }

    static int requiredInt(JsonNode arguments, String tool, String field) throws ToolArgumentException {
        JsonNode value = arguments.get(field);
        if (value == null || value.isNull()) {
            throw new ToolArgumentException(tool + ": missing required argument '" + field + "'");
        }
        if (!value.canConvertToInt() || !(value.isIntegralNumber() || value.isTextual() && value.asText().matches("-?\\d+"))) {
            throw new ToolArgumentException(tool + ": argument '" + field + "' must be an integer, got " + value);
        }
        return value.asInt();
    }
}
