package dev.agentic.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * The runtime's command-line options joined with the Maven properties of the goals that give them: the one place where
 * the runtime's messages, which name {@code agentx} options only, get Maven's words. {@link #ROWS} says which parameter
 * of a goal gives which option of the {@code agentx} command of the same name; the property of that parameter comes
 * from the plugin's descriptor (as the goals' {@code @Parameter(property = …)} declare it), so a property is never
 * written twice.
 *
 * <p>In a message, an option {@code --run-id r7} gets {@code (-Dagent.runId=r7)} after it (a placeholder value such as
 * {@code <usd>} stays a placeholder; a flag gets {@code =true}, a {@code --no-} flag {@code =false}; inside
 * parentheses, {@code , -Dagent.runId=r7} before the closing one); a command {@code agentx bench --variant kid --run-id r7}
 * gets the Maven command that does the same, {@code ./mvnw agent:bench -Pkid -Dagent.runId=r7} (a variant is a
 * profile). A lone option is read with the rows of the goal that shows the message, then with those of
 * {@code agent:bench}, which the other goals' messages point to. The runtime writes an option's value right after it,
 * and an option named without a value is followed by punctuation or the end of the message.
 */
final class RuntimeOptions {

    /** The parameter of goal {@code goal} that gives option {@code option} of {@code agentx <goal>}. */
    record Row(String goal, String option, String parameter) {}

    /** Every option of the runtime that a goal gives from a parameter with a property. */
    static final List<Row> ROWS = List.of(
            new Row("bench", "--suite", "suite"),
            new Row("bench", "--cache", "cache"),
            new Row("bench", "--network", "network"),
            new Row("bench", "--sandbox", "sandbox"),
            new Row("bench", "--engines", "engines"),
            new Row("bench", "--trials", "trials"),
            new Row("bench", "--concurrency", "concurrency"),
            new Row("bench", "--tasks", "tasks"),
            new Row("bench", "--exclude", "exclude"),
            new Row("bench", "--allow-internet-tasks", "allowInternetTasks"),
            new Row("bench", "--run-id", "runId"),
            new Row("bench", "--timeout-multiplier", "timeoutMultiplier"),
            new Row("bench", "--infra-retries", "infraRetries"),
            new Row("bench", "--image", "baseImage"),
            new Row("bench", "--task-set", "taskSet"),
            new Row("bench", "--trial-budget", "trialBudget"),
            new Row("bench", "--engine-wait", "engineWait"),
            new Row("bench", "--max-ungraded-share", "maxUngradedShare"),
            new Row("bench", "--max-run-cost", "maxRunCost"),
            new Row("bench", "--prices", "prices"),
            new Row("fetch", "--suite", "suite"),
            new Row("fetch", "--cache", "cache"),
            new Row("fetch", "--dry-run", "dryRun"),
            new Row("fetch", "--no-images", "images"),
            new Row("fetch", "--set", "fetchSet"),
            new Row("fetch", "--source", "sources"),
            new Row("gate", "--fail-on", "failOn"),
            new Row("gate", "--confidence", "confidence"),
            new Row("gate", "--margin", "margin"),
            new Row("gate", "--resamples", "resamples"),
            new Row("gate", "--no-halt-on-failure", "haltOnFailure"),
            new Row("gate", "--markdown", "markdown"),
            new Row("compare", "--run-id", "runId"),
            new Row("compare", "--parent-run-id", "parentRunId"),
            new Row("compare", "--confidence", "confidence"),
            new Row("compare", "--margin", "margin"),
            new Row("compare", "--markdown", "markdown"),
            new Row("promote", "--generation", "generation"),
            new Row("promote", "--experiments", "resultsDirectory"),
            new Row("promote", "--confidence", "confidence"),
            new Row("promote", "--margin", "margin"),
            new Row("lineage", "--experiments", "resultsDirectory"),
            new Row("report", "--experiments", "resultsDirectory"),
            new Row("report", "--out", "reportDirectory"));

    /** The option of {@code agentx bench} naming the variant, which Maven selects by its profile. */
    static final String VARIANT = "--variant";

    /** What an option becomes in Maven: {@code -D<property>}, given a value or, for a flag, {@code flagValue}. */
    record Property(String property, String flagValue) {

        boolean flag() {
            return flagValue != null;
        }
    }

    private static final Pattern COMMAND = Pattern.compile("\\bagentx ([a-z]+)");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");
    private static final String TRAILING = ",;:).";

    /** Goal → option → its property, for the rows whose parameter the descriptor has with a property. */
    private final Map<String, Map<String, Property>> properties;
    /** The goal that shows the messages. */
    private final String goal;

    private RuntimeOptions(Map<String, Map<String, Property>> properties, String goal) {
        this.properties = properties;
        this.goal = goal;
    }

    /**
     * The table for {@code plugin}, for the messages goal {@code goal} shows: each row with its parameter's property; a
     * row whose goal or parameter has none is left out.
     */
    static RuntimeOptions of(PluginDescriptor plugin, String goal) {
        Map<String, Map<String, Property>> properties = new LinkedHashMap<>();
        for (Row row : ROWS) {
            Parameter parameter = parameter(plugin, row);
            String property = parameter == null ? null : property(parameter);
            if (property != null) {
                String flag = "boolean".equals(parameter.getType()) ? (row.option().startsWith("--no-") ? "false" : "true") : null;
                properties.computeIfAbsent(row.goal(), g -> new LinkedHashMap<>()).put(row.option(), new Property(property, flag));
            }
        }
        return new RuntimeOptions(properties, goal);
    }

