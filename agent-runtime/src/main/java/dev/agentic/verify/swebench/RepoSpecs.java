package dev.agentic.verify.swebench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.agentic.document.Document;
import dev.agentic.document.DocumentException;
import dev.agentic.task.TaskException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The SWE-bench repository specifications: the built-in ones (resource {@code repos.yaml} next to
 * this class, which documents the schema) plus any extra files of the same schema. In an extra
 * file, each field of {@code default} replaces the built-in field, and each {@code repos} entry
 * replaces the built-in entry for its repository as a whole.
 *
 * <p>A file that cannot be used is refused with a {@link TaskException} naming the file, the line
 * and column, the field and what was expected.
 */
public final class RepoSpecs {

    private static final String RESOURCE = "repos.yaml";
    private static final Entry NO_ENTRY = new Entry(null, null, null, null, null, null, null, null, null);
    private static final ObjectMapper YAML = yamlMapper();

    private final Entry defaults;
    private final Map<String, Entry> repos;

    private RepoSpecs(Entry defaults, Map<String, Entry> repos) {
        this.defaults = defaults;
        this.repos = Map.copyOf(repos);
    }

    /** The specifications of the official SWE-bench harness, read once. */
    public static RepoSpecs builtIn() {
        return BuiltIn.SPECS;
    }

    /** These specifications with the entries of {@code file} added or replacing. */
    public RepoSpecs withFile(Path file) {
        String text;
        try {
            text = Document.readText(file);
        } catch (DocumentException e) {
            throw new TaskException(e.getMessage(), e);
        }
        SpecFile extra = parse(text, file.toString());
        Entry merged = extra.defaults() == null ? defaults : extra.defaults().over(defaults);
        requireComplete(merged, file.toString());
        Map<String, Entry> all = new LinkedHashMap<>(repos);
        all.putAll(extra.repos());
        return new RepoSpecs(merged, all);
    }

    /** The repositories with an entry of their own. */
    public Set<String> repos() {
        return new TreeSet<>(repos.keySet());
    }

    /**
     * The specification of {@code repo} at {@code version}: a repository without an entry gets the
     * default entry under its own name; a version no override lists gets the entry's own fields.
     */
    public RepoSpec forRepo(String repo, String version) {
        Objects.requireNonNull(repo, "repo");
        String v = version == null ? "" : version;
        Entry entry = repos.getOrDefault(repo, NO_ENTRY);
        List<VersionOverride> matching = entry.byVersion() == null ? List.of()
                : entry.byVersion().stream().filter(o -> o.versions().contains(v)).toList();
        return new RepoSpec(repo, v,
                first(entry.parser(), defaults.parser()),
                first(entry.directives(), defaults.directives()),
                first(entry.activation(), defaults.activation()),
                resolve(matching, VersionOverride::install, entry.install(), defaults.install()),
                resolve(matching, VersionOverride::preInstall, entry.preInstall(), defaults.preInstall()),
                resolve(matching, VersionOverride::evalCommands, entry.evalCommands(), defaults.evalCommands()),
                resolve(matching, VersionOverride::testCmd, entry.testCmd(), defaults.testCmd()),
                runnerFiles(defaults.runnerFiles(), entry.runnerFiles()));
    }

    /** The default's runner files and the repository's together: both always apply. */
    private static List<String> runnerFiles(List<String> defaults, List<String> own) {
        List<String> all = new java.util.ArrayList<>(defaults == null ? List.of() : defaults);
        if (own != null) {
            own.stream().filter(f -> !all.contains(f)).forEach(all::add);
        }
        return all;
    }

    private static <T> T resolve(List<VersionOverride> matching, Function<VersionOverride, T> field, T entryValue, T defaultValue) {
        T value = null;
        for (VersionOverride override : matching) {
            T overriding = field.apply(override);
            value = overriding == null ? value : overriding;
        }
        return first(value, first(entryValue, defaultValue));
    }

