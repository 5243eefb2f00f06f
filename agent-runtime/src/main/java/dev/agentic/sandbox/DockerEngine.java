package dev.agentic.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.util.function.Consumer;

/**
 * One Docker engine: its {@link DockerEndpoint}, its API client (docker-java's own, one per endpoint in
 * the process), its images, whether it answers, and waiting for it to come back. An engine is asked with
 * {@code GET /_ping} on its socket (over TLS for an engine that has TLS material), bounded by a timeout;
 * an address that does not answer is an error naming it, never replaced by another engine.
 */
public final class DockerEngine {

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_CONNECTIONS = 100;
    private static final Map<DockerEndpoint, DockerClient> CLIENTS = new ConcurrentHashMap<>();

    private final DockerEndpoint endpoint;
    private final boolean fromEnvironment;
    private final AtomicLong faults = new AtomicLong();
    private volatile boolean down;
    private volatile String lastError = "";
    /** When the engine last answered again after a loss (System.nanoTime), or Long.MIN_VALUE. */
    private volatile long backAt = Long.MIN_VALUE;
    private Thread watcher;
    private final EngineImages images = new EngineImages(this);
    private volatile SSLContext tlsContext;

    private static DockerEngine machine;

    private DockerEngine(DockerEndpoint endpoint, boolean fromEnvironment) {
        this.endpoint = endpoint;
        this.fromEnvironment = fromEnvironment;
    }

    /** The engine this process uses: {@code DOCKER_HOST} (with its TLS settings), else the default socket. */
    public static DockerEngine fromEnvironment() {
        return new DockerEngine(DockerEndpoint.fromEnvironment(), System.getenv("DOCKER_HOST") != null && !System.getenv("DOCKER_HOST").isBlank());
    }

    /** The engine at {@code address} (a unix socket or plain TCP). */
    public static DockerEngine at(String address) {
        return of(DockerEndpoint.at(address));
    }

    public static DockerEngine of(DockerEndpoint endpoint) {
        return new DockerEngine(endpoint, false);
    }

    /** The engine of this process's environment, one object for the whole process. */
    static synchronized DockerEngine machine() {
        if (machine == null) {
            machine = fromEnvironment();
        }
        return machine;
    }

    public String address() {
        return endpoint.address();
    }

    public DockerEndpoint endpoint() {
        return endpoint;
    }

    /** The images this engine holds, and making them present. */
    EngineImages images() {
        return images;
    }

    /** The Docker API client of this engine's endpoint, made on first use and shared by every object of the same endpoint. */
    DockerClient client() {
        return CLIENTS.computeIfAbsent(endpoint, DockerEngine::newClient);
    }

    private static DockerClient newClient(DockerEndpoint endpoint) {
        DefaultDockerClientConfig.Builder config = new DefaultDockerClientConfig.Builder().withDockerHost(endpoint.address())
                .withDockerTlsVerify(endpoint.tls() != null);
        if (endpoint.tls() != null) {
            config.withDockerCertPath(endpoint.tls().toString());
        }
        DefaultDockerClientConfig built = config.build();
        DockerHttpClient http = new UncompressedTransfers(new ZerodepDockerHttpClient.Builder()
                .dockerHost(built.getDockerHost())
                .sslConfig(built.getSSLConfig())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(CONNECT_TIMEOUT)
                .build());
        return DockerClientImpl.getInstance(built, http);
    }

    /**
     * Fails with a message naming the address when the engine does not answer; {@code DOCKER_HOST}
     * set to a dead socket is an error, never replaced by another engine.
     */
    public void requireAnswer() {
        String problem = ping();
        if (problem != null) {
            boolean named = fromEnvironment;
            throw new SandboxException("the Docker engine at " + (named ? "DOCKER_HOST=" : "") + address() + " does not answer: " + problem
                    + (named ? "; start that engine or point DOCKER_HOST at one that runs"
                    : DockerEndpoint.DEFAULT_ADDRESS.equals(address()) ? "; " + DockerDiagnostics.SETUP_HINT : ""));
        }
    }
    /** Whether the engine answers now. */
    public boolean answers() {
        String problem = ping();
        if (problem != null) {
            lastError = problem;
        }
        return problem == null;
    }

    /** The reason of the last failed ping, or "". */
    public String lastError() {
        return lastError;
    }

    /** How many times the engine has been seen lost since this object was made: a trial that overlaps a loss proves nothing. */
    public long faults() {
        return faults.get();
    }

    /** Whether the engine was seen not answering at its last check. */
    public boolean down() {
        return down;
    }

