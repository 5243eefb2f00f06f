package dev.agentic.model;

import java.util.Locale;

/**
 * Which model to use: {@code provider:name}, e.g. {@code openai:gpt-4o-mini},
 * {@code scripted:experiments/scripts/hello.yaml}.
 */
public record ModelSpec(Provider provider, String name) {

    /** Where a model comes from. */
    public enum Provider {
        OPENAI, ANTHROPIC, OLLAMA, SCRIPTED, REPLAY;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ModelSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("model spec '" + provider.label() + ":' needs a name after the colon");
        }
    }

    /** Parses {@code provider:name}; the message of a bad spec lists what is accepted. */
    public static ModelSpec parse(String text) {
        String expected = "expected <provider>:<name> with provider one of openai, anthropic, ollama, scripted, replay"
                + " (e.g. openai:gpt-4o-mini, scripted:path/to/script.yaml)";
        if (text == null || !text.contains(":")) {
            throw new IllegalArgumentException("model spec '" + text + "': " + expected);
        }
        String prefix = text.substring(0, text.indexOf(':')).trim().toLowerCase(Locale.ROOT);
        for (Provider provider : Provider.values()) {
            if (provider.label().equals(prefix)) {
                return new ModelSpec(provider, text.substring(text.indexOf(':') + 1).trim());
            }
        }
        throw new IllegalArgumentException("model spec '" + text + "': unknown provider '" + prefix + "'; " + expected);
    }

    @Override
    public String toString() {
        return provider.label() + ":" + name;
    }
}
