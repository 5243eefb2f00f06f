package dev.agentic.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentic.bench.RunResults;
import dev.agentic.cli.AgentCli;
import dev.agentic.lineage.Lineage;
import dev.agentic.lineage.Variant;
import dev.agentic.suite.Suite;
import java.io.File;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The table joining the runtime's options with the goals' properties: every row names an option of the runtime's
 * command and a parameter of the goal with a property (from the descriptor the build generated), the bench goal hands
 * the runtime each option from the parameter its row names, and the runtime's messages get Maven's words.
 */
class RuntimeOptionsTest {

    @TempDir
    Path dir;

    @Test
    void everyRowIsAnOptionOfTheRuntimesCommandAndAParameterOfTheGoalWithAProperty() throws Exception {
        PluginDescriptor descriptor = GoalParametersTest.descriptor();
        CommandLine agentx = new CommandLine(new AgentCli());
        List<String> wrong = new ArrayList<>();
        for (RuntimeOptions.Row row : RuntimeOptions.ROWS) {
            Parameter parameter = RuntimeOptions.parameter(descriptor, row);
            CommandLine command = agentx.getSubcommands().get(row.goal());
            OptionSpec option = command == null ? null : option(command.getCommandSpec(), row.option());
            if (parameter == null || RuntimeOptions.property(parameter) == null) {
                wrong.add(row + ": agent:" + row.goal() + " has no parameter " + row.parameter() + " with a property");
            } else if (option == null) {
                wrong.add(row + ": agentx " + row.goal() + " has no option " + row.option());
            } else if ((option.arity().max() == 0) != "boolean".equals(parameter.getType())) {
                wrong.add(row + ": a flag on one side only (" + parameter.getType() + ", arity " + option.arity() + ")");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(RuntimeOptions.ROWS).as("one row per option of a goal").doesNotHaveDuplicates()
                .extracting(r -> r.goal() + " " + r.option()).doesNotHaveDuplicates();
    }

    @Test
    void theBenchGoalGivesEachOptionFromTheParameterItsRowNames() throws Exception {
        Files.writeString(dir.resolve("suite.yaml"), "id: tiny\ntasks: []\n");
        Files.writeString(dir.resolve("prices.txt"), "m = 1, 2\n");
        Map<String, Object> values = new LinkedHashMap<>();
        List<Object> arguments = new ArrayList<>();
        int n = 0;
        for (RecordComponent component : BenchParameters.class.getRecordComponents()) {
            n++;
            Class<?> type = component.getType();
            Object value = switch (component.getName()) {
                case "suite" -> "suite.yaml";
                case "sandbox" -> "local";
                case "model" -> "scripted:/scripts";
                case "taskSet" -> "expansion";
                case "engineWait" -> "90s";
                case "maxUngradedShare" -> "0.3";
                case "maxRunCost" -> "4";
                case "prices" -> dir.resolve("prices.txt").toFile();
                case "jvmArgs" -> null;
                default -> type == String.class ? "value-" + n : type == File.class ? new File("/file-" + n) : type == int.class ? 100 + n
                        : type == double.class ? 0.5 + n : Boolean.TRUE;
            };
            values.put(component.getName(), value);
            arguments.add(value);
        }
        BenchParameters parameters = BenchParameters.class.getDeclaredConstructor(java.util.Arrays.stream(BenchParameters.class.getRecordComponents())
                .map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(arguments.toArray());
        MavenProject project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(dir.resolve("target").toString());
        Variant base = new Variant("base", null, "", Map.of(), null, "profile base");
        Variant kid = new Variant("kid", "base", "", Map.of(), null, "profile kid");

        List<String> args = new BenchLauncher(parameters, dir.toFile(), project, GoalParametersTest.descriptor(), new SystemStreamLog())
                .commandLine(kid, Lineage.of(List.of(base, kid)));

        Map<String, String> rows = new LinkedHashMap<>();
        RuntimeOptions.ROWS.stream().filter(r -> r.goal().equals("bench")).forEach(r -> rows.put(r.option(), r.parameter()));
        Set<String> noParameterOfTheirOwn = Set.of("--resolved", "--results", "--parent-results", "--adaptive-parent");
        List<String> given = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (!option.startsWith("--") || noParameterOfTheirOwn.contains(option)) {
                continue;
            }
            given.add(option);
            assertThat(rows).as("the row of " + option + " (given by agent:bench)").containsKey(option);
            Object value = values.get(rows.get(option));
            if (value instanceof Boolean) {
                continue;
            }
            String expected = value instanceof File file ? file.getAbsolutePath() : option.equals("--suite") ? dir.resolve("suite.yaml").toString()
                    : String.valueOf(value);
            assertThat(args.get(i + 1)).as(option + " from " + rows.get(option)).isEqualTo(expected);
        }
        assertThat(given).as("every bench row is an option the goal gives").containsAll(rows.keySet());
    }

    @Test
    void optionsInTheRuntimesMessagesGetTheirProperties() throws Exception {
        RuntimeOptions bench = RuntimeOptions.of(GoalParametersTest.descriptor(), "bench");
        assertThat(bench.translate("stopped because the engine is gone; wait longer with --engine-wait <duration>"))
                .isEqualTo("stopped because the engine is gone; wait longer with --engine-wait <duration> (-Dagent.engineWait=<duration>)");
        assertThat(bench.translate("--tasks 'tb/[abc' (filtering suite /s.yaml): not a valid glob"))
                .isEqualTo("--tasks 'tb/[abc' (-Dagent.tasks=tb/[abc) (filtering suite /s.yaml): not a valid glob");
        assertThat(bench.translate("2 task(s) need the network. Leave them out (--exclude <glob>) or run them offline anyway (--allow-internet-tasks)"))
                .isEqualTo("2 task(s) need the network. Leave them out (--exclude <glob>, -Dagent.exclude=<glob>) or run them offline anyway"
                        + " (--allow-internet-tasks, -Dagent.allowInternetTasks=true)");
        assertThat(bench.translate("the engine has no network 'x' (--network): name one it has"))
                .isEqualTo("the engine has no network 'x' (--network, -Dagent.network): name one it has");
        assertThat(bench.translate("resume with --run-id 2026-01-02T10-00-00; its results are kept"))
                .isEqualTo("resume with --run-id 2026-01-02T10-00-00 (-Dagent.runId=2026-01-02T10-00-00); its results are kept");
        assertThat(bench.translate("no option here: --debug, --resolved <file>, agentx run --task t")).as("options without a property")
                .isEqualTo("no option here: --debug, --resolved <file>, agentx run --task t");
        assertThat(bench.translate(null)).isNull();
    }

    @Test
    void aCommandOfTheRuntimeGetsTheMavenCommandThatDoesTheSame() throws Exception {
        RuntimeOptions bench = RuntimeOptions.of(GoalParametersTest.descriptor(), "bench");
        assertThat(bench.translate("cost cap $2.00 reached; resume it with a higher cap: agentx bench --variant paid --run-id cap"
                + " --max-run-cost <usd>; its results so far are in /r"))
                .isEqualTo("cost cap $2.00 reached; resume it with a higher cap: agentx bench --variant paid --run-id cap --max-run-cost <usd>"
                        + " (./mvnw agent:bench -Ppaid -Dagent.runId=cap -Dagent.maxRunCost=<usd>); its results so far are in /r");
        assertThat(bench.translate("run r1 interrupted; resume with the same run id (agentx bench --variant kid --run-id r1)"))
                .isEqualTo("run r1 interrupted; resume with the same run id (agentx bench --variant kid --run-id r1, ./mvnw agent:bench -Pkid"
                        + " -Dagent.runId=r1)");
        assertThat(bench.translate("tasks are not fetched into /c; run: agentx fetch --suite /m.yaml"))
                .isEqualTo("tasks are not fetched into /c; run: agentx fetch --suite /m.yaml (./mvnw agent:fetch -Dagent.suite=/m.yaml)");
        assertThat(bench.translate("re-measure it (agentx bench --variant kid --task-set expansion)"))
                .isEqualTo("re-measure it (agentx bench --variant kid --task-set expansion, ./mvnw agent:bench -Pkid -Dagent.taskSet=expansion)");
    }

    @Test
    void aLoneOptionIsReadAsTheGoalShowingItGivesIt() throws Exception {
        PluginDescriptor descriptor = GoalParametersTest.descriptor();
        String badSet = "--set 'x': expected core, expansion or all";
        assertThat(RuntimeOptions.of(descriptor, "fetch").translate(badSet)).isEqualTo("--set 'x' (-Dagent.fetchSet=x): expected core, expansion or all");
        assertThat(RuntimeOptions.of(descriptor, "bench").translate(badSet)).as("agentx bench's --set is an agent setting").isEqualTo(badSet);
        assertThat(RuntimeOptions.of(descriptor, "fetch").translate("done (images not pulled: --no-images); a mirror: --source tb2=<url or folder>"))
                .isEqualTo("done (images not pulled: --no-images, -Dagent.images=false); a mirror: --source tb2=<url or folder>"
                        + " (-Dagent.sources=tb2=<url or folder>)");
        assertThat(RuntimeOptions.of(descriptor, "gate").translate("gate failed: a underperforms b; rule --fail-on=regression"))
                .isEqualTo("gate failed: a underperforms b; rule --fail-on=regression (-Dagent.failOn=regression)");
        assertThat(RuntimeOptions.of(descriptor, "report").translate("/r has no summary.json; resume it: agentx bench --variant v --run-id r2"))
                .isEqualTo("/r has no summary.json; resume it: agentx bench --variant v --run-id r2 (./mvnw agent:bench -Pv -Dagent.runId=r2)");
        assertThat(RuntimeOptions.of(descriptor, "report").translate("resume with --run-id r2")).as("a bench option, shown by another goal")
                .isEqualTo("resume with --run-id r2 (-Dagent.runId=r2)");
    }

    @Test
    void theRuntimesRefusalsBecomeBuildErrorsInMavensWords() throws Exception {
        RuntimeOptions gate = RuntimeOptions.of(GoalParametersTest.descriptor(), "gate");
        Path results = dir.resolve("base/results");
        assertThatThrownBy(() -> BuildErrors.attempt(gate, () -> RunResults.load(results, null, "base")))
                .isInstanceOf(MojoExecutionException.class).hasNoCause()
                .hasMessage("no results for base in " + results + "; bench it first: agentx bench --variant base --results " + results
                        + " (./mvnw agent:bench -Pbase)");
        Path hello = Path.of("").toAbsolutePath().getParent().resolve("experiments/tasks/hello-world");
        Path manifest = Files.writeString(dir.resolve("suite.yaml"), "id: tiny\ntasks:\n  - " + hello + "\n");
        assertThatThrownBy(() -> BuildErrors.attempt(gate, () -> Suite.load(manifest, "agentic/base:bookworm").filter(List.of(), List.of("tb/{a,b"))))
                .isInstanceOf(MojoExecutionException.class).hasNoCause()
                .hasMessageStartingWith("--exclude 'tb/{a,b' (-Dagent.exclude=tb/{a,b) (filtering suite " + manifest + "): not a valid glob");
    }

    /** The option {@code name} of {@code command}, a {@code --no-} form as the negation of a negatable option. */
    private static OptionSpec option(CommandSpec command, String name) {
        OptionSpec option = command.findOption(name);
        if (option == null && name.startsWith("--no-")) {
            OptionSpec negated = command.findOption("--" + name.substring("--no-".length()));
            return negated != null && negated.negatable() ? negated : null;
        }
        return option;
    }
}
