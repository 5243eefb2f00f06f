package dev.agentic.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.document.Document;
import dev.agentic.document.Format;
import dev.agentic.task.TaskException;
import dev.agentic.task.TaskSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a suite manifest asks to fetch, read without network or cache: its {@code sources} and the published
 * tasks its {@code tasks} and {@code expansion} entries name.
 *
 * <pre>
 * sources:
 *   terminal-bench-2:                 # a git repository of task folders, at a commit
 *     git: https://github.com/laude-institute/terminal-bench-2.git
 *     commit: 69671fbaac6d67a7ef0dfec016cc38a64ef7a77c
 *   swe-bench-verified:               # a Hugging Face dataset file of SWE-bench instances, at a revision
 *     dataset: princeton-nlp/SWE-bench_Verified
 *     revision: 0123…(40 hex digits)
 *     file: data/test-00000-of-00001.parquet   # .parquet, .jsonl or .json
 *     sha256: …                       # optional: the file's checksum
 *     size_mb: 2.1                    # optional: its recorded size
 * tasks:
 *   - source: terminal-bench-2
 *     tasks:                          # folder names (or {name, path, image, image_mb})
 *       - {name: fix-git, image: alexgshaw/fix-git:20251031, image_mb: 350}
 *   - source: swe-bench-verified
 *     image_mb_estimate: 100          # optional: a size to show for images without image_mb, as an estimate
 *     instances:                      # instance ids (or {id, image_mb})
 *       - {id: django__django-11790, image_mb: 120}
 *     repo_specs: repos.yaml          # optional: specifications of repositories beyond the built-in ones
 * </pre>
 *
 * @param manifest the manifest file
 * @param suiteId the suite's {@code id}
 * @param sources the sources by id, with any overridden locations applied
 * @param tasks the published tasks of the core set then the expansion set, in manifest order
 */
public record FetchPlan(Path manifest, String suiteId, Map<String, Source> sources, List<PublishedTask> tasks) {

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

