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
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import dev.agentic.sandbox.SandboxSpec;
import org.testcontainers.DockerClientFactory;

/**
 * Builds a task's environment image from its Dockerfile, tagged with a hash of what goes into it,
 * and reuses it while that content is unchanged. Builds run with network mode {@code none}; the
 * tests and the reference solution are never part of the build context.
 */
public final class TaskImages {

    private final DockerClient docker;
    private final Duration buildTimeout;
    /** Builds that failed in this process, by tag: the same context fails the same way, so it is not built again. */
    private final java.util.Map<String, TaskException> failedBuilds = new java.util.concurrent.ConcurrentHashMap<>();

    public TaskImages(Duration buildTimeout) {
        this.docker = DockerClientFactory.instance().client();
        this.buildTimeout = buildTimeout;
    }

    /** The container spec of one attempt at {@code task}: its image (built now if need be) and the image's working directory. */
    public SandboxSpec sandboxSpec(Task task) {
        String image = imageFor(task);
        String workdir = null;
        if (task.workdir() == null) {
            dev.agentic.sandbox.DockerImages.ensurePresent(image);
            try {
                var config = docker.inspectImageCmd(image).exec().getConfig();
                workdir = config == null ? null : config.getWorkingDir();
            } catch (NotFoundException absent) {
                workdir = null; // pulled or built when the sandbox starts
            }
        }
        return task.sandboxSpec(image, workdir);
    }

    /** The image of the task's environment: built now if it is not built yet, or the prebuilt image's name. */
    public String imageFor(Task task) {
        if (task.environment() instanceof TaskEnvironment.Prebuilt prebuilt) {
            return prebuilt.image();
        }
        TaskEnvironment.Built built = (TaskEnvironment.Built) task.environment();
        if (!Files.isRegularFile(built.dockerfile())) {
            throw new TaskException(built.dockerfile() + ": missing; the task's environment is built from it");
        }
        String tag = "agentic/task-" + task.id().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-") + ":"
                + Fingerprints.ofFolder(built.context(), built.excluded());
        TaskException failed = failedBuilds.get(tag);
        if (failed != null) {
            throw failed;
        }
        try {
            docker.inspectImageCmd(tag).exec();
            return tag;
        } catch (NotFoundException absent) {
            try {
                build(task.id(), built, tag, task instanceof HarborTask harbor ? harbor.buildTimeout() : buildTimeout);
            } catch (TaskException e) {
                failedBuilds.put(tag, e);
                throw e;
            }
            return tag;
        }
    }

    /** Images named in the Dockerfile's FROM lines (not earlier stages, not {@code scratch}) that the engine does not have. */
    private List<String> missingBaseImages(Path dockerfile) {
        List<String> missing = new java.util.ArrayList<>();
        Set<String> stages = new java.util.HashSet<>();
        try {
            for (String line : Files.readAllLines(dockerfile)) {
                String[] words = line.strip().split("\\s+");
                if (words.length < 2 || !words[0].equalsIgnoreCase("FROM")) {
                    continue;
                }
                int i = 1;
                while (i < words.length && words[i].startsWith("--")) {
                    i++;
                }
                if (i >= words.length) {
                    continue;
                }
                String image = words[i];
                if (i + 2 < words.length && words[i + 1].equalsIgnoreCase("AS")) {
                    stages.add(words[i + 2].toLowerCase(java.util.Locale.ROOT));
                }
                if (image.equals("scratch") || image.contains("$") || stages.contains(image.toLowerCase(java.util.Locale.ROOT))) {
                    continue;
                }
                try {
                    docker.inspectImageCmd(image).exec();
                } catch (NotFoundException absent) {
                    missing.add(image);
                }
            }
        } catch (IOException unreadable) {
            return List.of();
        }
        return missing;
    }

    /** Builds {@code tag}; a Harbor task's own {@code build_timeout_sec} bounds it, else this instance's default. */
    private void build(String taskId, TaskEnvironment.Built built, String tag, Duration timeout) {
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
            context = BuildContext.tar(built.context(), built.excluded());
            try (java.io.InputStream tar = Files.newInputStream(context)) {
                docker.buildImageCmd(tar)
                        .withDockerfilePath(built.context().relativize(built.dockerfile()).toString().replace('\\', '/'))
                        .withTags(Set.of(tag))
                        .withNetworkMode("none")
                        .withPull(false)
                        .withForcerm(true) // a failed step leaves no container behind
                        .withLabels(java.util.Map.of("dev.agentic.task", taskId))
                        .exec(callback)
                        .awaitImageId(timeout.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (DockerClientException | IOException | UncheckedIOException | com.github.dockerjava.api.exception.DockerException e) {
            if (!dev.agentic.sandbox.DockerEngine.fromEnvironment().answers()) {
                // not the task's fault: the engine went away during the build; nothing is remembered, the next attempt builds again
                throw new dev.agentic.sandbox.SandboxException("building the environment of task " + taskId + " failed: the Docker engine"
                        + " does not answer (" + e.getMessage() + ")", e);
            }
            String tail;
            synchronized (log) {
                tail = String.join("\n  ", log);
            }
            List<String> missing = missingBaseImages(built.dockerfile());
            String hint = missing.isEmpty() ? ""
                    : "\n  the base image " + String.join(", ", missing) + " named in FROM is not present and cannot be pulled; build or load it first";
            throw new TaskException("building the environment of task " + taskId + " from " + built.dockerfile()
                    + " failed: " + e.getMessage() + hint + "\n  last lines of the build log:\n  " + tail, e);
        } finally {
            if (context != null) {
                context.toFile().delete();
            }
        }
    }

}
