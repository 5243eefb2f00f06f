package dev.agentic.sandbox;

/**
 * A base image that an environment's Dockerfile names in {@code FROM} is not on the engine that is to build it, and
 * cannot be had there: no other engine supplies it, and no registry answers (or the pull failed otherwise). The
 * definition may be right, and another engine, or the same one once the image is loaded into it, builds it: this is
 * infrastructure, not the task's error ({@link ImageDefinitionException} is for a registry that says the image does
 * not exist, and for a Dockerfile whose steps fail).
 */
public final class BaseImageUnavailable extends SandboxException {

    private static final long serialVersionUID = 1L;

    private final String image;
    private final String engine;

    public BaseImageUnavailable(String image, String engine, String message, Throwable cause) {
        super(message, cause);
        this.image = image;
        this.engine = engine;
    }

    /** The image as the {@code FROM} names it. */
    public String image() {
        return image;
    }

    /** The address of the engine that lacks it. */
    public String engine() {
        return engine;
    }
}
