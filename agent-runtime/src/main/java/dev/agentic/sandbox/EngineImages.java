package dev.agentic.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PullResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The images of one engine: whether it holds one, and making it present there from its {@link ImageSource}
 * (pulled once with a bounded wait, or built with network mode {@code none}). What is known to be present
 * is remembered by the source's key (a build's content hash), and so is a build that failed: the same
 * context fails the same way, so it is not built again by this object.
 */
final class EngineImages {

    static final Duration PULL_TIMEOUT = Duration.ofMinutes(10);
    private static final int BUILD_LOG_LINES = 30;

    private final DockerEngine engine;
    private final Set<String> present = ConcurrentHashMap.newKeySet();
    private final Map<String, ImageDefinitionException> failedBuilds = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    EngineImages(DockerEngine engine) {
        this.engine = engine;
    }

    DockerEngine engine() {
        return engine;
    }

    /** Makes {@code source} present (see {@link #ensurePresent}) and reads the image's working directory. */
    PreparedImage prepare(ImageSource source) {
        ensurePresent(source);
        return new PreparedImage(source.ref(), workdir(source.ref()));
    }

    /**
     * Makes {@code source} present on the engine, once per key at a time (others asking for the same key wait).
     *
     * @throws ImageDefinitionException when a build fails from its definition
     * @throws SandboxException when a named image cannot be pulled, or the engine fails
     */
    void ensurePresent(ImageSource source) {
        ensurePresent(source, null);
    }

    /** As {@link #ensurePresent(ImageSource)}; {@code elsewhere}, when not null, may supply an image from another engine first. */
    void ensurePresent(ImageSource source, ImageCopier elsewhere) {
        String key = source.key();
        if (present.contains(key)) {
            return;
        }
        ImageDefinitionException failed = failedBuilds.get(key);
        if (failed != null) {
            throw failed;
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            if (present.contains(key)) {
                return;
            }
            if (!has(source.ref()) && (elsewhere == null || !elsewhere.copy(source.ref(), this))) {
                if (source instanceof ImageSource.Build build) {
                    try {
                        build(build, elsewhere);
                    } catch (ImageDefinitionException e) {
                        failedBuilds.put(key, e);
                        throw e;
                    }
                } else {
                    pull(source.ref(), PULL_TIMEOUT, progress -> { });
                }
            }
            present.add(key);
        }
    }

    /** Whether {@code key} is known to be present (without asking the engine). */
    boolean knows(String key) {
        return present.contains(key);
    }

    /** Forgets that {@code ref} is present (it was removed meanwhile): the next {@link #ensurePresent} looks again. */
    void forget(ImageRef ref) {
        present.removeIf(key -> key.equals(ref.toString()));
    }

    /** Supplies an image from somewhere else (another engine) into {@code target}; false when it has none. */
    @FunctionalInterface
    interface ImageCopier {
        boolean copy(ImageRef ref, EngineImages target);
    }

    /** Whether the engine holds {@code ref}. */
    boolean has(ImageRef ref) {
        try {
            engine.client().inspectImageCmd(ref.toString()).exec();
            return true;
        } catch (NotFoundException absent) {
            return false;
        } catch (RuntimeException e) { // the engine's refusal, or no answer at all
            throw new SandboxException("cannot inspect image '" + ref + "' on " + engine.address() + ": " + String.valueOf(e.getMessage()).strip(), e);
        }
    }

    /** The image's {@code WORKDIR}, or null when it sets none. */
    String workdir(ImageRef ref) {
        try {
            var config = engine.client().inspectImageCmd(ref.toString()).exec().getConfig();
            String dir = config == null ? null : config.getWorkingDir();
            return dir == null || dir.isBlank() ? null : dir;
        } catch (RuntimeException e) { // the engine's refusal, or no answer at all
            throw new SandboxException("cannot inspect image '" + ref + "' on " + engine.address() + ": " + String.valueOf(e.getMessage()).strip(), e);
        }
    }

