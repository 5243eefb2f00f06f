package dev.agentic.suite;

import dev.agentic.task.Task;
import dev.agentic.task.TaskException;
import dev.agentic.task.Tasks;
import dev.agentic.task.Fingerprints;
import dev.agentic.task.SweBenchTask;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.document.Document;
import dev.agentic.document.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A named set of tasks, read from a manifest (YAML or JSON):
 *
 * <pre>
 * id: offline-core
 * description: the offline core suite
 * tasks:                       # task folders relative to this file; globs allowed
 *   - tasks/*
 *   - instances: swe/instances.jsonl    # SWE-bench instances as published
 *     environments: swe/environments    # optional: per-instance Dockerfile folders
 *     repo_specs: swe/repos.yaml        # optional: specifications of repositories beyond the built-in ones
 * expansion:                   # tasks added only once results show improvement
 *   - more/*
 * live_processes:              # tasks whose tests need what the agent leaves running (a server, a worker)
 *   - tb/process-port-cleanup
 * stages:                      # optional: staged evaluation over the core tasks, in order (see {@link Stages})
 *   - name: screen
 *     tasks: [tb/hello-world]  # task-id globs of core tasks
 *     min_pass_rate: 0.2       # the variant goes on only when this stage's pass rate is at least this
 *   - name: core               # no 'tasks': every core task not in an earlier stage (last stage only)
 * </pre>
 *
 * Task ids carry their format's namespace ({@code tb/}, {@code harbor/}, {@code swe/}), so that the
 * same name in two formats is two tasks. {@link #warnings()} says what was loaded but looks wrong
 * (an instance repeated in its file). The {@link #hash()} covers everything that affects results (instructions, environments, tests; not
 * the reference solutions), so that results from different suite contents are never compared; the stages' names, globs
 * and thresholds too, when it declares stages.
 *
 * @param stages the stages over the core tasks, in order: those the manifest declares, else one {@link Stage#implicit} stage
 */
