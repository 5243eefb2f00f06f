/**
 * The Maven goals of the {@code agent} prefix: {@code bench}, {@code gate} (bound to {@code verify}),
 * {@code compare}, {@code lineage}, {@code promote}, {@code report} and {@code fetch}. Variants are the
 * {@code <variant>} elements of the project's profiles ({@code VariantXml}, {@code Variants}); a child
 * inherits its parent's settings. Mojos stay thin: they read the XML configuration, call the runtime, and
 * map its verdicts to build results. Bench runs go through {@code BenchLauncher}, whichever goal asks for
 * them: the variant resolved once into a file, the runtime's command line in a child JVM
 * ({@code ForkedRuntime}) that stops when Maven ends. A verdict against a variant is a
 * {@code MojoFailureException}; a broken setup or harness error is a {@code MojoExecutionException}
 * ({@code BuildErrors}). The runtime's messages name its command-line options only; {@code RuntimeOptions}, the one table
 * joining those options with the goals' properties, adds Maven's words wherever a goal shows them.
 */
package dev.agentic.maven;
