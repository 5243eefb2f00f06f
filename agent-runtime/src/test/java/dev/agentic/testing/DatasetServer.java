package dev.agentic.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP server speaking the Hugging Face Hub's file protocol:
 * {@code GET /datasets/<owner>/<name>/resolve/<revision>/<path>} answers a redirect to a content path (as
 * the Hub redirects to its storage), which answers the file, with {@code Range} requests (206) as the
 * Hub's storage does; unknown paths answer 404. {@link #breakNextAfter(long)} makes the next file response
 * stop after that many bytes, as a dropped connection does.
 */
public final class DatasetServer implements AutoCloseable {

    private final HttpServer server;
    private final HttpServer storage;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong breakAfter = new AtomicLong(-1);

    private DatasetServer(HttpServer server, HttpServer storage) {
        this.server = server;
        this.storage = storage;
    }

    /** The Hub on 127.0.0.1, redirecting to its storage on the same host. */
    public static DatasetServer start() throws IOException {
        return start(false);
    }

    /**
     * As {@link #start()}; with {@code storageElsewhere}, the storage answers on another loopback address (127.0.0.2), as the
     * Hub's storage is another host than the Hub.
     */
    public static DatasetServer start(boolean storageElsewhere) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpServer store = storageElsewhere ? HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0) : null;
        DatasetServer server = new DatasetServer(http, store);
        http.createContext("/", server::handle);
        http.start();
        if (store != null) {
            store.createContext("/", server::handle);
            store.start();
        }
        return server;
    }

    /** Serves {@code content} as {@code file} of {@code dataset} at {@code revision}. */
    public void put(String dataset, String revision, String file, byte[] content) {
        files.put("/datasets/" + dataset + "/resolve/" + revision + "/" + file, content);
    }

    public void breakNextAfter(long bytes) {
        breakAfter.set(bytes);
    }

    /** Every request seen: method, path, {@code @}address answering, and its Authorization and Range headers when there were any. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(exchange.getRequestMethod() + " " + path + " @" + exchange.getLocalAddress().getAddress().getHostAddress()
                + (authorization == null ? "" : " Authorization:" + authorization) + (range == null ? "" : " Range:" + range));
        try (exchange) {
            if (path.startsWith("/datasets/") && files.containsKey(path)) {
                exchange.getResponseHeaders().add("Location", storage == null ? "/storage" + path
                        : "http://127.0.0.2:" + storage.getAddress().getPort() + "/storage" + path);
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            byte[] content = path.startsWith("/storage/") ? files.get(path.substring("/storage".length())) : null;
            if (content == null) {
                byte[] body = "Entry not found".getBytes();
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            int from = 0;
            int status = 200;
            if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
                from = Integer.parseInt(range.substring(6, range.length() - 1));
                if (from >= content.length) {
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                status = 206;
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
            }
            int length = content.length - from;
            exchange.sendResponseHeaders(status, length);
            long cut = breakAfter.getAndSet(-1);
            OutputStream body = exchange.getResponseBody();
            if (cut >= 0 && cut < length) {
                body.write(content, from, (int) cut);
                body.flush();
                throw new IOException("connection dropped on purpose after " + cut + " bytes");
            }
            body.write(content, from, length);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (storage != null) {
            storage.stop(0);
        }
    }
}
