package dev.agentic.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Sandboxes not yet closed, closed by a JVM shutdown hook so that an interrupted run leaves nothing behind. */
final class OpenSandboxes {

    private static final Set<Sandbox> OPEN = new LinkedHashSet<>();
    private static boolean hookInstalled;

    private OpenSandboxes() {}

    static synchronized void add(Sandbox sandbox) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(OpenSandboxes::closeAll, "sandbox-shutdown"));
            hookInstalled = true;
        }
        OPEN.add(sandbox);
    }

    static synchronized void remove(Sandbox sandbox) {
        OPEN.remove(sandbox);
    }

    private static void closeAll() {
        List<Sandbox> open;
        synchronized (OpenSandboxes.class) {
            open = new ArrayList<>(OPEN);
        }
        for (Sandbox sandbox : open) {
            try {
                sandbox.close();
            } catch (RuntimeException e) {
                System.err.println("could not close sandbox " + sandbox + ": " + e.getMessage());
            }
        }
    }
}
