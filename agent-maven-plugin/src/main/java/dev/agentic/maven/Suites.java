package dev.agentic.maven;

import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/** What {@code -Dagent.suite} names: a manifest file (relative to the module) or the id of a fetched suite. */
final class Suites {

    private Suites() {}

    /**
     * The {@code --suite} argument of the runtime: the manifest's absolute path, or the id as given (the runtime
     * finds a fetched suite by its id and names what it looked at when there is none). A value that looks like a
     * path and names no file is refused here.
     */
    static String argument(String suite, MavenProject project) throws MojoExecutionException {
        if (suite == null || suite.isBlank()) {
            throw new MojoExecutionException("-Dagent.suite is empty: set it to a manifest file or the id of a fetched suite");
        }
        String value = suite.trim();
        File file = new File(value).isAbsolute() ? new File(value) : new File(project.getBasedir(), value);
        if (file.isFile()) {
            return file.getAbsolutePath();
        }
        if (value.contains("/") || value.contains(File.separator) || value.endsWith(".yaml") || value.endsWith(".yml") || value.endsWith(".json")) {
            throw new MojoExecutionException("suite " + file + " does not exist: set -Dagent.suite=<manifest>, or <agent.suite> in the"
                    + " <properties> of " + project.getFile() + ", or the id of a suite fetched with agent:fetch");
        }
        return value;
    }
}
