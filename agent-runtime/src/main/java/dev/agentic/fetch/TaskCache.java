package dev.agentic.fetch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentic.document.Format;
import dev.agentic.task.SweBenchTask;
import dev.agentic.task.Task;
import dev.agentic.task.TaskException;
import dev.agentic.task.Tasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where fetched tasks live, and how suites find them afterwards without network:
 *
 * <pre>
 * &lt;root&gt;/git/&lt;source&gt;.git                    object store of a git source (partial clone), kept to resume and reuse
 * &lt;root&gt;/tasks/&lt;commit&gt;/&lt;path&gt;/           a task folder as it is at that commit
 * &lt;root&gt;/datasets/&lt;owner&gt;__&lt;name&gt;/&lt;revision&gt;/&lt;file&gt;   a dataset file, verified, and its rows (&lt;file&gt;.rows.jsonl)
 * &lt;root&gt;/suites/&lt;suite id&gt;.json             the manifest a suite was fetched for (agent:bench -Dagent.suite=&lt;id&gt;)
 * &lt;root&gt;/images.json                        the sizes the engine reported for the images fetches saw
 * </pre>
 *
 * An entry appears only complete (written aside, then renamed): a task folder or rows file that exists
 * was fetched and verified whole. The root is {@code --cache}, else the {@code agent.cache} system
 * property ({@code -Dagent.cache}), else {@code AGENTX_CACHE}, else {@code $XDG_CACHE_HOME/agentic-experiments}, else
 * {@code ~/.cache/agentic-experiments}.
 */
public record TaskCache(Path root) {

    /** The system property {@code --cache} sets for the process: the name of the Maven property, so that goals reading suites in Maven's JVM see it too. */
    public static final String PROPERTY = "agent.cache";

    public TaskCache {
        root = root.toAbsolutePath().normalize();
    }

