package dev.agentic.task;

import dev.agentic.sandbox.ExecOptions;
import dev.agentic.sandbox.ImageSource;
import dev.agentic.sandbox.ResourceLimits;
import dev.agentic.sandbox.SandboxSpec;
import java.time.Duration;

/** A benchmark task in one of the published formats, ready to run. */
public sealed interface Task permits TerminalBenchTask, HarborTask, SweBenchTask {

    /**
     * The task's id, unique across sources: its format's namespace and its name, e.g.
     * {@code tb/hello-world}, {@code harbor/hello-world}, {@code swe/django__django-11099}. Results,
     * scripts and reports use it.
     */
    String id();

    /** The only text the agent receives. */
    String instruction();

    Difficulty difficulty();

    String category();

    /** Wall time the agent may use. */
    Duration agentTimeout();

    /** Wall time for the tests. */
    Duration testTimeout();

    /** Where the task's image comes from. */
    TaskEnvironment environment();

    /**
     * The agent's working directory in the container as the task declares it, or null when the
     * image's {@code WORKDIR} decides (see {@link #sandboxSpec(String, String)}).
     */
    String workdir();

    /**
     * The task's environment as an image source for a place to prepare: the prebuilt image by name, or
     * the build of its Dockerfile tagged {@code agentic/task-<id>:<content hash>} and labelled with the task
     * id. A build is bounded by the task's own build timeout (Harbor's {@code build_timeout_sec}), else by
     * {@code buildTimeout}.
     *
     * @throws TaskException when the image name is malformed or the build context cannot be read
     */
    default ImageSource imageSource(Duration buildTimeout) {
        try {
            if (environment() instanceof TaskEnvironment.Prebuilt prebuilt) {
                return ImageSource.named(prebuilt.image());
            }
            TaskEnvironment.Built built = (TaskEnvironment.Built) environment();
            Duration timeout = this instanceof HarborTask harbor && harbor.buildTimeout() != null ? harbor.buildTimeout() : buildTimeout;
            return ImageSource.Build.of(imageRepository(), built.context(), built.dockerfile(), built.excluded(), timeout,
                    java.util.Map.of("dev.agentic.task", id()));
        } catch (IllegalArgumentException | dev.agentic.sandbox.SandboxException e) {
            throw new TaskException("the environment of task " + id() + ": " + e.getMessage(), e);
        }
    }

    /** The repository a built environment is tagged in: {@code agentic/task-<id>}, the id made a valid repository name. */
    default String imageRepository() {
        String name = "task-" + id().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
        if (!name.matches("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*")) {
            name = name.replaceAll("[^a-z0-9]+", "-").replaceAll("-+$", "");
        }
        return "agentic/" + name;
    }

    /** The format's name: terminal-bench, harbor or swe-bench. */
    String format();

    /** The working directory when neither the task nor its image names one. */
    default String fallbackWorkdir() {
        return "/app";
    }

    /** CPU and memory limits of the task's container; the sandbox's defaults unless the task sets its own. */
    default ResourceLimits limits() {
        return ResourceLimits.DEFAULT;
    }

    /**
     * Whether the task says it uses the network. Containers here never have one, so such a task runs
     * only when the user accepts that it runs offline (see {@code dev.agentic.suite.Suite#refuseInternetTasks}).
     */
    default boolean needsInternet() {
        return false;
    }

    /** Environment variables of the task's container (a compose file's {@code environment}, Harbor's {@code [environment].env}). */
    default java.util.Map<String, String> containerEnv() {
        return java.util.Map.of();
    }

    /** How the agent's commands run: the task's agent user and environment, if it sets them. */
    default ExecOptions agentExec() {
        return ExecOptions.DEFAULT;
    }

    /** How the task's tests run: the task's verifier user and environment, if it sets them. */
    default ExecOptions verifierExec() {
        return ExecOptions.DEFAULT;
    }

    /**
     * The container of one attempt at this task: its environment image, its working directory
     * (declared, else the image's {@code WORKDIR}, else {@link #fallbackWorkdir()}), its limits and environment.
     */
    default SandboxSpec sandboxSpec(String image, String imageWorkdir) {
        String dir = workdir() != null ? workdir() : imageWorkdir != null && imageWorkdir.startsWith("/") ? imageWorkdir : fallbackWorkdir();
        return SandboxSpec.of(image).withWorkdir(dir).withLimits(limits()).withEnv(containerEnv());
    }
}
