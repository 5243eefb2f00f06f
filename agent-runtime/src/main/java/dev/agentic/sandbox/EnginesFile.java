package dev.agentic.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.document.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engines of a {@code docker-pool}, as a YAML (or JSON) file lists them:
 *
 * <pre>
 * engines:
 *   - address: unix:///run/docker-a.sock
 *     concurrency: 2
 *   - address: tcp://build-2.example:2376
 *     concurrency: 4
 *     tls: certs/build-2        # ca.pem, cert.pem, key.pem; relative to this file's folder
 * </pre>
 *
 * A wrong file is refused naming the file, the line, the column and the field, and what is expected.
 */
public final class EnginesFile {

    /** One engine of the pool and how many sandboxes it runs at once. */
    public record Engine(DockerEndpoint endpoint, int concurrency) {
        public Engine {
            java.util.Objects.requireNonNull(endpoint, "endpoint");
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
            }
        }
    }

    /** The largest concurrency one engine may be given. */
    static final int MAX_CONCURRENCY = 256;

    private static final Set<String> FIELDS = Set.of("address", "concurrency", "tls");

    private EnginesFile() {}

    /** The engines {@code file} lists, in its order. */
    public static List<Engine> read(Path file) {
        Document document = Document.read(file);
        JsonNode root = document.root();
        if (!root.isObject()) {
            throw document.error("expected a mapping with 'engines: [{address: …, concurrency: …}, …]', found " + Document.kind(root));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("engines")) {
                throw document.error("unknown field '" + name + "'; expected only 'engines'", name);
            }
        }
        JsonNode engines = root.path("engines");
        if (!engines.isArray() || engines.isEmpty()) {
            throw document.error("field 'engines': expected a non-empty list of engines ({address: …, concurrency: …}), found "
                    + (engines.isArray() ? "an empty list" : Document.kind(engines)), "engines");
        }
        Path folder = file.toAbsolutePath().getParent();
        List<Engine> result = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < engines.size(); i++) {
            JsonNode entry = engines.get(i);
            String which = "engine " + (i + 1);
            if (!entry.isObject()) {
                throw document.error(which + ": expected a mapping with 'address' and 'concurrency', found " + Document.kind(entry), "engines", i);
            }
            for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw document.error(which + ": unknown field '" + name + "'; expected address, concurrency and optionally tls", "engines", i, name);
                }
            }
            JsonNode address = entry.get("address");
            if (address == null || !address.isTextual() || address.asText().isBlank()) {
                throw document.error(which + ": field 'address': expected unix:///path/docker.sock or tcp://host:port, found "
                        + Document.written(address), "engines", i, "address");
            }
            try {
                DockerEndpoint.uri(address.asText().strip());
            } catch (IllegalArgumentException e) {
                throw document.error(which + ": field 'address': " + e.getMessage(), "engines", i, "address");
            }
            Integer earlier = seen.putIfAbsent(address.asText().strip(), i + 1);
            if (earlier != null) {
                throw document.error(which + ": field 'address': " + address.asText().strip() + " is listed already as engine " + earlier
                        + "; give one engine once, with the concurrency it can take", "engines", i, "address");
            }
            JsonNode concurrency = entry.get("concurrency");
            if (concurrency == null || !concurrency.isIntegralNumber() || concurrency.asLong() < 1 || concurrency.asLong() > MAX_CONCURRENCY) {
                throw document.error(which + ": field 'concurrency': expected a whole number from 1 to " + MAX_CONCURRENCY
                        + " (sandboxes it runs at once), found " + Document.written(concurrency), "engines", i, "concurrency");
            }
            Path tls = null;
            JsonNode certs = entry.get("tls");
            if (certs != null && !certs.isNull()) {
                if (!certs.isTextual() || certs.asText().isBlank()) {
                    throw document.error(which + ": field 'tls': expected the folder of ca.pem, cert.pem and key.pem, found "
                            + Document.written(certs), "engines", i, "tls");
                }
                tls = folder.resolve(certs.asText().strip()).normalize();
            }
            try {
                result.add(new Engine(new DockerEndpoint(address.asText().strip(), tls), concurrency.asInt()));
            } catch (IllegalArgumentException e) {
                throw document.error(which + ": field 'tls': " + e.getMessage(), "engines", i, tls != null ? "tls" : "address");
            }
        }
        return result;
    }
}
