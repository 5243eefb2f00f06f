package dev.agentic.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.sandbox.ExecResult;
import dev.agentic.sandbox.Shell;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.List;

/** Finds files by name and lines by pattern, skipping {@code .git} and binary files. */
public final class SearchTool implements Tool {

    public static final String NAME = "search";
    private static final int MAX_RESULTS = 100;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name(NAME)
                .description("Search the task environment. command=find_files: files whose name matches a glob (e.g. '*.py')."
                        + " command=grep: lines matching an extended regular expression, with file and line number."
                        + " At most " + MAX_RESULTS + " results.")
                .parameters(JsonObjectSchema.builder()
                        .addEnumProperty("command", List.of("find_files", "grep"))
                        .addStringProperty("pattern", "glob for find_files, extended regex for grep")
                        .addStringProperty("path", "directory to search (default: the working directory)")
                        .required("command", "pattern")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(JsonNode arguments, ToolContext context) throws ToolArgumentException {
        String command = Arguments.requiredText(arguments, NAME, "command");
        String pattern = Arguments.requiredText(arguments, NAME, "pattern");
        String path = Arguments.optionalText(arguments, NAME, "path", ".");
        String shell = switch (command) {
            case "find_files" -> "find " + Shell.quote(path) + " -name .git -prune -o -type f -name " + Shell.quote(pattern) + " -print";
            case "grep" -> "grep -rnIE --exclude-dir=.git -e " + Shell.quote(pattern) + " " + Shell.quote(path);
            default -> throw new ToolArgumentException(NAME + ": argument 'command' must be find_files or grep, got '" + command + "'");
        };
        ExecResult result = context.sandbox().exec(shell + " | head -n " + (MAX_RESULTS + 1), context.timeout());
        if (result.timedOut()) {
            return ToolResult.failed("search timed out after " + context.timeout().toSeconds() + " s; narrow 'path'");
        }
        List<String> lines = result.stdout().lines().toList();
        if (lines.isEmpty()) {
            String why = result.stderr().isBlank() ? "" : "\n" + result.stderr();
            return ToolResult.ok("no matches for " + pattern + " in " + path + why);
        }
        String text = String.join("\n", lines.subList(0, Math.min(MAX_RESULTS, lines.size())));
        if (lines.size() > MAX_RESULTS) {
            text += "\n[more than " + MAX_RESULTS + " results; narrow the pattern or path]";
        }
        return ToolResult.ok(context.forModel(text));
    }

}
