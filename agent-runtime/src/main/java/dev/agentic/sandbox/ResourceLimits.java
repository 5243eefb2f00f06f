package dev.agentic.sandbox;

/**
 * Resource limits of a sandbox; zero means no limit.
 *
 * @param cpus number of CPUs (fractions allowed)
 * @param memoryBytes memory including swap
 * @param pids maximum number of processes
 */
public record ResourceLimits(double cpus, long memoryBytes, long pids) {

    public static final ResourceLimits NONE = new ResourceLimits(0, 0, 0);

    /** Defaults for an agent's task environment: 1 CPU, 2 GiB, 512 processes. */
    public static final ResourceLimits DEFAULT = new ResourceLimits(1, 2L << 30, 512);

    public ResourceLimits {
        if (cpus < 0 || memoryBytes < 0 || pids < 0) {
            throw new IllegalArgumentException(
                    "resource limits must not be negative: cpus=" + cpus + ", memoryBytes=" + memoryBytes + ", pids=" + pids);
        }
        if (memoryBytes > 0 && memoryBytes < (6L << 20)) {
            throw new IllegalArgumentException("memory limit must be at least 6 MiB (Docker's minimum), got " + memoryBytes + " bytes");
        }
    }
}
