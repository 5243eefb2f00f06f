/**
 * Where the agent's commands run, and the only package that talks to Docker.
 *
 * <p>A {@link dev.agentic.sandbox.Sandbox} executes shell commands with a real timeout (the whole
 * process tree is killed and the sandbox stays usable), caps what it keeps of their output, and
 * moves files and directories in and out, runs a command as another user, and makes a fresh copy of
 * itself with its files and none of its processes. {@link dev.agentic.sandbox.DockerSandbox} isolates the
 * commands in a container on one engine ({@link dev.agentic.sandbox.DockerEngine}: a unix socket or
 * {@code tcp://} address with its TLS material, reached through docker-java's own client) with no
 * network and resource limits; {@link dev.agentic.sandbox.LocalSandbox} runs them as local processes in
 * a temporary directory, for development without Docker, and isolates nothing.
 *
 * <p>A {@link dev.agentic.sandbox.Place} is where a run's sandboxes start, by name
 * ({@link dev.agentic.sandbox.Places}): {@code docker} (the machine's engine), {@code docker-pool}
 * (several engines with their own concurrencies, from an {@link dev.agentic.sandbox.EnginesFile}), or
 * {@code local}. A place prepares images on the engines it runs on, from an
 * {@link dev.agentic.sandbox.ImageSource} (an {@link dev.agentic.sandbox.ImageRef} to pull or load, or a
 * build identified by its content hash), and tells an attempt whether an engine it used was lost. A definition
 * that cannot be built is an {@link dev.agentic.sandbox.ImageDefinitionException} (the task's error, naming the
 * Dockerfile and line); a base image an engine lacks and cannot get is a
 * {@link dev.agentic.sandbox.BaseImageUnavailable} (infrastructure: the pool tries another engine).
 *
 * <p>Not here: what the commands are (package {@code tool}), what a task's environment is (package
 * {@code task} describes it as an image source), when sandboxes start (the trial pipeline).
 */
package dev.agentic.sandbox;
