package dev.agentic.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentic.lineage.ComparisonSettings;
import dev.agentic.lineage.Comparisons;
import dev.agentic.lineage.GateRule;
import dev.agentic.lineage.Lineage;
import dev.agentic.lineage.PromotionRound;
import dev.agentic.lineage.Variant;
import java.io.File;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the goals read their parameters and what they hand the runtime: the gate's rule and comparison settings, the
 * bench parameters of {@code agent:bench} and of a gate that benches, the runtime's bench command line, the request of
 * {@code agent:promote}. The goals' parameters come from the plugin descriptor the build generated.
 */
class GoalParametersTest {

    @TempDir
    Path dir;

    @Test
    void failOnIsOneOfTheRulesAndAnythingElseListsThem() throws Exception {
        assertThat(GateMojo.rule("regression")).isEqualTo(GateRule.REGRESSION);
        assertThat(GateMojo.rule("no-improvement")).isEqualTo(GateRule.NO_IMPROVEMENT);
        assertThat(GateMojo.rule(" No-Improvement ")).isEqualTo(GateRule.NO_IMPROVEMENT);
        for (String bad : new String[] {"worse", "NO_IMPROVEMENT", "regressions", ""}) {
            assertThatThrownBy(() -> GateMojo.rule(bad)).as(bad).isInstanceOf(MojoExecutionException.class)
                    .hasMessage("-Dagent.failOn: expected regression (fails when the child is WORSE) or no-improvement (fails unless the"
                            + " child is BETTER), got '" + bad + "'")
                    .hasNoCause();
        }
    }

    @Test
    void comparisonSettingsAreRefusedNamingTheirProperty() throws Exception {
        assertThat(BuildErrors.comparison(0.9, 0.05, 500)).isEqualTo(new ComparisonSettings(0.9, 0.05, 500));
        assertThatThrownBy(() -> BuildErrors.comparison(95, 0, 500))
                .hasMessage("-Dagent.confidence: expected a number between 0.5 and 1, e.g. 0.95, got 95");
        assertThatThrownBy(() -> BuildErrors.comparison(0.95, 5, 500))
                .hasMessage("-Dagent.margin: expected a share of the resolved rate from 0 to 1, e.g. 0.05 for 5 points, got 5");
        assertThatThrownBy(() -> BuildErrors.comparison(0.95, 0, 0)).hasMessage("-Dagent.resamples: expected 1 or more, e.g. 10000, got 0");
    }

    @Test
    void runtimeRefusalsBecomeBuildErrorsWithMavensWordsAdded() throws Exception {
        RuntimeOptions options = RuntimeOptions.of(descriptor(), "compare");
        assertThatThrownBy(() -> BuildErrors.attempt(options, () -> {
            throw new Comparisons.Incomparable(Comparisons.Incomparable.Reason.CONTAINER_NETWORK,
                    "cannot compare a with b: …; rerun the bench of one of them on the other's container network (agentx bench --network <network>)");
        })).isInstanceOf(MojoExecutionException.class).hasNoCause()
                .hasMessage("cannot compare a with b: …; rerun the bench of one of them on the other's container network"
                        + " (agentx bench --network <network>, ./mvnw agent:bench -Dagent.network=<network>)");
        assertThatThrownBy(() -> BuildErrors.attempt(options, () -> {
            throw new Comparisons.Incomparable(Comparisons.Incomparable.Reason.SUITE_CONTENTS, "different suite contents");
        })).hasMessage("different suite contents");
        assertThatThrownBy(() -> BuildErrors.attempt(options, () -> {
            throw new java.io.UncheckedIOException("cannot write x: disk full", new java.io.IOException("disk full"));
        })).isInstanceOf(MojoExecutionException.class).hasMessage("cannot write x: disk full").hasNoCause();
    }

