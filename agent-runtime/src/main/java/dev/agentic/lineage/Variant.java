package dev.agentic.lineage;

import dev.agentic.agent.SettingException;
import dev.agentic.agent.Settings;
import java.util.Map;
import java.util.Objects;

/**
 * One variant of the agent: an id, its parent (null for a root), the hypothesis it tests, and the
 * settings it declares itself, each checked by {@link Settings} and kept in the form it writes
 * ({@code tools: bash} is {@code bash,submit}).
 *
 * @param why why the variant changes more than one dimension of its parent, or null
 * @param source where it was declared (a profile of a pom, a file), for messages
 */
public record Variant(String id, String parent, String hypothesis, Map<String, String> settings, String why, String source) {

    public Variant {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || !id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(source + ": variant id '" + id + "' must be letters, digits, '.', '_' or '-'");
        }
        try {
            settings = Settings.canonical(settings);
        } catch (SettingException e) {
            throw new IllegalArgumentException(source + ": variant '" + id + "': " + e.getMessage(), e);
        }
    }
}
