package dev.agentic.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.sandbox.ExecResult;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.sandbox.Shell;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Views and edits files: view, create, str_replace (unique match), insert, undo_edit. A path that is a
 * symbolic link (or a chain of them) is read and written at its target, so an edit keeps the link;
 * creating through a link whose target does not exist creates the target.
 */
public final class EditorTool implements Tool {

    public static final String NAME = "editor";
    private static final int SNIPPET_CONTEXT = 4;

    private final Map<String, Deque<String>> history = new HashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name(NAME)
                .description("View and edit files. view: a file with line numbers (optionally view_range [start, end], end -1 for"
                        + " the last line) or a directory listing. create: a new file with file_text. str_replace: replace"
                        + " old_str, which must occur exactly once, by new_str. insert: new_str after line insert_line (0 = at the"
                        + " top). undo_edit: revert the last edit of path.")
                .parameters(JsonObjectSchema.builder()
                        .addEnumProperty("command", List.of("view", "create", "str_replace", "insert", "undo_edit"))
                        .addStringProperty("path", "file or directory path")
                        .addProperty("view_range", JsonArraySchema.builder().items(new JsonIntegerSchema()).build())
                        .addStringProperty("file_text", "content for create")
                        .addStringProperty("old_str", "exact text to replace (str_replace)")
                        .addStringProperty("new_str", "replacement (str_replace) or text to insert (insert)")
                        .addIntegerProperty("insert_line", "line after which to insert")
                        .required("command", "path")
                        .build())
                .build();
    }

    @Override
    public ToolResult run(JsonNode arguments, ToolContext context) throws ToolArgumentException {
        String command = Arguments.requiredText(arguments, NAME, "command");
        String path = Arguments.requiredText(arguments, NAME, "path");
        return switch (command) {
            case "view" -> view(path, arguments.get("view_range"), context);
            case "create" -> create(path, Arguments.requiredText(arguments, NAME, "file_text"), context);
            case "str_replace" -> replace(path, Arguments.requiredText(arguments, NAME, "old_str"),
                    Arguments.optionalText(arguments, NAME, "new_str", ""), context);
            case "insert" -> insert(path, Arguments.requiredInt(arguments, NAME, "insert_line"),
                    Arguments.requiredText(arguments, NAME, "new_str"), context);
            case "undo_edit" -> undo(path, context);
            default -> throw new ToolArgumentException(NAME + ": unknown command '" + command
                    + "'; expected view, create, str_replace, insert or undo_edit");
        };
    }

    private ToolResult view(String path, JsonNode range, ToolContext context) throws ToolArgumentException {
        String target = target(path, context);
        ExecResult kind = context.sandbox().exec("if [ -d " + Shell.quote(target) + " ]; then echo dir; elif [ -f "
                + Shell.quote(target) + " ]; then echo file; else echo none; fi", context.timeout());
        switch (kind.stdout().trim()) {
            case "dir" -> {
                ExecResult listing = context.sandbox().exec("find " + Shell.quote(target)
                        + " -maxdepth 2 -not -path '*/.*' | sort | head -n 400", context.timeout());
                return ToolResult.ok(context.forModel(listing.stdout()));
            }
            case "none" -> {
                return ToolResult.failed("The path " + path + " does not exist.");
            }
            default -> { }
        }
        List<String> lines = read(target, context).lines().toList();
        int start = 1;
        int end = lines.size();
        if (range != null && !range.isNull()) {
            if (!range.isArray() || range.size() != 2 || !range.get(0).isIntegralNumber() || !range.get(1).isIntegralNumber()) {
                throw new ToolArgumentException(NAME + ": view_range must be two integers [start, end], got " + range);
            }
            start = range.get(0).asInt();
            end = range.get(1).asInt() == -1 ? lines.size() : range.get(1).asInt();
            if (start < 1 || start > Math.max(1, lines.size()) || end < start || end > lines.size()) {
                return ToolResult.failed("Invalid view_range " + range + ": the file has " + lines.size()
                        + " lines; expected 1 <= start <= end <= " + lines.size() + " (end -1 means the last line).");
            }
        }
        return ToolResult.ok(context.forModel(numbered(lines, start, end)));
    }

    private ToolResult create(String path, String text, ToolContext context) {
        String target = target(path, context);
        if (context.sandbox().exec("test -e " + Shell.quote(target), context.timeout()).exitCode() == 0) {
            return ToolResult.failed("File already exists at " + path + "; create does not overwrite. Use str_replace or insert,"
                    + " or remove the file with bash first.");
        }
        context.sandbox().writeText(target, text);
        history.computeIfAbsent(path, p -> new ArrayDeque<>()).push("\0absent");
        long lines = text.lines().count();
        String link = target.equals(context.sandbox().spec().resolve(path)) ? "" : "a link to " + target + ", ";
        return ToolResult.ok("File created at " + path + " (" + link + lines + (lines == 1 ? " line)." : " lines)."));
    }

    private ToolResult replace(String path, String oldText, String newText, ToolContext context) {
        String target = target(path, context);
        Optional<String> existing = readExisting(target, context);
        if (existing.isEmpty()) {
            return missing(path);
        }
        String content = existing.get();
        if (oldText.isEmpty()) {
            return ToolResult.failed("old_str is empty; give the exact text to replace.");
        }
        List<Integer> at = occurrences(content, oldText);
        if (at.isEmpty()) {
            return ToolResult.failed("No replacement was made: old_str does not occur verbatim in " + path
                    + ". View the file with line numbers and copy the text exactly, whitespace included.");
        }
        if (at.size() > 1) {
            List<Integer> lineNumbers = at.stream().map(offset -> lineOf(content, offset)).toList();
            return ToolResult.failed("No replacement was made: old_str occurs " + at.size() + " times in " + path
                    + " (lines " + lineNumbers + "). Include more surrounding lines to make it unique.");
        }
        String updated = content.substring(0, at.get(0)) + newText + content.substring(at.get(0) + oldText.length());
        save(path, target, content, updated, context);
        int line = lineOf(content, at.get(0));
        return ToolResult.ok("Edited " + path + ". Lines around the change:\n"
                + snippet(updated, line, line + (int) newText.lines().count()));
    }

    private ToolResult insert(String path, int afterLine, String text, ToolContext context) {
        String target = target(path, context);
        Optional<String> existing = readExisting(target, context);
        if (existing.isEmpty()) {
            return missing(path);
        }
        String content = existing.get();
        List<String> lines = new ArrayList<>(content.lines().toList());
        if (afterLine < 0 || afterLine > lines.size()) {
            return ToolResult.failed("insert_line " + afterLine + " is outside the file: expected 0 to " + lines.size() + ".");
        }
        lines.addAll(afterLine, text.lines().toList());
        String updated = String.join("\n", lines) + (content.endsWith("\n") || content.isEmpty() ? "\n" : "");
        save(path, target, content, updated, context);
        return ToolResult.ok("Inserted into " + path + ". Lines around the change:\n"
                + snippet(updated, afterLine + 1, afterLine + (int) text.lines().count()));
    }

    private ToolResult undo(String path, ToolContext context) {
        Deque<String> edits = history.get(path);
        if (edits == null || edits.isEmpty()) {
            return ToolResult.failed("No edit of " + path + " to undo.");
        }
        String previous = edits.pop();
        String target = target(path, context);
        if (previous.equals("\0absent")) {
            context.sandbox().exec("rm -f " + Shell.quote(target), context.timeout());
            return ToolResult.ok("Undid the creation of " + path + " (file removed).");
        }
        context.sandbox().writeText(target, previous);
        return ToolResult.ok("Undid the last edit of " + path + ".");
    }

    /** Writes the edit to {@code target}, the file {@code path} names, and remembers what was there for undo. */
    private void save(String path, String target, String before, String after, ToolContext context) {
        context.sandbox().writeText(target, after);
        history.computeIfAbsent(path, p -> new ArrayDeque<>()).push(before);
    }

    /**
     * The absolute path of the file {@code path} names: a symbolic link, or a chain of them, resolved to
     * its target, which need not exist yet. Writing the link itself would replace it by a regular file,
     * and reading it would read the link. GNU {@code readlink -m} answers for any path, BusyBox's
     * {@code readlink -f} when the target's folder exists; where neither does, the path itself.
     */
    private static String target(String path, ToolContext context) {
        String absolute = context.sandbox().spec().resolve(path);
        String quoted = Shell.quote(absolute);
        ExecResult resolved = context.sandbox().exec("readlink -m " + quoted + " 2>/dev/null || readlink -f " + quoted + " 2>/dev/null",
                context.timeout());
        String out = resolved.stdout().endsWith("\n") ? resolved.stdout().substring(0, resolved.stdout().length() - 1) : resolved.stdout();
        return resolved.succeeded() && out.startsWith("/") && !out.contains("\n") ? out : absolute;
    }

    private static String read(String path, ToolContext context) {
        return context.sandbox().readText(path);
    }

    /** The file's text, or empty when there is no such file. */
    private static Optional<String> readExisting(String path, ToolContext context) {
        try {
            return Optional.of(read(path, context));
        } catch (SandboxException missing) {
            return Optional.empty();
        }
    }

    private static ToolResult missing(String path) {
        return ToolResult.failed("The file " + path + " does not exist.");
    }

    private static List<Integer> occurrences(String text, String part) {
        List<Integer> found = new ArrayList<>();
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            found.add(i);
        }
        return found;
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String snippet(String text, int fromLine, int toLine) {
        List<String> lines = text.lines().toList();
        int start = Math.max(1, fromLine - SNIPPET_CONTEXT);
        int end = Math.min(lines.size(), Math.max(fromLine, toLine) + SNIPPET_CONTEXT);
        return numbered(lines, start, end);
    }

    static String numbered(List<String> lines, int start, int end) {
        StringBuilder out = new StringBuilder();
        for (int i = start; i <= end && i <= lines.size(); i++) {
            out.append(String.format("%6d\t%s%n", i, lines.get(i - 1)));
        }
        return out.toString();
    }
}
