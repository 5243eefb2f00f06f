package dev.agentic.document;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.agentic.document.Positions.Position;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/** A parser's or data binder's complaint as a position and one sentence, without the parser's excerpt of the text. */
final class Problems {

    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*(?:\\([^)]*\\))?[^;\\]]*; line: (\\d+), column: (\\d+)]");

    private static final Pattern KNOWN_TYPES = Pattern.compile("known type ids = \\[([^\\]]*)]");

    private Problems() {}

    /** A complaint about reading {@code document}'s text (syntax) or binding its tree (wrong types, unknown fields). */
    static DocumentException of(Document document, JsonProcessingException e) {
        return e instanceof StreamReadException || cause(e, MarkedYAMLException.class) != null || cause(e, ReaderException.class) != null
                ? syntax(document.source(), document.text(), document.format(), document.firstLine(), e)
                : binding(document, e);
    }

    /** Text that is not valid in its format. */
    static DocumentException syntax(String source, String text, Format format, int firstLine, JsonProcessingException e) {
        String invalid = "not valid " + format + ": ";
        MarkedYAMLException yaml = cause(e, MarkedYAMLException.class);
        if (yaml != null) {
            String context = yaml.getContext() == null ? ""
                    : " (" + yaml.getContext() + (yaml.getContextMark() == null ? "" : " that starts at " + lineAndColumn(yaml.getContextMark(), firstLine)) + ")";
            Position at = yaml.getProblemMark() == null ? Position.UNKNOWN
                    : new Position(yaml.getProblemMark().getLine() + 1, yaml.getProblemMark().getColumn() + 1).shifted(firstLine);
            return new DocumentException(source, at.line(), at.column(), invalid + yaml.getProblem() + context, e);
        }
        ReaderException character = cause(e, ReaderException.class);
        if (character != null) {
            Position at = ofIndex(text, character.getPosition()).shifted(firstLine);
            return new DocumentException(source, at.line(), at.column(), invalid + String.format("character U+%04X is not allowed; expected text",
                    character.getCodePoint()), e);
        }
        Position at = position(e.getLocation()).shifted(firstLine);
        return new DocumentException(source, at.line(), at.column(), invalid + message(e, firstLine), e);
    }

    private static DocumentException binding(Document document, JsonProcessingException e) {
        JsonPointer field = e instanceof JsonMappingException mapping ? pointer(mapping) : JsonPointer.empty();
        String typeField = e instanceof InvalidTypeIdException type ? typeProperty(type) : null;
        if (typeField != null && document.root().at(field).has(typeField)) {
            field = field.appendProperty(typeField);
        }
        Position at = Positions.of(document.text(), document.format(), document.mapper(), field, e instanceof UnrecognizedPropertyException);
        at = at.line() > 0 ? at : position(e.getLocation());
        at = at.shifted(document.firstLine());
        JsonNode found = document.root().at(field);
        String problem = problem(e, found.isMissingNode() ? null : Document.kind(found), document.firstLine());
        return new DocumentException(document.source(), at.line(), at.column(),
                (field.matches() ? "" : "field '" + fieldPath(field) + "': ") + problem, e);
    }

    /** The field naming the kind of a polymorphic value ({@code event} of a trajectory event), or null. */
    private static String typeProperty(InvalidTypeIdException e) {
        com.fasterxml.jackson.annotation.JsonTypeInfo info = e.getBaseType() == null ? null
                : e.getBaseType().getRawClass().getAnnotation(com.fasterxml.jackson.annotation.JsonTypeInfo.class);
        return info == null || info.property().isEmpty() ? null : info.property();
    }

    private static String problem(JsonProcessingException e, String found, int firstLine) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return "unknown field; expected one of " + (known == null ? "" : known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        if (e instanceof ValueInstantiationException bad && bad.getCause() != null && bad.getCause().getMessage() != null) {
            return bad.getCause().getMessage();
        }
        if (e instanceof InvalidTypeIdException type) {
            Matcher known = KNOWN_TYPES.matcher(String.valueOf(type.getOriginalMessage()));
            String expected = known.find() ? "; expected one of " + known.group(1) : "";
            String property = typeProperty(type);
            return type.getTypeId() == null ? (property == null ? "the kind of value is not named" : "field '" + property + "' is missing") + expected
                    : "unknown kind '" + type.getTypeId() + "'" + expected;
        }
        if (e instanceof InvalidFormatException scalar && scalar.getTargetType() == String.class
                && (scalar.getValue() instanceof Number || scalar.getValue() instanceof Boolean)) {
            return scalar.getValue() instanceof Number
                    ? "expected a string, found a number; quote it (unquoted, the version 1.10 would be the number 1.1)"
                    : "expected a string, found a boolean; quote it (unquoted, yes, no, true and false are booleans)";
        }
        if (e instanceof InvalidFormatException scalar && scalar.getTargetType() != null && scalar.getTargetType().isEnum()) {
            return "expected one of " + java.util.Arrays.stream(scalar.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ", found '" + scalar.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatch) {
            return "expected " + expected(mismatch.getTargetType()) + (found == null ? "" : ", found " + found);
        }
        return message(e, firstLine);
    }

    /** The parser's own sentence, its first line, with its positions as line and column of the file. */
    private static String message(JsonProcessingException e, int firstLine) {
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String line = original.lines().findFirst().orElse("").strip();
        Matcher source = SOURCE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (source.find()) {
            source.appendReplacement(out, Matcher.quoteReplacement("line " + (Integer.parseInt(source.group(1)) + firstLine - 1)
                    + ", column " + source.group(2)));
        }
        return source.appendTail(out).toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == String.class || type == Character.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping";
        }
        if (type.isRecord()) {
            return "a mapping of fields";
        }
        return "a value of type " + type.getSimpleName();
    }

    private static JsonPointer pointer(JsonMappingException e) {
        JsonPointer pointer = JsonPointer.empty();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer = ref.getFieldName() != null ? pointer.appendProperty(ref.getFieldName())
                    : ref.getIndex() >= 0 ? pointer.appendIndex(ref.getIndex()) : pointer;
        }
        return pointer;
    }

    /** {@code repos.django/django.by_version[0].test_cmd}. */
    static String fieldPath(JsonPointer field) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer rest = field; !rest.matches(); rest = rest.tail()) {
            if (rest.mayMatchElement()) {
                path.append('[').append(rest.getMatchingIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(rest.getMatchingProperty());
            }
        }
        return path.toString();
    }

    private static String lineAndColumn(Mark mark, int firstLine) {
        return "line " + (mark.getLine() + firstLine) + ", column " + (mark.getColumn() + 1);
    }

    private static Position position(JsonLocation location) {
        return location == null || location.getLineNr() <= 0 ? Position.UNKNOWN : new Position(location.getLineNr(), location.getColumnNr());
    }

    /** The line and column of the {@code index}-th code point of {@code text}. */
    static Position ofIndex(String text, int index) {
        int line = 1;
        int column = 1;
        int i = 0;
        for (int offset = 0; offset < text.length() && i < index; offset += Character.charCount(text.codePointAt(offset)), i++) {
            if (text.charAt(offset) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(line, column);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
