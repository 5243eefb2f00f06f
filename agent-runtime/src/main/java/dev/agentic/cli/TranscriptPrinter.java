package dev.agentic.cli;

import dev.agentic.trajectory.Secrets;
import dev.agentic.trajectory.TrajectoryEvent;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** A readable live transcript of an episode: steps, commands, cut outputs, tokens and cost so far. */
final class TranscriptPrinter implements Consumer<TrajectoryEvent> {

    private static final int OUTPUT_LINES = 8;

    private final PrintWriter out;
    private long tokens;
    private long cached;
    private double cost;
    private boolean costUnknown;

    TranscriptPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void accept(TrajectoryEvent event) {
        if (event instanceof TrajectoryEvent.Start start) {
            out.printf("task %s · model %s%n", start.task(), start.model());
        } else if (event instanceof TrajectoryEvent.Message message) {
            boolean diagnosisNote = message.content().startsWith("[self-diagnosis");
            if (message.kind().equals("plan") || message.kind().equals("note") && !diagnosisNote) {
                out.println(indent("[" + message.kind() + "] " + message.content()));
            }
        } else if (event instanceof TrajectoryEvent.ModelCall call) {
            tokens += call.inputTokens() + call.outputTokens();
            cached += call.cachedInputTokens();
            if (call.costUsd() == null) {
                costUnknown = true;
            } else {
                cost += call.costUsd();
            }
            out.println(String.format(Locale.ROOT, "── step %d%s · %,d tokens%s · %s so far%s", call.step(),
                    call.purpose().equals("act") ? "" : " (" + call.purpose() + ")", tokens,
                    cached > 0 ? String.format(Locale.ROOT, " (%,d input cached)", cached) : "", dollars(costUnknown ? null : cost),
                    call.attempts() > 1 ? " · " + call.attempts() + " attempts" : ""));
            if (call.text() != null && !call.text().isBlank()) {
                out.println(indent(firstLines(call.text(), 4)));
            }
        } else if (event instanceof TrajectoryEvent.ToolRun tool) {
            out.println("  ▶ " + tool.name() + " " + abbreviate(tool.arguments(), 160));
            out.println(indent(firstLines(tool.observation(), OUTPUT_LINES)));
        } else if (event instanceof TrajectoryEvent.Diagnosis diagnosis) {
            out.println("  ⚠ self-diagnosis " + diagnosis.kind() + ": " + diagnosis.evidence());
            out.println(indent("hint: " + diagnosis.hint()));
        } else if (event instanceof TrajectoryEvent.Memory memory) {
            out.printf(Locale.ROOT, "  ≡ memory %s: %d → %d messages, %,d → %,d tokens%n",
                    memory.policy(), memory.messagesBefore(), memory.messagesAfter(), memory.tokensBefore(), memory.tokensAfter());
        } else if (event instanceof TrajectoryEvent.Notice notice) {
            out.println("  ! " + notice.text());
        } else if (event instanceof TrajectoryEvent.End end) {
            out.printf(Locale.ROOT, "══ %s after %d steps · %,d tokens · %s · %.1f s%s%n",
                    end.exitStatus(), end.step(), end.inputTokens() + end.outputTokens(), dollars(end.costUsd()), end.durationMs() / 1000.0,
                    end.exitStatus().equals("submitted") ? "" : " · " + end.detail());
        }
        out.flush();
    }

    private static String dollars(Double usd) {
        return usd == null ? "cost unknown (no price for the model)" : String.format(Locale.ROOT, "$%.4f", usd);
    }

    private static String firstLines(String text, int count) {
        List<String> lines = text.lines().toList();
        if (lines.size() <= count) {
            return String.join("\n", lines);
        }
        return String.join("\n", lines.subList(0, count)) + "\n… (" + (lines.size() - count) + " more lines)";
    }

    private static String indent(String text) {
        return text.lines().map(line -> "    " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** The text on one line, cut at {@code max} characters; redacted first, so that no part of a secret is left. */
    private static String abbreviate(String text, int max) {
        String flat = Secrets.standard().redact(String.valueOf(text)).replace('\n', ' ');
        return flat.length() > max ? flat.substring(0, max) + "…" : flat;
    }
}
