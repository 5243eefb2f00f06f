package dev.agentic.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each memory policy keeps of the turns (policies alone, without the loop). */
class MemoryPolicyTest {

    static List<ChatMessage> turns(int units) {
        List<ChatMessage> turns = new ArrayList<>();
        for (int i = 1; i <= units; i++) {
            ToolExecutionRequest call = ToolExecutionRequest.builder().id("c" + i).name("bash").arguments("{\"command\":\"step " + i + "\"}").build();
            turns.add(AiMessage.from(List.of(call)));
            turns.add(ToolExecutionResultMessage.from(call, "output " + i + " " + "x".repeat(400)));
        }
        return turns;
    }

    @Test
    void tokenBudgetDropsWholeUnitsOldestFirstAndNeverOrphansAToolResult() {
        // each unit is about 118 estimated tokens: 50 pinned + 2 units fit in 350, 3 do not
        List<ChatMessage> kept = new TokenBudgetMemory(350).apply(turns(5), 50, t -> "");
        assertThat(kept).hasSize(4);
        assertThat(((AiMessage) kept.get(0)).toolExecutionRequests().get(0).id()).isEqualTo("c4");
        assertThat(((ToolExecutionResultMessage) kept.get(3)).text()).startsWith("output 5");
        assertThat(50 + dev.agentic.model.TokenEstimate.of(kept)).isLessThanOrEqualTo(350);
    }

    @Test
    void summarizeReplacesOlderTurnsByOneSummaryOnlyWhenOverBudget() {
        List<List<ChatMessage>> asked = new ArrayList<>();
        Summarizer summarizer = older -> {
            asked.add(older);
            return "did steps 1-3";
        };
        assertThat(new SummarizingMemory(100_000).apply(turns(5), 50, summarizer)).hasSize(10);
        assertThat(asked).isEmpty();

        List<ChatMessage> kept = new SummarizingMemory(500).apply(turns(5), 50, summarizer);
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).hasSize(6);
        assertThat(((UserMessage) kept.get(0)).singleText()).isEqualTo(SummarizingMemory.SUMMARY_HEADER + "did steps 1-3");
        assertThat(kept).hasSize(5);
    }

    @Test
    void windowKeepsTheLastObservationsAndReplacesOlderOnesButNoCall() {
        List<ChatMessage> turns = turns(4);
        List<ChatMessage> kept = new WindowMemory(2).apply(turns, 0, t -> "");

        assertThat(kept).hasSameSizeAs(turns);
        for (int i = 0; i < turns.size(); i += 2) {
            assertThat(kept.get(i)).as("the model's call of unit %d", i / 2 + 1).isEqualTo(turns.get(i));
        }
        for (int unit = 1; unit <= 4; unit++) {
            ToolExecutionResultMessage before = (ToolExecutionResultMessage) turns.get(2 * unit - 1);
            ToolExecutionResultMessage after = (ToolExecutionResultMessage) kept.get(2 * unit - 1);
            assertThat(after.id()).isEqualTo(before.id());
            if (unit <= 2) {
                assertThat(after.text()).isEqualTo(WindowMemory.PLACEHOLDER_START + ": 1 lines; only the last 2 observations are kept]");
            } else {
                assertThat(after.text()).isEqualTo(before.text());
            }
        }
        assertThat(dev.agentic.model.TokenEstimate.of(kept)).isLessThan(dev.agentic.model.TokenEstimate.of(turns));
    }

    @Test
    void windowIsIdempotent() {
        WindowMemory window = new WindowMemory(2);
        List<ChatMessage> once = window.apply(turns(4), 0, t -> "");
        assertThat(once).as("a window that changes nothing proves nothing by staying the same").isNotEqualTo(turns(4));
        assertThat(window.apply(once, 0, t -> "")).isEqualTo(once);
    }
}
