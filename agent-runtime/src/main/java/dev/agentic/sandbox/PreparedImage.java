package dev.agentic.sandbox;

/**
 * An image made ready by a place: the reference to start sandboxes from, and the image's own working
 * directory ({@code WORKDIR}), or null when it sets none.
 */
public record PreparedImage(ImageRef ref, String workdir) {

    public PreparedImage {
        java.util.Objects.requireNonNull(ref, "ref");
        if (workdir != null && workdir.isBlank()) {
            workdir = null;
        }
    }
}
