package dev.agentic.lineage;

import dev.agentic.bench.RunResults;
import java.util.Locale;

/**
 * Whether a child passes the gate against its parent. It fails when its comparison's verdict fails the
 * {@link GateRule}, or, whatever the rule, when on a staged suite it stopped at a stage its parent cleared
 * ({@link Comparisons#stageShortfall}).
 *
 * @param stageShortfall the stage the child stopped at and its parent cleared, in words; null when there is none
 */
public record GateDecision(ParentComparison evidence, GateRule rule, String stageShortfall, boolean fails) {

    public static GateDecision judge(RunResults child, RunResults parent, GateRule rule, ComparisonSettings settings) {
        ParentComparison evidence = ParentComparison.of(child, parent, settings);
        String shortfall = Comparisons.stageShortfall(child.run(), parent.run());
        return new GateDecision(evidence, rule, shortfall, shortfall != null || rule.fails(evidence.comparison().verdict()));
    }

    /**
     * Why the child passes (the headline) or fails: the stage it stopped at, or the headline with the rule and the
     * margin; then what the comparison could detect ({@link ComparisonReport#detectable}). {@code ruleOption} is how the
     * caller names the rule's option ({@code failOn}, {@code --fail-on}).
     */
    public String reason(String ruleOption) {
        String headline = evidence.headline();
        String detectable = "; " + ComparisonReport.detectable(evidence.comparison());
        if (!fails) {
            return headline + detectable;
        }
        if (stageShortfall != null) {
            return stageShortfall + "; on the tasks both ran: " + headline + detectable;
        }
        return headline + String.format(Locale.ROOT, "; rule %s=%s, margin %.1f pts", ruleOption, rule, 100 * evidence.comparison().margin())
                + detectable;
    }
}
