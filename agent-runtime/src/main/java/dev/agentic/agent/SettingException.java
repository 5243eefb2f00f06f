package dev.agentic.agent;

/**
 * A setting that cannot be used: an unknown key, or a value its setting refuses. {@link #problem()}
 * says what is wrong and what is expected without naming where the setting was written, so that a
 * reader of a file, an option or a pom element can put its own position in front.
 */
public final class SettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String value;
    private final String problem;
    private final boolean unknownKey;

    private SettingException(String key, String value, String problem, boolean unknownKey, Throwable cause) {
        super(unknownKey ? problem : "setting " + key + "='" + value + "': " + problem, cause);
        this.key = key;
        this.value = value;
        this.problem = problem;
        this.unknownKey = unknownKey;
    }

    /** {@code unknown setting 'colour'; expected one of model, prompt, …}. */
    static SettingException unknownKey(String key) {
        return new SettingException(key, null, "unknown setting '" + key + "'; expected one of " + String.join(", ", Settings.keys()),
                true, null);
    }

    /** {@code setting memory='window:ten': 'ten' is not a whole number; expected …}. */
    static SettingException badValue(String key, String value, String problem, Throwable cause) {
        return new SettingException(key, value, problem, false, cause);
    }

    public String key() {
        return key;
    }

    /** The value as written, or null for an unknown key. */
    public String value() {
        return value;
    }

    /** What is wrong and what is expected, without the key and value ({@code expected on or off}). */
    public String problem() {
        return problem;
    }

    public boolean unknownKey() {
        return unknownKey;
    }
}
