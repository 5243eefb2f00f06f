package dev.agentic.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentic.document.DocumentException;
import dev.agentic.model.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry: every key reads back what it writes, and what it refuses is refused naming where it was written. */
class SettingsTest {

    @TempDir
    Path dir;

    /** Values of every setting other than its default, in several forms; a setting added without samples fails the test. */
    static final Map<String, List<String>> SAMPLES = Map.ofEntries(
            Map.entry("model", List.of("openai:gpt-4o-mini", "anthropic:claude-sonnet-4-5", "ollama:qwen2.5-coder:7b",
                    "scripted:experiments/scripts", "replay:/tmp/trajectory.jsonl", " OpenAI:gpt-4o ")),
            Map.entry("prompt", List.of("default", "verify-first")),
            Map.entry("planning", List.of("none", "plan-first", "reflect", "reflect:3")),
            Map.entry("memory", List.of("full", "window:10", "token-budget:8000", "summarize:4000")),
            Map.entry("tools", List.of("bash", "bash,editor", "search, submit, bash", "bash,editor,search,submit")),
            Map.entry("tool-timeout", List.of("90s", "5m", "1h", "PT3M", "PT0.5S")),
            Map.entry("max-observation", List.of("100", "20000")),
            Map.entry("max-format-errors", List.of("1", "5")),
            Map.entry("diagnosis", List.of("off", "notify")),
            Map.entry("max-steps", List.of("1", "30", " 200 ")),
            Map.entry("max-tokens", List.of("0", "120000")),
            Map.entry("max-cost", List.of("0", "0.50", "2", "1e-3")),
            Map.entry("wall-time", List.of("300s", "5m", "2h", "PT90M")),
            Map.entry("temperature", List.of("default", "0", "0.2", "1.5")),
            Map.entry("seed", List.of("none", "0", "42", "-7")),
            Map.entry("prompt-cache", List.of("on", "off")));

