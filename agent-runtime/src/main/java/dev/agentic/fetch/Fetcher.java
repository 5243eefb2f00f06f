package dev.agentic.fetch;

import dev.agentic.sandbox.DockerEngine;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.task.Task;
import dev.agentic.task.TaskEnvironment;
import dev.agentic.task.TaskSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Brings what a suite manifest names into a {@link TaskCache}: git sources' task folders, dataset
 * sources' files, then the tasks' images; or, as a dry run, says what that would be and how large, from
 * the manifest alone. Every step skips what the cache already holds, so a fetch that stopped (a broken
 * connection, a full disk, Ctrl-C) is resumed by running it again.
 */
public final class Fetcher {

    /** Which parts of a fetch to do. */
    public record Options(boolean dryRun, boolean images, Set<TaskSet> sets) {

        public Options {
            sets = sets.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(sets));
        }
    }

    private final TaskCache cache;
    private final PrintWriter out;

    public Fetcher(TaskCache cache, PrintWriter out) {
        this.cache = cache;
        this.out = out;
    }

    /**
     * Fetches (or, with {@code dryRun}, lists) the published tasks of {@code plan}'s chosen sets; returns the
     * tasks concerned. A manifest that names no published task has nothing to fetch and says so.
     */
    public List<PublishedTask> fetch(FetchPlan plan, Options options) {
        List<PublishedTask> tasks = plan.tasks().stream().filter(t -> options.sets().contains(t.set())).toList();
        describe(plan, tasks, options);
        if (options.dryRun() || tasks.isEmpty()) {
            return tasks;
        }
        long started = System.nanoTime();
        Consumer<String> progress = this::line;
        try (FetchLock lock = FetchLock.acquire(cache, progress)) {
            fetchLocked(plan, tasks, options, progress);
        }
        line(String.format(Locale.ROOT, "fetched suite %s: %d tasks%s into %s in %.1f s; offline from now on (agentx bench --suite %s)",
                plan.suiteId(), tasks.size(), options.images() ? " and their images" : " (images not pulled: --no-images)", cache.root(),
                (System.nanoTime() - started) / 1e9, plan.suiteId()));
        return tasks;
    }

    private void fetchLocked(FetchPlan plan, List<PublishedTask> tasks, Options options, Consumer<String> progress) {
        Map<Source, List<PublishedTask>> bySource = new LinkedHashMap<>();
        tasks.forEach(t -> bySource.computeIfAbsent(t.source(), s -> new ArrayList<>()).add(t));
        for (var entry : bySource.entrySet()) {
            if (entry.getKey() instanceof Source.Git git) {
                new GitFetch(cache, progress).fetch(git, entry.getValue());
            } else {
                new DatasetFetch(cache, progress).fetch((Source.Dataset) entry.getKey());
            }
        }
        // every task must load as its format says, every listed instance be in its dataset file, and every image the
        // manifest names be the one the task runs in: checked now, not at the first bench run
        for (var entry : bySource.entrySet()) {
            List<Task> loaded = cache.load(entry.getValue(), plan.manifest(), "unused");
            for (int i = 0; i < loaded.size(); i++) {
                requireSameImage(entry.getValue().get(i), loaded.get(i));
            }
        }
        if (options.images()) {
            new ImageFetch(cache, progress).fetch(tasks);
        }
        cache.remember(plan.suiteId(), plan.manifest());
    }

    /** Refuses a manifest whose image for a task is not the image the task itself names: the fetch would pull the wrong one. */
    private static void requireSameImage(PublishedTask published, Task task) {
        String runs = task.environment() instanceof TaskEnvironment.Prebuilt prebuilt ? prebuilt.image() : null;
        if (!java.util.Objects.equals(published.image(), runs)) {
            throw new FetchException(published.at() + ": task '" + published.name() + "': the manifest names image "
                    + (published.image() == null ? "none" : "'" + published.image() + "'") + ", but the task "
                    + (runs == null ? "builds its own from a Dockerfile" : "runs in '" + runs + "'") + "; make the manifest say what the task says", false);
        }
    }

    private void describe(FetchPlan plan, List<PublishedTask> tasks, Options options) {
        if (tasks.isEmpty()) {
            line("suite " + plan.suiteId() + " (" + plan.manifest() + "): no published task in its " + options.sets().stream().map(TaskSet::label).collect(java.util.stream.Collectors.joining(" and "))
                    + " set: nothing to fetch (its tasks are folders next to the manifest)");
            return;
        }
        long core = tasks.stream().filter(t -> t.set() == TaskSet.CORE).count();
        line(String.format(Locale.ROOT, "suite %s (%s): %d core + %d expansion tasks from %d source(s); cache %s", plan.suiteId(), plan.manifest(),
                core, tasks.size() - core, tasks.stream().map(PublishedTask::source).distinct().count(), cache.root()));
        for (Source source : tasks.stream().map(PublishedTask::source).distinct().toList()) {
            List<PublishedTask> of = tasks.stream().filter(t -> t.source().equals(source)).toList();
            long fetched = of.stream().filter(cache::has).count();
            if (source instanceof Source.Git git) {
                line(String.format(Locale.ROOT, "  source %s: git %s at %s: %d task folders (%d fetched)", git.id(), git.url(), git.shortCommit(),
                        of.size(), fetched));
            } else {
                Source.Dataset d = (Source.Dataset) source;
                line(String.format(Locale.ROOT, "  source %s: dataset %s at %s, file %s (%s%s): %d instances (%s)", d.id(), d.dataset(),
                        d.revision().substring(0, 12), d.file(), d.bytes() < 0 ? "size not recorded" : Sizes.human(d.bytes()),
                        d.sha256() == null ? ", sha256 not pinned" : ", sha256 pinned", of.size(), fetched == of.size() ? "fetched" : "not fetched"));
            }
        }
        Map<String, PublishedTask.ImageSize> images = sizes(tasks, cache.measuredImages());
        boolean engine = options.images() && DockerEngine.fromEnvironment().answers();
        Map<String, Boolean> present = new LinkedHashMap<>();
        if (engine) {
            try {
                images.keySet().forEach(i -> present.put(i, ImageFetch.present(i)));
            } catch (SandboxException e) {
                present.clear();
            }
        }
        long built = tasks.stream().filter(t -> t.image() == null).count();
        line(String.format(Locale.ROOT, "  images: %d %s; %s%s%s", images.size(), options.images() ? "to pull by name" : "named (not pulled: --no-images)",
                summary(images.values()),
                present.isEmpty() ? (engine || !options.images() ? "" : "; Docker engine not reachable, present images not checked")
                        : "; " + present.values().stream().filter(b -> b).count() + " already present",
                built == 0 ? "" : "; " + built + " task(s) build their own image from a Dockerfile"));
        int width = tasks.stream().mapToInt(t -> t.source().id().length() + t.name().length() + 1).max().orElse(20);
        line(String.format(Locale.ROOT, "  %-9s %-" + width + "s  %-10s  %9s  %s", "set", "task", "state", "size", "image"));
        for (PublishedTask t : tasks) {
            String state = cache.has(t) ? "fetched" : "to fetch";
            String size = t.image() == null ? "-" : images.get(t.image()) == null ? "unknown" : images.get(t.image()).human();
            String image = t.image() == null ? "(built from its Dockerfile)" : t.image() + (present.isEmpty() ? "" : present.get(t.image()) ? " (present)" : "");
            line(String.format(Locale.ROOT, "  %-9s %-" + width + "s  %-10s  %9s  %s", t.set(), t.source().id() + ":" + t.name(), state, size, image));
        }
    }

    /** Each image of {@code tasks} with its size: measured by the engine when a fetch saw it, else as the manifest gives it, else null. */
    static Map<String, PublishedTask.ImageSize> sizes(List<PublishedTask> tasks, Map<String, Long> measured) {
        Map<String, PublishedTask.ImageSize> sizes = new LinkedHashMap<>();
        for (PublishedTask t : tasks) {
            if (t.image() != null && !sizes.containsKey(t.image())) {
                sizes.put(t.image(), measured.containsKey(t.image())
                        ? new PublishedTask.ImageSize(measured.get(t.image()) / 1e6, PublishedTask.ImageSize.Basis.MEASURED) : t.imageSize());
            }
        }
        return sizes;
    }

    /** Sizes summed by how sure they are: {@code 1.20 GB recorded for 3, ~2.50 GB estimated for 25, 37 of unknown size}. */
    static String summary(java.util.Collection<PublishedTask.ImageSize> sizes) {
        List<String> parts = new ArrayList<>();
        for (PublishedTask.ImageSize.Basis basis : PublishedTask.ImageSize.Basis.values()) {
            List<PublishedTask.ImageSize> of = sizes.stream().filter(java.util.Objects::nonNull).filter(z -> z.basis() == basis).toList();
            if (!of.isEmpty()) {
                double mb = of.stream().mapToDouble(PublishedTask.ImageSize::mb).sum();
                parts.add(switch (basis) {
                    case RECORDED -> Sizes.mb(mb) + " to download as recorded for " + of.size();
                    case ESTIMATED -> "~" + Sizes.mb(mb) + " estimated for " + of.size();
                    case MEASURED -> Sizes.mb(mb) + " unpacked as measured here for " + of.size();
                });
            }
        }
        long unknown = sizes.stream().filter(java.util.Objects::isNull).count();
        if (unknown > 0) {
            parts.add(unknown + " of unknown size (not published; measured once fetched)");
        }
        return parts.isEmpty() ? "no image" : String.join(", ", parts);
    }

    private void line(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