public record Suite(String id, String description, Path manifest, List<Task> tasks, List<Task> expansion, String hash,
                    List<String> warnings, java.util.Set<String> liveProcesses, List<Stage> stages) {

    public static Suite load(Path manifest, String baseImage) {
        return load(manifest, baseImage, dev.agentic.fetch.TaskCache.current());
    }

    /** As {@link #load(Path, String)}, with published tasks ({@code source:} entries) read from {@code cache}. */
    public static Suite load(Path manifest, String baseImage, dev.agentic.fetch.TaskCache cache) {
        Document yaml = Tasks.read(manifest, Format.YAML);
        JsonNode root = yaml.root();
        if (!root.isObject()) {
            throw new TaskException(yaml.at() + ": expected a mapping with fields 'id' and 'tasks', found " + Document.kind(root));
        }
        String id = root.path("id").isValueNode() ? root.path("id").asText("") : "";
        if (id.isBlank()) {
            throw new TaskException(yaml.at("id") + ": field 'id' is missing or empty; expected the suite's name");
        }
        Path base = manifest.toAbsolutePath().getParent();
        List<String> warnings = new ArrayList<>();
        Map<String, dev.agentic.fetch.Source> sources = dev.agentic.fetch.FetchPlan.sources(yaml, Map.of());
        Published published = new Published(manifest, sources, cache);
        List<Task> tasks = entries(yaml, base, "tasks", baseImage, warnings, published);
        if (tasks.isEmpty()) {
            throw new TaskException(yaml.at("tasks") + ": field 'tasks' lists no task");
        }
        List<Task> expansion = root.has("expansion") ? entries(yaml, base, "expansion", baseImage, warnings, published) : List.of();
        Map<String, Task> seen = new LinkedHashMap<>();
        for (Task task : concat(tasks, expansion)) {
            if (seen.put(task.id(), task) != null) {
                throw new TaskException(manifest + ": task id '" + task.id() + "' appears twice; list each task once");
            }
        }
        java.util.Set<String> live = liveProcesses(yaml, concat(tasks, expansion));
        List<Stage> stages = Stages.read(yaml, tasks, expansion);
        String hash = Fingerprints.ofSuite(tasks, expansion, live, stages.stream().map(Stage::definition).toList(),
                sources.values().stream().map(dev.agentic.fetch.Source::pin).sorted().toList());
        return new Suite(id, root.path("description").asText(""), manifest, tasks, expansion, hash, List.copyOf(warnings), live,
                stages.isEmpty() ? List.of(Stage.implicit(tasks)) : stages);
    }

    /** Whether the manifest declares stages (else {@link #stages()} is the one implicit stage of every core task). */
    public boolean staged() {
        return !stages.equals(List.of(Stage.implicit(tasks)));
    }

    /**
     * The suite restricted to tasks matching any {@code include} glob (all when empty) and no
     * {@code exclude} glob ({@code *}, {@code ?}, {@code [abc]}, {@code [!a-z]}, {@code {a,b}}; {@code *} crosses
     * {@code /}). A glob with a {@code /} is matched against the whole id ({@code tb/hello-*}); one without,
     * against the name after the namespace too ({@code hello-*}). A glob that is not valid is refused
     * naming the option and what is wrong.
     */
    public Suite filter(List<String> include, List<String> exclude) {
        Map<String, Pattern> includes = patterns(include, "--tasks");
        Map<String, Pattern> excludes = patterns(exclude, "--exclude");
        java.util.function.BiPredicate<Map.Entry<String, Pattern>, Task> matches = (glob, t) -> glob.getValue().matcher(t.id()).matches()
                || !glob.getKey().contains("/") && glob.getValue().matcher(t.id().substring(t.id().indexOf('/') + 1)).matches();
        java.util.function.Predicate<Task> keep = t -> (includes.isEmpty() || includes.entrySet().stream().anyMatch(g -> matches.test(g, t)))
                && excludes.entrySet().stream().noneMatch(g -> matches.test(g, t));
        List<Task> kept = tasks.stream().filter(keep).toList();
        java.util.Set<String> keptIds = kept.stream().map(Task::id).collect(java.util.stream.Collectors.toSet());
        return new Suite(id, description, manifest, kept, expansion.stream().filter(keep).toList(), hash,
                warnings, liveProcesses, stages.stream().map(s -> s.restrictedTo(keptIds)).filter(s -> !s.tasks().isEmpty()).toList());
    }

    /** Each glob with its pattern; {@code option} names where the globs came from when one is not valid. */
    private Map<String, Pattern> patterns(List<String> globs, String option) {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        for (String glob : globs) {
            try {
                patterns.put(glob, Glob.ofIds(glob));
            } catch (IllegalArgumentException e) {
                throw new TaskException(option + " '" + glob + "' (filtering suite " + manifest + "): " + e.getMessage());
            }
        }
        return patterns;
    }

    /**
     * Refuses {@code tasks} that say they use the network ({@link Task#needsInternet()}), naming them,
     * unless {@code acceptOffline}: containers run with network mode {@code none}.
     */
    public static void refuseInternetTasks(List<Task> tasks, boolean acceptOffline) {
        List<String> online = tasks.stream().filter(Task::needsInternet).map(Task::id).toList();
        if (!online.isEmpty() && !acceptOffline) {
            throw new TaskException(online.size() + " task(s) set [environment].allow_internet = true, but containers here have no network: "
                    + String.join(", ", online) + ". Leave them out (--exclude <glob>) or run them offline anyway"
                    + " (--allow-internet-tasks)");
        }
    }

    /** The ids of the tasks that {@code live_processes} (a list of id globs) names; each glob must name one. */
    private static java.util.Set<String> liveProcesses(Document yaml, List<Task> all) {
        JsonNode list = yaml.root().get("live_processes");
        if (list == null || list.isNull()) {
            return java.util.Set.of();
        }
        if (!list.isArray()) {
            throw new TaskException(yaml.at("live_processes") + ": field 'live_processes': expected a list of task-id globs, found "
                    + Document.kind(list));
        }
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isTextual()) {
                throw new TaskException(yaml.at("live_processes", i) + ": field 'live_processes': expected a task-id glob, found " + Document.kind(item));
            }
            Pattern pattern;
            try {
                pattern = Glob.ofIds(item.asText());
            } catch (IllegalArgumentException e) {
                throw new TaskException(yaml.at("live_processes", i) + ": field 'live_processes': '" + item.asText() + "': " + e.getMessage());
            }
            List<String> matched = all.stream().map(Task::id).filter(id -> pattern.matcher(id).matches()).toList();
            if (matched.isEmpty()) {
                throw new TaskException(yaml.at("live_processes", i) + ": 'live_processes' entry '" + item.asText() + "' names no task of the suite");
            }
            ids.addAll(matched);
        }
        return java.util.Set.copyOf(ids);
    }

    /** What {@code source:} entries need: the manifest (for messages), its sources and the cache holding their tasks. */
    private record Published(Path manifest, Map<String, dev.agentic.fetch.Source> sources, dev.agentic.fetch.TaskCache cache) {}

    private static List<Task> entries(Document yaml, Path base, String field, String baseImage, List<String> warnings, Published published) {
        JsonNode list = yaml.root().get(field);
        if (list == null || !list.isArray()) {
            throw new TaskException(yaml.at(field) + ": field '" + field + "': expected a list of task folders (globs allowed) or"
                    + " {instances: <file>} or {source: <name>, tasks|instances: [...]} entries, found " + Document.kind(list));
        }
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String at = yaml.at(field, i);
            if (entry.isTextual()) {
                tasks.addAll(folders(at, field, base, entry.asText(), baseImage));
            } else if (dev.agentic.fetch.FetchPlan.isSourceEntry(entry)) {
                tasks.addAll(published.cache().load(dev.agentic.fetch.FetchPlan.entry(yaml, field, i, published.sources()), published.manifest(), baseImage));
            } else if (entry.isObject() && entry.has("instances")) {
                Path file = base.resolve(path(yaml, entry, field, i, "instances"));
                String environmentsPath = path(yaml, entry, field, i, "environments");
                String repoSpecsPath = path(yaml, entry, field, i, "repo_specs");
                Path environments = environmentsPath == null ? null : base.resolve(environmentsPath);
                Path repoSpecs = repoSpecsPath == null ? null : base.resolve(repoSpecsPath);
                if (!Files.isRegularFile(file)) {
                    throw new TaskException(yaml.at(field, i, "instances") + ": instances file " + file + " does not exist");
                }
                if (repoSpecs != null && !Files.isRegularFile(repoSpecs)) {
                    throw new TaskException(yaml.at(field, i, "repo_specs") + ": repo_specs file " + repoSpecs + " does not exist");
                }
                tasks.addAll(SweBenchTask.loadAll(file, environments, repoSpecs, warnings::add));
            } else {
                throw new TaskException(at + ": entry of '" + field + "': expected a folder path, {instances: <file>, environments: <folder>} or {source: <name>, tasks|instances: [...]},"
                        + " found " + Document.kind(entry));
            }
        }
        return tasks;
    }

    /** A path field of an {@code instances} entry; null when absent. */
    private static String path(Document yaml, JsonNode entry, String field, int index, String name) {
        JsonNode value = entry.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new TaskException(yaml.at(field, index, name) + ": field '" + name + "': expected a path, found " + Document.kind(value));
        }
        return value.asText();
    }

    /** The task folders under {@code base} that {@code pattern} names; {@code at} is the entry's place in the manifest. */
    private static List<Task> folders(String at, String field, Path base, String pattern, String baseImage) {
        if (!Glob.isGlob(pattern)) {
            return List.of(Tasks.load(base.resolve(pattern), baseImage));
        }
        PathMatcher matcher;
        try {
            matcher = Glob.ofPaths(pattern);
        } catch (IllegalArgumentException e) {
            throw new TaskException(at + ": entry of '" + field + "' '" + pattern + "': " + e.getMessage());
        }
        try (Stream<Path> paths = Files.walk(base, pattern.contains("**") ? Integer.MAX_VALUE : pattern.split("/").length)) {
            List<Task> tasks = paths.filter(Files::isDirectory)
                    .filter(p -> matcher.matches(base.relativize(p)))
                    .filter(Suite::isTaskFolder)
                    .sorted(Comparator.comparing(Path::toString))
                    .map(p -> Tasks.load(p, baseImage))
                    .toList();
            if (tasks.isEmpty()) {
                throw new TaskException(at + ": '" + pattern + "' matches no task folder under " + base);
            }
            return tasks;
        } catch (IOException e) {
            throw new TaskException(at + ": cannot list " + base + ": " + e.getMessage(), e);
        }
    }

    static boolean isTaskFolder(Path dir) {
        return Files.isRegularFile(dir.resolve("task.yaml")) || Files.isRegularFile(dir.resolve("task.toml"))
                || Files.isRegularFile(dir.resolve("instance.json"));
    }

    private static List<Task> concat(List<Task> a, List<Task> b) {
        List<Task> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
