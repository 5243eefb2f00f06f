package dev.agentic.trajectory;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values that must never be written: those of environment variables whose names mark them as
 * secret ({@code *KEY*}, {@code *TOKEN*}, {@code *SECRET*}, {@code *PASSWORD*}, {@code *PASSWD*},
 * {@code *CREDENTIAL*}, in any case), at least 8 characters long. This covers every key the model
 * factory reads ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}); base URLs are not secret.
 * Each occurrence of a value, raw (so also after {@code Bearer }), JSON-escaped (also twice, as
 * in a JSON document held in a JSON string: tool arguments, an error body) or URL-encoded, becomes
 * {@value #REDACTED}; longer values first, so a value containing another goes whole.
 *
 * <p>The one place where text is redacted: every file the harness writes, every console line of
 * the command line and every model error message goes through {@link #standard()}.
 */
public final class Secrets {

    public static final String REDACTED = "[redacted]";

    static final int MIN_LENGTH = 8;

    private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL).*");

    /** Every form of every value, longest first. */
    private final List<String> forms;

    private Secrets(List<String> forms) {
        this.forms = forms;
    }

    /** The secrets of this process's environment, read once. */
    public static Secrets standard() {
        return Standard.INSTANCE;
    }

    public static Secrets from(Map<String, String> environment) {
        Set<String> forms = new LinkedHashSet<>();
        environment.forEach((name, value) -> {
            if (name != null && value != null && value.length() >= MIN_LENGTH
                    && SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches()) {
                forms.add(value);
                forms.add(jsonEscaped(value));
                forms.add(jsonEscaped(value).replace("/", "\\/"));
                forms.add(jsonEscaped(jsonEscaped(value)));
                forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
                forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        });
        return new Secrets(forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    /** {@code text} with every secret replaced by {@value #REDACTED}; {@code null} stays {@code null}. */
    public String redact(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        String result = text;
        for (String form : forms) {
            result = result.replace(form, REDACTED);
        }
        return result;
    }

    /**
     * A stand-in for {@code error} and its causes, for keeping as a cause or printing: the same
     * class names in the messages and the same stack traces, with the messages redacted.
     */
    public RuntimeException redactError(Throwable error) {
        return Redacted.of(error, this, 0);
    }

    /**
     * A stream that writes to {@code out} line by line with secrets redacted, encoding characters
     * in the default charset. A line not ended yet is held until it ends or the stream is flushed.
     */
    public PrintStream redacting(PrintStream out) {
        return new PrintStream(new RedactingOutputStream(out, inUtf8Bytes()), false, Charset.defaultCharset());
    }

    /**
     * The same secrets over text whose characters are the bytes of UTF-8 text (ISO-8859-1
     * decoded): for redacting bytes without decoding them, exact for UTF-8 output and, for ASCII
     * values, for any ASCII-compatible charset.
     */
    Secrets inUtf8Bytes() {
        return new Secrets(forms.stream().map(f -> new String(f.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)).toList());
    }

    private static String jsonEscaped(String value) {
        try {
            String quoted = TrajectoryWriter.JSON.writeValueAsString(value);
            return quoted.substring(1, quoted.length() - 1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return value;
        }
    }

    private static final class Standard {
        static final Secrets INSTANCE = from(System.getenv());
    }

    /** An exception standing for another one whose message may hold a secret: its class name, its redacted message. */
    private static final class Redacted extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String type;

        private Redacted(String type, String message, Throwable cause) {
            super(message, cause);
            this.type = type;
        }

        static Redacted of(Throwable error, Secrets secrets, int depth) {
            Throwable cause = error.getCause();
            String type = error instanceof Redacted r ? r.type : error.getClass().getName();
            Redacted copy = new Redacted(type, secrets.redact(error.getMessage()),
                    cause == null || cause == error || depth >= 20 ? null : of(cause, secrets, depth + 1));
            copy.setStackTrace(error.getStackTrace());
            return copy;
        }

        @Override
        public String toString() {
            return getMessage() == null ? type : type + ": " + getMessage();
        }
    }
}
