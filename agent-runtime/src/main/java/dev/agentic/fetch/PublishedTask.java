package dev.agentic.fetch;

import dev.agentic.task.TaskSet;

/**
 * One published task a manifest names.
 *
 * @param source where it comes from
 * @param name its name there: a task folder's name, or a SWE-bench instance id
 * @param path for a git source, the task folder's path in the repository (the name unless given); null for a dataset
 * @param image the container image it runs in as the manifest records it (pulled by a fetch), or null when the task
 *     builds its own from its Dockerfile
 * @param imageSize the image's size as the manifest gives it (recorded, or estimated), or null when it gives none
 * @param set the suite's set it is in: the manifest's {@code tasks} (core) or its {@code expansion}
 * @param at where the manifest names it ({@code file:line:column})
 * @param repoSpecs for a dataset instance, a file of repository specifications beyond the built-in ones (how the tests
 *     of repositories other than the official ones run and are read), or null
 */
public record PublishedTask(Source source, String name, String path, String image, ImageSize imageSize, TaskSet set, String at,
                            java.nio.file.Path repoSpecs) {

    /** How large an image is, in MB (10^6 bytes), and how sure that is. */
    public record ImageSize(double mb, Basis basis) {

        /** Where a size comes from. */
        public enum Basis {
            /** the download size the manifest records for the image */
            RECORDED,
            /** an estimate the manifest gives for images of its entry */
            ESTIMATED,
            /** the size the local engine reports for the image it holds (unpacked) */
            MEASURED
        }

        /** The size for people: {@code 350.0 MB}, {@code ~100.0 MB} for an estimate, {@code 1.20 GB (local)} when measured. */
        public String human() {
            return switch (basis) {
                case RECORDED -> Sizes.mb(mb);
                case ESTIMATED -> "~" + Sizes.mb(mb);
                case MEASURED -> Sizes.mb(mb) + " (local)";
            };
        }
    }
}
