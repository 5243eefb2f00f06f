package dev.agentic.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentic.memory.TokenBudgetMemory;
import dev.agentic.memory.WindowMemory;
import dev.agentic.model.ModelSpec;
import dev.agentic.planning.PlanFirst;
import dev.agentic.planning.Reflect;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {

    final AgentConfig defaults = AgentConfig.defaults(ModelSpec.parse("openai:gpt-4o-mini"));

    @Test
    void everyDimensionHasATextualForm() {
        AgentConfig config = defaults.with(Map.of("memory", "window:10", "planning", "plan-first"))
                .with("tools", "bash,editor").with("max-steps", "30").with("wall-time", "5m").with("temperature", "0.2");
        assertThat(config.memory()).isEqualTo(new WindowMemory(10));
        assertThat(config.planning()).isEqualTo(new PlanFirst());
        assertThat(config.tools().tools()).containsExactly("bash", "editor", "submit");
        assertThat(config.limits().maxSteps()).isEqualTo(30);
        assertThat(config.limits().wallTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.describe()).containsEntry("memory", "window:10").containsEntry("tools", "bash,editor,submit");
        assertThat(defaults.with("planning", "reflect:4").planning()).isEqualTo(new Reflect(4));
        assertThat(defaults.with("memory", "token-budget:8000").memory()).isEqualTo(new TokenBudgetMemory(8000));
        assertThat(defaults.promptCache()).isTrue();
        assertThat(defaults.with("prompt-cache", "off").promptCache()).isFalse();
        assertThat(defaults.with("prompt-cache", "off").describe()).containsEntry("prompt-cache", "off");
    }

    @Test
    void badValuesAreRejectedWithTheSettingAndWhatIsExpected() {
        assertThatThrownBy(() -> defaults.with("memory", "window:ten"))
                .hasMessageContaining("memory='window:ten'").hasMessageContaining("expected full, window:<observations>");
        assertThatThrownBy(() -> defaults.with("memory", "forgetful"))
                .hasMessageContaining("memory='forgetful'");
        assertThatThrownBy(() -> defaults.with("planning", "reflect:0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> defaults.with("tools", "bash,browser")).hasMessageContaining("unknown tool 'browser'");
        assertThatThrownBy(() -> defaults.with("wall-time", "five")).hasMessageContaining("like 90s, 5m, 1h or PT3M");
        assertThatThrownBy(() -> defaults.with("max-steps", "0")).hasMessage("setting max-steps='0': expected a whole number of at least 1, got '0'");
        assertThatThrownBy(() -> defaults.with("model", "gpt4")).hasMessageContaining("expected <provider>:<name>");
        assertThatThrownBy(() -> defaults.with("colour", "blue")).hasMessageContaining("unknown setting 'colour'");
        assertThatThrownBy(() -> defaults.with("diagnosis", "loud")).hasMessageContaining("expected off or notify");
        assertThatThrownBy(() -> defaults.with("prompt-cache", "maybe")).hasMessage("setting prompt-cache='maybe': expected on or off");
    }
}
