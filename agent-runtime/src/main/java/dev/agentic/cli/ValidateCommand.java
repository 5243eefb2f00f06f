package dev.agentic.cli;

import dev.agentic.bench.BenchSpec;
import dev.agentic.sandbox.Place;
import dev.agentic.sandbox.Places;
import dev.agentic.trial.Grading;
import dev.agentic.trial.TrialPipeline;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.suite.Suite;
import dev.agentic.trial.TaskValidation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agentx validate}: every task of a suite under the oracle and under nop. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a suite's tasks: each runs K times with its reference solution (must pass every time) and K times"
            + " doing nothing (must fail every time). Flaky and invalid tasks are listed with the reason.",
            "Exit code: 0 when every task is valid, 1 otherwise, 2 on bad input (also when --tasks and --exclude leave no task)."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--suite", required = true, paramLabel = "<manifest>", description = "suite manifest (YAML), or the id of a fetched suite")
    String suite;

    @Option(names = "--trials", paramLabel = "<K>", description = "attempts per task and reference agent (default: ${DEFAULT-VALUE})")
    int trials = 1;

    @Option(names = "--concurrency", paramLabel = "<N>", description = "tasks validated at once (default: ${DEFAULT-VALUE})")
    int concurrency = 2;

    @Option(names = "--tasks", paramLabel = "<glob>", description = "only task ids matching this glob (repeatable)")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "<glob>", description = "leave out task ids matching this glob (repeatable)")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--image", paramLabel = "<image>", description = "image for tasks without an environment (default: ${DEFAULT-VALUE})")
    String baseImage = SandboxSpec.BASE_IMAGE;

    @Option(names = "--allow-internet-tasks", description = "validate tasks that set [environment].allow_internet = true although"
            + " containers have no network (by default they are refused)")
    boolean allowInternetTasks;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Inputs.atLeastOne(spec, "--trials", trials);
        Inputs.atLeastOne(spec, "--concurrency", concurrency);
        Suite whole = Suite.load(dev.agentic.fetch.TaskCache.current().locate(suite), baseImage);
        Suite loaded = whole.filter(include, exclude);
        loaded.warnings().forEach(out::println);
        List<dev.agentic.task.Task> tasks = new ArrayList<>(loaded.tasks());
        tasks.addAll(loaded.expansion());
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException(nothingMatches(whole));
        }
        Suite.refuseInternetTasks(tasks, allowInternetTasks || !dev.agentic.sandbox.ContainerNetwork.offline());
        out.printf(Locale.ROOT, "validating %d tasks of suite %s (hash %s): %d trial(s) each under oracle and nop, %d at a time%n",
                tasks.size(), loaded.id(), loaded.hash(), trials, concurrency);
        long start = System.nanoTime();
        List<TaskValidation.Result> results;
        try (Place place = Places.chosen(BenchSpec.ENGINE_WAIT)) {
            if (!place.isolated()) {
                throw new IllegalArgumentException("--sandbox " + place.name() + ": validation runs the tasks' own tests, which need an"
                        + " isolated place (" + String.join(", ", Places.NAMES.stream().filter(n -> !n.equals("local")).toList()) + ")");
            }
            place.open(Duration.ofSeconds(30), out::println);
            TaskValidation validation = new TaskValidation(TrialPipeline.at(place, Grading.benchmark(place, 1.0, loaded.liveProcesses())),
                    trials, concurrency);
            results = validation.validate(tasks, result -> {
                synchronized (out) {
                    out.printf(Locale.ROOT, "  %-8s %-34s %s%n", result.status(), result.task().id(), result.reason());
                    out.flush();
                }
            });
        }
        Map<TaskValidation.Status, Long> counts = results.stream()
                .collect(Collectors.groupingBy(TaskValidation.Result::status, TreeMap::new, Collectors.counting()));
        out.printf(Locale.ROOT, "%s in %.0f s%n", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")), (System.nanoTime() - start) / 1e9);
        return results.stream().allMatch(r -> r.status() == TaskValidation.Status.VALID) ? 0 : 1;
    }

    /** Why there is nothing to validate: the globs, the suite and some of its task ids, for spotting a typo. */
    private String nothingMatches(Suite whole) {
        List<String> ids = new ArrayList<>(whole.tasks().stream().map(dev.agentic.task.Task::id).toList());
        whole.expansion().forEach(t -> ids.add(t.id()));
        String of = "suite " + whole.id() + " (" + whole.manifest() + ")";
        String why = include.isEmpty() ? "every task of " + of + " matches --exclude " + quoted(exclude)
                : "no task of " + of + " matches --tasks " + quoted(include) + (exclude.isEmpty() ? "" : " without matching --exclude " + quoted(exclude));
        String shown = String.join(", ", ids.subList(0, Math.min(SHOWN_IDS, ids.size())))
                + (ids.size() > SHOWN_IDS ? ", … (" + (ids.size() - SHOWN_IDS) + " more)" : "");
        return why + "; its " + ids.size() + (ids.size() == 1 ? " task is " : " tasks are ") + shown;
    }

    private static final int SHOWN_IDS = 5;

    private static String quoted(List<String> globs) {
        return globs.stream().map(g -> "'" + g + "'").collect(Collectors.joining(", "));
    }
}
