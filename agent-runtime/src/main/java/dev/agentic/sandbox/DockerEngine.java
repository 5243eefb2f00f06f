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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The Docker engine as a whole: whether it answers, and waiting for it to come back. An engine is
 * asked with {@code GET /_ping} on its socket, bounded by a timeout, without Testcontainers (which,
 * when the address in {@code DOCKER_HOST} does not answer, quietly tries the default socket instead).
 */
public final class DockerEngine {

    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

    private final String address;
    private final AtomicLong faults = new AtomicLong();
    private volatile boolean down;
    private volatile String lastError = "";
    /** When the engine last answered again after a loss (System.nanoTime), or Long.MIN_VALUE. */
    private volatile long backAt = Long.MIN_VALUE;
    private Thread watcher;
    private final EngineImages images = new EngineImages(this);

    private static DockerEngine machine;

    private DockerEngine(String address) {
        this.address = address;
    }

    /** The engine of this process's environment, one object for the whole process. */
    static synchronized DockerEngine machine() {
        if (machine == null) {
            machine = fromEnvironment();
        }
        return machine;
    }

    /** The images this engine holds, and making them present. */
    EngineImages images() {
        return images;
    }

    /** The Docker API client of this engine. */
    com.github.dockerjava.api.DockerClient client() {
        try {
            return org.testcontainers.DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw new SandboxException(DockerDiagnostics.explainStartFailure("(none yet)", e), e);
        }
    }

    /** The engine this process uses: {@code DOCKER_HOST}, else the default socket. */
    public static DockerEngine fromEnvironment() {
        String host = System.getenv("DOCKER_HOST");
        return new DockerEngine(host == null || host.isBlank() ? DEFAULT_HOST : host.strip());
    }

    public static DockerEngine at(String address) {
        return new DockerEngine(address);
    }

    public String address() {
        return address;
    }

    /**
     * Fails with a message naming the address when the engine does not answer; {@code DOCKER_HOST}
     * set to a dead socket is an error, never replaced by another engine.
     */
    public void requireAnswer() {
        String problem = ping();
        if (problem != null) {
            boolean named = System.getenv("DOCKER_HOST") != null && !System.getenv("DOCKER_HOST").isBlank();
            throw new SandboxException("the Docker engine at " + (named ? "DOCKER_HOST=" : "") + address + " does not answer: " + problem
                    + (named ? "; start that engine or point DOCKER_HOST at one that runs" : "; " + DockerDiagnostics.SETUP_HINT));
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
            }, "docker-engine-watch");
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

    private void observe(boolean answering) {
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
        log.accept("the Docker engine at " + address + " does not answer (" + lastError + "); waiting up to " + human(patience) + " for it");
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
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            return "'" + address + "' is not an address (expected unix:///path/docker.sock or tcp://host:port)";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        try (Selector selector = Selector.open()) {
            SocketChannel channel;
            switch (scheme) {
                case "unix" -> {
                    channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                    channel.connect(UnixDomainSocketAddress.of(uri.getPath()));
                }
                case "tcp", "http", "https" -> {
                    channel = SocketChannel.open();
                    channel.configureBlocking(false);
                    channel.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort()));
                    channel.register(selector, SelectionKey.OP_CONNECT);
                    if (selector.select(PING_TIMEOUT.toMillis()) == 0 || !channel.finishConnect()) {
                        channel.close();
                        return "no connection within " + PING_TIMEOUT.toSeconds() + " s";
                    }
                    selector.selectedKeys().clear();
                    channel.keyFor(selector).cancel();
                    selector.selectNow();
                    if (DockerEngine.tls(scheme)) {
                        channel.close();
                        return null; // a TLS engine accepts connections: as far as a ping without TLS can tell, it is there
                    }
                }
                default -> {
                    return "unsupported scheme '" + scheme + "' in " + address + " (expected unix:// or tcp://)";
                }
            }
            try (SocketChannel open = channel) {
                open.configureBlocking(false);
                open.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
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
                String text = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
                if (text.matches("(?s)HTTP/1\\.[01] 200.*")) {
                    return null;
                }
                return text.isEmpty() ? "no answer within " + PING_TIMEOUT.toSeconds() + " s"
                        : "unexpected answer: " + text.lines().findFirst().orElse("");
            }
        } catch (IOException | RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private static boolean tls(String scheme) {
        return "https".equals(scheme) || "1".equals(System.getenv("DOCKER_TLS_VERIFY"));
    }
}
