package dev.agentic.trajectory;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Values that must never be written: environment variables whose names mark them as secret
 * ({@code *KEY*}, {@code *TOKEN*}, {@code *SECRET*}, {@code *PASSWORD*}, {@code *CREDENTIAL*}),
 * at least 8 characters long. Each occurrence, also inside JSON strings, becomes {@code [redacted]}.
 */
public final class Secrets {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL).*");

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    /** The secrets of this process's environment. */
    public static Secrets standard() {
        return fromEnvironment();
    }

    public static Secrets fromEnvironment() {
        return from(System.getenv());
    }

    public static Secrets from(Map<String, String> environment) {
        List<String> values = environment.entrySet().stream()
                .filter(e -> SECRET_NAME.matcher(e.getKey().toUpperCase(Locale.ROOT)).matches())
                .map(Map.Entry::getValue)
                .filter(v -> v != null && v.length() >= 8)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        return new Secrets(values);
    }

    public String redact(String text) {
        String result = text;
        for (String value : values) {
            result = result.replace(value, "[redacted]");
            String escaped = jsonEscaped(value);
            if (!escaped.equals(value)) {
                result = result.replace(escaped, "[redacted]");
            }
        }
        return result;
    }

    private static String jsonEscaped(String value) {
        try {
            String quoted = TrajectoryWriter.JSON.writeValueAsString(value);
            return quoted.substring(1, quoted.length() - 1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return value;
        }
    }
}