    /** The descriptor's parameter of {@code row}, or null when the goal has no such parameter. */
    static Parameter parameter(PluginDescriptor plugin, Row row) {
        MojoDescriptor goal = plugin == null ? null : plugin.getMojo(row.goal());
        return goal == null || goal.getParameterMap() == null ? null : goal.getParameterMap().get(row.parameter());
    }

    /** {@code agent.runId} for a parameter read from {@code ${agent.runId}}; null for one without a property. */
    static String property(Parameter parameter) {
        String expression = parameter.getExpression();
        return expression != null && expression.startsWith("${") && expression.endsWith("}") ? expression.substring(2, expression.length() - 1)
                : null;
    }

    /** What option {@code option} of {@code goal} is in Maven, or null when no parameter of the goal gives it. */
    Property property(String goal, String option) {
        Map<String, Property> ofGoal = properties.get(goal);
        return ofGoal == null ? null : ofGoal.get(option);
    }

    /** {@code message} of the runtime with Maven's words added; null stays null. */
    String translate(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int at = 0;
        while (at < message.length()) {
            Matcher command = COMMAND.matcher(message);
            Matcher option = OPTION.matcher(message);
            boolean isCommand = command.find(at) && properties.containsKey(command.group(1));
            boolean isOption = option.find(at);
            if (isCommand && (!isOption || command.start() < option.start())) {
                Phrase phrase = commandPhrase(message, command.end(), command.group(1));
                if (!phrase.maven().isEmpty()) {
                    out.append(message, copied, phrase.end());
                    out.append(addition(message, command.start(), "./mvnw agent:" + command.group(1) + " " + String.join(" ", phrase.maven())));
                    copied = phrase.end();
                }
                at = Math.max(phrase.end(), command.end());
            } else if (isOption) {
                Property property = property(goal, option.group());
                property = property != null ? property : property("bench", option.group());
                if (property == null) {
                    at = option.end();
                    continue;
                }
                Value value = property.flag() ? null : value(message, option.end());
                int end = value == null ? option.end() : value.end();
                out.append(message, copied, end);
                out.append(addition(message, option.start(), maven(property, value)));
                copied = end;
                at = end;
            } else {
                break;
            }
        }
        return out.append(message, copied, message.length()).toString();
    }

    /** The options of the command whose name ends at {@code from}, as far as they go, and their Maven form. */
    private Phrase commandPhrase(String message, int from, String goal) {
        List<String> maven = new ArrayList<>();
        int end = from;
        while (message.startsWith(" --", end)) {
            Matcher option = OPTION.matcher(message);
            if (!option.find(end + 1) || option.start() != end + 1) {
                break;
            }
            Property property = property(goal, option.group());
            boolean flag = property != null && property.flag();
            Value value = flag ? null : value(message, option.end());
            end = value == null ? option.end() : value.end();
            if (option.group().equals(VARIANT) && value != null) {
                maven.add("-P" + value.text());
            } else if (property != null) {
                maven.add(maven(property, value));
            }
        }
        return new Phrase(end, maven);
    }

    private record Phrase(int end, List<String> maven) {}

    /** A value written after an option ending at {@code from}: {@code <placeholder>}, {@code 'quoted'} or a word; null when none follows. */
    private static Value value(String message, int from) {
        if (message.startsWith("=", from)) {
            return word(message, from + 1);
        }
        if (!message.startsWith(" ", from) || from + 1 >= message.length()) {
            return null;
        }
        char first = message.charAt(from + 1);
        if (first == '-' || first == '(' || Character.isWhitespace(first)) {
            return null;
        }
        if (first == '<') {
            int close = message.indexOf('>', from + 1);
            return close < 0 ? null : new Value(message.substring(from + 1, close + 1), close + 1);
        }
        if (first == '\'') {
            int close = message.indexOf('\'', from + 2);
            return close < 0 ? null : new Value(message.substring(from + 2, close), close + 1);
        }
        return word(message, from + 1);
    }

    /** The word starting at {@code from} (a {@code <placeholder>} in it may hold spaces), without the punctuation that ends a phrase after it. */
    private static Value word(String message, int from) {
        int end = from;
        boolean inPlaceholder = false;
        while (end < message.length() && (inPlaceholder || !Character.isWhitespace(message.charAt(end)))) {
            char c = message.charAt(end);
            inPlaceholder = c == '<' && message.indexOf('>', end) > 0 || inPlaceholder && c != '>';
            end++;
        }
        while (end > from && TRAILING.indexOf(message.charAt(end - 1)) >= 0) {
            end--;
        }
        return end == from ? null : new Value(message.substring(from, end), end);
    }

    private record Value(String text, int end) {}

    private static String maven(Property property, Value value) {
        return "-D" + property.property() + (property.flag() ? "=" + property.flagValue() : value == null ? "" : "=" + value.text());
    }

    /** {@code words} after the text at {@code position}: {@code , words} inside parentheses, else {@code (words)}. */
    private static String addition(String message, int position, String words) {
        int depth = 0;
        for (int i = 0; i < position; i++) {
            char c = message.charAt(i);
            depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
        }
        return depth > 0 ? ", " + words : " (" + words + ")";
    }
}
