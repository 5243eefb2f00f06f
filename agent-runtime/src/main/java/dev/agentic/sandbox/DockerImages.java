package dev.agentic.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * Makes sure an image is present before a container is created from it: one pull attempt with a
 * bounded wait, then a clear error (Testcontainers alone would retry a failing pull for minutes).
 */
public final class DockerImages {

    static final Duration PULL_TIMEOUT = Duration.ofMinutes(10);

    private DockerImages() {}

    public static void ensurePresent(String image) {
        DockerClient docker = client();
        try {
            docker.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException absent) {
            // try to pull it below
        }
        try {
            boolean done = docker.pullImageCmd(image).start().awaitCompletion(PULL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                throw new SandboxException("image '" + image + "' is not present and pulling it took longer than " + PULL_TIMEOUT.toMinutes() + " minutes");
            }
        } catch (DockerException e) {
            throw new SandboxException("image '" + image + "' is not present and could not be pulled: " + e.getMessage().strip()
                    + (SandboxSpec.BASE_IMAGE.equals(image) ? "\n  " + DockerDiagnostics.SETUP_HINT : ""), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while pulling image '" + image + "'", e);
        }
    }

    /** Whether the engine holds {@code image}. */
    public static boolean present(String image) {
        try {
            client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException absent) {
            return false;
        } catch (DockerException e) {
            throw new SandboxException("cannot inspect image '" + image + "': " + e.getMessage().strip(), e);
        }
    }

    /** The size the engine reports for an image it holds, in bytes (unpacked); -1 when it does not say. */
    public static long size(String image) {
        try {
            Long size = client().inspectImageCmd(image).exec().getSize();
            return size == null ? -1 : size;
        } catch (DockerException e) {
            throw new SandboxException("cannot inspect image '" + image + "': " + e.getMessage().strip(), e);
        }
    }

    /** How far a pull has come: bytes downloaded and announced over the layers seen so far. */
    public record PullProgress(long downloaded, long total, int layers, int layersDone) {}

    /**
     * Pulls {@code image}, reporting progress as the engine announces it; refused with the engine's reason
     * (an unknown name, an unreachable registry) or when it takes longer than {@code timeout}.
     */
    public static void pull(String image, Duration timeout, java.util.function.Consumer<PullProgress> progress) {
        java.util.Map<String, long[]> layers = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<String> done = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicReference<String> error = new java.util.concurrent.atomic.AtomicReference<>();
        var callback = new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.PullResponseItem>() {
            @Override
            public void onNext(com.github.dockerjava.api.model.PullResponseItem item) {
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
                progress.accept(new PullProgress(downloaded, total, Math.max(layers.size(), done.size()), done.size()));
            }
        };
        try {
            boolean finished = client().pullImageCmd(image).exec(callback).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                callback.close();
                throw new SandboxException("pulling image '" + image + "' took longer than " + timeout.toMinutes() + " minutes");
            }
        } catch (DockerException e) {
            throw new SandboxException("image '" + image + "' could not be pulled: " + e.getMessage().strip(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while pulling image '" + image + "'", e);
        } catch (RuntimeException e) {
            throw new SandboxException("image '" + image + "' could not be pulled: " + String.valueOf(e.getMessage()).strip(), e);
        } catch (java.io.IOException e) {
            throw new SandboxException("pulling image '" + image + "': " + e.getMessage(), e);
        }
        if (error.get() != null) {
            throw new SandboxException("image '" + image + "' could not be pulled: " + error.get().strip());
        }
        if (!present(image)) {
            throw new SandboxException("the engine reported the pull of '" + image + "' finished, but it holds no such image");
        }
    }

    private static DockerClient client() {
        try {
            return DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new SandboxException(DockerDiagnostics.explainStartFailure("(none yet)", e), e);
        }
    }
}