    @Test
    void theBenchGoalHandsEveryParameterToTheLauncher() throws Exception {
        BenchMojo mojo = new BenchMojo();
        int n = 0;
        for (RecordComponent component : BenchParameters.class.getRecordComponents()) {
            n++;
            Class<?> type = component.getType();
            Object value = type == String.class ? "value-" + n : type == File.class ? new File("/file-" + n) : type == int.class ? 100 + n
                    : type == double.class ? 0.5 + n : type == boolean.class ? Boolean.TRUE : null;
            set(mojo, component.getName(), value);
        }
        BenchParameters parameters = mojo.parameters();
        for (RecordComponent component : BenchParameters.class.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(parameters)).as(component.getName()).isEqualTo(get(mojo, component.getName()));
        }
    }

    @Test
    void theBenchParametersAreExactlyTheBenchGoalsOwn() throws Exception {
        PluginDescriptor descriptor = descriptor();
        Set<String> benchOnly = names(descriptor.getMojo("bench"));
        benchOnly.removeAll(names(descriptor.getMojo("lineage"))); // what every goal about variants has
        benchOnly.remove("plugin");
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : BenchParameters.class.getRecordComponents()) {
            components.add(component.getName());
        }
        assertThat(components).isEqualTo(benchOnly);
        assertThat(names(descriptor.getMojo("gate"))).as("the gate inherits no bench parameter").doesNotContainAnyElementsOf(benchOnly);
    }

    @Test
    void aGateThatBenchesReadsTheBenchParametersAsMavenWouldConfigureTheBenchGoal() throws Exception {
        Properties user = new Properties();
        user.setProperty("agent.trials", "3");
        user.setProperty("agent.model", "openai:gpt-4o-mini");
        user.setProperty("agent.prices", "prices.txt");
        user.setProperty("agent.adaptive", "true");
        MavenProject project = project(Map.of("agent.suite", "suites/tiny.yaml"));

        BenchParameters parameters = BenchParameters.fromGoal(descriptor().getMojo("bench"), evaluator(project, user));

        assertThat(parameters.trials()).isEqualTo(3);
        assertThat(parameters.model()).isEqualTo("openai:gpt-4o-mini");
        assertThat(parameters.adaptive()).isTrue();
        assertThat(parameters.suite()).as("a property of the pom").isEqualTo("suites/tiny.yaml");
        assertThat(parameters.prices()).as("a relative file is the module's").isEqualTo(dir.resolve("prices.txt").toFile());
        assertThat(parameters.offlineScripts()).as("default").isEqualTo(dir.resolve("scripts").toFile());
        assertThat(parameters.concurrency()).isEqualTo(2);
        assertThat(parameters.timeoutMultiplier()).isEqualTo(1.0);
        assertThat(parameters.infraRetries()).isEqualTo(2);
        assertThat(parameters.baseImage()).isEqualTo("agentic/base:bookworm");
        assertThat(parameters.taskSet()).isEqualTo("core");
        assertThat(parameters.trialBudget()).isEqualTo(50);
        assertThat(parameters.allowInternetTasks()).isFalse();
        assertThat(parameters.cache()).isNull();
        assertThat(parameters.runId()).isNull();
        assertThat(parameters.jvmArgs()).isNull();

        Properties bad = new Properties();
        bad.setProperty("agent.trials", "three");
        assertThatThrownBy(() -> BenchParameters.fromGoal(descriptor().getMojo("bench"), evaluator(project, bad)))
                .isInstanceOf(MojoExecutionException.class).hasMessage("-Dagent.trials=three: expected a whole number");
        Properties notBoolean = new Properties();
        notBoolean.setProperty("agent.adaptive", "yes");
        assertThatThrownBy(() -> BenchParameters.fromGoal(descriptor().getMojo("bench"), evaluator(project, notBoolean)))
                .hasMessage("-Dagent.adaptive=yes: expected true or false");
    }

    @Test
    void theLauncherHandsTheRuntimeTheVariantItsParentAndEveryOption() throws Exception {
        Files.writeString(dir.resolve("suite.yaml"), "id: tiny\ntasks: []\n");
        BenchParameters parameters = new BenchParameters("suite.yaml", null, "bridge", "local", null, 3, 4, "tb/*, swe/a", null, true, "scripted:/scripts",
                dir.resolve("scripts").toFile(), "r7", 1.5, 1, "agentic/base:bookworm", "core", true, 20, "90s", "0.3", null, null, null);
        Variant base = new Variant("base", null, "", Map.of("memory", "full"), null, "profile base");
        Variant kid = new Variant("kid", "base", "windows help", Map.of("memory", "window:5"), null, "profile kid");
        BenchLauncher launcher = new BenchLauncher(parameters, dir.toFile(), project(Map.of()), new PluginDescriptor(), new SystemStreamLog());

        List<String> args = launcher.commandLine(kid, Lineage.of(List.of(base, kid)));

        java.nio.file.Path resolved = dir.resolve("target/agent/kid.resolved.json");
        assertThat(String.join(" ", args)).isEqualTo("--sandbox local --network bridge bench --resolved " + resolved
                + " --suite " + dir.resolve("suite.yaml") + " --trials 3 --concurrency 4 --results " + dir.resolve("kid/results")
                + " --timeout-multiplier 1.5 --infra-retries 1 --image agentic/base:bookworm --task-set core"
                + " --parent-results " + dir.resolve("base/results")
                + " --adaptive-parent " + dir.resolve("base/results") + " --trial-budget 20 --run-id r7"
                + " --tasks tb/* --tasks swe/a --allow-internet-tasks --engine-wait 90s --max-ungraded-share 0.3");
        assertThat(Files.readString(resolved)).as("the variant, resolved once: its parent, hypothesis and every setting")
                .contains("\"kid\"", "\"base\"", "windows help", "window:5", "scripted:/scripts");

        BenchParameters badWait = new BenchParameters("suite.yaml", null, null, null, null, 1, 1, null, null, false, null, dir.resolve("scripts").toFile(),
                null, 1, 1, "agentic/base:bookworm", "core", false, 1, "soon", null, null, null, null);
        assertThatThrownBy(() -> new BenchLauncher(badWait, dir.toFile(), project(Map.of()), new PluginDescriptor(), new SystemStreamLog())
                .commandLine(base, Lineage.of(List.of(base)))).hasMessage("-Dagent.engineWait=soon: expected a duration like 3m, 180s or PT3M");
        BenchParameters badSet = new BenchParameters("suite.yaml", null, null, null, null, 1, 1, null, null, false, null, dir.resolve("scripts").toFile(),
                null, 1, 1, "agentic/base:bookworm", "extension", false, 1, null, null, null, null, null);
        assertThatThrownBy(() -> new BenchLauncher(badSet, dir.toFile(), project(Map.of()), new PluginDescriptor(), new SystemStreamLog())
                .commandLine(base, Lineage.of(List.of(base)))).isInstanceOf(MojoExecutionException.class)
                .hasMessage("-Dagent.taskSet: task set 'extension': expected core or expansion");
        BenchParameters expansion = new BenchParameters("suite.yaml", null, null, null, null, 1, 1, null, null, false, null, dir.resolve("scripts").toFile(),
                null, 1, 1, "agentic/base:bookworm", "expansion", false, 1, null, null, null, null, null);
        assertThat(String.join(" ", new BenchLauncher(expansion, dir.toFile(), project(Map.of()), new PluginDescriptor(), new SystemStreamLog())
                .commandLine(base, Lineage.of(List.of(base))))).contains(" --task-set expansion");
    }

    @Test
    void thePromoteGoalAsksTheRuntimeAboutTheGenerationWithTheModulesResultsAndSuite() throws Exception {
        PromoteMojo mojo = new PromoteMojo();
        MavenProject project = project(Map.of());
        set(mojo, "project", project);
        set(mojo, "resultsDirectory", dir.resolve("notebook").toFile());
        set(mojo, "generation", "exp-02");
        set(mojo, "confidence", 0.9);
        set(mojo, "margin", 0.02);
        Lineage lineage = Lineage.of(List.of(new Variant("exp-02", null, "", Map.of(), null, "profile exp-02")));

        PromotionRound.Request request = mojo.request(lineage);

        assertThat(request.lineage()).isSameAs(lineage);
        assertThat(request.generation()).isEqualTo("exp-02");
        assertThat(request.folder().root()).isEqualTo(dir.resolve("notebook"));
        assertThat(request.suiteBase()).isEqualTo(dir);
        assertThat(request.childrenSource()).isEqualTo("declared in " + dir.resolve("pom.xml"));
        assertThat(request.settings()).isEqualTo(new ComparisonSettings(0.9, 0.02, Comparisons.DEFAULT_RESAMPLES));

        set(mojo, "confidence", 0.3);
        assertThatThrownBy(() -> mojo.request(lineage)).hasMessageStartingWith("-Dagent.confidence: expected a number between 0.5 and 1");
    }

    /** The plugin descriptor the build generated, read as Maven reads it. */
    static PluginDescriptor descriptor() throws Exception {
        try (Reader reader = new InputStreamReader(GoalParametersTest.class.getResourceAsStream("/META-INF/maven/plugin.xml"),
                StandardCharsets.UTF_8)) {
            return new PluginDescriptorBuilder().build(reader);
        }
    }

    static Set<String> names(MojoDescriptor goal) {
        Set<String> names = new TreeSet<>();
        goal.getParameters().forEach(p -> names.add(p.getName()));
        return names;
    }

    MavenProject project(Map<String, String> properties) {
        MavenProject project = new MavenProject();
        project.setFile(dir.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(dir.resolve("target").toString());
        properties.forEach(project.getProperties()::setProperty);
        return project;
    }

    /** Maven's own evaluator of parameter expressions, for a build of {@code project} with {@code -D} properties {@code user}. */
    static PluginParameterExpressionEvaluator evaluator(MavenProject project, Properties user) throws Exception {
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setUserProperties(user);
        request.setSystemProperties(new Properties());
        @SuppressWarnings("deprecation")
        MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        session.setProjects(new ArrayList<>(List.of(project)));
        session.setCurrentProject(project);
        return new PluginParameterExpressionEvaluator(session, new MojoExecution(descriptor().getMojo("gate")));
    }

    static void set(Object target, String name, Object value) throws Exception {
        field(target.getClass(), name).set(target, value);
    }

    static Object get(Object target, String name) throws Exception {
        return field(target.getClass(), name).get(target);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // a superclass may declare it
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }
}