    @Test
    void everySettingHasSamplesAndADimension() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(Settings.keys());
        assertThat(Settings.ALL).allSatisfy(s -> {
            assertThat(s.dimension()).as(s.key()).isNotNull();
            assertThat(s.values()).as(s.key()).isNotBlank();
            assertThat(s.meaning()).as(s.key()).isNotBlank();
        });
    }

    @Test
    void everyValueReadsBackAsWhatItWrites() {
        for (Setting<?> setting : Settings.ALL) {
            for (String text : SAMPLES.get(setting.key())) {
                assertRoundTrip(setting, text);
            }
            if (setting.printedDefault() != null) {
                assertRoundTrip(setting, setting.printedDefault());
            }
        }
    }

    private static <T> void assertRoundTrip(Setting<T> setting, String text) {
        T value = setting.parse(text);
        String printed = setting.print(value);
        assertThat(setting.parse(printed)).as(setting.key() + " " + text + " → " + printed).isEqualTo(value);
        assertThat(setting.canonical(printed)).as(setting.key() + " " + printed).isEqualTo(printed);
        AgentConfig config = setting.with(AgentConfig.defaults(ModelSpec.parse("openai:gpt-4o-mini")), value);
        assertThat(setting.of(config)).as(setting.key() + " set in a configuration").isEqualTo(value);
    }

    @Test
    void aDescribedConfigurationReadsBackAsItself() {
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("scripted:experiments/scripts")).with(Map.of("memory", "window:10",
                "planning", "reflect:4", "tools", "bash", "tool-timeout", "PT1.5S", "max-steps", "12", "max-cost", "0.25",
                "temperature", "0.3", "seed", "9", "prompt-cache", "off", "diagnosis", "off"));
        Map<String, String> described = config.describe();
        AgentConfig again = AgentConfig.defaults(ModelSpec.parse("openai:other")).with(described);
        assertThat(again.describe()).isEqualTo(described);
        assertThat(again).isEqualTo(config);
        assertThat(described.keySet()).containsExactlyElementsOf(Settings.keys());
        assertThat(described).containsEntry("tools", "bash,submit").containsEntry("tool-timeout", "PT1.5S").containsEntry("prompt-cache", "off");
    }

    @Test
    void theDefaultPromptCacheIsLeftOutOfTheDescriptionAsInEarlierRuns() {
        Map<String, String> described = AgentConfig.defaults(ModelSpec.parse("openai:gpt-4o-mini")).describe();
        assertThat(described).doesNotContainKey("prompt-cache").containsEntry("wall-time", "1800s").containsEntry("tool-timeout", "120s")
                .containsEntry("max-cost", "0.0").containsEntry("temperature", "default").containsEntry("seed", "none");
    }

    @Test
    void everySettingButTheModelHasAPrintedDefault() {
        assertThat(Settings.ALL.stream().filter(s -> s.printedDefault() == null)).containsExactly(Settings.MODEL);
        assertThat(Settings.SEED.printedDefault()).isEqualTo("none");
        assertThat(Settings.TEMPERATURE.printedDefault()).isEqualTo("default");
        assertThat(Settings.TOOLS.printedDefault()).isEqualTo("bash,editor,search,submit");
    }

    @Test
    void typedSettingsNeedNoText() {
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("openai:gpt-4o-mini")).withWallTime(Duration.ofSeconds(90))
                .with(Settings.MAX_STEPS, 7);
        assertThat(config.limits().wallTime()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.describe()).containsEntry("wall-time", "90s").containsEntry("max-steps", "7");
        assertThatThrownBy(() -> config.with(Settings.MAX_STEPS, 0)).isInstanceOf(SettingException.class)
                .hasMessage("setting max-steps='0': max-steps must be at least 1, got 0");
    }

    @Test
    void anUnknownKeyListsTheKnownOnes() {
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("openai:gpt-4o-mini"));
        assertThatThrownBy(() -> config.with("colour", "blue")).isInstanceOf(SettingException.class)
                .hasMessage("unknown setting 'colour'; expected one of model, prompt, planning, memory, tools, tool-timeout,"
                        + " max-observation, max-format-errors, diagnosis, max-steps, max-tokens, max-cost, wall-time, temperature, seed,"
                        + " prompt-cache");
    }

    @Test
    void aBadValueSaysWhatIsExpected() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("model=gpt4", "expected <provider>:<name> with provider one of openai, anthropic, ollama, scripted, replay");
        expected.put("prompt=chatty", "expected default, verify-first or file:<directory with system.txt and task.txt>");
        expected.put("planning=reflect:0", "K must be a positive whole number; expected none, plan-first, reflect or reflect:<every K steps>");
        expected.put("memory=window:ten", "'ten' is not a whole number; expected full, window:<observations>, token-budget:<tokens> or summarize:<tokens>");
        expected.put("tools=bash,browser", "unknown tool 'browser'; known tools: bash, editor, search, submit");
        expected.put("tool-timeout=0s", "expected a positive duration like 90s, 5m, 1h or PT3M");
        expected.put("max-observation=99", "expected a whole number of at least 100, got '99'");
        expected.put("max-format-errors=none", "expected a whole number of at least 1, got 'none'");
        expected.put("diagnosis=loud", "expected off or notify");
        expected.put("max-steps=many", "expected a whole number of at least 1, got 'many'");
        expected.put("max-tokens=-1", "expected a whole number of tokens, 0 or more (0: no limit), got '-1'");
        expected.put("max-cost=NaN", "expected an amount of USD, 0 or more (0: no limit), got 'NaN'");
        expected.put("wall-time=5 minutes", "expected a duration like 90s, 5m, 1h or PT3M");
        expected.put("temperature=hot", "expected a number, 0 or more, or default (the provider's), got 'hot'");
        expected.put("seed=lucky", "expected a whole number, or none, got 'lucky'");
        expected.put("prompt-cache=maybe", "expected on or off");
        assertThat(expected.keySet().stream().map(k -> k.substring(0, k.indexOf('=')))).containsExactlyElementsOf(Settings.keys());
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("openai:gpt-4o-mini"));
        expected.forEach((setting, problem) -> {
            String key = setting.substring(0, setting.indexOf('='));
            String value = setting.substring(setting.indexOf('=') + 1);
            assertThatThrownBy(() -> config.with(key, value)).as(setting).isInstanceOf(SettingException.class)
                    .hasMessageStartingWith("setting " + key + "='" + value + "': " + problem)
                    .satisfies(e -> assertThat(((SettingException) e).problem()).startsWith(problem));
        });
    }

    @Test
    void optionsAreRefusedAsWritten() {
        assertThat(Settings.fromOption("--set", Map.of("tools", "bash"))).containsExactly(Map.entry("tools", "bash,submit"));
        assertThatThrownBy(() -> Settings.fromOption("--set", Map.of("memory", "window:0")))
                .hasMessage("--set memory=window:0: the number must be positive; expected full, window:<observations>,"
                        + " token-budget:<tokens> or summarize:<tokens>");
        assertThatThrownBy(() -> Settings.fromOption("--set", Map.of("colour", "blue")))
                .hasMessageStartingWith("--set colour=blue: unknown setting 'colour'; expected one of model, prompt, ");
    }

    @Test
    void aSettingsFileIsCheckedWithLinesAndColumns() throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), "memory: window:10\ndiagnosis: off\nprompt-cache: off\nmax-steps: 30\n"
                + "temperature: 0.2\ntools: bash\n");
        assertThat(Settings.read(good)).containsExactly(Map.entry("memory", "window:10"), Map.entry("diagnosis", "off"),
                Map.entry("prompt-cache", "off"), Map.entry("max-steps", "30"), Map.entry("temperature", "0.2"),
                Map.entry("tools", "bash,submit"));

        Path unknown = Files.writeString(dir.resolve("unknown.yaml"), "memory: full\ncolour: blue\n");
        assertThatThrownBy(() -> Settings.read(unknown)).isInstanceOf(DocumentException.class)
                .hasMessageStartingWith(unknown + ":2:9: unknown setting 'colour'; expected one of model, prompt, planning,");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "memory: full\nmax-steps: lots\n");
        assertThatThrownBy(() -> Settings.read(bad))
                .hasMessage(bad + ":2:12: setting max-steps='lots': expected a whole number of at least 1, got 'lots'");
        Path twice = Files.writeString(dir.resolve("twice.yaml"), "memory: full\nmemory: window:3\n");
        assertThatThrownBy(() -> Settings.read(twice)).hasMessageStartingWith(twice + ":2:").hasMessageContaining("memory");
        Path nested = Files.writeString(dir.resolve("nested.yaml"), "limits:\n  max-steps: 3\n");
        assertThatThrownBy(() -> Settings.read(nested))
                .hasMessage(nested + ":2:3: setting 'limits' must be a single value, found a mapping");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "memory:\n");
        assertThatThrownBy(() -> Settings.read(empty)).hasMessageStartingWith(empty + ":1:").hasMessageContaining(
                "setting 'memory' must be a single value, found nothing");
    }

    @Test
    void pathsAreWrittenRelativeToTheRepositoryInsideItAndAbsoluteOutside() throws Exception {
        Path repository = Files.createDirectories(dir.resolve("clone"));
        Files.writeString(repository.resolve(".git"), "gitdir: /elsewhere/.git/worktrees/clone\n"); // a worktree's .git is a file
        Path scripts = Files.createDirectories(repository.resolve("experiments/scripts"));
        Path prompts = Files.createDirectories(repository.resolve("experiments/prompts/terse"));
        Files.writeString(prompts.resolve("system.txt"), "Be brief. {{tools}}");
        Files.writeString(prompts.resolve("task.txt"), "{{instruction}}");
        Path results = repository.resolve("experiments/exp-09/results"); // not created yet

        PathForm form = PathForm.repositoryOf(results);
        assertThat(form).isEqualTo(new PathForm.Relative(repository));
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("scripted:" + scripts)).with("prompt", "file:" + prompts);
        assertThat(config.describe()).containsEntry("model", "scripted:" + scripts).containsEntry("prompt", "file:" + prompts);
        assertThat(config.withPaths(form).describe()).containsEntry("model", "scripted:experiments/scripts")
                .containsEntry("prompt", "file:experiments/prompts/terse");

        Path elsewhere = Files.createDirectories(dir.resolve("outside"));
        assertThat(config.withModel(ModelSpec.parse("replay:" + elsewhere.resolve("t.jsonl"))).withPaths(form).describe())
                .containsEntry("model", "replay:" + elsewhere.resolve("t.jsonl"));
        assertThat(config.withModel(ModelSpec.parse("openai:gpt-4o-mini")).withPaths(form).describe()).containsEntry("model", "openai:gpt-4o-mini");

        Path link = Files.createSymbolicLink(dir.resolve("link"), repository);
        assertThat(form.print(link.resolve("experiments/scripts").toString())).isEqualTo("experiments/scripts");
        assertThat(PathForm.repositoryRoot(repository.resolve("experiments/exp-09/results"))).isEqualTo(repository);
        org.junit.jupiter.api.Assumptions.assumeTrue(PathForm.repositoryRoot(elsewhere) == null, "the temporary folder is outside any repository");
        assertThat(PathForm.repositoryOf(elsewhere)).isEqualTo(PathForm.ABSOLUTE);
        assertThat(PathForm.ABSOLUTE.print("x/../y.yaml")).isEqualTo(Path.of("y.yaml").toAbsolutePath().toString());
    }

    @Test
    void theSameSettingsInTwoClonesDescribeTheSame() throws Exception {
        Map<String, String> first = null;
        for (String clone : List.of("one", "two")) {
            Path repository = Files.createDirectories(dir.resolve(clone));
            Files.createDirectories(repository.resolve(".git"));
            AgentConfig config = AgentConfig.defaults(ModelSpec.parse("scripted:" + repository.resolve("experiments/scripts")))
                    .withPaths(PathForm.repositoryOf(repository.resolve("experiments/exp-02/results")));
            if (first == null) {
                first = config.describe();
            } else {
                assertThat(config.describe()).isEqualTo(first).containsEntry("model", "scripted:experiments/scripts");
            }
        }
    }
}
