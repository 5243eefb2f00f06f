package dev.agentic.document;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.Locale;

/** The formats users write files in; each reads a whole file as one value (trailing content is an error). */
public enum Format {
    YAML(YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build()),
    JSON(new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)),
    TOML(TomlMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build());

    private final ObjectMapper mapper;

    Format(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A reader of this format with the defaults: unknown fields of typed values are ignored. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** By the file's extension: {@code .toml} is TOML, {@code .json} and {@code .jsonl} JSON, anything else YAML (which reads JSON too). */
    public static Format of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".toml") ? TOML : name.endsWith(".json") || name.endsWith(".jsonl") ? JSON : YAML;
    }

    /** The format a reader reads, by its factory. */
    static Format of(ObjectMapper mapper) {
        String name = mapper.getFactory().getFormatName();
        for (Format format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        return JSON;
    }
}
