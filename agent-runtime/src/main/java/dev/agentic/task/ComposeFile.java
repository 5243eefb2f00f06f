package dev.agentic.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.document.Document;
import dev.agentic.document.Format;
import java.nio.file.Path;
import java.util.Set;

/**
 * The part of a Terminal-Bench {@code docker-compose.yaml} the harness uses: the {@code client}
 * service's {@code build} (a context path, or {@code context} and {@code dockerfile}) or its
 * {@code image}. The container itself is started by the harness, with no network.
 */
final class ComposeFile {

    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** What the harness takes from the {@code client} service: where its image comes from and its environment variables. */
    record Client(TaskEnvironment environment, java.util.Map<String, String> env) {}

    private ComposeFile() {}

    /**
     * The variables Terminal-Bench's harness gives a task's compose file ({@code T_BENCH_*}), for task
     * {@code id}; the host log folders it mounts do not exist here and are left empty.
     */
    static java.util.Map<String, String> variables(String id) {
        String prefix = "tb__" + id.replace('.', '-');
        return java.util.Map.of(
                "T_BENCH_TASK_DOCKER_CLIENT_IMAGE_NAME", prefix + "__client",
                "T_BENCH_TASK_DOCKER_CLIENT_CONTAINER_NAME", prefix.replace('_', '-'),
                "T_BENCH_TASK_DOCKER_NAME_PREFIX", prefix,
                "T_BENCH_CONTAINER_LOGS_PATH", "/logs",
                "T_BENCH_CONTAINER_AGENT_LOGS_PATH", "/agent-logs",
                "T_BENCH_TEST_DIR", "/tests",
                "T_BENCH_TASK_LOGS_PATH", "",
                "T_BENCH_TASK_AGENT_LOGS_PATH", "");
    }

    /** {@code text} with {@code ${NAME}}, {@code ${NAME:-default}} and {@code $NAME} replaced as compose does (unknown names: the default, or empty). */
    static String substitute(String text, java.util.Map<String, String> variables) {
        java.util.regex.Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3);
            String value = variables.containsKey(name) ? variables.get(name) : m.group(2) != null ? m.group(2) : "";
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    static Client client(Path file, String id, Set<String> hidden) {
        Document compose = Tasks.read(file, Format.YAML);
        JsonNode services = compose.root().get("services");
        if (services == null || !services.isObject() || services.size() == 0) {
            throw new TaskException(compose.at("services") + ": field 'services' is missing or empty; expected a mapping with one service named 'client'"
                    + (services == null ? "" : ", found " + Document.kind(services)));
        }
        String name = services.has("client") ? "client" : services.size() == 1 ? services.fieldNames().next() : null;
        if (name == null) {
            throw new TaskException(compose.at("services") + ": services " + services.properties().stream().map(java.util.Map.Entry::getKey).toList()
                    + " have no 'client'; only single-service tasks (or a 'client' service) are supported");
        }
        JsonNode client = services.get(name);
        if (!client.isObject()) {
            throw new TaskException(compose.at("services", name) + ": service '" + name + "': expected a mapping with 'build' or 'image', found "
                    + Document.kind(client));
        }
        java.util.Map<String, String> variables = variables(id);
        return new Client(environment(compose, name, client, variables, hidden), env(compose, name, client.get("environment"), variables));
    }

    private static TaskEnvironment environment(Document compose, String name, JsonNode client, java.util.Map<String, String> variables,
                                               Set<String> hidden) {
        Path dir = Path.of(compose.source()).getParent();
        JsonNode build = client.get("build");
        if (build != null && build.isTextual()) {
            Path context = dir.resolve(substitute(build.asText(), variables)).normalize();
            return new TaskEnvironment.Built(context, context.resolve("Dockerfile"), hidden);
        }
        if (build != null && build.isObject()) {
            Path context = dir.resolve(substitute(build.path("context").asText("."), variables)).normalize();
            return new TaskEnvironment.Built(context, context.resolve(substitute(build.path("dockerfile").asText("Dockerfile"), variables)), hidden);
        }
        if (build != null && !build.isNull()) {
            throw new TaskException(compose.at("services", name, "build") + ": field 'services." + name + ".build': expected a context path"
                    + " or a mapping with 'context' and 'dockerfile', found " + Document.kind(build));
        }
        if (client.hasNonNull("image")) {
            return new TaskEnvironment.Prebuilt(substitute(client.get("image").asText(), variables));
        }
        throw new TaskException(compose.at("services", name) + ": service '" + name + "' has neither 'build' nor 'image'");
    }

    /** The service's {@code environment}: a list of {@code NAME=value} or a mapping, variables substituted. */
    private static java.util.Map<String, String> env(Document compose, String name, JsonNode node, java.util.Map<String, String> variables) {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return env;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                String entry = item.asText();
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    env.put(entry.substring(0, eq), substitute(entry.substring(eq + 1), variables));
                }
            }
        } else if (node.isObject()) {
            node.properties().forEach(e -> env.put(e.getKey(), substitute(e.getValue().asText(), variables)));
        } else {
            throw new TaskException(compose.at("services", name, "environment") + ": field 'services." + name
                    + ".environment' must be a list of NAME=value or a mapping, found " + Document.kind(node));
        }
        return env;
    }
}