    private static <T> T first(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static final class BuiltIn {
        static final RepoSpecs SPECS = load();

        private static RepoSpecs load() {
            String source = "built-in " + RepoSpecs.class.getPackageName().replace('.', '/') + "/" + RESOURCE;
            String text;
            try (InputStream in = RepoSpecs.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new TaskException(source + ": missing from the class path");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new TaskException(source + ": cannot be read: " + e.getMessage(), e);
            }
            SpecFile file = parse(text, source);
            if (file.defaults() == null) {
                throw new TaskException(source + ": field default is missing; expected the settings for repositories without an entry");
            }
            requireComplete(file.defaults(), source);
            return new RepoSpecs(file.defaults(), file.repos());
        }
    }

    private static void requireComplete(Entry defaults, String source) {
        if (defaults.parser() == null || defaults.directives() == null || defaults.testCmd() == null) {
            throw new TaskException(source + ": field default needs parser, directives and test_cmd");
        }
        if (defaults.byVersion() != null) {
            throw new TaskException(source + ": field default.by_version is not allowed; expected by_version only in a repos entry");
        }
    }

    static SpecFile parse(String text, String source) {
        try {
            Document document = Document.parse(source, text, YAML);
            SpecFile file = document.isEmpty() ? null : document.bind(SpecFile.class);
            return file == null ? new SpecFile(null, null) : file;
        } catch (DocumentException e) {
            throw new TaskException(e.getMessage(), e);
        }
    }

    private static ObjectMapper yamlMapper() {
        YAMLMapper mapper = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Collection)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }

    /** A specifications file. */
    record SpecFile(@JsonProperty("default") Entry defaults, @JsonProperty("repos") Map<String, Entry> repos) {
        SpecFile {
            repos = repos == null ? Map.of() : repos;
            repos.forEach((name, entry) -> {
                if (entry == null) {
                    throw new IllegalArgumentException("repos entry '" + name + "' is empty; expected a mapping of fields");
                }
            });
        }
    }

    /** One repository's fields as written; a field left out is null. */
    record Entry(
            @JsonProperty("parser") LogParser parser,
            @JsonProperty("directives") RepoSpec.DirectiveStyle directives,
            @JsonProperty("activation") String activation,
            @JsonProperty("install") String install,
            @JsonProperty("pre_install") List<String> preInstall,
            @JsonProperty("eval_commands") List<String> evalCommands,
            @JsonProperty("test_cmd") String testCmd,
            @JsonProperty("by_version") List<VersionOverride> byVersion,
            @JsonProperty("runner_files") List<String> runnerFiles) {

        Entry {
            requireStrings("runner_files", runnerFiles);
            requireStrings("pre_install", preInstall);
            requireStrings("eval_commands", evalCommands);
            if (byVersion != null && byVersion.contains(null)) {
                throw new IllegalArgumentException("by_version holds an empty item; expected mappings with versions and the fields they override");
            }
        }

        /** These fields, each one set replacing the one of {@code base}. */
        Entry over(Entry base) {
            return new Entry(first(parser, base.parser), first(directives, base.directives), first(activation, base.activation),
                    first(install, base.install), first(preInstall, base.preInstall), first(evalCommands, base.evalCommands),
                    first(testCmd, base.testCmd), first(byVersion, base.byVersion), first(runnerFiles, base.runnerFiles));
        }
    }

    /** Fields that differ for some versions of a repository. */
    record VersionOverride(
            @JsonProperty("versions") List<String> versions,
            @JsonProperty("install") String install,
            @JsonProperty("pre_install") List<String> preInstall,
            @JsonProperty("eval_commands") List<String> evalCommands,
            @JsonProperty("test_cmd") String testCmd) {

        VersionOverride {
            if (versions == null || versions.isEmpty()) {
                throw new IllegalArgumentException("versions is missing or empty; expected a list of versions such as [\"3.0\", \"3.1\"]");
            }
            requireStrings("versions", versions);
            requireStrings("pre_install", preInstall);
            requireStrings("eval_commands", evalCommands);
        }
    }

    private static void requireStrings(String field, List<String> values) {
        if (values != null && values.contains(null)) {
            throw new IllegalArgumentException(field + " holds an empty item; expected a list of strings");
        }
    }
}
