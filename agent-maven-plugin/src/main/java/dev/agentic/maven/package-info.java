/**
 * The Maven goals of the {@code agent} prefix. Mojos stay thin: they read the XML configuration,
 * call the runtime, and map its verdicts to build results. A verdict against a variant is a
 * {@code MojoFailureException}; a broken setup or harness error is a {@code MojoExecutionException}
 * ({@code BuildErrors}, which also adds Maven's property names and commands to the runtime's messages).
 * Bench runs go through {@code BenchLauncher}, in a child JVM, whichever goal asks for them.
 */
package dev.agentic.maven;
