package dev.agentic.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentic.document.Document;
import dev.agentic.document.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code promotions.jsonl}: one JSON object per promotion decision, promoted or not, with the
 * evidence of every candidate. Appended, never rewritten.
 */
public final class PromotionLog {

    public static final String FILE = "promotions.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PromotionLog() {}

    public static void append(Path log, Promotion.Decision decision) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("generation", decision.generation());
        entry.put("promoted", decision.promoted());
        entry.put("at", Instant.now().toString());
        entry.put("reason", decision.reason());
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (Promotion.Candidate c : decision.candidates()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("child", c.child());
            e.put("child_run", c.comparison().childRun());
            e.put("parent_run", c.comparison().parentRun());
            e.put("headline", ComparisonReport.headline(c.comparison()));
            e.put("delta", c.comparison().delta());
            e.put("interval", c.comparison().judgement().notEstimable() != null ? null
                    : List.of(c.comparison().deltaLow(), c.comparison().deltaHigh()));
            e.put("interval_level", c.comparison().intervalLevel());
            e.put("test", c.comparison().judgement().method().name().toLowerCase(java.util.Locale.ROOT));
            e.put("p_better", c.comparison().pBetter());
            e.put("holm_adjusted_p", c.adjustedP());
            e.put("verdict", c.comparison().verdict().name());
            e.put("minimum_detectable_effect", c.comparison().minimumDetectableEffect());
            e.put("bootstrap_seed", c.comparison().diagnostics().bootstrapSeed());
            evidence.add(e);
        }
        entry.put("candidates", evidence);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, JSON.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + log + ": " + e.getMessage(), e);
        }
    }

    /** The variants ever promoted; none when there is no log. A line that is not a promotion entry is refused with its line and column. */
    public static Set<String> promoted(Path log) {
        Set<String> promoted = new LinkedHashSet<>();
        if (!Files.isRegularFile(log)) {
            return promoted;
        }
        for (Document entry : Document.readLines(log, Format.JSON.mapper())) {
            JsonNode root = entry.root();
            if (!root.isObject()) {
                throw entry.error("expected a promotion entry (a JSON object with 'generation' and 'promoted'), found " + Document.kind(root));
            }
            JsonNode variant = root.get("promoted");
            if (variant != null && !variant.isNull() && !variant.isTextual()) {
                throw entry.error("field 'promoted': expected the promoted variant's id or null, found " + Document.kind(variant), "promoted");
            }
            if (variant != null && !variant.isNull()) {
                promoted.add(variant.asText());
            }
        }
        return promoted;
    }
}