    /** Asks the engine every second in a daemon thread, counting each time it stops answering. */
    public synchronized DockerEngine watch() {
        if (watcher == null) {
            watcher = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    observe(answers());
                    try {
                        Thread.sleep(WATCH_INTERVAL.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "docker-engine-watch " + address());
            watcher.setDaemon(true);
            watcher.start();
        }
        return this;
    }

    public synchronized void stopWatching() {
        if (watcher != null) {
            watcher.interrupt();
            watcher = null;
        }
    }

    /** Takes note of a check made elsewhere: a loss counts as a fault as the watcher's own would. */
    void observe(boolean answering) {
        if (!answering && !down) {
            faults.incrementAndGet();
        }
        if (answering && down) {
            backAt = System.nanoTime();
        }
        down = !answering;
    }

    /**
     * Whether the engine came back from a loss less than {@code settle} before {@code nanoTime}: what
     * fails then is more likely the aftermath of the loss than anything else.
     */
    public boolean backShortlyBefore(long nanoTime, Duration settle) {
        long back = backAt;
        return back != Long.MIN_VALUE && nanoTime - back < settle.toNanos();
    }

    /**
     * Waits for the engine to answer, asking after 1, 2, 4, 8 and then every 15 seconds, at most
     * {@code patience} in all. Returns whether it answered; {@code log} hears what happens.
     */
    public synchronized boolean awaitAnswer(Duration patience, Consumer<String> log) {
        if (answers()) {
            observe(true);
            return true;
        }
        observe(false);
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        log.accept("the Docker engine at " + address() + " does not answer (" + lastError + "); waiting up to " + human(patience) + " for it");
        Duration pause = Duration.ofSeconds(1);
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.max(1, Math.min(pause.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (answers()) {
                observe(true);
                log.accept(String.format("the Docker engine answers again after %.1f s", (System.nanoTime() - start) / 1e9));
                return true;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
        return false;
    }

    /** "3m", "90s", "1h05m". */
    public static String human(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format("%dh%02dm", s / 3600, s % 3600 / 60);
        }
        if (s >= 60) {
            return s % 60 == 0 ? (s / 60) + "m" : String.format("%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }

    /** Null when the engine answered {@code OK}; else what went wrong. */
    private String ping() {
        URI uri = DockerEndpoint.uri(address());
        if (endpoint.tls() != null) {
            return pingOverTls(uri);
        }
        try (Selector selector = Selector.open()) {
            SocketChannel channel;
            if ("unix".equals(uri.getScheme())) {
                channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                channel.connect(UnixDomainSocketAddress.of(uri.getPath()));
            } else {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
                channel.register(selector, SelectionKey.OP_CONNECT);
                if (selector.select(PING_TIMEOUT.toMillis()) == 0 || !channel.finishConnect()) {
                    channel.close();
                    return "no connection within " + PING_TIMEOUT.toSeconds() + " s";
                }
                selector.selectedKeys().clear();
                channel.keyFor(selector).cancel();
                selector.selectNow();
            }
            try (SocketChannel open = channel) {
                open.configureBlocking(false);
                open.write(ByteBuffer.wrap(PING));
                open.register(selector, SelectionKey.OP_READ);
                ByteBuffer answer = ByteBuffer.allocate(512);
                long deadline = System.nanoTime() + PING_TIMEOUT.toNanos();
                while (System.nanoTime() < deadline && answer.hasRemaining()) {
                    if (selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)) > 0) {
                        selector.selectedKeys().clear();
                        if (open.read(answer) < 0) {
                            break; // HTTP/1.0: the engine closes the connection after its answer
                        }
                    }
                }
                return judge(new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII));
            }
        } catch (IOException | RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private static final byte[] PING = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** The same request over TLS with the endpoint's client certificate: a blocking socket bounded by timeouts. */
    private String pingOverTls(URI uri) {
        try (SSLSocket socket = (SSLSocket) tlsContext().getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) PING_TIMEOUT.toMillis());
            socket.setSoTimeout((int) PING_TIMEOUT.toMillis());
            socket.startHandshake();
            socket.getOutputStream().write(PING);
            socket.getOutputStream().flush();
            byte[] answer = socket.getInputStream().readNBytes(512);
            return judge(new String(answer, StandardCharsets.US_ASCII));
        } catch (java.net.SocketTimeoutException e) {
            return "no answer within " + PING_TIMEOUT.toSeconds() + " s";
        } catch (IOException | RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private SSLContext tlsContext() {
        if (tlsContext == null) {
            try {
                tlsContext = new LocalDirectorySSLConfig(endpoint.tls().toString()).getSSLContext();
            } catch (RuntimeException e) {
                throw new SandboxException("cannot read the TLS material in " + endpoint.tls() + " for " + address() + ": " + e.getMessage(), e);
            }
        }
        return tlsContext;
    }

    private static String judge(String text) {
        if (text.matches("(?s)HTTP/1\\.[01] 200.*")) {
            return null;
        }
        return text.isEmpty() ? "no answer within " + PING_TIMEOUT.toSeconds() + " s"
                : "unexpected answer: " + text.lines().findFirst().orElse("");
    }
}
