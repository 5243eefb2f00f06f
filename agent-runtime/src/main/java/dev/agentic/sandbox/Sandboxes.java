package dev.agentic.sandbox;

/** Starts sandboxes of one kind: {@code DockerSandbox::start} or {@code LocalSandbox::start}. */
@FunctionalInterface
public interface Sandboxes {

    Sandbox start(SandboxSpec spec);
}
