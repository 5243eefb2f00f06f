package dev.agentic.cli;

import dev.agentic.fetch.FetchPlan;
import dev.agentic.fetch.Fetcher;
import dev.agentic.fetch.TaskCache;
import dev.agentic.task.TaskSet;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agentx fetch}: a suite's published tasks and their images into the local cache. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Bring the published tasks a suite manifest names (its 'sources': git repositories of Terminal-Bench or Harbor tasks",
            "at a pinned commit, Hugging Face dataset files of SWE-bench instances at a pinned revision) and their container images into",
            "the local cache, verified; afterwards the suite runs offline, named by its id. Rerunning resumes. The Maven goal agent:fetch",
            "runs this command."})
final class FetchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--suite", required = true, paramLabel = "<manifest>", description = "suite manifest (YAML), or the id of a suite fetched before")
    String suite;

    @Option(names = "--dry-run", description = "list what would be fetched and how large, from the manifest alone (no network)")
    boolean dryRun;

    @Option(names = "--no-images", negatable = true, description = "do not pull the tasks' images (default: pull them)")
    boolean images = true;

    @Option(names = "--set", paramLabel = "<set>", description = "core, expansion or all (default: ${DEFAULT-VALUE})")
    String set = "all";

    @Option(names = "--source", paramLabel = "<name=location>", description = "fetch a source from elsewhere: a git URL or path for a git"
            + " source, a Hub mirror URL or a folder holding the file for a dataset source (repeatable)")
    Map<String, String> locations = new LinkedHashMap<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Set<TaskSet> sets;
        try {
            sets = set.equals("all") ? EnumSet.allOf(TaskSet.class) : EnumSet.of(TaskSet.of(set));
        } catch (IllegalArgumentException notASet) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--set '" + set + "': expected core, expansion or all");
        }
        TaskCache cache = TaskCache.current();
        FetchPlan plan = FetchPlan.read(cache.locate(suite), locations);
        new Fetcher(cache, out).fetch(plan, new Fetcher.Options(dryRun, images, sets));
        return 0;
    }
}
