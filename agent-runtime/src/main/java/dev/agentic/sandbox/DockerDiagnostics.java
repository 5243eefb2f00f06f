package dev.agentic.sandbox;

/** Turns container start-up failures into messages that say what to do. */
final class DockerDiagnostics {

    static final String SETUP_HINT = "run scripts/setup-docker.sh (as root on Debian/Ubuntu it installs and starts Docker and builds "
            + SandboxSpec.BASE_IMAGE + ")";

    private DockerDiagnostics() {}

    static String explainStartFailure(String image, RuntimeException failure) {
        String cause = rootMessage(failure);
        StringBuilder message = new StringBuilder("could not start a container from image '")
                .append(image).append("': ").append(cause);
        if (cause.contains("Connection refused")) {
            message.append("\n  no Docker engine answered: ").append(SETUP_HINT);
        } else if (cause.contains("pull") || cause.contains("No such image") || cause.contains("not found")) {
            message.append("\n  the image is not present and could not be pulled");
            if (SandboxSpec.BASE_IMAGE.equals(image)) {
                message.append(": ").append(SETUP_HINT);
            }
        }
        return message.toString();
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
