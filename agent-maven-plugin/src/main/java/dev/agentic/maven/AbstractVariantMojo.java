package dev.agentic.maven;

import dev.agentic.bench.RunResults;
import dev.agentic.lineage.Lineage;
import dev.agentic.lineage.Variant;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** What every goal about variants shares: the active variant, the lineage of the project's profiles, their results. */
abstract class AbstractVariantMojo extends AbstractMojo {

    /**
     * The variant: {@code <id>}, {@code <parent>}, {@code <hypothesis>}, and the settings it changes, one element each
     * (the agent's settings of docs/agent.md: {@code <model>}, {@code <prompt>}, {@code <planning>}, {@code <memory>},
     * {@code <tools>}, {@code <toolTimeout>}, {@code <maxObservation>}, {@code <maxFormatErrors>}, {@code <diagnosis>},
     * {@code <maxSteps>}, {@code <maxTokens>}, {@code <maxCost>}, {@code <wallTime>} (these four also inside
     * {@code <limits>}), {@code <temperature>}, {@code <seed>}, {@code <promptCache>});
     * {@code <why>} when it changes more than one dimension of its parent;
     * {@code <documentationOnly>true</documentationOnly>} for an experiment that runs nothing.
     */
    @Parameter
    protected PlexusConfiguration variant;

    /** Experiments folder: a variant's results are in {@code <resultsDirectory>/<variant>/results/<run-id>/}. */
    @Parameter(property = "agent.resultsDirectory", defaultValue = "${project.basedir}")
    protected File resultsDirectory;

    /** Skips the goal. */
    @Parameter(property = "agent.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    /** The active variant's XML, or null when this module has none. */
    protected Xpp3Dom variantDom() {
        return variant == null ? null : toDom(variant);
    }

    protected Variant declared(Xpp3Dom dom) throws MojoExecutionException {
        return attempt(() -> VariantXml.parse(Variants.located(project, dom), Variants.sourceOf(project, dom)));
    }

    /** All variants of the project's profiles, with the active one if it is declared elsewhere. */
    protected Lineage lineage(Variant active) throws MojoExecutionException {
        return attempt(() -> {
            Lineage lineage = Variants.declaredIn(project);
            if (active == null || lineage.all().stream().anyMatch(v -> v.id().equals(active.id()))) {
                return lineage;
            }
            List<Variant> all = new ArrayList<>(lineage.all());
            all.add(active);
            return Variants.lineage(all);
        });
    }

    protected File resultsOf(String variantId) {
        return new File(resultsDirectory, variantId + "/results");
    }

    /** The latest results of a variant (or run {@code runId}); missing or broken results are a setup error that says what to run. */
    protected RunResults results(String variantId, String runId) throws MojoExecutionException {
        return attempt(() -> RunResults.load(resultsOf(variantId).toPath(), runId, variantId));
    }

    /**
     * Runs {@code work}, turning bad configuration, a bad suite or broken results into a build error
     * whose message says what is wrong (the runtime's messages name the file, the field and what is
     * expected) and, for the options it names, their Maven properties ({@link BuildErrors#attempt}).
     */
    protected <T> T attempt(java.util.function.Supplier<T> work) throws MojoExecutionException {
        return BuildErrors.attempt(runtimeOptions(), work);
    }

    /** The runtime's options in Maven's words, for the messages this goal shows. */
    protected RuntimeOptions runtimeOptions() {
        return RuntimeOptions.of(plugin, goal());
    }

    /** This goal's name, as the plugin's descriptor has it for this class ({@code bench} when there is no descriptor). */
    private String goal() {
        if (plugin != null && plugin.getMojos() != null) {
            for (MojoDescriptor mojo : plugin.getMojos()) {
                if (getClass().getName().equals(mojo.getImplementation())) {
                    return mojo.getGoal();
                }
            }
        }
        return "bench";
    }

    static Xpp3Dom toDom(PlexusConfiguration configuration) {
        Xpp3Dom dom = new Xpp3Dom(configuration.getName());
        dom.setValue(configuration.getValue(null));
        for (PlexusConfiguration child : configuration.getChildren()) {
            dom.addChild(toDom(child));
        }
        return dom;
    }
}
