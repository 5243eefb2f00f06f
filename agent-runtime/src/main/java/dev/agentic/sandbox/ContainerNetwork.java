package dev.agentic.sandbox;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;

/**
 * The network the task containers of this process join: {@code none} (no network, the default: a task
 * cannot download what its grade depends on, and nothing in it reaches the host's network) or the name of a
 * network the Docker engine already has ({@code bridge}, or one the user made); the project never creates
 * one. Published Terminal-Bench 2 test scripts install their test runner from the network, so a run of them
 * that is to be graded as their harness grades it needs one ({@code agentx bench --network bridge},
 * {@code -Dagent.network=bridge}). Image builds stay offline whatever this says.
 */
public final class ContainerNetwork {

    /** The system property {@code --network} sets for the process. */
    public static final String PROPERTY = "agent.network";
    public static final String NONE = "none";

    private ContainerNetwork() {}

    /** The network mode task containers are created with. */
    public static String mode() {
        String mode = System.getProperty(PROPERTY);
        return mode == null || mode.isBlank() ? NONE : mode.strip();
    }

    public static boolean offline() {
        return NONE.equals(mode());
    }

    /** Refuses, before any container starts, a network the engine does not have, naming it and the way out. */
    public static void requireExisting() {
        requireExisting(DockerEngine.machine());
    }

    /** As {@link #requireExisting()}, on {@code engine}. */
    static void requireExisting(DockerEngine engine) {
        String mode = mode();
        if (NONE.equals(mode) || "host".equals(mode)) {
            return;
        }
        try {
            engine.client().inspectNetworkCmd().withNetworkId(mode).exec();
        } catch (NotFoundException e) {
            throw new SandboxException("the Docker engine at " + engine.address() + " has no network '" + mode + "' (--network):"
                    + " name one it has (docker network ls), or none; an engine started with --bridge=none has no 'bridge'");
        } catch (DockerException e) {
            throw new SandboxException("cannot inspect network '" + mode + "': " + e.getMessage().strip(), e);
        }
    }
}