    /** The cache this process uses (see the class comment). */
    public static TaskCache current() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return new TaskCache(Path.of(property));
        }
        String env = System.getenv("AGENTX_CACHE");
        if (env != null && !env.isBlank()) {
            return new TaskCache(Path.of(env));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new TaskCache(base.resolve("agentic-experiments"));
    }

    /** The object store of a git source (objects are content-addressed: sources of one name may share it). */
    Path gitStore(Source.Git source) {
        return root.resolve("git").resolve(source.id() + ".git");
    }

    /** Where a task folder of a git source lands. */
    public Path taskFolder(Source.Git source, String path) {
        return root.resolve("tasks").resolve(source.commit()).resolve(path);
    }

    /** The folder of a dataset's files at the source's revision. */
    Path datasetFolder(Source.Dataset source) {
        return root.resolve("datasets").resolve(source.dataset().replace("/", "__")).resolve(source.revision());
    }

    /** The verified dataset file of a source. */
    public Path datasetFile(Source.Dataset source) {
        return datasetFolder(source).resolve(source.file());
    }

    /** The instances of a dataset file, one JSON object per line: the file itself when it is JSON Lines or JSON. */
    public Path datasetRows(Source.Dataset source) {
        return source.file().endsWith(".parquet") ? datasetFolder(source).resolve(source.file() + ".rows.jsonl") : datasetFile(source);
    }

    /** The checksum a fetch verified the dataset file against (or found, when the manifest pins none), or null when none was fetched. */
    String recordedChecksum(Source.Dataset source) {
        Path record = checksumFile(source);
        try {
            return Files.isRegularFile(record) ? Files.readString(record).strip() : null;
        } catch (IOException e) {
            return null; // an unreadable record is no record: the file is fetched and verified again
        }
    }

    void recordChecksum(Source.Dataset source, String sha256) {
        write(checksumFile(source), sha256 + "\n");
    }

    /** Removes a dataset file, its rows and its checksum: they are not the pinned ones. */
    void forget(Source.Dataset source) {
        try {
            Files.deleteIfExists(checksumFile(source));
            Files.deleteIfExists(datasetRows(source));
            Files.deleteIfExists(datasetFile(source));
        } catch (IOException e) {
            throw new FetchException("cannot remove the stale " + datasetFile(source) + ": " + Disk.describe(e), true, e);
        }
    }

    private Path checksumFile(Source.Dataset source) {
        return datasetFolder(source).resolve(source.file() + ".sha256");
    }

    /** Whether a published task is in the cache (for a dataset: its rows, from a file verified against the pin). */
    public boolean has(PublishedTask task) {
        if (task.source() instanceof Source.Git git) {
            return Files.isDirectory(taskFolder(git, task.path()));
        }
        Source.Dataset dataset = (Source.Dataset) task.source();
        String recorded = recordedChecksum(dataset);
        return recorded != null && (dataset.sha256() == null || dataset.sha256().equals(recorded)) && Files.isRegularFile(datasetRows(dataset));
    }

    /**
     * The tasks of one manifest entry, from the cache; refused naming the manifest, the entry and the
     * command that fetches them when they are not there.
     */
    public List<Task> load(List<PublishedTask> entry, Path manifest, String baseImage) {
        List<PublishedTask> missing = entry.stream().filter(t -> !has(t)).toList();
        if (!missing.isEmpty()) {
            PublishedTask first = missing.get(0);
            throw new TaskException(first.at() + ": " + missing.size() + " of " + entry.size() + " task(s) of source '" + first.source().id() + "' ("
                    + first.source().pin() + ") are not fetched into " + root + ", e.g. " + first.name() + "; run: agentx fetch --suite " + manifest);
        }
        List<Task> tasks = new ArrayList<>();
        Map<String, SweBenchTask> instances = null;
        for (PublishedTask published : entry) {
            if (published.source() instanceof Source.Git git) {
                tasks.add(Tasks.load(taskFolder(git, published.path()), baseImage));
                continue;
            }
            Source.Dataset dataset = (Source.Dataset) published.source();
            if (instances == null) {
                instances = SweBenchTask.loadAll(datasetRows(dataset), null, published.repoSpecs(), w -> { }).stream()
                        .collect(Collectors.toMap(SweBenchTask::instanceId, Function.identity(), (a, b) -> a));
            }
            SweBenchTask instance = instances.get(published.name());
            if (instance == null) {
                throw new TaskException(published.at() + ": instance " + published.name() + " is not in " + dataset.pin());
            }
            tasks.add(instance);
        }
        return tasks;
    }

    /** The sizes the engine reported for images a fetch saw, in bytes, by image name. */
    public Map<String, Long> measuredImages() {
        Path file = root.resolve("images.json");
        Map<String, Long> sizes = new java.util.TreeMap<>();
        if (Files.isRegularFile(file)) {
            try {
                Format.JSON.mapper().readTree(file.toFile()).fields().forEachRemaining(e -> sizes.put(e.getKey(), e.getValue().asLong()));
            } catch (IOException e) {
                return sizes; // a damaged record of sizes only loses the sizes: they are measured again by the next fetch
            }
        }
        return sizes;
    }

    /** Adds image sizes to the record of measured sizes. */
    void recordImageSizes(Map<String, Long> sizes) {
        Map<String, Long> all = measuredImages();
        all.putAll(sizes);
        ObjectNode node = Format.JSON.mapper().createObjectNode();
        all.forEach(node::put);
        write(root.resolve("images.json"), node.toPrettyString() + "\n");
    }

    private static void write(Path file, String text) {
        Path aside = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(aside, text, StandardCharsets.UTF_8);
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(aside);
            } catch (IOException ignored) {
                // reported below
            }
            throw new FetchException((Disk.full(e) ? "disk full while writing " + file + " (" + Disk.free(file) + ")" : "cannot write " + file
                    + ": " + Disk.describe(e)) + "; free some space or choose another cache (--cache <folder> or AGENTX_CACHE), then fetch again", true, e);
        }
    }

    /** Records that {@code manifest} was fetched as suite {@code id}, so that the suite can be named by its id. */
    public void remember(String id, Path manifest) {
        ObjectNode entry = Format.JSON.mapper().createObjectNode();
        entry.put("id", id);
        entry.put("manifest", manifest.toAbsolutePath().normalize().toString());
        entry.put("fetched_at", java.time.Instant.now().toString());
        write(root.resolve("suites").resolve(id + ".json"), entry.toPrettyString() + "\n");
    }

    /** The ids of the suites fetched into this cache. */
    public List<String> suites() {
        Path dir = root.resolve("suites");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * The manifest a suite argument names: a path as it is (an existing one, or one that looks like a path), else the
     * manifest of a suite of that id fetched into this cache; an id fetched by no suite is refused naming the cache
     * and the suites that were fetched.
     */
    public Path locate(String suite) {
        Path path = Path.of(suite);
        if (Files.isRegularFile(path) || !suite.matches("[A-Za-z0-9._-]+") || suite.matches(".*\\.(ya?ml|json)")) {
            return path; // a path: its reader says what is wrong with it
        }
        Optional<Path> fetched = fetchedManifest(suite);
        if (fetched.isPresent()) {
            if (!Files.isRegularFile(fetched.get())) {
                throw new TaskException("suite '" + suite + "' was fetched from " + fetched.get() + ", which no longer exists; fetch it again:"
                        + " agentx fetch --suite <manifest>");
            }
            return fetched.get();
        }
        List<String> known = suites();
        throw new TaskException("suite '" + suite + "': no such manifest file" + (Files.isDirectory(path) ? " (a folder '" + suite + "' is here, not a manifest)" : "")
                + ", and no suite of that id was fetched into " + root
                + (known.isEmpty() ? "" : " (fetched: " + String.join(", ", known) + ")") + "; give a manifest path, or fetch it first: agentx fetch --suite <manifest>");
    }

    private Optional<Path> fetchedManifest(String id) {
        Path file = root.resolve("suites").resolve(id + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(Format.JSON.mapper().readTree(file.toFile()).path("manifest").asText()));
        } catch (IOException e) {
            throw new TaskException(file + ": unreadable record of a fetched suite (" + e.getMessage() + "); delete it and fetch again");
        }
    }

}
