package dev.agentic.lineage;

import dev.agentic.trial.FailureLabel;
import dev.agentic.trial.TrialResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a child fails differently from its parent: per failure label and behaviour tag, how many
 * trials carry it in each, and which tasks flipped between resolved and not, with the label that
 * explains the child's side.
 *
 * @param labels per failure label, alphabetically by label: the parent's count, then the child's
 * @param tags per behaviour tag, alphabetically: the parent's count, then the child's
 */
public record FailureModes(Map<FailureLabel, int[]> labels, Map<String, int[]> tags, List<Flip> flips) {

    /** A task whose resolved rate moved; the labels are the most frequent on each side ({@code none} when resolved). */
    public record Flip(String task, double parentRate, double childRate, FailureLabel parentLabel, FailureLabel childLabel) {}

    private static final Comparator<FailureLabel> BY_LABEL = Comparator.comparing(FailureLabel::label);

    public static FailureModes compare(List<TrialResult> child, List<TrialResult> parent) {
        Map<FailureLabel, int[]> labels = new TreeMap<>(BY_LABEL);
        count(parent, 0, t -> List.of(t.score().failureLabel()), labels);
        count(child, 1, t -> List.of(t.score().failureLabel()), labels);
        Map<String, int[]> tags = new TreeMap<>();
        count(parent, 0, FailureModes::tags, tags);
        count(child, 1, FailureModes::tags, tags);
        Map<String, List<TrialResult>> c = byTask(child);
        Map<String, List<TrialResult>> p = byTask(parent);
        List<Flip> flips = new ArrayList<>();
        for (String task : c.keySet()) {
            if (!p.containsKey(task)) {
                continue;
            }
            double childRate = rate(c.get(task));
            double parentRate = rate(p.get(task));
            if (childRate != parentRate) {
                flips.add(new Flip(task, parentRate, childRate, dominant(p.get(task)), dominant(c.get(task))));
            }
        }
        flips.sort(Comparator.comparingDouble((Flip f) -> f.childRate() - f.parentRate()).thenComparing(Flip::task));
        return new FailureModes(labels, tags, flips);
    }

    /** e.g. "introduced 21 tests_failed and 11 no_change failures; fixed 2 step_limit failures; 21 tasks got worse, 0 better". */
    public String sentence() {
        List<String> introduced = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        labels.forEach((label, counts) -> {
            if (label != FailureLabel.NONE && counts[1] != counts[0]) {
                (counts[1] > counts[0] ? introduced : fixed).add(Math.abs(counts[1] - counts[0]) + " " + label);
            }
        });
        long worse = flips.stream().filter(f -> f.childRate() < f.parentRate()).count();
        long better = flips.size() - worse;
        List<String> parts = new ArrayList<>();
        if (!introduced.isEmpty()) {
            parts.add("introduced " + join(introduced) + " failures");
        }
        if (!fixed.isEmpty()) {
            parts.add("fixed " + join(fixed) + " failures");
        }
        parts.add(worse + " task" + (worse == 1 ? "" : "s") + " got worse, " + better + " better");
        return String.join("; ", parts);
    }

    private static String join(List<String> items) {
        return items.size() == 1 ? items.get(0) : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static List<String> tags(TrialResult trial) {
        return trial.score().tags() == null ? List.of() : trial.score().tags();
    }

    private static <K> void count(List<TrialResult> trials, int side, Function<TrialResult, List<K>> keys, Map<K, int[]> into) {
        for (TrialResult trial : trials) {
            for (K key : keys.apply(trial)) {
                into.computeIfAbsent(key, k -> new int[2])[side]++;
            }
        }
    }

    private static Map<String, List<TrialResult>> byTask(List<TrialResult> trials) {
        return trials.stream().filter(TrialResult::graded)
                .collect(Collectors.groupingBy(TrialResult::task, TreeMap::new, Collectors.toList()));
    }

    private static double rate(List<TrialResult> trials) {
        return trials.stream().filter(TrialResult::resolved).count() / (double) trials.size();
    }

    private static FailureLabel dominant(List<TrialResult> trials) {
        return trials.stream().collect(Collectors.groupingBy(t -> t.score().failureLabel(), () -> new TreeMap<>(BY_LABEL), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(FailureLabel.NONE);
    }
}
