package dev.agentic.task;

import java.time.Duration;

/** A benchmark task in one of the published formats, ready to run. */
public sealed interface Task permits TerminalBenchTask, HarborTask, SweBenchTask {

    String id();

    /** The only text the agent receives. */
    String instruction();

    Difficulty difficulty();

    String category();

    /** Wall time the agent may use. */
    Duration agentTimeout();

    /** Wall time for the tests. */
    Duration testTimeout();

    /** Where the task's image comes from. */
    TaskEnvironment environment();

    /** The agent's working directory in the container. */
    String workdir();

    /** The format's name: terminal-bench, harbor or swe-bench. */
    String format();
}
