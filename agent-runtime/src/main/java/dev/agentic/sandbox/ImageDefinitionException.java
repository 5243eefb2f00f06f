package dev.agentic.sandbox;

/**
 * An image cannot be made from its definition: its Dockerfile is missing, a build step fails, a base image
 * named in {@code FROM} is absent and cannot be had. The same definition fails the same way again, so it is
 * the error of whoever defined it (a task's environment: a task error), not of the engine. A build that
 * fails because the engine went away, and a named image that cannot be pulled (no registry answers), are
 * plain {@link SandboxException}s: infrastructure.
 */
public class ImageDefinitionException extends SandboxException {

    private static final long serialVersionUID = 1L;

    public ImageDefinitionException(String message) {
        super(message);
    }

    public ImageDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
