package dev.agentic.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.sandbox.ExecResult;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

/** Runs a shell command in the sandbox, each in a fresh {@code bash -c}. */
public final class BashTool implements Tool {

    public static final String NAME = "bash";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name(NAME)
                .description("Run a bash command in the task environment and get its exit code and output. Each call starts a"
                        + " fresh shell in the working directory (cd and variables do not persist; chain with &&)."
                        + " Long-running commands are killed at the timeout; long output is cut in the middle.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("command", "the bash command to run")
                        .required("command")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(JsonNode arguments, ToolContext context) throws ToolArgumentException {
        String command = Arguments.requiredText(arguments, NAME, "command");
        if (command.isBlank()) {
            throw new ToolArgumentException(NAME + ": argument 'command' is empty");
        }
        ExecResult result = context.sandbox().exec(command, context.timeout());
        StringBuilder text = new StringBuilder();
        if (result.timedOut()) {
            text.append("[command timed out after ").append(context.timeout().toSeconds()).append(" s and was killed]\n");
        }
        text.append("[exit code ").append(result.exitCode()).append("]\n");
        text.append(result.stdout());
        if (!result.stderr().isEmpty()) {
            text.append(result.stdout().isEmpty() || result.stdout().endsWith("\n") ? "" : "\n").append("[stderr]\n").append(result.stderr());
        }
        String full = text.toString();
        boolean cut = result.truncated() || Truncation.wouldCut(full, context.policy().maxObservationChars());
        return new ToolResult(context.forModel(full), !result.succeeded(), result.exitCode(), result.timedOut(), cut, null);
    }
}
