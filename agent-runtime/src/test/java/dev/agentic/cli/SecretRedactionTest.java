package dev.agentic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agentic.trajectory.Secrets;
import dev.agentic.trajectory.TrajectoryEvent;
import dev.agentic.trajectory.TrajectoryWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line, run as its own process with an API key and a service token in its
 * environment, against a local OpenAI-compatible server that echoes both back (in an HTTP 400
 * error body, or in its answers): neither appears in anything printed or written.
 */
class SecretRedactionTest {

    static final Path HELLO_WORLD = AgentCliTest.REPO.resolve("experiments/tasks/hello-world");
    static final ObjectMapper JSON = new ObjectMapper();

    /** Random cores: any form of a secret that still holds its core (raw, JSON-escaped, URL-encoded, cut) is a leak. */
    static final String KEY_CORE = random();
    static final String TOKEN_CORE = random();
    static final String KEY = "sk-test-" + KEY_CORE;
    /** With characters that JSON and URLs escape, so that its escaped forms differ from it. */
    static final String TOKEN = "tok/" + TOKEN_CORE + "+\"&=x";

    @TempDir
    Path dir;

    EchoServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void runPrintsAndWritesNoSecretWhenTheServerEchoesTheKeyInAnError() throws Exception {
        server = new EchoServer(Echo.IN_ERROR);

        Run run = agentx("run", "--task", HELLO_WORLD.toString(), "--model", "openai:gpt-4o-mini", "--out", dir.resolve("run").toString());

        assertThat(server.authorizations()).as("the server saw the key and echoed it").contains("Bearer " + KEY);
        assertThat(run.stdout()).as(run.stderr()).contains("model_error").contains("Bearer [redacted]").contains("[redacted]");
        assertThat(Files.readString(dir.resolve("run/trajectory.jsonl"))).contains("\"exit_status\":\"model_error\"").contains("[redacted]");
        assertNoSecret(run, dir, file -> true);
    }

    @Test
    void runPrintsAndWritesNoSecretWhenTheModelRepeatsItInItsAnswers() throws Exception {
        server = new EchoServer(Echo.IN_REPLY);

        Run run = agentx("run", "--task", HELLO_WORLD.toString(), "--model", "openai:gpt-4o-mini", "--out", dir.resolve("run").toString());

        assertThat(server.authorizations()).hasSizeGreaterThanOrEqualTo(2).allMatch(("Bearer " + KEY)::equals);
        assertThat(run.stdout()).as(run.stderr()).contains("▶ bash").contains("══ submitted").contains("Bearer [redacted]");
        String trajectory = Files.readString(dir.resolve("run/trajectory.jsonl"));
        assertThat(trajectory).contains("\"event\":\"model_call\"").contains("\"event\":\"tool\"").contains("[redacted]");
        assertNoSecret(run, dir, file -> true);
    }

    @Test
    void benchAndItsReportWriteNoSecretWhenTheServerEchoesTheKeyInAnError() throws Exception {
        server = new EchoServer(Echo.IN_ERROR);
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "id: one\ntasks:\n  - " + HELLO_WORLD + "\n");
        Path results = dir.resolve("experiments/leak/results");

        Run bench = agentx("bench", "--suite", suite.toString(), "--variant", "leak", "--set", "model=openai:gpt-4o-mini",
                "--results", results.toString(), "--run-id", "r1", "--trials", "1", "--infra-retries", "0", "--concurrency", "1");

        // nothing was graded (every model call fails): the run is unhealthy, its results stay for inspection
        assertThat(bench.exitCode()).as(bench.stdout() + bench.stderr()).isEqualTo(dev.agentic.bench.RunFailure.Cause.UNHEALTHY.exitCode());
        assertThat(server.authorizations()).as("the server saw the key and echoed it").contains("Bearer " + KEY);
        assertThat(Files.readString(results.resolve("r1/junit.xml"))).contains("<error type=\"infrastructure\"").contains("[redacted]");
        Predicate<Path> resultsStore = file -> List.of("trials.jsonl", "run.json", "summary.json").contains(file.getFileName().toString());
        assertNoSecret(bench, dir, resultsStore.negate());
        // trials.jsonl, run.json and summary.json are written by ResultsStore, which redacts with Secrets.standard()
        assertThat(leaks(dir, resultsStore)).as("trials.jsonl, run.json, summary.json (ResultsStore)").isEmpty();
        assertThat(Files.readString(results.resolve("r1/trials.jsonl"))).contains("\"infra_error\"").contains("[redacted]");

