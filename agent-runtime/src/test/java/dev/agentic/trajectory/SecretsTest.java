package dev.agentic.trajectory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void redactsTheRawValueAlsoAfterBearer() {
        Secrets secrets = Secrets.from(Map.of("OPENAI_API_KEY", "sk-test-0123456789"));
        assertThat(secrets.redact("{\"error\":\"bad key\",\"header\":\"Authorization: Bearer sk-test-0123456789\"}"))
                .isEqualTo("{\"error\":\"bad key\",\"header\":\"Authorization: Bearer [redacted]\"}");
        assertThat(secrets.redact("sk-test-0123456789sk-test-0123456789")).isEqualTo("[redacted][redacted]");
    }

    @Test
    void redactsTheJsonEscapedValue() throws Exception {
        Secrets secrets = Secrets.from(Map.of("DB_PASSWORD", "pa\"ss\\wo/rd\n42"));
        assertThat(secrets.redact("{\"password\":\"pa\\\"ss\\\\wo/rd\\n42\"}")).isEqualTo("{\"password\":\"[redacted]\"}");
        assertThat(secrets.redact("{\"password\":\"pa\\\"ss\\\\wo\\/rd\\n42\"}")).isEqualTo("{\"password\":\"[redacted]\"}");
        assertThat(secrets.redact("raw: pa\"ss\\wo/rd\n42.")).isEqualTo("raw: [redacted].");
        ObjectMapper json = new ObjectMapper();
        String nested = json.writeValueAsString(Map.of("arguments", json.writeValueAsString(Map.of("password", "pa\"ss\\wo/rd\n42"))));
        assertThat(secrets.redact(nested)).as("JSON in a JSON string")
                .isEqualTo(json.writeValueAsString(Map.of("arguments", json.writeValueAsString(Map.of("password", "[redacted]")))));
    }

    @Test
    void redactsTheUrlEncodedValue() {
        Secrets secrets = Secrets.from(Map.of("SERVICE_TOKEN", "to ken/with+and&"));
        assertThat(secrets.redact("https://host/path?token=to+ken%2Fwith%2Band%26&x=1")).isEqualTo("https://host/path?token=[redacted]&x=1");
        assertThat(secrets.redact("https://host/path?token=to%20ken%2Fwith%2Band%26")).isEqualTo("https://host/path?token=[redacted]");
    }

    @Test
    void valuesShorterThanEightCharactersAndOtherNamesAreLeftAlone() {
        Secrets secrets = Secrets.from(Map.of("SHORT_TOKEN", "abc1234", "EIGHT_TOKEN", "abcd1234", "HOME", "/home/someone-long",
                "OPENAI_BASE_URL", "http://127.0.0.1:8000/v1", "my_api_key", "lower-case-name-1"));
        assertThat(secrets.redact("abc1234 abcd1234 /home/someone-long http://127.0.0.1:8000/v1 lower-case-name-1"))
                .isEqualTo("abc1234 [redacted] /home/someone-long http://127.0.0.1:8000/v1 [redacted]");
        assertThat(secrets.redact(null)).isNull();
    }

    @Test
    void overlappingValuesGoLongestFirst() {
        Secrets secrets = Secrets.from(Map.of("A_KEY", "abcdefgh", "B_SECRET", "abcdefgh-ijklmnop", "C_TOKEN", "xx-abcdefgh-ijklmnop-yy"));
        assertThat(secrets.redact("1 abcdefgh-ijklmnop 2 abcdefgh 3 xx-abcdefgh-ijklmnop-yy"))
                .isEqualTo("1 [redacted] 2 [redacted] 3 [redacted]");
    }

    @Test
    void anErrorIsReplacedByOneWithTheSameTypesAndStackTracesWithoutTheSecret() {
        Secrets secrets = Secrets.from(Map.of("ANTHROPIC_API_KEY", "sk-ant-0123456789"));
        IllegalStateException original = new IllegalStateException("request failed",
                new java.io.UncheckedIOException("body: {\"key\":\"sk-ant-0123456789\"}", new java.io.IOException("sk-ant-0123456789")));

        RuntimeException redacted = secrets.redactError(original);

        assertThat(redacted).hasMessage("request failed").hasToString("java.lang.IllegalStateException: request failed");
        assertThat(redacted.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(redacted.getCause()).hasToString("java.io.UncheckedIOException: body: {\"key\":\"[redacted]\"}");
        assertThat(redacted.getCause().getCause()).hasToString("java.io.IOException: [redacted]");
        StringWriter trace = new StringWriter();
        redacted.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("sk-ant-0123456789").contains("Caused by: java.io.IOException: [redacted]")
                .contains("SecretsTest.anErrorIsReplaced");
    }

    @Test
    void aRedactingStreamRedactsValuesWrittenInPiecesAndLeavesOtherBytesAsTheyAre() {
        Secrets secrets = Secrets.from(Map.of("MY_SERVICE_TOKEN", "tök-0123456789"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = secrets.redacting(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        out.print("── step 2 tök-01");
        assertThat(bytes.size()).as("held until the line ends").isZero();
        out.print("23456789 ✓\nand Bearer tök-0123456789");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("── step 2 [redacted] ✓\n");
        out.flush();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("── step 2 [redacted] ✓\nand Bearer [redacted]");

        bytes.reset();
        PrintWriter utf8 = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        utf8.printf("%s · %s%n", "tök-0123456789", "ü");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("[redacted] · ü" + System.lineSeparator());
    }

    @Test
    void theStandardSecretsAreReadOnce() {
        assertThat(Secrets.standard()).isSameAs(Secrets.standard());
    }
}
