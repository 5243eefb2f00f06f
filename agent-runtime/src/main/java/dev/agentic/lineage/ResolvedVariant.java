package dev.agentic.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentic.agent.SettingException;
import dev.agentic.agent.Settings;
import dev.agentic.document.Document;
import dev.agentic.document.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A variant with its settings resolved: its ancestors' settings overridden by its own, and those of the
 * run on top (the model chosen for it), each in the form {@link Settings} writes. The Maven goal hands the
 * bench's JVM one such file ({@code agentx bench --resolved <file>}) rather than settings as arguments:
 *
 * <pre>
 * {"schema": 1, "variant": "exp-02-b", "parent": "exp-02", "hypothesis": "…", "source": "profile exp-02-b of …/pom.xml",
 *  "settings": {"prompt": "default", "memory": "window:10", "max-steps": "30", "model": "scripted:/…/experiments/scripts"}}
 * </pre>
 *
 * Settings left out keep their defaults; {@code wall-time} left out is each task's agent timeout.
 *
 * @param parent the parent's id, or null for a root
 * @param source where the variant was declared, for messages
 */
public record ResolvedVariant(String variant, String parent, String hypothesis, Map<String, String> settings, String source) {

    public static final int SCHEMA = 1;

    private static final List<String> FIELDS = List.of("schema", "variant", "parent", "hypothesis", "source", "settings");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ResolvedVariant {
        Objects.requireNonNull(variant, "variant");
        if (variant.isBlank() || !variant.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(source + ": variant id '" + variant + "' must be letters, digits, '.', '_' or '-'");
        }
        hypothesis = hypothesis == null ? "" : hypothesis;
        try {
            settings = Settings.canonical(settings);
        } catch (SettingException e) {
            throw new IllegalArgumentException(source + ": variant '" + variant + "': " + e.getMessage(), e);
        }
    }

    /** Variant {@code id} of {@code lineage} with its effective settings, {@code run} on top. */
    public static ResolvedVariant of(Lineage lineage, String id, Map<String, String> run) {
        Variant declared = lineage.get(id);
        Map<String, String> settings = new LinkedHashMap<>(lineage.effectiveSettings(id));
        settings.putAll(run);
        return new ResolvedVariant(declared.id(), declared.parent(), declared.hypothesis(), settings, declared.source());
    }

    /** Writes this variant to {@code file} (its folders created), replacing what was there in one step. */
    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("variant", variant);
        root.put("parent", parent);
        root.put("hypothesis", hypothesis);
        root.put("source", source);
        ObjectNode values = root.putObject("settings");
        settings.forEach(values::put);
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".tmp");
            try {
                Files.writeString(temporary, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the resolved variant " + variant + " to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The variant in {@code file}; what cannot be used (not JSON, an unknown field, another schema, an unknown
     * setting, a bad value) is refused with the file, line and column.
     */
    public static ResolvedVariant read(Path file) {
        Document json = Document.read(file, Format.JSON);
        JsonNode root = json.root();
        if (!root.isObject()) {
            throw json.error("expected a resolved variant (an object with " + String.join(", ", FIELDS) + "), found " + Document.kind(root));
        }
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw json.error("field '" + name + "': unknown field; expected one of " + String.join(", ", FIELDS), name);
            }
        }
        JsonNode schema = root.path("schema");
        if (!schema.isInt() || schema.intValue() != SCHEMA) {
            throw json.error("field 'schema': " + Document.written(schema) + ", this version reads " + SCHEMA
                    + "; write the file again with this version", "schema");
        }
        String variant = text(json, "variant", true);
        if (variant.isBlank() || !variant.matches("[A-Za-z0-9._-]+")) {
            throw json.error("field 'variant': '" + variant + "' is no variant id; expected letters, digits, '.', '_' or '-'", "variant");
        }
        JsonNode settings = root.path("settings");
        if (!settings.isObject()) {
            throw json.error("field 'settings': expected an object of settings ('memory': 'window:10', …), found "
                    + Document.kind(settings), "settings");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> setting : settings.properties()) {
            if (!setting.getValue().isTextual()) {
                throw json.error("setting '" + setting.getKey() + "': expected a string, found " + Document.kind(setting.getValue()),
                        "settings", setting.getKey());
            }
            try {
                values.put(setting.getKey(), Settings.get(setting.getKey()).canonical(setting.getValue().textValue()));
            } catch (SettingException e) {
                throw json.error(e.getMessage(), "settings", setting.getKey());
            }
        }
        String source = text(json, "source", false);
        return new ResolvedVariant(variant, text(json, "parent", false), text(json, "hypothesis", false), values,
                source == null ? file.toString() : source);
    }

    private static String text(Document json, String field, boolean required) {
        JsonNode value = json.root().path(field);
        if (value.isTextual()) {
            return value.textValue();
        }
        if (!required && (value.isMissingNode() || value.isNull())) {
            return null;
        }
        throw json.error("field '" + field + "': expected a string, found " + Document.kind(value), field);
    }
}
