package dev.agentic.fetch;

import dev.agentic.sandbox.DockerImages;
import dev.agentic.sandbox.SandboxException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The container images a suite's tasks name, pulled by their published names ({@code docker pull}, through
 * the engine: its registry mirrors, proxy and credentials apply) with one progress line per image at most
 * every few seconds. An image the engine already holds is not pulled: a locally built or loaded image
 * of that name stands in for the published one.
 */
final class ImageFetch {

    private static final Duration TIMEOUT = Duration.ofMinutes(60);
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final TaskCache cache;
    private final Consumer<String> progress;

    ImageFetch(TaskCache cache, Consumer<String> progress) {
        this.cache = cache;
        this.progress = progress;
    }

    /** Whether a registry's answer says the image will never come by trying again (a wrong name or tag, no access, another platform). */
    static boolean permanent(String reason) {
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        return r.contains("manifest unknown") || r.contains("not found: manifest") || r.contains("pull access denied")
                || r.contains("no matching manifest") || r.contains("repository does not exist") || r.contains("invalid reference format");
    }

    static boolean present(String image) {
        return DockerImages.present(image);
    }

    /** Pulls the images of {@code tasks} the engine does not hold; the first that cannot be pulled stops the fetch, naming it. */
    void fetch(List<PublishedTask> tasks) {
        List<String> images = tasks.stream().map(PublishedTask::image).filter(java.util.Objects::nonNull).distinct().toList();
        List<String> absent;
        try {
            absent = images.stream().filter(i -> !present(i)).toList();
        } catch (SandboxException e) {
            throw new FetchException("images: the Docker engine does not answer (" + e.getMessage() + "); start it, or fetch without images"
                    + " (--no-images) and pull them later", true, e);
        }
        var sizes = Fetcher.sizes(tasks.stream().filter(t -> absent.contains(t.image())).toList(), java.util.Map.of());
        progress.accept("images: " + absent.size() + " of " + images.size() + " to pull" + (absent.isEmpty() ? "" : ": " + Fetcher.summary(sizes.values())));
        int n = 0;
        for (String image : absent) {
            n++;
            String label = "image " + n + "/" + absent.size() + " " + image;
            long[] last = {System.nanoTime()};
            progress.accept(label + ": pulling");
            try {
                DockerImages.pull(image, TIMEOUT, p -> {
                    if (System.nanoTime() - last[0] > PROGRESS_EVERY_NANOS) {
                        last[0] = System.nanoTime();
                        progress.accept(label + ": " + Sizes.human(p.downloaded()) + " of " + Sizes.human(p.total()) + " (" + p.layersDone()
                                + " of " + p.layers() + " layers)");
                    }
                });
            } catch (SandboxException e) {
                String reason = String.valueOf(e.getMessage());
                if (permanent(reason)) {
                    throw new FetchException(label + ": " + reason + "; the name or the platform is wrong, not the connection: check the image"
                            + " in the manifest (published images of these benchmarks are linux/amd64)", false, e);
                }
                throw new FetchException(label + ": " + reason + "; the images pulled so far are kept, run the fetch again to go on", true, e);
            }
            progress.accept(label + ": pulled");
        }
        java.util.Map<String, Long> measured = new java.util.LinkedHashMap<>();
        images.forEach(i -> measured.put(i, DockerImages.size(i)));
        cache.recordImageSizes(measured);
    }
}
