package dev.agentic.maven;

import dev.agentic.agent.Setting;
import dev.agentic.agent.SettingException;
import dev.agentic.agent.Settings;
import dev.agentic.lineage.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.maven.model.InputLocation;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads a {@code <variant>} element of the plugin's configuration: {@code id}, {@code parent},
 * {@code hypothesis}, {@code why} (when it changes more than one thing), {@code documentationOnly},
 * and the agent's settings ({@link Settings}) written as elements ({@code <memory>window:10</memory>},
 * {@code <maxSteps>30</maxSteps>}, the limits also inside {@code <limits>}; camelCase names map to the
 * settings' kebab-case keys). Each setting is checked where it is read, so a bad value is reported with
 * the profile that declares it and, where Maven kept it, the line and column of the element.
 */
final class VariantXml {

    private static final List<String> DESCRIPTIVE = List.of("id", "parent", "hypothesis", "why", "documentationOnly", "limits");

    private VariantXml() {}

    /** The variant declared by {@code dom}; {@code source} names where (e.g. "profile exp-02-b of experiments/pom.xml"). */
    static Variant parse(Xpp3Dom dom, String source) {
        String id = text(dom, "id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(at(source, dom) + ": <variant> has no <id>");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (Xpp3Dom child : dom.getChildren()) {
            String name = child.getName();
            if (name.equals("limits")) {
                for (Xpp3Dom limit : child.getChildren()) {
                    put(settings, limit, source, true);
                }
            } else if (!DESCRIPTIVE.contains(name)) {
                put(settings, child, source, false);
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

    /** The elements a {@code <variant>} may hold, in the order of the documentation. */
    static List<String> elements() {
        List<String> all = new ArrayList<>(DESCRIPTIVE);
        Settings.ALL.forEach(setting -> all.add(setting.element()));
        return all;
    }

    private static void put(Map<String, String> settings, Xpp3Dom element, String source, boolean inLimits) {
        String where = at(source, element);
        Optional<Setting<?>> setting = Settings.find(kebab(element.getName()));
        if (setting.isEmpty() || inLimits && !setting.get().dimension().limits()) {
            throw new IllegalArgumentException(where + ": unknown element <" + element.getName() + ">"
                    + (inLimits ? " in <limits>; expected one of " + String.join(", ", limitElements())
                            : " in <variant>; expected one of " + String.join(", ", elements())));
        }
        String value = element.getValue();
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + ": <" + element.getName() + "> is empty; expected " + plain(setting.get().values()));
        }
        try {
            settings.put(setting.get().key(), setting.get().canonical(value.trim()));
        } catch (SettingException e) {
            throw new IllegalArgumentException(where + ": <" + element.getName() + ">" + value.trim() + "</" + element.getName() + ">: "
                    + e.problem(), e);
        }
    }

    private static List<String> limitElements() {
        return Settings.ALL.stream().filter(s -> s.dimension().limits()).map(Setting::element).toList();
    }

    /**
     * {@code source} with the line and column of {@code element} when Maven recorded where it read it
     * ({@code profile exp-02-x of …/pom.xml:31:21}); {@code source} alone otherwise.
     */
    static String at(String source, Xpp3Dom element) {
        if (element.getInputLocation() instanceof InputLocation location && location.getLineNumber() > 0) {
            return source + ":" + location.getLineNumber() + (location.getColumnNumber() > 0 ? ":" + location.getColumnNumber() : "");
        }
        return source;
    }

    /** The documentation's list of values without its Markdown: {@code `on`, `off`} is {@code on, off}. */
    private static String plain(String markdown) {
        return markdown.replace("`", "");
    }

    /**
     * A runtime message without its restatement of the value, for a message that states it already as written:
     * {@code model spec 'gpt4': expected …} is {@code expected …}.
     */
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
