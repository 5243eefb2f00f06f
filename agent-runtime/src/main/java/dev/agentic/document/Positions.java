package dev.agentic.document;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a value is in the text of a document: 1-based line and column, found again only when something is wrong. */
final class Positions {

    /** A position; line 0 when unknown. */
    record Position(int line, int column) {
        static final Position UNKNOWN = new Position(0, 0);

        Position shifted(int firstLine) {
            return line > 0 ? new Position(line + firstLine - 1, column) : this;
        }
    }

    /** Where a document without any value (an empty file) is reported. */
    private static final Position START = new Position(1, 1);

    private static final String KEY = "(?:[A-Za-z0-9_-]+|\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*')";
    private static final Pattern TOML_TABLE = Pattern.compile("^\\s*(\\[\\[?)\\s*(" + KEY + "(?:\\s*\\.\\s*" + KEY + ")*)\\s*]]?\\s*(?:#.*)?$");
    private static final Pattern TOML_KEY = Pattern.compile("^\\s*(" + KEY + "(?:\\s*\\.\\s*" + KEY + ")*)\\s*=\\s*");
    private static final Pattern TOML_KEY_PART = Pattern.compile(KEY);

    private Positions() {}

    /**
     * Where the value at {@code target} starts (its key, when {@code key} and the value is a field), or,
     * when there is no such value, where the nearest value holding it starts (1:1 in an empty document).
     */
    static Position of(String text, Format format, ObjectMapper mapper, JsonPointer target, boolean key) {
        List<String> path = segments(target);
        return format == Format.TOML ? toml(text, path, key) : tokens(text, mapper, path, key);
    }

    static List<String> segments(JsonPointer pointer) {
        List<String> segments = new ArrayList<>();
        for (JsonPointer rest = pointer; rest != null && !rest.matches(); rest = rest.tail()) {
            segments.add(rest.getMatchingProperty());
        }
        return segments;
    }

    private static Position tokens(String text, ObjectMapper mapper, List<String> target, boolean key) {
        Position best = START;
        int depth = -1;
        try (JsonParser parser = mapper.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isStructEnd() || token == JsonToken.FIELD_NAME && !key) {
                    continue;
                }
                List<String> path = segments(parser.getParsingContext().pathAsPointer());
                if (path.size() > depth && path.size() <= target.size() && target.subList(0, path.size()).equals(path)) {
                    if (token == JsonToken.FIELD_NAME && path.size() < target.size()) {
                        continue;
                    }
                    best = position(parser.currentTokenLocation());
                    depth = path.size();
                    if (depth == target.size()) {
                        return best;
                    }
                }
            }
        } catch (IOException e) {
            return best;
        }
        return best;
    }

    private static Position position(JsonLocation location) {
        return location == null || location.getLineNr() <= 0 ? Position.UNKNOWN : new Position(location.getLineNr(), location.getColumnNr());
    }

    /**
     * TOML by its lines, since its reader keeps no positions: table headers ({@code [a.b]}, {@code [[a]]}) and
     * {@code key = value} lines, skipping multi-line strings. Values inside inline tables and arrays are
     * placed at their key.
     */
    private static Position toml(String text, List<String> target, boolean key) {
        Position best = START;
        int depth = 0;
        List<String> table = List.of();
        Map<String, Integer> arrayTables = new HashMap<>();
        String openString = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (openString != null) {
                openString = line.contains(openString) ? null : openString;
                continue;
            }
            List<String> path;
            int column;
            Matcher header = TOML_TABLE.matcher(line);
            Matcher field = TOML_KEY.matcher(line);
            if (header.matches()) {
                path = new ArrayList<>(keys(header.group(2)));
                if (header.group(1).equals("[[")) {
                    path.add(String.valueOf(arrayTables.merge(String.join(".", path), 1, Integer::sum) - 1));
                }
                table = List.copyOf(path);
                column = header.start(1) + 1;
            } else if (field.lookingAt()) {
                path = new ArrayList<>(table);
                path.addAll(keys(field.group(1)));
                column = (key ? field.start(1) : field.end()) + 1;
                String rest = line.substring(field.end());
                for (String quotes : List.of("\"\"\"", "'''")) {
                    if (rest.startsWith(quotes) && !rest.substring(3).contains(quotes)) {
                        openString = quotes;
                    }
                }
            } else {
                continue;
            }
            if (path.size() > depth && path.size() <= target.size() && target.subList(0, path.size()).equals(path)) {
                best = new Position(i + 1, column);
                depth = path.size();
                if (depth == target.size()) {
                    return best;
                }
            }
        }
        return best;
    }

    private static List<String> keys(String dotted) {
        List<String> keys = new ArrayList<>();
        Matcher part = TOML_KEY_PART.matcher(dotted);
        while (part.find()) {
            String k = part.group();
            keys.add(k.startsWith("\"") || k.startsWith("'") ? k.substring(1, k.length() - 1) : k);
        }
        return keys;
    }
}
