package dev.agentic.task;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;

/**
 * Builds a task's environment image from its Dockerfile, tagged with a hash of what goes into it,
 * and reuses it while that content is unchanged. Builds run with network mode {@code none}; the
 * tests and the reference solution are never part of the build context.
 */
public final class TaskImages {

    /** Files of a task folder that the agent must never see. */
    static final Set<String> HIDDEN = Set.of("tests", "run-tests.sh", "solution.sh", "solution.yaml", "solution");

    private final DockerClient docker;
    private final Duration buildTimeout;

    public TaskImages(Duration buildTimeout) {
        this.docker = DockerClientFactory.instance().client();
        this.buildTimeout = buildTimeout;
    }

    /** The image name for the task: built now if needed, or the base image when there is no Dockerfile. */
    public String imageFor(TerminalBenchTask task, String baseImage) {
        if (!task.hasDockerfile()) {
            return baseImage;
        }
        String tag = "agentic/task-" + task.id().toLowerCase().replaceAll("[^a-z0-9_.-]", "-") + ":" + contentHash(task.dir());
        try {
            docker.inspectImageCmd(tag).exec();
            return tag;
        } catch (NotFoundException absent) {
            build(task, tag);
            return tag;
        }
    }

    private void build(TerminalBenchTask task, String tag) {
        Deque<String> log = new ArrayDeque<>();
        BuildImageResultCallback callback = new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
                String line = item.getStream() != null ? item.getStream() : item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : null;
                if (line != null && !line.isBlank()) {
                    synchronized (log) {
                        log.addLast(line.stripTrailing());
                        if (log.size() > 30) {
                            log.removeFirst();
                        }
                    }
                }
                super.onNext(item);
            }
        };
        Path context = null;
        try {
            context = BuildContext.tar(task.dir(), HIDDEN);
            try (java.io.InputStream tar = Files.newInputStream(context)) {
                docker.buildImageCmd(tar)
                        .withDockerfilePath("Dockerfile")
                        .withTags(Set.of(tag))
                        .withNetworkMode("none")
                        .withPull(false)
                        .withLabels(java.util.Map.of("dev.agentic.task", task.id()))
                        .exec(callback)
                        .awaitImageId(buildTimeout.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (DockerClientException | IOException | UncheckedIOException e) {
            String tail;
            synchronized (log) {
                tail = String.join("\n  ", log);
            }
            String hint = tail.contains("pull access denied") || tail.contains("not found") || tail.contains("no such host")
                    ? "\n  a base image named in FROM is not present and cannot be pulled; build or load it first" : "";
            throw new TaskException("building the environment of task " + task.id() + " from " + task.dockerfile()
                    + " failed: " + e.getMessage() + hint + "\n  last lines of the build log:\n  " + tail, e);
        } finally {
            if (context != null) {
                context.toFile().delete();
            }
        }
    }

    /** SHA-256 over the relative paths and contents of the build context (hidden files excluded), first 12 hex digits. */
    static String contentHash(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> sorted = files.filter(Files::isRegularFile)
                    .filter(p -> !HIDDEN.contains(dir.relativize(p).getName(0).toString()))
                    .sorted().toList();
            for (Path file : sorted) {
                digest.update(dir.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new TaskException("cannot read task folder " + dir + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
