package dev.agentic.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * {@code run.json}: what ran, so that results are only ever compared with results of the same
 * configuration and suite.
 *
 * @param configHash a hash of the effective settings; resuming a run with other settings is refused
 * @param taskSet {@code core} or {@code expansion}: which of the suite's task sets ran
 * @param status {@code running}, {@code finished} or {@code interrupted}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunInfo(int schema, String runId, String variant, String parent, String hypothesis, Map<String, String> config,
                      String configHash, String model, String suite, String suiteManifest, String suiteHash, String taskSet, int tasks, int trials,
                      int concurrency, double timeoutMultiplier, String harnessVersion, String gitCommit, String host, String java,
                      String startedAt, String endedAt, String status) {

    public static final int SCHEMA = 1;

    RunInfo finished(String endedAt, String finalStatus) {
        return new RunInfo(schema, runId, variant, parent, hypothesis, config, configHash, model, suite, suiteManifest, suiteHash, taskSet, tasks,
                trials, concurrency, timeoutMultiplier, harnessVersion, gitCommit, host, java, startedAt, endedAt, finalStatus);
    }
}
