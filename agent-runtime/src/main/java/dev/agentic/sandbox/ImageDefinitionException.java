package dev.agentic.sandbox;

/**
 * An image cannot be made from its definition: its Dockerfile is missing or does not parse, a build step fails (the
 * message names the Dockerfile and the line of that step), a base image named in {@code FROM} is one its registry says
 * does not exist. The same definition fails the same way again, on any engine, so it is the error of whoever defined it
 * (a task's environment: a task error), not of the engine. A build that fails because the engine went away, a base
 * image this engine lacks and cannot get ({@link BaseImageUnavailable}: no other engine has it, no registry answers),
 * and a named image that cannot be pulled are plain {@link SandboxException}s: infrastructure.
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
