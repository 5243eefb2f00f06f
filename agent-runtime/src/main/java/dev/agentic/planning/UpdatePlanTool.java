package dev.agentic.planning;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.tool.Tool;
import dev.agentic.tool.ToolArgumentException;
import dev.agentic.tool.ToolContext;
import dev.agentic.tool.ToolResult;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

/** Replaces the pinned plan; the loop pins the result text. */
public final class UpdatePlanTool implements Tool {

    public static final String NAME = "update_plan";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name(NAME)
                .description("Replace your pinned plan when you learn something that changes it.")
                .parameters(JsonObjectSchema.builder().addStringProperty("plan", "the whole new plan").required("plan").build())
                .build();
    }

    @Override
    public ToolResult run(JsonNode arguments, ToolContext context) throws ToolArgumentException {
        JsonNode plan = arguments.get("plan");
        if (plan == null || !plan.isTextual() || plan.asText().isBlank()) {
            throw new ToolArgumentException(NAME + ": argument 'plan' must be a non-empty string");
        }
        return ToolResult.ok(plan.asText());
    }
}
