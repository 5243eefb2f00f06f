package dev.agentic.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * A dataset file of a Hugging Face dataset at its pinned revision
 * ({@code <endpoint>/datasets/<name>/resolve/<revision>/<file>}: a revision's files never change), or from
 * a local copy. The download goes to {@code <file>.part} and resumes with an HTTP range request when
 * interrupted; the whole file is checked against the manifest's {@code sha256} (or, when the manifest pins
 * none, the checksum is printed to be pinned) before it is renamed into place; a Parquet file is then
 * converted once into JSON Lines rows by DuckDB. {@code HF_TOKEN} is sent to the Hub (never to the host a
 * download is redirected to); {@code https_proxy} and {@code no_proxy} are honoured.
 */
final class DatasetFetch {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
    /** How long a download may receive nothing before it counts as broken off. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    private final TaskCache cache;
    private final Consumer<String> progress;
    private final HttpClient http;

    DatasetFetch(TaskCache cache, Consumer<String> progress) {
        this.cache = cache;
        this.progress = progress;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .proxy(Proxies.fromEnvironment()).build();
    }

    void fetch(Source.Dataset source) {
        Path rows = cache.datasetRows(source);
        Path file = cache.datasetFile(source);
        String recorded = cache.recordedChecksum(source);
        if (recorded != null && source.sha256() != null && !recorded.equals(source.sha256())) {
            progress.accept("dataset " + source.id() + ": the cached " + source.file() + " has sha256 " + recorded + ", not the pinned "
                    + source.sha256() + "; fetching the pinned one");
            cache.forget(source);
            recorded = null;
        }
        if (recorded != null && Files.isRegularFile(rows)) {
            return;
        }
        if (recorded == null || !Files.isRegularFile(file)) {
            Path part = file.resolveSibling(file.getFileName() + ".part");
            try {
                Files.createDirectories(file.getParent());
                Disk.clearAside(rows);
                if (source.local() != null) {
                    copy(source, part);
                } else {
                    boolean resumed = download(source, part);
                    if (resumed && !matchesPin(source, part)) { // the part may have come from elsewhere: once more, from the start
                        progress.accept("dataset " + source.id() + ": the resumed file does not match its pin; downloading it again from the start");
                        Files.deleteIfExists(part);
                        download(source, part);
                    }
                }
                cache.recordChecksum(source, verify(source, part));
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw diskOrIo(e, part, "writing " + part);
            }
        }
        if (!rows.equals(file)) {
            convert(source, file, rows);
        }
    }

    private static boolean matchesPin(Source.Dataset source, Path part) throws IOException {
        return source.sha256() == null || source.sha256().equals(sha256(part));
    }

    private void copy(Source.Dataset source, Path part) throws IOException {
        Path from = source.local().resolve(source.file());
        if (!Files.isRegularFile(from)) {
            throw new FetchException("dataset source '" + source.id() + "': no file " + from + " in the local copy " + source.local(), false);
        }
        progress.accept("dataset " + source.id() + ": copying " + from);
        Files.copy(from, part, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Downloads into {@code part}, resuming what it holds; true when it resumed. */
    private boolean download(Source.Dataset source, Path part) throws IOException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        URI uri = source.url();
        String token = System.getenv("HF_TOKEN");
        String hubHost = uri.getHost();
        HttpResponse<InputStream> response = null;
        for (int hop = 0; hop < 10; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofMinutes(2)).header("User-Agent", "agentx-fetch");
            if (have > 0) {
                request.header("Range", "bytes=" + have + "-");
            }
            if (token != null && !token.isBlank() && hubHost.equalsIgnoreCase(uri.getHost())) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new FetchException("dataset source '" + source.id() + "': cannot reach " + uri + ": " + Disk.describe(e)
                        + "; run the fetch again when it answers (a mirror: --source " + source.id() + "=<url or folder>)", true, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted while downloading " + uri, true, e);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                response.body().close();
                uri = uri.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            break;
        }
        int status = response.statusCode();
        if (status == 416 && have > 0) {
            response.body().close();
            return true; // the part already holds the whole file; the checksum decides
        }
        if (status != 200 && status != 206) {
            response.body().close();
            boolean missing = status == 404;
            throw new FetchException("dataset source '" + source.id() + "': " + uri + " answered HTTP " + status
                    + (missing ? " (not found): check dataset '" + source.dataset() + "', revision " + source.revision() + " and file '" + source.file()
                            + "' in the manifest" : status == 401 || status == 403 ? " (not allowed): a gated or private dataset needs HF_TOKEN"
                            : "") + "; nothing was kept", !missing && status != 401 && status != 403);
        }
        boolean append = status == 206;
        if (append && !response.headers().firstValue("Content-Range").orElse("").startsWith("bytes " + have + "-")) {
            response.body().close(); // a range other than the one asked for: start again rather than splice
            Files.deleteIfExists(part);
            return download(source, part);
        }
        long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        long total = expected < 0 ? source.bytes() : expected + (append ? have : 0);
        progress.accept("dataset " + source.id() + ": downloading " + source.file() + " (" + Sizes.human(total) + ")"
                + (append ? ", resuming after " + Sizes.human(have) : ""));
        long written = append ? have : 0;
        long last = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong lastByte = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        InputStream body = response.body();
        var watchdog = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "download-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleAtFixedRate(() -> { // a connection that stops sending is closed, so that the read below fails instead of hanging
            if (System.nanoTime() - lastByte.get() > IDLE_TIMEOUT.toNanos()) {
                try {
                    body.close();
                } catch (IOException ignored) {
                    // the read reports it
                }
            }
        }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        try (InputStream in = body;
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                lastByte.set(System.nanoTime());
                out.write(buffer, 0, n);
                written += n;
                if (System.nanoTime() - last > PROGRESS_EVERY_NANOS) {
                    last = System.nanoTime();
                    progress.accept("dataset " + source.id() + ": " + Sizes.human(written) + " of " + Sizes.human(total));
                }
            }
        } catch (IOException e) {
            if (Disk.full(e)) {
                throw diskOrIo(e, part, "writing " + part);
            }
            boolean idle = System.nanoTime() - lastByte.get() > IDLE_TIMEOUT.toNanos();
            throw new FetchException("dataset source '" + source.id() + "': the download of " + uri + " broke off after " + Sizes.human(written)
                    + " of " + Sizes.human(total) + " (" + (idle ? "nothing received for " + IDLE_TIMEOUT.toSeconds() + " s" : Disk.describe(e))
                    + "); run the fetch again to resume it", true, e);
        } finally {
            watchdog.shutdownNow();
        }
        if (expected >= 0 && written != expected + (append ? have : 0)) {
            throw new FetchException("dataset source '" + source.id() + "': the download of " + uri + " ended after " + Sizes.human(written)
                    + " of " + Sizes.human(total) + "; run the fetch again to resume it", true);
        }
        return append;
    }

    /** The file's checksum, once it is the pinned one (or the manifest pins none: then it is printed to be pinned). */
    private String verify(Source.Dataset source, Path part) throws IOException {
        String actual = sha256(part);
        if (source.sha256() == null) {
            progress.accept("dataset " + source.id() + ": " + source.file() + " has sha256 " + actual
                    + ", not pinned in the manifest: add 'sha256: " + actual + "' to source '" + source.id() + "' to pin it");
            return actual;
        }
        if (!source.sha256().equals(actual)) {
            Files.deleteIfExists(part);
            throw new FetchException("dataset source '" + source.id() + "': checksum mismatch for " + source.location() + ": the manifest pins sha256 "
                    + source.sha256() + ", the file has " + actual + "; nothing was kept. The file is not the pinned one: check the revision"
                    + " and file in the manifest, or the mirror", false);
        }
        return actual;
    }

    private void convert(Source.Dataset source, Path parquet, Path rows) {
        Path aside = rows.resolveSibling("." + rows.getFileName() + ".partial-" + ProcessHandle.current().pid());
        progress.accept("dataset " + source.id() + ": reading " + source.fileName() + " (Parquet) into " + rows.getFileName());
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'"); // timestamps as published, not in this machine's zone
                statement.execute("COPY (SELECT * FROM read_parquet('" + quote(parquet) + "')) TO '" + quote(aside) + "' (FORMAT JSON)");
            }
            Files.move(aside, rows, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            throw new FetchException("dataset source '" + source.id() + "': " + parquet + " cannot be read as Parquet: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "; delete it and fetch again", false, e);
        } catch (IOException e) {
            throw diskOrIo(e, aside, "writing " + rows);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("DuckDB is missing from the class path", e);
        } finally {
            try {
                Files.deleteIfExists(aside);
            } catch (IOException ignored) {
                // a leftover aside file is never read
            }
        }
    }

    private static String quote(Path path) {
        return path.toAbsolutePath().toString().replace("'", "''");
    }

    private static FetchException diskOrIo(IOException e, Path partial, String what) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // reported below
        }
        if (Disk.full(e)) {
            return new FetchException("disk full while " + what + " (" + Disk.free(partial) + "); nothing of it was kept: free some space or"
                    + " choose another cache (--cache <folder> or AGENTX_CACHE), then fetch again", true, e);
        }
        return new FetchException("cannot go on " + what + ": " + Disk.describe(e), true, e);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
