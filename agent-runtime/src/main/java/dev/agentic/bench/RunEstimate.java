package dev.agentic.bench;

import dev.agentic.trial.TrialResult;
import dev.agentic.agent.Limits;
import dev.agentic.model.ModelSpec;
import dev.agentic.model.PriceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run is expected to use, worked out before it starts: an upper bound from the variant's limits
 * (tasks × trials × max-steps, max-tokens, max-cost) and the model's price, and, when earlier results of
 * the variant or of its parent measured these tasks, the tokens and cost to expect from their mean tokens
 * per trial of each task. A model whose price is not known has cost {@code unknown}, never $0.
 *
 * @param trials tasks × trials
 * @param maxModelCalls trials × max-steps
 * @param maxTokens trials × max-tokens; null when the variant sets no token limit
 * @param maxCostUsd the smaller of trials × max-cost and {@code maxTokens} at the dearer of the model's two prices; null
 *     when neither bounds it or the price is unknown
 * @param price the model's price ({@code $0.15 / $0.60 per Mtok in / out}), {@code unknown}, or {@code none} for the
 *     offline scripted and replay models
 * @param measuredFrom the results the measured tokens come from ({@code exp-02 run k3}); null when there are none
 * @param measuredTasks how many of the run's tasks those results measured (the others count at their mean)
 * @param expectedTokens Σ over tasks of trials × the task's mean tokens per trial there; null without measurements
 * @param expectedCostUsd the same at the model's price; null without measurements or without a known price
 * @param lines what the run prints
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record RunEstimate(int trials, long maxModelCalls, Long maxTokens, Double maxCostUsd, String price, String measuredFrom,
                          Integer measuredTasks, Long expectedTokens, Double expectedCostUsd, List<String> lines) {

    static final String UNKNOWN = "unknown";
    static final String NONE = "none";

    /**
     * @param tasks the ids of the run's tasks
     * @param measured earlier results to refine the bound with, or null
     * @param measuredFrom how to name them ({@code exp-02 run k3}); without them, whose results were looked for
     *     ({@code exp-02-a or its parent exp-02})
     */
    static RunEstimate of(List<String> tasks, int trialsPerTask, Limits limits, ModelSpec model, PriceTable prices, RunResults measured,
                          String measuredFrom) {
        int trials = tasks.size() * trialsPerTask;
        long calls = (long) trials * limits.maxSteps();
        boolean offline = model.provider() == ModelSpec.Provider.SCRIPTED || model.provider() == ModelSpec.Provider.REPLAY;
        PriceTable.Price price = offline || !prices.knows(model.name()) ? null : prices.priceOf(model.name()).orElse(null);
        String priceText = offline ? NONE : price == null ? UNKNOWN
                : String.format(Locale.ROOT, "$%.2f / $%.2f per Mtok in / out", price.inputPerMillion(), price.outputPerMillion());
        Long maxTokens = limits.maxTokens() > 0 ? Long.valueOf(trials * limits.maxTokens()) : null;
        Double byCost = limits.maxCostUsd() > 0 && price != null ? Double.valueOf(trials * limits.maxCostUsd()) : null;
        Double byTokens = maxTokens != null && price != null
                ? Double.valueOf(maxTokens * Math.max(price.inputPerMillion(), price.outputPerMillion()) / 1e6) : null;
        Double maxCost = byCost == null ? byTokens : byTokens == null ? byCost : Double.valueOf(Math.min(byCost, byTokens));

        StringBuilder bound = new StringBuilder(String.format(Locale.ROOT, "estimate: %d task%s × %d trial%s = %d trials; upper bound from the"
                + " limits: %,d model calls (max-steps %d), ", tasks.size(), tasks.size() == 1 ? "" : "s", trialsPerTask,
                trialsPerTask == 1 ? "" : "s", trials, calls, limits.maxSteps()));
        bound.append(maxTokens == null ? "tokens unbounded (no max-tokens)" : String.format(Locale.ROOT, "%s tokens (max-tokens %,d)",
                tokens(maxTokens), limits.maxTokens()));
        bound.append(", cost ");
        if (offline) {
            bound.append("none (offline ").append(model.provider().name().toLowerCase(Locale.ROOT)).append(" model)");
        } else if (price == null) {
            bound.append("unknown (no price for ").append(model.name()).append(": add one with --prices <file>)");
        } else if (maxCost == null) {
            bound.append("unbounded (no max-cost or max-tokens; ").append(priceText).append(")");
        } else {
            bound.append(String.format(Locale.ROOT, "at most %s (%s; %s)", usd(maxCost),
                    maxCost.equals(byCost) ? String.format(Locale.ROOT, "max-cost %s per trial", usd(limits.maxCostUsd())) : "max-tokens at the dearer price",
                    priceText));
        }
        List<String> lines = new ArrayList<>(List.of(bound.toString()));

        Map<String, double[]> perTask = measured == null ? Map.of() : measured.trials().stream().filter(TrialResult::graded)
                .filter(t -> tasks.contains(t.task()))
                .collect(Collectors.groupingBy(TrialResult::task, Collectors.collectingAndThen(Collectors.toList(), ts -> new double[] {
                    ts.stream().mapToDouble(t -> t.spend().inputTokens()).average().orElse(0),
                    ts.stream().mapToDouble(t -> t.spend().outputTokens()).average().orElse(0)})));
        if (perTask.isEmpty()) {
            lines.add("measured: no earlier results of " + measuredFrom + " on these tasks to refine it");
            return new RunEstimate(trials, calls, maxTokens, maxCost, priceText, null, null, null, null, List.copyOf(lines));
        }
        double meanIn = perTask.values().stream().mapToDouble(v -> v[0]).average().orElse(0);
        double meanOut = perTask.values().stream().mapToDouble(v -> v[1]).average().orElse(0);
        double in = 0;
        double out = 0;
        for (String task : tasks) {
            double[] m = perTask.getOrDefault(task, new double[] {meanIn, meanOut});
            in += trialsPerTask * m[0];
            out += trialsPerTask * m[1];
        }
        long expected = Math.round(in + out);
        Double expectedCost = price == null ? null : Double.valueOf((in * price.inputPerMillion() + out * price.outputPerMillion()) / 1e6);
        lines.add(String.format(Locale.ROOT, "measured: %s tokens per trial on average in %s (%d of %d tasks) → about %s tokens%s for this run",
                tokens(Math.round((in + out) / trials)), measuredFrom, perTask.size(), tasks.size(), tokens(expected),
                offline ? "" : expectedCost == null ? ", cost unknown" : ", " + usd(expectedCost)));
        return new RunEstimate(trials, calls, maxTokens, maxCost, priceText, measuredFrom, perTask.size(), expected, expectedCost,
                List.copyOf(lines));
    }

    private static String tokens(long n) {
        return n >= 10_000_000 ? String.format(Locale.ROOT, "%.0f M", n / 1e6) : n >= 1_000_000 ? String.format(Locale.ROOT, "%.1f M", n / 1e6)
                : String.format(Locale.ROOT, "%,d", n);
    }

    static String usd(double amount) {
        return String.format(Locale.ROOT, amount >= 0.01 || amount == 0 ? "$%.2f" : "$%.4f", amount);
    }
}
