package dev.agentic.maven;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;

/**
 * The parameters of a bench run, as {@code agent:bench} declares them (each component is the bench goal's parameter
 * of the same name). {@code agent:bench} hands over its own; {@code agent:gate}, which runs a missing bench, reads
 * them from the bench goal's descriptor as Maven would configure that goal: the property when set, else the default.
 */
record BenchParameters(String suite, File cache, String network, String sandbox, File engines, int trials, int concurrency, String tasks, String exclude,
                       boolean allowInternetTasks, String model, File offlineScripts, String runId, double timeoutMultiplier,
                       int infraRetries, String baseImage, String taskSet, boolean adaptive, int trialBudget, String engineWait,
                       String maxUngradedShare, String maxRunCost, File prices, String jvmArgs) {

    /** The parameters {@code goal} (the bench goal's descriptor) would be given, each evaluated by {@code evaluator}. */
    static BenchParameters fromGoal(MojoDescriptor goal, ExpressionEvaluator evaluator) throws MojoExecutionException {
        RecordComponent[] components = BenchParameters.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Parameter parameter = goal.getParameterMap().get(name);
            if (parameter == null) {
                throw new MojoExecutionException("the goal " + goal.getGoal() + " has no parameter '" + name + "'; this plugin's descriptor"
                        + " does not match its classes: rebuild the plugin");
            }
            values[i] = convert(components[i].getType(), value(parameter, evaluator), parameter, evaluator);
        }
        try {
            return BenchParameters.class.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
                    .newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot construct the bench parameters: " + e, e);
        }
    }

    /** The parameter's property value when set, else its evaluated default; null when neither is there. */
    private static String value(Parameter parameter, ExpressionEvaluator evaluator) throws MojoExecutionException {
        try {
            Object value = parameter.getExpression() == null ? null : evaluator.evaluate(parameter.getExpression());
            if (value == null && parameter.getDefaultValue() != null) {
                value = evaluator.evaluate(parameter.getDefaultValue());
            }
            return value == null ? null : value.toString();
        } catch (ExpressionEvaluationException e) {
            throw new MojoExecutionException(where(parameter) + ": " + e.getMessage(), e);
        }
    }

    private static Object convert(Class<?> type, String text, Parameter parameter, ExpressionEvaluator evaluator)
            throws MojoExecutionException {
        if (type == String.class) {
            return text;
        }
        if (type == File.class) {
            return text == null || text.isBlank() ? null : evaluator.alignToBaseDirectory(new File(text.trim()));
        }
        String value = text == null ? "" : text.trim();
        try {
            if (type == int.class) {
                return Integer.parseInt(value);
            }
            if (type == double.class) {
                return Double.parseDouble(value);
            }
        } catch (NumberFormatException e) {
            throw new MojoExecutionException(where(parameter) + "=" + text + ": expected " + (type == int.class ? "a whole number" : "a number"));
        }
        if (type == boolean.class) {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new MojoExecutionException(where(parameter) + "=" + text + ": expected true or false");
            }
            return Boolean.parseBoolean(value);
        }
        throw new IllegalStateException("bench parameter " + parameter.getName() + " has a type this class cannot read: " + type);
    }

    /** {@code -Dagent.trials} for a parameter read from a property, else its name. */
    private static String where(Parameter parameter) {
        String expression = parameter.getExpression();
        return expression != null && expression.startsWith("${agent.") && expression.endsWith("}")
                ? "-D" + expression.substring(2, expression.length() - 1) : parameter.getName();
    }
}
