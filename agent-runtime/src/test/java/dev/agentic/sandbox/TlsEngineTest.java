package dev.agentic.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentic.testing.SecondEngine;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine that listens on {@code tcp://127.0.0.1:<port>} and requires TLS client certificates (a certificate
 * authority, server and client certificates made with openssl for the test): reached with its TLS folder, refused
 * without it.
 */
class TlsEngineTest {

    static final String IMAGE = System.getProperty("agentic.baseImage", SandboxSpec.BASE_IMAGE);

    @TempDir
    Path dir;

    @Test
    void aPoolEngineWithTlsMaterialRunsSandboxesAndOneWithoutIsNotAnswered() throws Exception {
        Path server = Files.createDirectories(dir.resolve("server"));
        Path client = Files.createDirectories(dir.resolve("client"));
        Path stranger = Files.createDirectories(dir.resolve("stranger"));
        certificates(server, client, "agentic-test-ca");
        certificates(Files.createDirectories(dir.resolve("other-ca")), stranger, "another-ca");
        int port = freePort();
        String address = "tcp://127.0.0.1:" + port;
        try (SecondEngine engine = SecondEngine.open(IMAGE, List.of("--host", address, "--tlsverify",
                "--tlscacert", server.resolve("ca.pem").toString(), "--tlscert", server.resolve("server-cert.pem").toString(),
                "--tlskey", server.resolve("server-key.pem").toString()))) {
            DockerEngine tls = DockerEngine.of(new DockerEndpoint(address, client));
            assertThat(tls.answers()).as("ping over TLS: " + tls.lastError()).isTrue();
            DockerEngine plain = DockerEngine.at(address);
            assertThat(plain.answers()).as("a plain HTTP ping to a TLS engine").isFalse();
            DockerEngine untrusted = DockerEngine.of(new DockerEndpoint(address, stranger));
            assertThat(untrusted.answers()).as("certificates of another authority").isFalse();
            assertThatThrownBy(untrusted::requireAnswer).hasMessageContaining(address).hasMessageContaining("does not answer");

            Path engines = Files.writeString(dir.resolve("engines.yaml"), "engines:\n  - address: " + address + "\n    concurrency: 1\n"
                    + "    tls: client\n");
            try (Place pool = Places.named("docker-pool", PlaceSettings.of(Duration.ZERO).withEngines(engines))) {
                pool.open(Duration.ofSeconds(10), line -> { });
                pool.mark();
                try (Sandbox sandbox = pool.start(SandboxSpec.of(IMAGE).withWorkdir("/tmp"))) {
                    sandbox.writeText("greeting.txt", "over TLS\n");
                    assertThat(sandbox.exec("cat greeting.txt", Duration.ofSeconds(10)).stdout()).isEqualTo("over TLS\n");
                }
                assertThat(pool.usage()).containsExactly(new Place.EngineUse(address, 1, 0, false));
            }
            assertThat(engine.docker("ps", "-aq").strip()).as("containers left").isEmpty();
        }
    }

    /** A certificate authority {@code ca}, a server certificate for 127.0.0.1 in {@code server}, a client certificate in {@code client}. */
    private static void certificates(Path server, Path client, String ca) throws Exception {
        openssl(server, "genrsa", "-out", "ca-key.pem", "2048");
        openssl(server, "req", "-new", "-x509", "-days", "2", "-key", "ca-key.pem", "-sha256", "-subj", "/CN=" + ca, "-out", "ca.pem");
        openssl(server, "genrsa", "-out", "server-key.pem", "2048");
        openssl(server, "req", "-new", "-key", "server-key.pem", "-subj", "/CN=127.0.0.1", "-out", "server.csr");
        Files.writeString(server.resolve("server.cnf"), "subjectAltName = IP:127.0.0.1\nextendedKeyUsage = serverAuth\n");
        openssl(server, "x509", "-req", "-days", "2", "-sha256", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
                "-CAcreateserial", "-out", "server-cert.pem", "-extfile", "server.cnf");
        openssl(client, "genrsa", "-out", "key.pem", "2048");
        openssl(client, "req", "-new", "-key", "key.pem", "-subj", "/CN=agentic-client", "-out", "client.csr");
        Files.writeString(client.resolve("client.cnf"), "extendedKeyUsage = clientAuth\n");
        openssl(client, "x509", "-req", "-days", "2", "-sha256", "-in", "client.csr", "-CA", server.resolve("ca.pem").toString(),
                "-CAkey", server.resolve("ca-key.pem").toString(), "-CAcreateserial", "-out", "cert.pem", "-extfile", "client.cnf");
        Files.copy(server.resolve("ca.pem"), client.resolve("ca.pem"));
    }

    private static void openssl(Path in, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
