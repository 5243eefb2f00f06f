package dev.agentic.sandbox;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;

/**
 * The engine's HTTP client, asking for every answer as it is ({@code Accept-Encoding: identity}). The
 * client under it offers gzip by default, and the engine then compresses archives on the fly: reading a
 * 40 MB folder out of a container takes about two seconds of the engine's CPU instead of a fifth of one.
 */
final class UncompressedTransfers implements DockerHttpClient {

    private static final String ACCEPT_ENCODING = "Accept-Encoding";

    private final DockerHttpClient client;

    UncompressedTransfers(DockerHttpClient client) {
        this.client = client;
    }

    @Override
    public Response execute(Request request) {
        boolean asked = request.headers().keySet().stream().anyMatch(ACCEPT_ENCODING::equalsIgnoreCase);
        return client.execute(asked ? request : Request.builder().from(request).putHeader(ACCEPT_ENCODING, "identity").build());
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
