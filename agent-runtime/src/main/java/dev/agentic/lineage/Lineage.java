package dev.agentic.lineage;

import dev.agentic.agent.Setting;
import dev.agentic.agent.Settings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** All declared variants, with the checks that make inheritance well defined: unique ids, known parents, no cycles. */
public final class Lineage {

    private final Map<String, Variant> variants;

    private Lineage(Map<String, Variant> variants) {
        this.variants = variants;
    }

    /** The lineage of declared variants: unique ids, known parents, no cycles, and one change per child unless it says why. */
    public static Lineage of(Collection<Variant> declared) {
        Lineage lineage = checked(declared);
        for (Variant variant : lineage.variants.values()) {
            Set<String> changed = lineage.changedDimensions(variant.id());
            if (changed.size() > 1 && variant.why() == null) {
                throw new IllegalArgumentException(variant.source() + ": variant '" + variant.id() + "' changes " + changed.size()
                        + " dimensions of its parent '" + variant.parent() + "' (" + String.join(", ", changed)
                        + "); a child changes one thing, or says why it changes more in <why>");
            }
        }
        return lineage;
    }

    /**
     * The lineage of variants as their runs recorded them (each with the settings in which it differs from its
     * parent's): unique ids, known parents, no cycles. The one-change rule is a rule of declarations and is not
     * applied to what was run.
     */
    public static Lineage recorded(Collection<Variant> variants) {
        return checked(variants);
    }

    private static Lineage checked(Collection<Variant> declared) {
        Map<String, Variant> byId = new LinkedHashMap<>();
        for (Variant variant : declared) {
            Variant earlier = byId.put(variant.id(), variant);
            if (earlier != null) {
                throw new IllegalArgumentException("variant '" + variant.id() + "' is declared twice: in " + earlier.source()
                        + " and in " + variant.source());
            }
        }
        for (Variant variant : byId.values()) {
            if (variant.parent() != null && !byId.containsKey(variant.parent())) {
                throw new IllegalArgumentException(variant.source() + ": variant '" + variant.id() + "' names parent '" + variant.parent()
                        + "', which is not declared; declared variants: " + String.join(", ", byId.keySet()));
            }
        }
        Lineage lineage = new Lineage(Collections.unmodifiableMap(byId));
        byId.keySet().forEach(lineage::ancestry);
        return lineage;
    }

    public Variant get(String id) {
        Variant variant = variants.get(id);
        if (variant == null) {
            throw new IllegalArgumentException("no variant '" + id + "' is declared; declared variants: " + String.join(", ", variants.keySet()));
        }
        return variant;
    }

    public Collection<Variant> all() {
        return variants.values();
    }

    /** The variant and its ancestors, root first. */
    public List<Variant> ancestry(String id) {
        List<Variant> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Variant v = get(id); v != null; v = v.parent() == null ? null : variants.get(v.parent())) {
            if (!seen.add(v.id())) {
                throw new IllegalArgumentException("variant '" + id + "' has a cycle in its ancestry: " + String.join(" -> ", seen) + " -> " + v.id());
            }
            chain.add(0, v);
        }
        return chain;
    }

    /**
     * The dimensions ({@link dev.agentic.agent.Dimension#label()}) in which a variant's settings differ from its parent's
     * effective settings, a setting its ancestors leave out counting as its default; empty for a root.
     */
    public Set<String> changedDimensions(String id) {
        Variant variant = get(id);
        if (variant.parent() == null) {
            return Set.of();
        }
        Map<String, String> inherited = effectiveSettings(variant.parent());
        Set<String> dimensions = new java.util.TreeSet<>();
        variant.settings().forEach((key, value) -> {
            Setting<?> setting = Settings.get(key);
            if (!value.equals(inherited.getOrDefault(key, setting.printedDefault()))) {
                dimensions.add(setting.dimension().label());
            }
        });
        return dimensions;
    }

    /** The children of a variant, in declaration order. */
    public List<Variant> children(String id) {
        return variants.values().stream().filter(v -> id.equals(v.parent())).toList();
    }

    /** The settings in effect for a variant: each ancestor's, overridden by its descendants', root first. */
    public Map<String, String> effectiveSettings(String id) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Variant v : ancestry(id)) {
            settings.putAll(v.settings());
        }
        return settings;
    }
}
