package dev.agentic.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

/** Ends the episode; the work in the sandbox is what gets graded. */
public final class SubmitTool implements Tool {

    public static final String NAME = "submit";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name(NAME)
                .description("Finish: call this once the task is done and verified. The state of the environment is graded.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("summary", "one or two sentences on what was done")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(JsonNode arguments, ToolContext context) throws ToolArgumentException {
        return ToolResult.submitted(Arguments.optionalText(arguments, NAME, "summary", ""));
    }
}
