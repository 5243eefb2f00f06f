package dev.agentic.agent;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One setting of the agent (see {@link Settings} for all of them): its key, the {@link Dimension} it
 * belongs to, how its text is read and written, its default, and what the documentation says of it.
 * The key is the same on a command line ({@code --set max-steps=30}), in a settings file, in
 * {@code run.json} and in trajectories; a pom writes it as {@link #element()} ({@code <maxSteps>}).
 *
 * @param values the values it takes, as the documentation lists them (Markdown)
 * @param meaning what it changes, in one line (Markdown)
 * @param defaultValue its value in {@link AgentConfig#defaults}, or null when there is none (the model)
 * @param documentedDefault the default as the documentation states it (Markdown), or null for the printed {@code defaultValue}
 * @param describedAtDefault whether {@link AgentConfig#describe()} lists it at its default: false only for a setting that
 *     changes what a call costs rather than what the agent does, which runs before it existed did not list
 */
public record Setting<T>(String key, Dimension dimension, String values, String meaning, T defaultValue, String documentedDefault,
                         boolean describedAtDefault, Parser<T> parser, Printer<T> printer, Function<AgentConfig, T> getter,
                         BiFunction<AgentConfig, T, AgentConfig> setter) {

    /** Reads a value from its text; a refusal is an {@link IllegalArgumentException} saying what is expected. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text);
    }

    /** Writes a value as text that its parser reads back, with paths in {@code form}. */
    @FunctionalInterface
    public interface Printer<T> {
        String print(T value, PathForm form);
    }

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(getter, "getter");
        Objects.requireNonNull(setter, "setter");
    }

    /**
     * The value written {@code text}.
     *
     * @throws SettingException naming the key and the value, saying what is expected
     */
    public T parse(String text) {
        String written = text == null ? "" : text;
        try {
            return parser.parse(written);
        } catch (SettingException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw SettingException.badValue(key, written, withoutRestatement(e.getMessage(), written), e);
        }
    }

    /** {@code value} as text, paths as given. */
    public String print(T value) {
        return print(value, PathForm.AS_GIVEN);
    }

    public String print(T value, PathForm form) {
        return printer.print(value, form);
    }

    /** The text that {@code text} reads as: {@code bash} is {@code bash,submit}, {@code 5m} is {@code 300s}. */
    public String canonical(String text) {
        return print(parse(text));
    }

    /** This setting's value in {@code config}. */
    public T of(AgentConfig config) {
        return getter.apply(config);
    }

    /** {@code config} with this setting's value {@code value}; a value the configuration refuses is a {@link SettingException}. */
    public AgentConfig with(AgentConfig config, T value) {
        try {
            return setter.apply(config, value);
        } catch (SettingException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw SettingException.badValue(key, print(value), e.getMessage(), e);
        }
    }

    /** {@code config} with this setting written {@code text}. */
    public AgentConfig apply(AgentConfig config, String text) {
        return with(config, parse(text));
    }

    /** Whether {@code config} has this setting's default. */
    public boolean isDefault(AgentConfig config) {
        return Objects.equals(of(config), defaultValue);
    }

    /** The default as text ({@code none} for the seed), or null when there is none (the model). */
    public String printedDefault() {
        return print(defaultValue);
    }

    /** This setting with its default stated as {@code text} in the documentation. */
    Setting<T> documented(String text) {
        return new Setting<>(key, dimension, values, meaning, defaultValue, text, describedAtDefault, parser, printer, getter, setter);
    }

    /** This setting left out of {@link AgentConfig#describe()} at its default. */
    Setting<T> notDescribedAtDefault() {
        return new Setting<>(key, dimension, values, meaning, defaultValue, documentedDefault, false, parser, printer, getter, setter);
    }

    /** The element of a {@code <variant>} in a pom: {@code max-steps} is {@code maxSteps}. */
    public String element() {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** {@code memory 'x': 'ten' is not …} from the policy's own parser, without what the setting's message says already. */
    private static String withoutRestatement(String message, String text) {
        String problem = message == null ? "not accepted" : message;
        return problem.replaceFirst("^[a-z -]+ '" + Pattern.quote(text) + "': ", "");
    }
}
