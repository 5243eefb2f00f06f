package dev.agentic.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A sandbox in a Docker container on one engine, made through the engine's API client: network mode from
 * {@link ContainerNetwork} ({@code none} by default), CPU, memory and process limits, a real init as PID 1,
 * removed on {@link #close()} and at JVM shutdown. Every container carries {@link #LABEL} and
 * {@link #OWNER_LABEL}, so that what a killed process left is found and removed later.
 */
public final class DockerSandbox implements Sandbox {

    /** Label on every container this class starts. */
    public static final String LABEL = "dev.agentic.sandbox";

    /** Label naming the process that started a container: {@code <host>:<pid>}. */
    public static final String OWNER_LABEL = "dev.agentic.owner";

    static final String OWNER = hostName() + ":" + ProcessHandle.current().pid();

    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final DockerEngine engine;
    private final SandboxSpec spec;
    private final DockerClient docker;
    private final String containerId;
    private boolean closed;
    /** The snapshot image this container was started from, removed with it; null for an ordinary sandbox. */
    private String snapshotImage;
    /** Run once when the sandbox closes (a place's slot is given back); null for none. */
    private volatile Runnable onClose;

    private static final java.util.concurrent.atomic.AtomicLong SNAPSHOTS = new java.util.concurrent.atomic.AtomicLong();

    private DockerSandbox(DockerEngine engine, SandboxSpec spec, String containerId) {
        this.engine = engine;
        this.spec = spec;
        this.docker = engine.client();
        this.containerId = containerId;
    }

    /** Starts a container for {@code spec} on this machine's engine (the one {@code DOCKER_HOST} names); Docker creates its working directory. */
    public static DockerSandbox start(SandboxSpec spec) {
        return start(DockerEngine.machine(), spec);
    }

    /** Starts a container for {@code spec} on {@code engine}, pulling a named image that is not there yet. */
    static DockerSandbox start(DockerEngine engine, SandboxSpec spec) {
        ImageSource image;
        try {
            image = ImageSource.named(spec.image());
        } catch (IllegalArgumentException e) {
            throw new ImageDefinitionException(e.getMessage(), e);
        }
        engine.images().ensurePresent(image);
        if (!OpenSandboxes.beginStart()) {
            throw new SandboxException("no container is started: the process is shutting down");
        }
        DockerSandbox sandbox = null;
        try {
            OpenSandboxes.engineUsed(engine);
            String id;
            try {
                id = create(engine, spec);
            } catch (NotFoundException imageGone) { // removed since it was seen: once more, from the start
                engine.images().forget(image.ref());
                engine.images().ensurePresent(image);
                id = create(engine, spec);
            }
            sandbox = new DockerSandbox(engine, spec, id);
            try {
                engine.client().startContainerCmd(id).exec();
            } catch (RuntimeException e) {
                sandbox.removeContainer();
                SandboxException failure = new SandboxException(DockerDiagnostics.explainStartFailure(spec.image(), e), e);
                sandbox = null;
                throw failure;
            }
        } catch (SandboxException e) {
            throw e;
        } catch (RuntimeException e) { // the engine's refusal, or no answer at all
            throw new SandboxException(DockerDiagnostics.explainStartFailure(spec.image(), e), e);
        } finally {
            if (!OpenSandboxes.endStart(sandbox) && sandbox != null) {
                sandbox.close();
                throw new SandboxException("the container was removed again: the process is shutting down");
            }
        }
        return sandbox;
    }

    private static String create(DockerEngine engine, SandboxSpec spec) {
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.put(LABEL, "true");
        labels.put(OWNER_LABEL, OWNER);
        List<String> env = new java.util.ArrayList<>();
        spec.env().forEach((name, value) -> env.add(name + "=" + value));
        return engine.client().createContainerCmd(spec.image())
                .withEnv(env)
                .withLabels(labels)
                .withWorkingDir(spec.workdir())
                .withEntrypoint("/bin/sleep", "infinity") // absolute: never a shim the agent put earlier on PATH
                .withCmd(List.of())
                .withHostConfig(hostConfig(spec.limits()))
                .exec()
                .getId();
    }

    private static HostConfig hostConfig(ResourceLimits limits) {
        // init: a real PID 1 reaps the zombies that commands leave behind
        HostConfig config = HostConfig.newHostConfig().withNetworkMode(ContainerNetwork.mode()).withInit(true);
        if (limits.cpus() > 0) {
            config.withNanoCPUs((long) (limits.cpus() * 1e9));
        }
        if (limits.memoryBytes() > 0) {
            config.withMemory(limits.memoryBytes()).withMemorySwap(limits.memoryBytes());
        }
        if (limits.pids() > 0) {
            config.withPidsLimit(limits.pids());
        }
        return config;
    }

    /** The engine the container runs on. */
    DockerEngine engine() {
        return engine;
    }

    /** Runs {@code action} once, when this sandbox closes. */
    void onClose(Runnable action) {
        this.onClose = action;
    }

    /**
     * Removes containers that this machine's processes started and left behind when they were
     * killed: those whose owner process is gone. Returns how many were removed.
     */
    public static int removeOrphans() {
        return removeOrphans(DockerEngine.machine());
    }

    /** As {@link #removeOrphans()}, on {@code engine}. */
    static int removeOrphans(DockerEngine engine) {
        DockerClient docker = engine.client();
        int removed = 0;
        for (var container : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL, "true")).exec()) {
            String owner = container.getLabels().getOrDefault(OWNER_LABEL, "");
            int colon = owner.lastIndexOf(':');
            if (colon < 0 || !owner.substring(0, colon).equals(hostName())) {
                continue;
            }
            long pid = Long.parseLong(owner.substring(colon + 1));
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            try {
                docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                removed++;
            } catch (NotFoundException alreadyGone) {
                // removed meanwhile
            }
        }
        for (var image : docker.listImagesCmd().withLabelFilter(Map.of(LABEL, "true")).exec()) { // snapshots of such containers
            String owner = image.getLabels() == null ? "" : image.getLabels().getOrDefault(OWNER_LABEL, "");
            int colon = owner.lastIndexOf(':');
            if (colon > 0 && owner.substring(0, colon).equals(hostName())
                    && !ProcessHandle.of(Long.parseLong(owner.substring(colon + 1))).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    docker.removeImageCmd(image.getId()).withForce(true).exec();
                } catch (NotFoundException | com.github.dockerjava.api.exception.ConflictException inUse) {
                    // removed meanwhile, or a container of it still exists
                }
            }
        }
        return removed;
    }

    /**
     * Runs {@code action} when the JVM shuts down (Ctrl-C, SIGTERM, {@code System.exit}), before the
     * open sandboxes are closed; {@link #cancelBeforeShutdownClose} withdraws it.
     */
    public static void beforeShutdownClose(Runnable action) {
        OpenSandboxes.beforeClosing(action);
    }

    public static void cancelBeforeShutdownClose(Runnable action) {
        OpenSandboxes.removeBeforeClosing(action);
    }

    /** Closes every sandbox this process has open (their containers and snapshot images go); returns how many. */
    public static int closeAllOpen() {
        return OpenSandboxes.closeAll();
    }

    /**
     * Removes this process's containers that are not open sandboxes: those whose removal failed
     * because the engine was lost at that moment. Call it when no sandbox is being started.
     */
    public static int removeLeftovers() {
        return removeLeftovers(DockerEngine.machine());
    }

    /** As {@link #removeLeftovers()}, on {@code engine}. */
    static int removeLeftovers(DockerEngine engine) {
        for (int attempt = 1; ; attempt++) {
            try {
                return removeLeftoversOnce(engine);
            } catch (RuntimeException e) { // a connection to an engine that restarted meanwhile: drop such, try again
                if (attempt == 3) {
                    throw e;
                }
                dropStaleConnections(engine);
            }
        }
    }

    private static int removeLeftoversOnce(DockerEngine engine) {
        DockerClient docker = engine.client();
        int removed = 0;
        for (var container : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(OWNER_LABEL, OWNER)).exec()) {
            if (OpenSandboxes.isOpen(container.getId())) {
                continue;
            }
            try {
                docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                removed++;
            } catch (NotFoundException | com.github.dockerjava.api.exception.ConflictException alreadyGoing) {
                // removed meanwhile, or being removed
            }
        }
        return removed;
    }

    /**
     * After the engine restarted, the Docker client's pooled connections still lead to the engine
     * that is gone, and each fails once when used ("broken pipe"). Many pings at once use, and so
     * drop, every one of them.
     */
    public static void dropStaleConnections() {
        dropStaleConnections(DockerEngine.machine());
    }

    /** As {@link #dropStaleConnections()}, for the client of {@code engine}. */
    static void dropStaleConnections(DockerEngine engine) {
        DockerClient docker = engine.client();
        java.util.concurrent.ExecutorService pings = java.util.concurrent.Executors.newFixedThreadPool(STALE_PROBES);
        try {
            for (int round = 0; round < 3; round++) {
                List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
                for (int i = 0; i < STALE_PROBES; i++) {
                    sent.add(pings.submit(() -> docker.pingCmd().exec()));
                }
                for (var ping : sent) {
                    try {
                        ping.get(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException dropped) {
                        // a dead connection, gone now
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pings.shutdownNow();
        }
    }

    private static final int STALE_PROBES = 16;

    /** Whether {@code error} says only that a container or image was already gone, or being removed, when it was removed. */
    public static boolean isRemovalRace(Throwable error) {
        return error instanceof NotFoundException || error instanceof com.github.dockerjava.api.exception.ConflictException;
    }

    /** This machine's host name, as containers' owner labels carry it. */
    public static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }

    @Override
    public SandboxSpec spec() {
        return spec;
    }

    /** Null while the container runs; else what became of it (an engine that restarts stops every container). */
    public String notRunning() {
        try {
            var state = docker.inspectContainerCmd(containerId).exec().getState();
            return Boolean.TRUE.equals(state.getRunning()) ? null
                    : "container " + shortId() + " is " + state.getStatus() + " (exit code " + state.getExitCodeLong() + ")";
        } catch (NotFoundException gone) {
            return "container " + shortId() + " is gone";
        } catch (RuntimeException e) {
            return "container " + shortId() + " cannot be inspected: " + e.getMessage();
        }
    }

    /** The Docker id of the container. */
    public String containerId() {
        return containerId;
    }

    @Override
    public ExecResult exec(String command, Duration timeout, ExecOptions options) {
        ensureOpen();
        ProcessMarker marker = ProcessMarker.next();
        HeadTailBuffer stdout = new HeadTailBuffer(spec.maxOutputBytes());
        HeadTailBuffer stderr = new HeadTailBuffer(spec.maxOutputBytes());
        long start = System.nanoTime();
        try {
            List<String> env = new java.util.ArrayList<>();
            options.env().forEach((name, value) -> env.add(name + "=" + value));
            env.add(marker.assignment());
            ExecCreateCmdResponse exec = docker.execCreateCmd(containerId)
                    .withCmd("/bin/bash", "-c", command)
                    .withEnv(env)
                    .withUser(options.user())
                    .withWorkingDir(spec.workdir())
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .exec();
            boolean timedOut;
            try (OutputCollector collector = docker.execStartCmd(exec.getId()).exec(new OutputCollector(stdout, stderr))) {
                timedOut = !collector.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (timedOut) {
                    killAll(marker);
                    collector.awaitCompletion(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            Duration duration = Duration.ofNanos(System.nanoTime() - start);
            int exitCode = exitCode(exec.getId());
            return new ExecResult(exitCode, stdout.text(), stderr.text(), duration, timedOut,
                    stdout.truncated() || stderr.truncated());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killAll(marker);
            throw new SandboxException("interrupted while running a command in container " + shortId(), e);
        } catch (SandboxException e) {
            throw e;
        } catch (IOException | RuntimeException e) { // the engine's answer, or no answer at all (a lost engine: connection refused)
            throw new SandboxException("could not run a command in container " + shortId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Commits the container's file system to an image (the container is paused meanwhile, so no
     * process changes it half-way) and starts a new container of it: only its own
     * {@code sleep infinity} runs there. The image is removed with that container.
     */
    @Override
    public Sandbox freshCopy() {
        ensureOpen();
        String tag = "agentic/snapshot:" + shortId() + "-" + SNAPSHOTS.incrementAndGet();
        String repository = tag.substring(0, tag.indexOf(':'));
        try {
            docker.commitCmd(containerId).withRepository(repository).withTag(tag.substring(tag.indexOf(':') + 1))
                    .withLabels(Map.of(LABEL, "true", OWNER_LABEL, OWNER)).exec();
        } catch (RuntimeException e) {
            throw new SandboxException("could not snapshot container " + shortId() + ": " + e.getMessage(), e);
        }
        DockerSandbox copy;
        try {
            copy = start(engine, spec.withImage(tag));
        } catch (RuntimeException e) {
            removeImage(tag);
            throw e;
        }
        copy.snapshotImage = tag;
        return copy;
    }

    private void removeImage(String tag) {
        try {
            docker.removeImageCmd(tag).withForce(true).exec();
        } catch (NotFoundException alreadyGone) {
            // removed meanwhile
        } catch (RuntimeException e) {
            System.err.println("could not remove snapshot image " + tag + ": " + e.getMessage());
        }
    }

    private void killAll(ProcessMarker marker) {
        for (int pass = 0; pass < 2; pass++) {
            ExecCreateCmdResponse kill = docker.execCreateCmd(containerId)
                    .withCmd("sh", "-c", marker.killScript())
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .exec();
            try (var done = docker.execStartCmd(kill.getId()).exec(new ResultCallback.Adapter<Frame>())) {
                done.awaitCompletion(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (IOException e) {
                throw new SandboxException("could not stop a timed-out command in container " + shortId(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The exit code, once Docker has recorded it (the output stream may end a moment earlier). */
    private int exitCode(String execId) throws InterruptedException {
        long deadline = System.nanoTime() + KILL_GRACE.toNanos();
        while (true) {
            InspectExecResponse state = docker.inspectExecCmd(execId).exec();
            if (!Boolean.TRUE.equals(state.isRunning()) && state.getExitCodeLong() != null) {
                return state.getExitCodeLong().intValue();
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void writeFile(String path, byte[] content) {
        ensureOpen();
        writeFile(path, content, modeOf(spec.resolve(path)));
    }

    @Override
    public void writeFile(String path, byte[] content, int mode) {
        ensureOpen();
        String target = spec.resolve(path);
        try {
            upload(new java.io.ByteArrayInputStream(TarArchives.ofFile(target, content, mode)));
        } catch (IOException | RuntimeException e) {
            throw new SandboxException("could not write " + target + " in container " + shortId() + ": " + e.getMessage(), e);
        }
    }

    /** The permission bits of an existing file, so that rewriting it keeps them; 0644 for a new file. */
    private int modeOf(String target) {
        ExecResult stat = exec("stat -c %a " + Shell.quote(target) + " 2>/dev/null", Duration.ofSeconds(30));
        String mode = stat.stdout().strip();
        return stat.exitCode() == 0 && mode.matches("[0-7]{3,4}") ? Integer.parseInt(mode, 8) : 0644;
    }

    @Override
    public byte[] readFile(String path) {
        ensureOpen();
        String source = spec.resolve(path);
        try (InputStream tar = docker.copyArchiveFromContainerCmd(containerId, source).exec()) {
            return TarArchives.firstFile(tar, source);
        } catch (NotFoundException e) {
            throw new SandboxException("no such file in container " + shortId() + ": " + source, e);
        } catch (IOException | RuntimeException e) {
            throw new SandboxException("could not read " + source + " in container " + shortId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the files that share a folder with another of {@code paths} in one archive of that folder,
     * the others one by one; a file the folder's archive does not hold as a regular entry (a hard
     * link to an earlier entry, a folder that became a link) is read on its own, so the answer is
     * the one {@link #readFile} gives for each.
     */
    @Override
    public Map<String, byte[]> readFiles(java.util.Collection<String> paths) {
        ensureOpen();
        Map<String, Map<String, String>> byFolder = new java.util.LinkedHashMap<>();
        for (String path : paths) {
            String source = spec.resolve(path);
            int slash = source.lastIndexOf('/');
            String folder = slash <= 0 ? "/" : source.substring(0, slash);
            String entry = folder.equals("/") ? source.substring(1) : folder.substring(folder.lastIndexOf('/') + 1) + source.substring(slash);
            byFolder.computeIfAbsent(folder, k -> new java.util.LinkedHashMap<>()).put(entry, path);
        }
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> folder : byFolder.entrySet()) {
            Map<String, String> wanted = folder.getValue();
            if (wanted.size() > 1 && !folder.getKey().equals("/")) {
                try (InputStream tar = docker.copyArchiveFromContainerCmd(containerId, folder.getKey()).exec()) {
                    files.putAll(TarArchives.files(tar, wanted));
                } catch (NotFoundException gone) {
                    // none of them is there as a file; each is asked for below, as readFile would be
                } catch (IOException | RuntimeException e) {
                    throw new SandboxException("could not read " + folder.getKey() + " in container " + shortId() + ": " + e.getMessage(), e);
                }
            }
            for (String path : wanted.values()) {
                if (!files.containsKey(path)) {
                    try {
                        files.put(path, readFile(path));
                    } catch (SandboxException missingOrNotAFile) {
                        // left out
                    }
                }
            }
        }
        return files;
    }

    @Override
    public void copyIn(Path hostDir, String sandboxDir) {
        ensureOpen();
        String target = spec.resolve(sandboxDir);
        try {
            Path tar = TarArchives.ofFolder(hostDir, target);
            try (InputStream in = java.nio.file.Files.newInputStream(tar)) {
                upload(in);
            } finally {
                java.nio.file.Files.deleteIfExists(tar);
            }
        } catch (IOException | RuntimeException e) {
            throw new SandboxException("could not copy " + hostDir + " to " + target + " in container " + shortId() + ": " + e.getMessage(), e);
        }
    }

    /** Unpacks {@code tar} (entries named by their absolute paths, without the leading slash) at the container's root. */
    private void upload(InputStream tar) {
        docker.copyArchiveToContainerCmd(containerId).withTarInputStream(tar).withRemotePath("/").exec();
    }

    @Override
    public void copyOut(String sandboxDir, Path hostDir) {
        ensureOpen();
        String source = spec.resolve(sandboxDir);
        try (InputStream tar = docker.copyArchiveFromContainerCmd(containerId, source + "/.").exec()) {
            TarExtraction.extract(tar, hostDir);
        } catch (NotFoundException e) {
            throw new SandboxException("no such directory in container " + shortId() + ": " + source, e);
        } catch (IOException | RuntimeException e) {
            throw new SandboxException("could not copy " + source + " out of container " + shortId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        OpenSandboxes.remove(this);
        try {
            removeContainer();
            if (snapshotImage != null) {
                removeImage(snapshotImage);
            }
        } finally {
            Runnable action = onClose;
            onClose = null;
            if (action != null) {
                action.run();
            }
        }
    }

    /**
     * Kills and removes the container with its volumes. An engine that does not answer keeps it: it is
     * removed later ({@link #removeLeftovers}, {@link #removeOrphans}).
     */
    private void removeContainer() {
        try {
            docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException goneOrUnreachable) {
            // already gone (NotFound), being removed (Conflict), or the engine is lost: a leftover for later
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new SandboxException("container " + shortId() + " is closed");
        }
    }

    private String shortId() {
        return containerId.substring(0, Math.min(12, containerId.length()));
    }

    @Override
    public String toString() {
        return "DockerSandbox[" + shortId() + ", " + spec.image() + "]";
    }

    /** Sorts a command's output frames into the two buffers. */
    private static final class OutputCollector extends ResultCallback.Adapter<Frame> {
        private final HeadTailBuffer stdout;
        private final HeadTailBuffer stderr;

        OutputCollector(HeadTailBuffer stdout, HeadTailBuffer stderr) {
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public void onNext(Frame frame) {
            byte[] payload = frame.getPayload();
            switch (frame.getStreamType()) {
                case STDOUT, RAW -> stdout.write(payload, 0, payload.length);
                case STDERR -> stderr.write(payload, 0, payload.length);
                default -> { }
            }
        }
    }
}
