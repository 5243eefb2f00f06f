package dev.agentic.tool;

/**
 * What a tool call produced, as the model will see it.
 *
 * @param text the observation (already truncated for the model)
 * @param error whether the call failed (the model sees it as an error result)
 * @param exitCode exit code of a command, or null
 * @param timedOut whether a command hit its timeout, or null
 * @param truncated whether the observation was cut, or null
 * @param submission the submission when the call ends the episode, else null
 */
public record ToolResult(String text, boolean error, Integer exitCode, Boolean timedOut, Boolean truncated, String submission) {

    public static ToolResult ok(String text) {
        return new ToolResult(text, false, null, null, null, null);
    }

    public static ToolResult failed(String text) {
        return new ToolResult(text, true, null, null, null, null);
    }

    public static ToolResult submitted(String submission) {
        return new ToolResult("Submitted.", false, null, null, null, submission);
    }

    public boolean submitted() {
        return submission != null;
    }
}
