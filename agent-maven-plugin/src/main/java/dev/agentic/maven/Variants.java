package dev.agentic.maven;

import dev.agentic.lineage.Lineage;
import dev.agentic.lineage.Variant;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.Profile;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** The variants declared in a project: the {@code <variant>} of this plugin's configuration in every profile. */
final class Variants {

    static final String PLUGIN_KEY = "dev.agentic:agent-maven-plugin";

    private Variants() {}

    static Lineage declaredIn(MavenProject project) {
        List<Variant> variants = new ArrayList<>();
        for (Profile profile : project.getModel().getProfiles()) {
            Xpp3Dom variant = variantOf(profile);
            if (variant != null) {
                variants.add(VariantXml.parse(variant, "profile " + profile.getId() + " of " + project.getFile()));
            }
        }
        return Lineage.of(variants);
    }

    private static Xpp3Dom variantOf(Profile profile) {
        if (profile.getBuild() == null) {
            return null;
        }
        for (Plugin plugin : profile.getBuild().getPlugins()) {
            if (PLUGIN_KEY.equals(plugin.getKey()) && plugin.getConfiguration() instanceof Xpp3Dom configuration) {
                return configuration.getChild("variant");
            }
        }
        return null;
    }
}
