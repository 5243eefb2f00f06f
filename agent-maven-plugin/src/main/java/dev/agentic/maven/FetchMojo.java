package dev.agentic.maven;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Brings a suite's published tasks (git task folders at pinned commits, Hugging Face dataset files of
 * SWE-bench instances at pinned revisions) and their images into the local cache, as {@code agentx fetch}
 * does; afterwards {@code agent:bench -Dagent.suite=<id>} runs the suite offline. Runs once, in the
 * directory Maven starts in, whatever the modules.
 */
@Mojo(name = "fetch", aggregator = true, requiresProject = false, threadSafe = true)
public class FetchMojo extends AbstractMojo {

    /** The suite manifest (relative to the current directory), or the id of a suite fetched before. */
    @Parameter(property = "agent.suite", required = true)
    private String suite;

    /** List what would be fetched and how large, from the manifest alone (no network). */
    @Parameter(property = "agent.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Pull the tasks' images too. */
    @Parameter(property = "agent.images", defaultValue = "true")
    private boolean images;

    /** Which task sets: {@code core}, {@code expansion} or {@code all}. */
    @Parameter(property = "agent.fetchSet", defaultValue = "all")
    private String fetchSet;

    /** Sources fetched from elsewhere: comma-separated {@code <source>=<location>} (a git URL or path; a Hub mirror URL or a folder). */
    @Parameter(property = "agent.sources")
    private String sources;

    /** Where fetched suites are kept; unset: {@code AGENTX_CACHE}, else the user's cache folder. */
    @Parameter(property = "agent.cache")
    private File cache;

    /** Options for the fetch JVM. */
    @Parameter(property = "agent.jvmArgs")
    private String jvmArgs;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException {
        List<String> args = new ArrayList<>();
        if (cache != null) {
            args.addAll(List.of("--cache", cache.getAbsolutePath()));
        }
        args.addAll(List.of("fetch", "--suite", project == null || project.getBasedir() == null ? suite : Suites.argument(suite, project),
                "--set", fetchSet));
        if (dryRun) {
            args.add("--dry-run");
        }
        if (!images) {
            args.add("--no-images");
        }
        if (sources != null && !sources.isBlank()) {
            for (String pair : Arrays.stream(sources.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
                if (!pair.contains("=")) {
                    throw new MojoExecutionException("-Dagent.sources: '" + pair + "': expected <source>=<location>, e.g. terminal-bench-2=file:///mirror/tb2.git");
                }
                args.addAll(List.of("--source", pair));
            }
        }
        try {
            List<String> jvm = jvmArgs == null || jvmArgs.isBlank() ? List.of() : List.of(jvmArgs.trim().split("\\s+"));
            RuntimeOptions options = RuntimeOptions.of(plugin, "fetch");
            ForkedRuntime.Result result = ForkedRuntime.run(jvm, ForkedRuntime.classpath(plugin), args, line -> getLog().info(options.translate(line)));
            if (result.exitCode() != 0) {
                throw new MojoExecutionException("the fetch of " + suite + " failed (exit code " + result.exitCode() + (result.exitCode() == 75
                        ? ": run it again to resume" : "") + "):\n  " + String.join("\n  ", result.tail().stream().map(options::translate).toList()));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("could not start the fetch JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted; run the fetch again to resume", e);
        }
    }
}
