package dev.agentic.sandbox;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The images of this machine's engine (the one {@code DOCKER_HOST} names, else the default socket), for
 * code that fetches images before any place is open. Places prepare images on their own engines
 * ({@link Place#prepare}).
 */
public final class DockerImages {

    private DockerImages() {}

    /** Makes {@code image} present: one pull attempt with a bounded wait, then an error naming the image. */
    public static void ensurePresent(String image) {
        EngineImages images = DockerEngine.machine().images();
        images.ensurePresent(source(image));
    }

    /** Whether the engine holds {@code image}. */
    public static boolean present(String image) {
        return DockerEngine.machine().images().has(source(image).ref());
    }

    /** The size the engine reports for an image it holds, in bytes (unpacked); -1 when it does not say. */
    public static long size(String image) {
        return DockerEngine.machine().images().size(source(image).ref());
    }

    /** How far a pull has come: bytes downloaded and announced over the layers seen so far. */
    public record PullProgress(long downloaded, long total, int layers, int layersDone) {}

    /**
     * Pulls {@code image}, reporting progress as the engine announces it; refused with the engine's reason
     * (an unknown name, an unreachable registry) or when it takes longer than {@code timeout}.
     */
    public static void pull(String image, Duration timeout, Consumer<PullProgress> progress) {
        DockerEngine.machine().images().pull(source(image).ref(), timeout, progress);
    }

    private static ImageSource source(String image) {
        try {
            return ImageSource.named(image);
        } catch (IllegalArgumentException e) {
            throw new ImageDefinitionException(e.getMessage(), e);
        }
    }
}
