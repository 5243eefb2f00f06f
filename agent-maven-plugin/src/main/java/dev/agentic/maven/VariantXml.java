package dev.agentic.maven;

import dev.agentic.agent.AgentConfig;
import dev.agentic.lineage.Variant;
import dev.agentic.model.ModelSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads a {@code <variant>} element of the plugin's configuration: {@code id}, {@code parent},
 * {@code hypothesis}, {@code why} (when it changes more than one thing), {@code documentationOnly},
 * and agent settings written as elements ({@code <memory>window:10</memory>},
 * {@code <limits><maxSteps>30</maxSteps></limits>}; camelCase names map to the settings' kebab-case).
 * Each setting is checked where it is read, so a bad value is reported with the profile that declares it.
 */
final class VariantXml {

    static final Set<String> SETTINGS = Set.of("model", "prompt", "planning", "memory", "tools", "diagnosis", "tool-timeout",
            "max-observation", "max-format-errors", "max-steps", "max-tokens", "max-cost", "wall-time", "temperature", "seed", "prompt-cache");
    private static final Set<String> DESCRIPTIVE = Set.of("id", "parent", "hypothesis", "why", "documentationOnly", "limits");

    private VariantXml() {}

    /** The variant declared by {@code dom}; {@code source} names where (e.g. "profile exp-02-b of experiments/pom.xml"). */
    static Variant parse(Xpp3Dom dom, String source) {
        String id = text(dom, "id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(source + ": <variant> has no <id>");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (Xpp3Dom child : dom.getChildren()) {
            String name = child.getName();
            if (name.equals("limits")) {
                for (Xpp3Dom limit : child.getChildren()) {
                    put(settings, limit, source + ", <limits>");
                }
            } else if (!DESCRIPTIVE.contains(name)) {
                put(settings, child, source);
            }
        }
        return new Variant(id.trim(), blankToNull(text(dom, "parent")), valueOr(text(dom, "hypothesis"), ""), settings,
                blankToNull(text(dom, "why")), source);
    }

    static boolean documentationOnly(Xpp3Dom dom) {
        return "true".equalsIgnoreCase(valueOr(text(dom, "documentationOnly"), "false").trim());
    }

    static String why(Xpp3Dom dom) {
        return blankToNull(text(dom, "why"));
    }

    private static void put(Map<String, String> settings, Xpp3Dom element, String source) {
        String key = kebab(element.getName());
        if (!SETTINGS.contains(key)) {
            throw new IllegalArgumentException(source + ": unknown element <" + element.getName() + "> in <variant>; expected one of"
                    + " id, parent, hypothesis, why, documentationOnly, limits, model, prompt, planning, memory, tools, diagnosis,"
                    + " toolTimeout, maxObservation, maxFormatErrors, maxSteps, maxTokens, maxCost, wallTime, temperature, seed, promptCache");
        }
        String value = element.getValue();
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(source + ": <" + element.getName() + "> is empty");
        }
        check(source, element.getName(), key, value.trim());
        settings.put(key, value.trim());
    }

    /**
     * Refuses a value the agent would refuse, naming where it is declared and the element as written:
     * {@code profile exp-02-x of experiments/pom.xml: <memory>window:abc</memory>: 'abc' is not a whole number; expected …}.
     */
    static void check(String source, String element, String key, String value) {
        try {
            AgentConfig.defaults(new ModelSpec(ModelSpec.Provider.SCRIPTED, "any")).with(key, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": <" + element + ">" + value + "</" + element + ">: " + reason(e.getMessage(), key, value));
        }
    }

    /** The agent's message without its restatement of the setting ("setting memory='x': memory 'x': ..."). */
    static String reason(String message, String key, String value) {
        String quoted = Pattern.quote(value);
        return message.replaceFirst("^setting " + Pattern.quote(key) + "='" + quoted + "': ", "")
                .replaceFirst("^[a-z -]+ '" + quoted + "': ", "");
    }

    /** {@code maxSteps} → {@code max-steps}. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String text(Xpp3Dom dom, String name) {
        Xpp3Dom child = dom.getChild(name);
        return child == null ? null : child.getValue();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String valueOr(String text, String fallback) {
        return text == null ? fallback : text;
    }
}
