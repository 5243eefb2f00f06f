package dev.agentic.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns Docker and Testcontainers start-up failures into messages that say what to do. */
final class DockerDiagnostics {

    static final String SETUP_HINT = "run scripts/setup-docker.sh (as root on Debian/Ubuntu it installs and starts Docker and builds "
            + SandboxSpec.BASE_IMAGE + ")";

    private DockerDiagnostics() {}

    static String explainStartFailure(String image, RuntimeException failure) {
        String cause = rootMessage(failure);
        StringBuilder message = new StringBuilder("could not start a container from image '")
                .append(image).append("': ").append(cause);
        if (cause.contains("Could not find a valid Docker environment")) {
            message.append("\n  no Docker engine answered: ").append(SETUP_HINT);
        } else if (cause.contains("pull") || cause.contains("No such image") || cause.contains("not found")) {
            message.append("\n  the image is not present and could not be pulled");
            if (SandboxSpec.BASE_IMAGE.equals(image)) {
                message.append(": ").append(SETUP_HINT);
            }
        }
        for (String hint : environmentHints(cause)) {
            message.append("\n  ").append(hint);
        }
        return message.toString();
    }

    /** Settings Testcontainers needs here but that are missing from this JVM's environment. */
    static List<String> environmentHints(String cause) {
        List<String> hints = new ArrayList<>();
        if (cause.toLowerCase(Locale.ROOT).contains("ryuk") && !"true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            hints.add("TESTCONTAINERS_RYUK_DISABLED is not 'true': without a registry Testcontainers cannot start its Ryuk container"
                    + " (export TESTCONTAINERS_RYUK_DISABLED=true; see docs/containers.md)");
        }
        if (System.getenv("TESTCONTAINERS_HOST_OVERRIDE") == null && Files.exists(Path.of("/.dockerenv"))) {
            hints.add("this JVM runs inside a container (/.dockerenv) and TESTCONTAINERS_HOST_OVERRIDE is not set:"
                    + " Testcontainers looks for a 'bridge' network (export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1; see docs/containers.md)");
        }
        return hints;
    }

    private static String rootMessage(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String top = String.valueOf(failure.getMessage());
        String bottom = String.valueOf(deepest.getMessage());
        return top.equals(bottom) ? top : top + " (cause: " + bottom + ")";
    }
}
