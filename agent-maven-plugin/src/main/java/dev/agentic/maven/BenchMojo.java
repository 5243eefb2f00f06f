package dev.agentic.maven;

import dev.agentic.lineage.Variant;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Runs a variant of the agent on its suite, in containers, and stores the results under
 * {@code <resultsDirectory>/<variant>/results/<run-id>/}. The variant is the {@code <variant>} of
 * the active profile; it inherits every setting of its parent's declared variant. Modules without
 * a variant are skipped. The run happens in a child JVM (see {@code docs/containers.md}).
 */
@Mojo(name = "bench", requiresProject = true, threadSafe = true)
public class BenchMojo extends AbstractBenchMojo {

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("agent.skip is set: not running the bench");
            return;
        }
        Xpp3Dom dom = variantDom();
        if (dom == null) {
            getLog().debug("no <variant> in " + project.getArtifactId() + ": nothing to bench");
            return;
        }
        Variant declared = declared(dom);
        if (VariantXml.documentationOnly(dom)) {
            getLog().info(declared.id() + " is documentation only (see " + new File(resultsDirectory, declared.id() + "/README.md")
                    + "): nothing to run");
            return;
        }
        runBench(declared, lineage(declared));
    }
}