    /** The size the engine reports for an image it holds, in bytes (unpacked); -1 when it does not say. */
    long size(ImageRef ref) {
        try {
            Long size = engine.client().inspectImageCmd(ref.toString()).exec().getSize();
            return size == null ? -1 : size;
        } catch (RuntimeException e) { // the engine's refusal, or no answer at all
            throw new SandboxException("cannot inspect image '" + ref + "' on " + engine.address() + ": " + String.valueOf(e.getMessage()).strip(), e);
        }
    }

    /**
     * Pulls {@code ref}, reporting progress as the engine announces it; refused with the engine's reason (an
     * unknown name, an unreachable registry) or when it takes longer than {@code timeout}.
     */
    void pull(ImageRef ref, Duration timeout, Consumer<DockerImages.PullProgress> progress) {
        String image = ref.toString();
        Map<String, long[]> layers = new ConcurrentHashMap<>();
        Set<String> done = ConcurrentHashMap.newKeySet();
        AtomicReference<String> error = new AtomicReference<>();
        var callback = new ResultCallback.Adapter<PullResponseItem>() {
            @Override
            public void onNext(PullResponseItem item) {
                if (item.isErrorIndicated()) {
                    error.compareAndSet(null, item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                            ? item.getErrorDetail().getMessage() : String.valueOf(item.getError()));
                    return;
                }
                if (item.getId() == null || item.getStatus() == null) {
                    return;
                }
                var detail = item.getProgressDetail();
                if (detail != null && detail.getTotal() != null && detail.getTotal() > 0 && item.getStatus().startsWith("Downloading")) {
                    layers.put(item.getId(), new long[] {detail.getCurrent() == null ? 0 : detail.getCurrent(), detail.getTotal()});
                }
                if (item.getStatus().startsWith("Download complete") || item.getStatus().startsWith("Already exists")
                        || item.getStatus().startsWith("Pull complete")) {
                    done.add(item.getId());
                    long[] layer = layers.get(item.getId());
                    if (layer != null) {
                        layer[0] = layer[1];
                    }
                }
                long downloaded = layers.values().stream().mapToLong(l -> l[0]).sum();
                long total = layers.values().stream().mapToLong(l -> l[1]).sum();
                progress.accept(new DockerImages.PullProgress(downloaded, total, Math.max(layers.size(), done.size()), done.size()));
            }
        };
        String hint = SandboxSpec.BASE_IMAGE.equals(image) ? "\n  " + DockerDiagnostics.SETUP_HINT : "";
        try {
            boolean finished = engine.client().pullImageCmd(image).exec(callback).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                callback.close();
                throw new SandboxException("image '" + image + "' is not present on " + engine.address() + " and pulling it took longer than "
                        + DockerEngine.human(timeout));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while pulling image '" + image + "'", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SandboxException known) {
                throw known;
            }
            throw new Unpulled(image, engine.address(), String.valueOf(e.getMessage()).strip(), hint, e);
        }
        if (error.get() != null) {
            throw new Unpulled(image, engine.address(), error.get().strip(), hint, null);
        }
        if (!has(ref)) {
            throw new SandboxException("the engine at " + engine.address() + " reported the pull of '" + image + "' finished, but it holds no such image");
        }
    }

    /** A pull the engine or its registry refused, with the reason alone. */
    static final class Unpulled extends SandboxException {

        private static final long serialVersionUID = 1L;

        private final String reason;

        Unpulled(String image, String engine, String reason, String hint, Throwable cause) {
            super("image '" + image + "' is not present on " + engine + " and could not be pulled: " + reason + hint, cause);
            this.reason = reason;
        }

        /** The engine's words, e.g. {@code Get "https://registry-1.docker.io/v2/": dial tcp: … no such host}. */
        String reason() {
            return reason;
        }
    }

    /**
     * Builds {@code build} and tags it. Its base images (named in {@code FROM}) are made present first: from another
     * engine ({@code elsewhere}), else pulled; one that cannot be had here is a {@link BaseImageUnavailable} (this
     * engine's lack, not the definition's), unless its registry says there is no such image. A failure the definition
     * explains is an {@link ImageDefinitionException} naming the Dockerfile and the line of the step that failed.
     */
    private void build(ImageSource.Build build, ImageCopier elsewhere) {
        if (!Files.isRegularFile(build.dockerfile())) {
            throw new ImageDefinitionException(build.dockerfile() + ": missing; the image " + build.ref() + " is built from it");
        }
        for (BaseImage base : baseImages(build.dockerfile())) {
            ensureBase(build, base, elsewhere);
        }
        Deque<String> log = new ArrayDeque<>();
        BuildImageResultCallback callback = new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
                String line = item.getStream() != null ? item.getStream() : item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : null;
                if (line != null && !line.isBlank()) {
                    synchronized (log) {
                        log.addLast(line.stripTrailing());
                        if (log.size() > BUILD_LOG_LINES) {
                            log.removeFirst();
                        }
                    }
                }
                super.onNext(item);
            }
        };
        Path context = null;
        try {
            context = BuildContext.tar(build.context(), build.excluded());
            try (InputStream tar = Files.newInputStream(context)) {
                engine.client().buildImageCmd(tar)
                        .withDockerfilePath(build.dockerfileInContext())
                        .withTags(Set.of(build.ref().toString()))
                        .withNetworkMode("none")
                        .withPull(false)
                        .withForcerm(true) // a failed step leaves no container behind
                        .withLabels(build.labels())
                        .exec(callback)
                        .awaitImageId(build.timeout().toSeconds(), TimeUnit.SECONDS);
            }
        } catch (IOException | RuntimeException e) {
            if (!engine.answers()) {
                // not the definition's fault: the engine went away during the build; nothing is remembered, the next attempt builds again
                throw new SandboxException("building image " + build.ref() + " failed: the Docker engine at " + engine.address()
                        + " does not answer (" + e.getMessage() + ")", e);
            }
            List<String> lines;
            synchronized (log) {
                lines = List.copyOf(log);
            }
            String reason = String.valueOf(e.getMessage()).strip();
            Instruction failed = failedInstruction(build.dockerfile(), reason, lines);
            if (failed != null && failed.keyword().equals("FROM") && !registrySaysNoSuchImage(reason)) {
                // a base image the FROM names through a build argument, which could not be pulled: this engine's lack
                throw new BaseImageUnavailable(failed.text(), engine.address(), build.dockerfile() + ":" + failed.line() + ": " + failed.text()
                        + ": the base image is not on the Docker engine at " + engine.address() + " and could not be pulled: " + reason, e);
            }
            throw new ImageDefinitionException(build.dockerfile() + (failed == null ? "" : ":" + failed.line()) + ": building image "
                    + build.ref() + " failed" + (failed == null ? "" : " at " + failed.text()) + ": " + reason
                    + (lines.isEmpty() ? "" : "\n  last lines of the build log:\n  " + String.join("\n  ", lines)), e);
        } finally {
            if (context != null) {
                context.toFile().delete();
            }
        }
    }

    /**
     * Makes the base image {@code base} of {@code build} present: there already, loaded from another engine, or pulled.
     * When its registry says it does not exist, the definition is at fault; when it cannot be had otherwise (no registry
     * answers, no other engine has it), this engine is.
     */
    private void ensureBase(ImageSource.Build build, BaseImage base, ImageCopier elsewhere) {
        ImageRef ref;
        try {
            ref = ImageRef.parse(base.image());
        } catch (IllegalArgumentException notAReference) {
            return; // the build says what is wrong with it
        }
        if (has(ref) || elsewhere != null && elsewhere.copy(ref, this)) {
            return;
        }
        try {
            pull(ref, PULL_TIMEOUT, progress -> { });
        } catch (SandboxException unpulled) {
            String reason = unpulled instanceof Unpulled refused ? refused.reason() : unpulled.getMessage().lines().findFirst().orElse("");
            String where = build.dockerfile() + ":" + base.line() + ": FROM " + base.image() + ": ";
            if (registrySaysNoSuchImage(reason)) {
                throw new ImageDefinitionException(where + "its registry has no such image (" + reason + ")", unpulled);
            }
            throw new BaseImageUnavailable(base.image(), engine.address(), where + "the base image is not on the Docker engine at "
                    + engine.address() + (elsewhere == null ? "" : ", no other engine of the pool could supply it,") + " and it could not be"
                    + " pulled (" + reason.lines().findFirst().orElse("") + "); load it into that engine (docker save | docker load)"
                    + (SandboxSpec.BASE_IMAGE.equals(base.image()) ? " or " + DockerDiagnostics.SETUP_HINT : ""), unpulled);
        }
    }

    /**
     * Whether a failed pull's {@code reason} is a registry's answer that the image does not exist (an unknown
     * repository or tag), as opposed to no registry answering at all.
     */
    static boolean registrySaysNoSuchImage(String reason) {
        String text = String.valueOf(reason).toLowerCase(Locale.ROOT);
        return text.contains("manifest unknown") || text.contains("repository does not exist") || text.contains("pull access denied")
                || text.matches("(?s).*manifest for \\S+ not found.*") || text.contains("invalid reference format");
    }

    /** An instruction of a Dockerfile: its keyword ({@code FROM}, {@code RUN}, …), its text on one line, the line it starts on. */
    record Instruction(String keyword, String text, int line) {}

    /**
     * The instruction of {@code dockerfile} the build failed at: the line a parse error names, else the step the build
     * log announced last ({@code Step 3/5 : RUN …}, counted over the file's instructions); null when neither says.
     */
    static Instruction failedInstruction(Path dockerfile, String reason, List<String> log) {
        List<Instruction> instructions = instructions(dockerfile);
        java.util.regex.Matcher parse = java.util.regex.Pattern.compile("dockerfile parse error (?:on )?line (\\d+)").matcher(String.valueOf(reason));
        if (parse.find()) {
            int line = Integer.parseInt(parse.group(1));
            return instructions.stream().filter(i -> i.line() == line).findFirst().orElse(new Instruction("", "line " + line, line));
        }
        for (int i = log.size() - 1; i >= 0; i--) {
            java.util.regex.Matcher step = java.util.regex.Pattern.compile("^Step (\\d+)/\\d+ : ").matcher(log.get(i));
            if (step.find()) {
                int n = Integer.parseInt(step.group(1));
                return n >= 1 && n <= instructions.size() ? instructions.get(n - 1) : null;
            }
        }
        return null;
    }

    /** The instructions of {@code dockerfile} in order (comments, blank lines and continuation lines are not instructions). */
    static List<Instruction> instructions(Path dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(dockerfile);
        } catch (IOException unreadable) {
            return List.of();
        }
        StringBuilder text = null;
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (text == null && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (text == null) {
                text = new StringBuilder();
                start = i + 1;
            } else if (line.startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            boolean continues = line.endsWith("\\");
            text.append(text.length() == 0 ? "" : " ").append(continues ? line.substring(0, line.length() - 1).strip() : line);
            if (!continues) {
                String whole = text.toString();
                instructions.add(new Instruction(whole.split("\\s+", 2)[0].toUpperCase(Locale.ROOT), whole, start));
                text = null;
            }
        }
        return instructions;
    }

    /** An image named in a Dockerfile's {@code FROM}, and the line of that {@code FROM}. */
    record BaseImage(String image, int line) {}

    /** Images named in the Dockerfile's FROM lines (not earlier stages, not {@code scratch}, not ones with variables), with their lines. */
    static List<BaseImage> baseImages(Path dockerfile) {
        List<BaseImage> images = new ArrayList<>();
        Set<String> stages = new HashSet<>();
        for (Instruction instruction : instructions(dockerfile)) {
            String[] words = instruction.text().split("\\s+");
            if (words.length < 2 || !instruction.keyword().equals("FROM")) {
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
                stages.add(words[i + 2].toLowerCase(Locale.ROOT));
            }
            if (image.equals("scratch") || image.contains("$") || stages.contains(image.toLowerCase(Locale.ROOT))
                    || images.stream().anyMatch(b -> b.image().equals(image))) {
                continue;
            }
            images.add(new BaseImage(image, instruction.line()));
        }
        return images;
    }
}
