package dev.agentic.document;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.agentic.document.Positions.Position;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A YAML, JSON or TOML document as its user wrote it: its tree, and, for complaints, where each value
 * is in the text. Reading fails with a {@link DocumentException} naming the file, the line and the
 * column; so do {@link #bind typed values} of the wrong type or with unknown fields; and {@link #at}
 * gives callers the same {@code file:line:column} for what they find wrong themselves.
 */
public final class Document {

    private final String source;
    private final String text;
    private final ObjectMapper mapper;
    private final JsonNode root;
    private final int firstLine;

    private Document(String source, String text, ObjectMapper mapper, JsonNode root, int firstLine) {
        this.source = source;
        this.text = text;
        this.mapper = mapper;
        this.root = root;
        this.firstLine = firstLine;
    }

    /** {@code file} in the format of its extension ({@link Format#of(Path)}). */
    public static Document read(Path file) {
        return read(file, Format.of(file));
    }

    public static Document read(Path file, Format format) {
        return read(file, format.mapper());
    }

    /** {@code file} read by {@code mapper} (a YAML, JSON or TOML mapper with its own settings, e.g. duplicate keys refused). */
    public static Document read(Path file, ObjectMapper mapper) {
        return parse(file.toString(), readText(file), mapper, 1);
    }

    /** {@code text}, named {@code source} in complaints. */
    public static Document parse(String source, String text, ObjectMapper mapper) {
        return parse(source, text, mapper, 1);
    }

    /** {@code text} that starts on line {@code firstLine} of {@code source}: one line of a JSON Lines file. */
    public static Document parse(String source, String text, ObjectMapper mapper, int firstLine) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            JsonNode root = mapper.readTree(body);
            return new Document(source, body, mapper, root == null ? MissingNode.getInstance() : root, firstLine);
        } catch (JsonProcessingException e) {
            throw Problems.syntax(source, body, Format.of(mapper), firstLine, e);
        }
    }

    /** The non-blank lines of a JSON Lines file, each a document; the first bad line is refused with its line and column. */
    public static List<Document> readLines(Path file, ObjectMapper mapper) {
        List<Document> documents = new ArrayList<>();
        List<String> lines = readText(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                documents.add(parse(file.toString(), lines.get(i), mapper, i + 1));
            }
        }
        return documents;
    }

    /** The text of {@code file} as UTF-8; a missing file, a folder, or bytes that are not UTF-8 (with their line and column) are refused. */
    public static String readText(Path file) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new DocumentException(file.toString(), 0, 0, "is a folder; expected a file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DocumentException(file.toString(), 0, 0, "file does not exist", e);
        } catch (IOException e) {
            throw new DocumentException(file.toString(), 0, 0, "cannot be read: " + e.getMessage(), e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            Position at = Problems.ofIndex(out.toString(), out.toString().codePointCount(0, out.length()));
            throw new DocumentException(file.toString(), at.line(), at.column(),
                    String.format("not UTF-8 text (byte 0x%02X); expected a text file", bytes[in.position()] & 0xff));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** How the file is named in complaints. */
    public String source() {
        return source;
    }

    public String text() {
        return text;
    }

    /** The tree; a {@link MissingNode} when the document is empty. */
    public JsonNode root() {
        return root;
    }

    public Format format() {
        return Format.of(mapper);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    int firstLine() {
        return firstLine;
    }

    /** Whether the text holds no value at all (empty, or only comments). */
    public boolean isEmpty() {
        return root.isMissingNode();
    }

    /** {@code file:line:column} of the value at {@code field} (or of the nearest value holding it, when absent). */
    public String at(JsonPointer field) {
        Position at = position(field, false);
        return DocumentException.where(source, at.line(), at.column());
    }

    /** As {@link #at(JsonPointer)}, the field given as its names and list indexes: {@code at("tasks", 3)}. */
    public String at(Object... path) {
        return at(pointer(path));
    }

    /** A complaint about the value at {@code field}: {@code file:line:column: problem}. */
    public DocumentException error(JsonPointer field, String problem) {
        Position at = position(field, false);
        return new DocumentException(source, at.line(), at.column(), problem);
    }

    /** As {@link #error(JsonPointer, String)}, the field given as its names and list indexes. */
    public DocumentException error(String problem, Object... path) {
        return error(pointer(path), problem);
    }

    /**
     * The document as a {@code type} (a record, a list, …) read by its mapper; a value of the wrong type,
     * an unknown field (when the mapper refuses them) or a constructor's refusal names the field path, the
     * line and the column.
     */
    public <T> T bind(Class<T> type) {
        try {
            return mapper.treeToValue(root, type);
        } catch (JsonProcessingException e) {
            throw Problems.of(this, e);
        }
    }

    /** What a value is, for "expected …, found …": {@code a mapping}, {@code a list}, {@code a string}, {@code nothing}, … */
    public static String kind(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A wrong value as the user wrote it, for "got …": {@code 'soon'} for a scalar, else its {@link #kind}. */
    public static String written(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? "'" + node.asText() + "'" : kind(node);
    }

    /** A pointer from field names and list indexes. */
    public static JsonPointer pointer(Object... path) {
        JsonPointer pointer = JsonPointer.empty();
        for (Object segment : path) {
            pointer = segment instanceof Integer index ? pointer.appendIndex(index) : pointer.appendProperty(String.valueOf(segment));
        }
        return pointer;
    }

    private Position position(JsonPointer field, boolean key) {
        return Positions.of(text, format(), mapper, field, key).shifted(firstLine);
    }
}
