package dev.agentic.maven;

import dev.agentic.lineage.Lineage;
import dev.agentic.lineage.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                variants.add(VariantXml.parse(variant, source(project, profile, variant)));
            }
        }
        return lineage(variants);
    }

    /** The lineage of {@code variants}; a cycle is refused naming the profile and the {@code <parent>} that close it. */
    static Lineage lineage(List<Variant> variants) {
        Map<String, Variant> byId = new LinkedHashMap<>();
        variants.forEach(v -> byId.putIfAbsent(v.id(), v));
        for (Variant start : byId.values()) {
            Set<String> seen = new LinkedHashSet<>();
            for (Variant v = start; v != null; v = v.parent() == null ? null : byId.get(v.parent())) {
                if (!seen.add(v.id())) {
                    throw new IllegalArgumentException(start.source() + ": <parent>" + start.parent() + "</parent>: variant '" + start.id()
                            + "' has a cycle in its ancestry: " + String.join(" -> ", seen) + " -> " + v.id());
                }
            }
        }
        return Lineage.of(variants);
    }

    /** Where the variant {@code dom} is declared: the profile with that variant id, else the plugin's configuration. */
    static String sourceOf(MavenProject project, Xpp3Dom dom) {
        String id = idOf(dom);
        for (Profile profile : project.getModel().getProfiles()) {
            Xpp3Dom variant = variantOf(profile);
            if (variant != null && id != null && id.equals(idOf(variant))) {
                return source(project, profile, variant);
            }
        }
        return "the <variant> of " + project.getFile();
    }

    /**
     * The {@code <variant>} of the profile that declares {@code dom}'s variant, as Maven read it from the pom (with the
     * line and column of each element), when it says the same as {@code dom}; else {@code dom}.
     */
    static Xpp3Dom located(MavenProject project, Xpp3Dom dom) {
        String id = idOf(dom);
        for (Profile profile : project.getModel().getProfiles()) {
            Xpp3Dom variant = variantOf(profile);
            if (variant != null && id != null && id.equals(idOf(variant))) {
                return variant.equals(dom) ? variant : dom;
            }
        }
        return dom;
    }

    /** "profile exp-02-b of …/pom.xml", naming the variant too when its id is not the profile's. */
    private static String source(MavenProject project, Profile profile, Xpp3Dom variant) {
        String id = idOf(variant);
        return "profile " + profile.getId() + (id == null || id.equals(profile.getId()) ? "" : " (variant " + id + ")") + " of "
                + project.getFile();
    }

    private static String idOf(Xpp3Dom variant) {
        Xpp3Dom id = variant.getChild("id");
        return id == null || id.getValue() == null || id.getValue().isBlank() ? null : id.getValue().trim();
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