    /** The plan of {@code manifest}; {@code locations} replaces sources' locations by id ({@code --source id=location}). */
    public static FetchPlan read(Path manifest, Map<String, String> locations) {
        Document yaml = readManifest(manifest);
        Map<String, Source> sources = sources(yaml, locations);
        List<PublishedTask> tasks = new ArrayList<>();
        for (String set : List.of("tasks", "expansion")) {
            JsonNode list = yaml.root().get(set);
            if (list != null && list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    if (isSourceEntry(list.get(i))) {
                        tasks.addAll(entry(yaml, set, i, sources));
                    }
                }
            }
        }
        return new FetchPlan(manifest, yaml.root().path("id").asText(""), Map.copyOf(sources), List.copyOf(tasks));
    }

    /** The published tasks of one set. */
    public List<PublishedTask> of(TaskSet set) {
        return tasks.stream().filter(t -> t.set() == set).toList();
    }

    /** Whether a {@code tasks} or {@code expansion} entry names published tasks of a source. */
    public static boolean isSourceEntry(JsonNode entry) {
        return entry != null && entry.isObject() && entry.has("source");
    }

    /**
     * The {@code sources} of a manifest, by id; a manifest without them has none. Messages name the file,
     * line and column of what is wrong.
     */
    public static Map<String, Source> sources(Document yaml, Map<String, String> locations) {
        Map<String, Source> sources = new LinkedHashMap<>();
        JsonNode map = yaml.root().get("sources");
        if (map != null && !map.isNull()) {
            if (!map.isObject()) {
                throw new TaskException(yaml.at("sources") + ": field 'sources': expected a mapping of source names to"
                        + " {git, commit} or {dataset, revision, file}, found " + Document.kind(map));
            }
            for (var field : (Iterable<Map.Entry<String, JsonNode>>) map::fields) {
                sources.put(field.getKey(), source(yaml, field.getKey(), field.getValue()));
            }
        }
        for (var location : locations.entrySet()) {
            Source source = sources.get(location.getKey());
            if (source == null) {
                throw new TaskException("--source " + location.getKey() + "=" + location.getValue() + ": " + yaml.source() + " has no source '"
                        + location.getKey() + "'" + (sources.isEmpty() ? "" : "; its sources: " + String.join(", ", sources.keySet())));
            }
            sources.put(location.getKey(), source.at(checkedLocation(location.getKey(), location.getValue(), source)));
        }
        return sources;
    }

    /** A location given for a source: a URL that parses, or a path; refused naming the option otherwise. */
    private static String checkedLocation(String id, String location, Source source) {
        String where = "--source " + id + "=" + location;
        if (location.isBlank()) {
            throw new TaskException(where + ": empty; expected a URL or a path");
        }
        if (location.contains("://") || location.startsWith("file:")) {
            try {
                java.net.URI uri = new java.net.URI(location);
                if (uri.getScheme().equalsIgnoreCase("file") && (uri.getPath() == null || !uri.getPath().startsWith("/"))) {
                    throw new java.net.URISyntaxException(location, "a file URL needs an absolute path, as in file:///srv/mirror");
                }
                if (source instanceof Source.Dataset && !List.of("http", "https", "file").contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))) {
                    throw new java.net.URISyntaxException(location, "a dataset source is fetched over http(s) or from a folder");
                }
            } catch (java.net.URISyntaxException e) {
                throw new TaskException(where + ": not a usable location: " + e.getMessage()
                        + (source instanceof Source.Git ? "; expected a git URL or a path" : "; expected a Hub mirror URL (https://…) or a folder"));
            }
        }
        return location;
    }

    private static Source source(Document yaml, String id, JsonNode node) {
        if (!ID.matcher(id).matches()) {
            throw new TaskException(yaml.at("sources", id) + ": source name '" + id + "': expected letters, digits, '.', '_' or '-'");
        }
        if (!node.isObject() || !(node.has("git") || node.has("dataset"))) {
            throw new TaskException(yaml.at("sources", id) + ": source '" + id + "': expected {git: <url>, commit: <40 hex digits>} or"
                    + " {dataset: <owner/name>, revision: <40 hex digits>, file: <path>}, found " + Document.kind(node));
        }
        if (node.has("git")) {
            String url = text(yaml, node, id, "git", true);
            String commit = text(yaml, node, id, "commit", true);
            if (!COMMIT.matcher(commit).matches()) {
                throw new TaskException(yaml.at("sources", id, "commit") + ": source '" + id + "': commit '" + commit
                        + "': expected the 40 lower-case hex digits of a commit (a branch or tag can move, a commit cannot)");
            }
            return new Source.Git(id, url, commit);
        }
        String dataset = text(yaml, node, id, "dataset", true);
        if (!dataset.matches("[A-Za-z0-9._-]+/[A-Za-z0-9._-]+")) {
            throw new TaskException(yaml.at("sources", id, "dataset") + ": source '" + id + "': dataset '" + dataset
                    + "': expected <owner>/<name> as on the Hugging Face Hub");
        }
        String revision = text(yaml, node, id, "revision", true);
        if (!COMMIT.matcher(revision).matches()) {
            throw new TaskException(yaml.at("sources", id, "revision") + ": source '" + id + "': revision '" + revision
                    + "': expected the 40 hex digits of a commit of the dataset repository (a branch such as main can move)");
        }
        String file = text(yaml, node, id, "file", true);
        if (!(file.endsWith(".parquet") || file.endsWith(".jsonl") || file.endsWith(".json")) || file.startsWith("/") || file.contains("..")) {
            throw new TaskException(yaml.at("sources", id, "file") + ": source '" + id + "': file '" + file
                    + "': expected a relative path in the dataset repository ending in .parquet, .jsonl or .json");
        }
        String sha256 = text(yaml, node, id, "sha256", false);
        if (sha256 != null && !SHA256.matcher(sha256).matches()) {
            throw new TaskException(yaml.at("sources", id, "sha256") + ": source '" + id + "': sha256 '" + sha256
                    + "': expected 64 lower-case hex digits");
        }
        JsonNode size = node.get("size_mb");
        if (size != null && !(size.isNumber() && size.asDouble() > 0)) {
            throw new TaskException(yaml.at("sources", id, "size_mb") + ": source '" + id + "': size_mb: expected a positive number of MB, found "
                    + Document.written(size));
        }
        String endpoint = System.getenv("HF_ENDPOINT");
        return new Source.Dataset(id, dataset, revision, file, sha256, size == null ? -1 : Math.round(size.asDouble() * 1e6),
                endpoint == null || endpoint.isBlank() ? Source.Dataset.HUB : endpoint);
    }

    private static String text(Document yaml, JsonNode node, String id, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new TaskException(yaml.at("sources", id) + ": source '" + id + "': field '" + field + "' is missing");
            }
            return null;
        }
        if (value.isNumber()) {
            throw new TaskException(yaml.at("sources", id, field) + ": source '" + id + "': field '" + field + "': YAML reads "
                    + Document.written(value) + " as a number, which loses leading zeros; write it in quotes");
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new TaskException(yaml.at("sources", id, field) + ": source '" + id + "': field '" + field + "': expected text, found "
                    + Document.kind(value));
        }
        return value.asText().strip();
    }

    /** The published tasks of entry {@code index} of {@code field} ({@code tasks} or {@code expansion}). */
    public static List<PublishedTask> entry(Document yaml, String field, int index, Map<String, Source> sources) {
        JsonNode entry = yaml.root().get(field).get(index);
        TaskSet set = field.equals("expansion") ? TaskSet.EXPANSION : TaskSet.CORE;
        JsonNode name = entry.get("source");
        if (name == null || !name.isTextual() || !sources.containsKey(name.asText())) {
            throw new TaskException(yaml.at(field, index, "source") + ": entry of '" + field + "': source " + Document.written(name)
                    + " is not one of the manifest's sources" + (sources.isEmpty() ? " (it has no 'sources')" : " (" + String.join(", ", sources.keySet()) + ")"));
        }
        Source source = sources.get(name.asText());
        String key = source instanceof Source.Git ? "tasks" : "instances";
        String other = source instanceof Source.Git ? "instances" : "tasks";
        if (entry.has(other)) {
            throw new TaskException(yaml.at(field, index, other) + ": source '" + source.id() + "' is a "
                    + (source instanceof Source.Git ? "git repository of task folders: list them under 'tasks'" : "dataset of instances: list them under 'instances'"));
        }
        JsonNode list = entry.get(key);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new TaskException(yaml.at(field, index) + ": entry of '" + field + "' for source '" + source.id() + "': field '" + key
                    + "': expected a non-empty list of " + (key.equals("tasks") ? "task folder names" : "instance ids") + ", found " + Document.kind(list));
        }
        java.nio.file.Path repoSpecs = null;
        for (var f : (Iterable<String>) entry::fieldNames) {
            if (!List.of("source", key, "repo_specs", "image_mb_estimate").contains(f) || f.equals("repo_specs") && source instanceof Source.Git) {
                throw new TaskException(yaml.at(field, index, f) + ": unknown field '" + f + "' of an entry for source '" + source.id()
                        + "'; expected source, " + key + ", image_mb_estimate" + (source instanceof Source.Git ? "" : ", repo_specs"));
            }
        }
        if (entry.hasNonNull("repo_specs")) {
            repoSpecs = Path.of(yaml.source()).toAbsolutePath().getParent().resolve(entry.get("repo_specs").asText());
            if (!java.nio.file.Files.isRegularFile(repoSpecs)) {
                throw new TaskException(yaml.at(field, index, "repo_specs") + ": repo_specs file " + repoSpecs + " does not exist");
            }
        }
        PublishedTask.ImageSize estimate = null;
        JsonNode guess = entry.get("image_mb_estimate");
        if (guess != null && !guess.isNull()) {
            if (!guess.isNumber() || guess.asDouble() <= 0) {
                throw new TaskException(yaml.at(field, index, "image_mb_estimate") + ": image_mb_estimate: expected a positive number of MB, found "
                        + Document.written(guess));
            }
            estimate = new PublishedTask.ImageSize(guess.asDouble(), PublishedTask.ImageSize.Basis.ESTIMATED);
        }
        List<PublishedTask> tasks = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            tasks.add(task(yaml, field, index, key, i, list.get(i), source, set, repoSpecs, estimate));
        }
        return tasks;
    }

    private static PublishedTask task(Document yaml, String field, int index, String key, int i, JsonNode item, Source source, TaskSet set,
                                      Path repoSpecs, PublishedTask.ImageSize estimate) {
        String at = yaml.at(field, index, key, i);
        String nameField = key.equals("tasks") ? "name" : "id";
        JsonNode name = item.isObject() ? item.get(nameField) : item;
        if (name == null || !name.isTextual() || !ID.matcher(name.asText()).matches()) {
            throw new TaskException(at + ": expected a " + (key.equals("tasks") ? "task folder name" : "instance id") + " or {" + nameField
                    + ": …}, found " + Document.written(item));
        }
        String path = name.asText();
        String image = source instanceof Source.Dataset ? dev.agentic.task.SweBenchTask.publishedImage(name.asText()) : null;
        PublishedTask.ImageSize size = estimate;
        if (item.isObject()) {
            for (var f : (Iterable<String>) item::fieldNames) {
                if (!List.of(nameField, "path", "image", "image_mb").contains(f) || (source instanceof Source.Dataset && f.equals("path"))) {
                    throw new TaskException(yaml.at(field, index, key, i, f) + ": unknown field '" + f + "'; expected " + nameField
                            + (source instanceof Source.Git ? ", path, image, image_mb" : ", image, image_mb"));
                }
            }
            if (item.hasNonNull("path")) {
                path = item.get("path").asText();
                if (path.isBlank() || path.startsWith("/") || path.contains("..")) {
                    throw new TaskException(yaml.at(field, index, key, i, "path") + ": path '" + path + "': expected a relative folder path in the repository");
                }
            }
            if (item.hasNonNull("image")) {
                image = item.get("image").asText();
            }
            JsonNode mb = item.get("image_mb");
            if (mb != null && !mb.isNull()) {
                if (!mb.isNumber() || mb.asDouble() <= 0) {
                    throw new TaskException(yaml.at(field, index, key, i, "image_mb") + ": image_mb: expected a positive number of MB, found "
                            + Document.written(mb));
                }
                size = new PublishedTask.ImageSize(mb.asDouble(), PublishedTask.ImageSize.Basis.RECORDED);
            }
        }
        return new PublishedTask(source, name.asText(), source instanceof Source.Git ? path : null, image, size, set, at, repoSpecs);
    }

    private static Document readManifest(Path manifest) {
        try {
            return Document.read(manifest, Format.YAML);
        } catch (dev.agentic.document.DocumentException e) {
            throw new TaskException(e.getMessage(), e);
        }
    }
}
