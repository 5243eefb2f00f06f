package dev.agentic.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * US dollars per million input and output tokens, by model name. The built-in table
 * ({@code prices.properties} next to this class) can be extended or overridden by a file in the
 * same format: {@code <model> = <input per Mtok>, <output per Mtok>}. Unknown models cost 0 and
 * say so through {@link #knows(String)}.
 */
public final class PriceTable {

    /** Price of one model in USD per million tokens. */
    public record Price(double inputPerMillion, double outputPerMillion) {}

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    public static PriceTable builtIn() {
        try (InputStream in = PriceTable.class.getResourceAsStream("prices.properties")) {
            return new PriceTable(parse(load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)), "built-in prices.properties"));
        } catch (IOException e) {
            throw new IllegalStateException("built-in price table unreadable", e);
        }
    }

    /** This table with the entries of {@code file} added or replacing. */
    public PriceTable extendedWith(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Price> merged = new HashMap<>(prices);
            merged.putAll(parse(load(reader), file.toString()));
            return new PriceTable(merged);
        } catch (IOException e) {
            throw new IllegalArgumentException("price table " + file + " unreadable: " + e.getMessage(), e);
        }
    }

    public boolean knows(String model) {
        return prices.containsKey(model);
    }

    /** The price of {@code model}, or null when the table does not know it. */
    public Price price(String model) {
        return prices.get(model);
    }

    public double costUsd(String model, Usage usage) {
        Price price = prices.get(model);
        if (price == null) {
            return 0;
        }
        return (usage.inputTokens() * price.inputPerMillion() + usage.outputTokens() * price.outputPerMillion()) / 1e6;
    }

    private static Properties load(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        return properties;
    }

    private static Map<String, Price> parse(Properties properties, String source) {
        Map<String, Price> parsed = new HashMap<>();
        for (String model : properties.stringPropertyNames()) {
            String value = properties.getProperty(model);
            String[] parts = value.split(",");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                parsed.put(model, new Price(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": entry '" + model + "' = '" + value
                        + "': expected '<USD per million input tokens>, <USD per million output tokens>'");
            }
        }
        return parsed;
    }
}
