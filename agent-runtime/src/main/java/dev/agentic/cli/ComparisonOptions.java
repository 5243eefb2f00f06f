package dev.agentic.cli;

import dev.agentic.lineage.ComparisonSettings;
import dev.agentic.lineage.GateRule;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --confidence} and {@code --margin}, shared by compare, gate and promote; values the runtime would refuse are refused as bad options. */
final class ComparisonOptions {

    @Option(names = "--confidence", paramLabel = "<c>", converter = Confidence.class,
            description = "1 − α, between 0.5 and 1: α is the one-sided level of worse and of better; Δ's interval is two-sided at 1 − 2α (default: ${DEFAULT-VALUE})")
    double confidence = ComparisonSettings.DEFAULT_CONFIDENCE;

    @Option(names = "--margin", paramLabel = "<m>", converter = Margin.class,
            description = "differences within this margin never decide, in resolved-rate units: 0.05 = 5 points (default: ${DEFAULT-VALUE})")
    double margin = 0;

    ComparisonSettings settings(int resamples) {
        return new ComparisonSettings(confidence, margin, resamples);
    }

    /** A number for a runtime check, or the check's message. */
    static double number(String text, java.util.function.DoubleUnaryOperator check) {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        try {
            return check.applyAsDouble(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage().replaceFirst(", got NaN$", ", got '" + text + "'"));
        }
    }

    static final class Confidence implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            return number(text, ComparisonSettings::confidence);
        }
    }

    static final class Margin implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            return number(text, ComparisonSettings::margin);
        }
    }

    static final class Resamples implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            int value;
            try {
                value = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("expected a whole number, 1 or more, got '" + text + "'");
            }
            try {
                return ComparisonSettings.resamples(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Rule implements CommandLine.ITypeConverter<GateRule> {
        @Override
        public GateRule convert(String text) {
            try {
                return GateRule.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
