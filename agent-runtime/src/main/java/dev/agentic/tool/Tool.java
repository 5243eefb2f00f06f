package dev.agentic.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;

/** A function the model can call. Implementations hold per-episode state only (e.g. edit history). */
public interface Tool {

    String name();

    /** Name, description and JSON schema of the arguments, as the model sees them. */
    ToolSpecification specification();

    /**
     * Runs the call.
     *
     * @throws ToolArgumentException when the arguments do not fit the tool (a format error)
     * @throws dev.agentic.sandbox.SandboxException when the sandbox itself fails
     */
    ToolResult run(JsonNode arguments, ToolContext context) throws ToolArgumentException;
}
