package dev.agentic.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The part of a Terminal-Bench {@code docker-compose.yaml} the harness uses: the {@code client}
 * service's {@code build} (a context path, or {@code context} and {@code dockerfile}) or its
 * {@code image}. The container itself is started by the harness, with no network.
 */
final class ComposeFile {

    private ComposeFile() {}

    static TaskEnvironment clientEnvironment(Path file, Set<String> hidden) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new TaskException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        JsonNode services = root == null ? null : root.get("services");
        if (services == null || !services.isObject() || services.size() == 0) {
            throw new TaskException(file + ": field 'services' is missing; expected one service named 'client'");
        }
        JsonNode client = services.has("client") ? services.get("client") : services.size() == 1 ? services.elements().next() : null;
        if (client == null) {
            throw new TaskException(file + ": services " + services.properties().stream().map(java.util.Map.Entry::getKey).toList()
                    + " have no 'client'; only single-service tasks (or a 'client' service) are supported");
        }
        Path dir = file.getParent();
        JsonNode build = client.get("build");
        if (build != null && build.isTextual()) {
            Path context = dir.resolve(build.asText()).normalize();
            return new TaskEnvironment.Built(context, context.resolve("Dockerfile"), hidden);
        }
        if (build != null && build.isObject()) {
            Path context = dir.resolve(build.path("context").asText(".")).normalize();
            return new TaskEnvironment.Built(context, context.resolve(build.path("dockerfile").asText("Dockerfile")), hidden);
        }
        if (client.hasNonNull("image")) {
            return new TaskEnvironment.Prebuilt(client.get("image").asText());
        }
        throw new TaskException(file + ": service 'client' has neither 'build' nor 'image'");
    }
}
