package dev.agentic.maven;

import dev.agentic.lineage.ComparisonSettings;
import dev.agentic.task.TaskException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * How the runtime's refusals become build errors ({@code MojoExecutionException}, the message alone): with the
 * property that was given ({@code -Dagent.confidence: expected …}), or with the Maven properties and commands of the
 * options the runtime's message names ({@link RuntimeOptions}).
 */
final class BuildErrors {

    private BuildErrors() {}

    /**
     * Runs {@code work}; bad configuration, a bad suite or broken results become a build error saying what is wrong and
     * what to run, in Maven's words too ({@code options}); the cause is left out so that Maven prints the message alone.
     */
    static <T> T attempt(RuntimeOptions options, Supplier<T> work) throws MojoExecutionException {
        try {
            return work.get();
        } catch (IllegalArgumentException | IllegalStateException | TaskException | UncheckedIOException e) {
            throw new MojoExecutionException(options.translate(e.getMessage()));
        }
    }

    /** {@code parse()} of the value of {@code -D<property>}; the runtime's refusal is a build error naming the property. */
    static <T> T option(String property, Supplier<T> parse) throws MojoExecutionException {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("-D" + property + ": " + e.getMessage());
        }
    }

    /** The settings of a comparison from {@code -Dagent.confidence}, {@code -Dagent.margin} and {@code -Dagent.resamples}. */
    static ComparisonSettings comparison(double confidence, double margin, int resamples) throws MojoExecutionException {
        return new ComparisonSettings(option("agent.confidence", () -> ComparisonSettings.confidence(confidence)),
                option("agent.margin", () -> ComparisonSettings.margin(margin)),
                option("agent.resamples", () -> ComparisonSettings.resamples(resamples)));
    }
}