        // Results written before secrets were redacted, or edited by hand: the report and the summary still redact.
        Path trajectory;
        try (Stream<Path> files = Files.walk(results.resolve("r1/trajectories"))) {
            trajectory = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        String token = JSON.writeValueAsString(TOKEN);
        for (Path file : List.of(results.resolve("r1/trials.jsonl"), trajectory)) {
            Files.writeString(file, Files.readString(file).replace("[redacted]", token.substring(1, token.length() - 1)));
        }
        Path unredacted = Files.createTempFile(dir, "event", ".jsonl");
        try (TrajectoryWriter writer = new TrajectoryWriter(unredacted, Secrets.from(Map.of()))) {
            writer.write(new TrajectoryEvent.ToolRun(1, "c", "bash", "{\"command\":\"echo " + KEY + "\"}", "& " + TOKEN + " <" + KEY + ">",
                    false, 0, false, false, 1));
        }
        Files.write(trajectory, Files.readAllBytes(unredacted), StandardOpenOption.APPEND);
        Files.delete(unredacted);
        assertThat(leaks(results, file -> true)).as("planted").isNotEmpty();
        Files.writeString(results.resolve("LATEST"), "r1\n"); // as if the run had counted, so that the report shows it
        Run report = agentx("report", "--experiments", dir.resolve("experiments").toString(), "--out", dir.resolve("report").toString());
        Run summary = agentx("summary", "--results", results.toString());

        assertThat(report.exitCode()).as(report.stdout() + report.stderr()).isZero();
        assertThat(summary.exitCode()).as(summary.stdout() + summary.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("report/leak.html"))).contains("echo [redacted]").contains("&amp; [redacted] &lt;[redacted]&gt;");
        assertNoSecret(report, dir.resolve("report"), file -> true);
        assertNoSecret(summary, dir.resolve("report"), file -> true);
    }

    record Run(int exitCode, String stdout, String stderr) {}

    /** The real command line in a JVM of its own, with the secrets in its environment. */
    private Run agentx(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AgentCli.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.remove("AGENT_MODEL");
        env.put("OPENAI_API_KEY", KEY);
        env.put("OPENAI_BASE_URL", server.address() + "/v1");
        env.put("MY_SERVICE_TOKEN", TOKEN);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("agentx " + String.join(" ", args) + " did not finish in 10 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** No secret in what the process printed nor in any file under {@code root} that {@code which} selects. */
    private static void assertNoSecret(Run run, Path root, Predicate<Path> which) throws IOException {
        assertThat(secretsIn(run.stdout())).as("stdout:\n" + run.stdout()).isEmpty();
        assertThat(secretsIn(run.stderr())).as("stderr:\n" + run.stderr()).isEmpty();
        assertThat(leaks(root, which)).as("files holding a secret").isEmpty();
    }

    /** The files under {@code root} selected by {@code which} that hold a secret, each with the secrets it holds. */
    private static Map<Path, List<String>> leaks(Path root, Predicate<Path> which) throws IOException {
        Map<Path, List<String>> found = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(which).toList()) {
                List<String> secrets = secretsIn(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                if (!secrets.isEmpty()) {
                    found.put(root.relativize(file), secrets);
                }
            }
        }
        return found;
    }

    /** Which secrets the text holds: a core (so any form: raw, JSON-escaped, URL-encoded, after "Bearer "), or a whole form. */
    private static List<String> secretsIn(String text) {
        List<String> forms = List.of(KEY_CORE, TOKEN_CORE, KEY, "Bearer " + KEY, TOKEN, JSON.valueToTree(TOKEN).toString(),
                URLEncoder.encode(TOKEN, StandardCharsets.UTF_8));
        return forms.stream().filter(text::contains).toList();
    }

    private static String random() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    enum Echo {
        /** HTTP 400 with an error body that quotes the request's Authorization header and the token. */
        IN_ERROR,
        /** HTTP 200 answers that quote them: a bash call echoing them, then a submission. */
        IN_REPLY
    }

    /** A local server speaking OpenAI's chat-completions protocol that echoes the request's key and the service token. */
    static final class EchoServer implements AutoCloseable {

        private final HttpServer http;
        private final Echo echo;
        private final List<String> authorizations = new CopyOnWriteArrayList<>();
        private final AtomicInteger answered = new AtomicInteger();

        EchoServer(Echo echo) throws IOException {
            this.echo = echo;
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/v1/chat/completions", this::answer);
            http.start();
        }

        String address() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        List<String> authorizations() {
            return List.copyOf(authorizations);
        }

        private void answer(HttpExchange exchange) throws IOException {
            exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            String quoted = "you sent Authorization: " + authorization + " with service token " + TOKEN
                    + " (https://service.test/check?token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8) + ")";
            int status;
            String body;
            if (echo == Echo.IN_ERROR) {
                status = 400;
                body = JSON.writeValueAsString(Map.of("error", Map.of("message", "Invalid request: " + quoted,
                        "type", "invalid_request_error", "code", "invalid_api_key")));
            } else {
                status = 200;
                boolean first = answered.getAndIncrement() == 0;
                String arguments = first ? JSON.writeValueAsString(Map.of("command", "echo '" + quoted + "'"))
                        : JSON.writeValueAsString(Map.of("summary", "done; " + quoted));
                body = JSON.writeValueAsString(Map.of("id", "chatcmpl-echo", "object", "chat.completion", "created", 1, "model", "gpt-4o-mini",
                        "choices", List.of(Map.of("index", 0, "finish_reason", "tool_calls", "message", Map.of("role", "assistant",
                                "content", "Echoing: " + quoted,
                                "tool_calls", List.of(Map.of("id", "call-" + answered.get(), "type", "function",
                                        "function", Map.of("name", first ? "bash" : "submit", "arguments", arguments)))))),
                        "usage", Map.of("prompt_tokens", 100, "completion_tokens", 10, "total_tokens", 110)));
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
