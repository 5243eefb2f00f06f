package dev.agentic.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Sandboxes not yet closed, closed by a JVM shutdown hook so that an interrupted run leaves nothing
 * behind. Actions registered with {@link #beforeClosing} run first, in the same hook: whoever reads
 * results from the sandboxes can stop trusting them before they disappear.
 */
final class OpenSandboxes {

    private static final Set<Sandbox> OPEN = new LinkedHashSet<>();
    private static final List<Runnable> BEFORE_CLOSING = new ArrayList<>();
    /** Every engine a sandbox was started on, by endpoint: at shutdown, what this process left on each is removed. */
    private static final java.util.Map<DockerEndpoint, DockerEngine> ENGINES = new java.util.LinkedHashMap<>();
    private static boolean hookInstalled;
    /** Set when the JVM shuts down: no sandbox starts any more. */
    private static boolean closing;
    /** Sandboxes being started now: shutdown waits for them, so that none is left behind half made. */
    private static int starting;

    private OpenSandboxes() {}

    static synchronized void add(Sandbox sandbox) {
        installHook();
        OPEN.add(sandbox);
    }

    /** Before a container is created: false when the JVM is shutting down. */
    static synchronized boolean beginStart() {
        installHook();
        if (closing) {
            return false;
        }
        starting++;
        return true;
    }

    /** After a start, successful or not: the new sandbox is open, unless the JVM began shutting down meanwhile (then false). */
    static synchronized boolean endStart(Sandbox started) {
        starting--;
        OpenSandboxes.class.notifyAll();
        if (started == null || closing) {
            return false;
        }
        OPEN.add(started);
        return true;
    }

    static synchronized void engineUsed(DockerEngine engine) {
        ENGINES.putIfAbsent(engine.endpoint(), engine);
    }

    static synchronized boolean isOpen(String containerId) {
        return OPEN.stream().anyMatch(s -> s instanceof DockerSandbox d && d.containerId().equals(containerId));
    }

    static synchronized void beforeClosing(Runnable action) {
        installHook();
        BEFORE_CLOSING.add(action);
    }

    static synchronized void removeBeforeClosing(Runnable action) {
        BEFORE_CLOSING.remove(action);
    }

    private static void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(OpenSandboxes::shutdown, "sandbox-shutdown"));
            hookInstalled = true;
        }
    }

    private static void shutdown() {
        List<Runnable> first;
        synchronized (OpenSandboxes.class) {
            closing = true;
            first = new ArrayList<>(BEFORE_CLOSING);
        }
        for (Runnable action : first) {
            try {
                action.run();
            } catch (RuntimeException e) {
                System.err.println("shutdown: " + e.getMessage());
            }
        }
        synchronized (OpenSandboxes.class) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (starting > 0 && System.nanoTime() < deadline) {
                try {
                    OpenSandboxes.class.wait(200);
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        closeAll();
        List<DockerEngine> engines;
        synchronized (OpenSandboxes.class) {
            engines = new ArrayList<>(ENGINES.values());
        }
        for (DockerEngine engine : engines) {
            if (!engine.answers()) {
                continue; // lost: what it keeps is removed by the next run's orphan removal
            }
            try {
                DockerSandbox.removeLeftovers(engine);
            } catch (RuntimeException e) {
                System.err.println("shutdown: could not look for containers left behind on " + engine.address() + ": " + e.getMessage());
            }
        }
    }

    static synchronized void remove(Sandbox sandbox) {
        OPEN.remove(sandbox);
    }

    /** Closes every open sandbox, in parallel; returns how many were open. */
    static int closeAll() {
        List<Sandbox> open;
        synchronized (OpenSandboxes.class) {
            open = new ArrayList<>(OPEN);
        }
        open.parallelStream().forEach(sandbox -> {
            try {
                sandbox.close();
            } catch (RuntimeException e) {
                System.err.println("could not close sandbox " + sandbox + ": " + e.getMessage());
            }
        });
        return open.size();
    }
}
