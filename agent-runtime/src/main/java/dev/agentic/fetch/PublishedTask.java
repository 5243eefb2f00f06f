package dev.agentic.fetch;

/**
 * One published task a manifest names.
 *
 * @param source where it comes from
 * @param name its name there: a task folder's name, or a SWE-bench instance id
 * @param path for a git source, the task folder's path in the repository (the name unless given); null for a dataset
 * @param image the container image it runs in as the manifest records it (pulled by a fetch), or null when the task
 *     builds its own from its Dockerfile
 * @param imageMb the image's download size as recorded in the manifest, in MB (10^6 bytes), or null when not recorded
 * @param set {@code core} or {@code expansion}
 * @param at where the manifest names it ({@code file:line:column})
 * @param repoSpecs for a dataset instance, a file of repository specifications beyond the built-in ones (how the tests
 *     of repositories other than the official ones run and are read), or null
 */
public record PublishedTask(Source source, String name, String path, String image, Double imageMb, String set, String at,
                            java.nio.file.Path repoSpecs) {}
