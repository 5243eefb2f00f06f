package dev.agentic.report;

import dev.agentic.trial.FailureLabel;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small SVG charts drawn by hand: no library, no script, readable from disk. */
final class Charts {

    static final String[] PALETTE = {"#2f855a", "#c05621", "#2b6cb0", "#b7791f", "#6b46c1", "#c53030", "#2c7a7b", "#718096", "#d53f8c", "#4a5568"};

    private Charts() {}

    /** One bar per variant: resolved rate with its interval as an error bar. */
    static String rates(List<String> names, List<double[]> rateLowHigh) {
        int rowHeight = 28;
        int width = 640;
        int left = 140;
        int plot = width - left - 60;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"resolved rate per variant\">", width, rowHeight * names.size() + 30));
        for (int t = 0; t <= 4; t++) {
            double x = left + plot * t / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/><text x=\"%.1f\" y=\"%d\" class=\"axis\">%d %%</text>",
                    x, x, rowHeight * names.size(), x - 10, rowHeight * names.size() + 18, t * 25));
        }
        for (int i = 0; i < names.size(); i++) {
            double[] r = rateLowHigh.get(i);
            int y = i * rowHeight + 6;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\">%s</text>", left - 8, y + 13, Html.escape(names.get(i))));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"><title>%s: %.1f %% (%.1f–%.1f)</title></rect>",
                    left, y, plot * r[0], PALETTE[i % PALETTE.length], Html.escape(names.get(i)), 100 * r[0], 100 * r[1], 100 * r[2]));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"whisker\"/>", left + plot * r[1], y + 8,
                    left + plot * r[2], y + 8));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"value\">%.1f %%</text>", left + plot * r[2] + 6, y + 13, 100 * r[0]));
        }
        return svg.append("</svg>").toString();
    }

    /** Stacked bars: the share of trials per failure label, one bar per variant. */
    static String stacked(List<String> names, List<Map<String, Long>> counts, List<String> labels) {
        int rowHeight = 28;
        int width = 640;
        int left = 140;
        int plot = width - left - 20;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"failure labels per variant\">", width,
                rowHeight * names.size() + 24 + 18 * ((labels.size() + 3) / 4)));
        for (int i = 0; i < names.size(); i++) {
            long total = counts.get(i).values().stream().mapToLong(Long::longValue).sum();
            int y = i * rowHeight + 6;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\">%s</text>", left - 8, y + 13, Html.escape(names.get(i))));
            double x = left;
            for (int l = 0; l < labels.size(); l++) {
                long n = counts.get(i).getOrDefault(labels.get(l), 0L);
                if (n == 0 || total == 0) {
                    continue;
                }
                double w = plot * n / (double) total;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"><title>%s: %d of %d trials</title></rect>",
                        x, y, w, color(labels.get(l), l), Html.escape(labels.get(l)), n, total));
                x += w;
            }
        }
        int legendY = rowHeight * names.size() + 16;
        for (int l = 0; l < labels.size(); l++) {
            int lx = left + (l % 4) * 130;
            int ly = legendY + (l / 4) * 18;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" class=\"legend\">%s</text>",
                    lx, ly - 9, color(labels.get(l), l), lx + 14, ly, Html.escape(labels.get(l))));
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Mean cost per trial against resolved rate, one point per variant; when no model had a price, or
     * a variant's cost is unknown (NaN: a model without a price), mean tokens per trial instead (the
     * axis says which). Variants at the same point share a label.
     */
    static String costAgainstRate(List<String> names, List<double[]> costTokensRate) {
        int width = 640;
        int height = 260;
        int left = 80;
        int right = width - 30;
        int bottom = height - 40;
        boolean unknown = costTokensRate.stream().anyMatch(p -> Double.isNaN(p[0]));
        boolean priced = !unknown && costTokensRate.stream().anyMatch(p -> p[0] > 0);
        int axis = priced ? 0 : 1;
        double max = costTokensRate.stream().mapToDouble(p -> p[axis]).max().orElse(0);
        double scale = max > 0 ? max * 1.15 : 1;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"cost against resolved rate\">", width, height));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" class=\"axisline\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axisline\"/>",
                left, left, bottom, left, bottom, right, bottom));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\">resolved rate →</text><text x=\"8\" y=\"14\" class=\"axis\">%s</text>",
                right - 100, bottom + 32, priced ? "$ per trial" : unknown ? "tokens per trial (a model without a known price)" : "tokens per trial (no priced model)"));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\">0 %%</text><text x=\"%d\" y=\"%d\" class=\"axis\">100 %%</text>",
                left - 8, bottom + 16, right - 20, bottom + 16));
        svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\" class=\"axis\">%s</text><text x=\"8\" y=\"%d\" class=\"axis\">0</text>", 34,
                priced ? String.format(Locale.ROOT, "$%.4f", scale) : String.format(Locale.ROOT, "%,.0f", scale), bottom));
        Map<String, List<Integer>> byPoint = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byPoint.computeIfAbsent(String.format(Locale.ROOT, "%.4f/%.6f", costTokensRate.get(i)[2], costTokensRate.get(i)[axis]),
                    k -> new java.util.ArrayList<>()).add(i);
        }
        for (List<Integer> group : byPoint.values()) {
            double[] p = costTokensRate.get(group.get(0));
            double x = left + (right - left) * p[2];
            double y = bottom - (bottom - 30) * p[axis] / scale;
            String label = group.stream().map(names::get).collect(java.util.stream.Collectors.joining(", "));
            for (int i : group) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"%s\" fill-opacity=\"0.8\"><title>%s: %.1f %%, %s per trial</title></circle>",
                        x, y, PALETTE[i % PALETTE.length], Html.escape(names.get(i)), 100 * p[2],
                        priced ? String.format(Locale.ROOT, "$%.4f", p[0]) : String.format(Locale.ROOT, "%,.0f tokens", p[1])));
            }
            boolean nearRight = x > right - 160;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"value\" text-anchor=\"%s\">%s</text>",
                    nearRight ? x - 10 : x + 10, y - 10, nearRight ? "end" : "start", Html.escape(label)));
        }
        return svg.append("</svg>").toString();
    }

    static String color(String label, int index) {
        return label.equals(FailureLabel.NONE.label()) ? "#2f855a" : label.equals(FailureLabel.INFRASTRUCTURE.label()) ? "#a0aec0" : PALETTE[(index + 1) % PALETTE.length];
    }

    /** A cell colour from red (0) through amber to green (1). */
    static String heat(double rate) {
        int r = (int) Math.round(rate < 0.5 ? 220 : 220 - (rate - 0.5) * 2 * 170);
        int g = (int) Math.round(rate < 0.5 ? 60 + rate * 2 * 140 : 200);
        return String.format(Locale.ROOT, "rgb(%d,%d,90)", r, g);
    }
}
