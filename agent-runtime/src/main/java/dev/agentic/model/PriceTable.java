package dev.agentic.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * US dollars per million tokens, by model name. The built-in table ({@code prices.properties} next
 * to this class) can be extended or overridden by a file in the same format, one entry a line:
 *
 * <pre>
 * # comment
 * &lt;model&gt; = &lt;input&gt;, &lt;output&gt;[, &lt;cached input&gt;[, &lt;cache write&gt;]]
 * </pre>
 *
 * The model name is everything before the first {@code =} (so {@code llama3.1:8b} is a name). A
 * model the table does not list has an {@linkplain Cost#UNKNOWN unknown} cost. Without a cached
 * price, tokens read from or written to a prompt cache are billed at the full input price and the
 * cost says so ({@link Cost.Known#cachedPriceUnknown()}).
 */
public final class PriceTable {

    private static final String FORMAT = "'<model> = <input>, <output>[, <cached input>[, <cache write>]]'"
            + " in USD per million tokens";

    /**
     * Price of one model in USD per million tokens.
     *
     * @param cachedInputPerMillion input read from the prompt cache, or null when unknown
     * @param cacheWritePerMillion input written to the prompt cache, or null when unknown
     */
    public record Price(double inputPerMillion, double outputPerMillion, Double cachedInputPerMillion, Double cacheWritePerMillion) {

        /** What an offline model costs. */
        public static final Price FREE = new Price(0, 0, 0.0, 0.0);

        public Price(double inputPerMillion, double outputPerMillion) {
            this(inputPerMillion, outputPerMillion, null, null);
        }

        /** What {@code usage} costs at this price, and what it would have without caching. */
        public Cost.Known costOf(Usage usage) {
            boolean cachedUnknown = usage.cachedInputTokens() > 0 && cachedInputPerMillion == null
                    || usage.cacheWriteTokens() > 0 && cacheWritePerMillion == null;
            double cached = cachedInputPerMillion == null ? inputPerMillion : cachedInputPerMillion;
            double write = cacheWritePerMillion == null ? inputPerMillion : cacheWritePerMillion;
            double output = usage.outputTokens() * outputPerMillion;
            double usd = (usage.uncachedInputTokens() * inputPerMillion + usage.cachedInputTokens() * cached
                    + usage.cacheWriteTokens() * write + output) / 1e6;
            double withoutCaching = (usage.inputTokens() * inputPerMillion + output) / 1e6;
            return new Cost.Known(usd, withoutCaching, cachedUnknown);
        }
    }

    private final Map<String, Price> prices;
    private final boolean free;

    private PriceTable(Map<String, Price> prices, boolean free) {
        this.prices = Map.copyOf(prices);
        this.free = free;
    }

    public static PriceTable builtIn() {
        try (InputStream in = PriceTable.class.getResourceAsStream("prices.properties")) {
            return new PriceTable(parse(new InputStreamReader(in, StandardCharsets.UTF_8), "built-in prices.properties"), false);
        } catch (IOException e) {
            throw new IllegalStateException("built-in price table unreadable", e);
        }
    }

    /** A table in which every model costs nothing: for offline models (scripted, replay), which no one bills. */
    public static PriceTable free() {
        return new PriceTable(Map.of(), true);
    }

    /**
     * This table with the entries of {@code file} added or replacing.
     *
     * @throws IllegalArgumentException naming the file, the line and what was expected, for a missing file or a bad entry
     */
    public PriceTable extendedWith(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Price> merged = new HashMap<>(prices);
            merged.putAll(parse(reader, file.toString()));
            return new PriceTable(merged, free);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("price table " + file + ": file does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("price table " + file + " unreadable: " + e.getMessage(), e);
        }
    }

    public boolean knows(String model) {
        return free || prices.containsKey(model);
    }

    /** The price of {@code model}, if the table has one. */
    public Optional<Price> priceOf(String model) {
        return free ? Optional.of(Price.FREE) : Optional.ofNullable(prices.get(model));
    }

    /** What {@code usage} of {@code model} costs: unknown when the table has no price for it. */
    public Cost costOf(String model, Usage usage) {
        return priceOf(model).<Cost>map(p -> p.costOf(usage)).orElse(Cost.UNKNOWN);
    }

    private static Map<String, Price> parse(Reader reader, String source) throws IOException {
        Map<String, Price> parsed = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        BufferedReader in = new BufferedReader(reader);
        int number = 0;
        for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
            number++;
            String line = (number == 1 ? raw.replace("\uFEFF", "") : raw).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            String where = source + ":" + number + ": ";
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(where + "'" + line + "': expected " + FORMAT);
            }
            String model = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            Integer earlier = lines.putIfAbsent(model, number);
            if (earlier != null) {
                throw new IllegalArgumentException(where + "model '" + model + "' is already priced on line " + earlier);
            }
            parsed.put(model, price(value, where + "entry '" + model + "' = '" + value + "': "));
        }
        return parsed;
    }

    private static Price price(String value, String where) {
        String[] parts = value.split(",", -1);
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException(where + "found " + parts.length + " number" + (parts.length == 1 ? "" : "s")
                    + ", expected 2 to 4: " + FORMAT);
        }
        String[] names = {"input price", "output price", "cached input price", "cache write price"};
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            try {
                numbers[i] = Double.parseDouble(part);
            } catch (NumberFormatException e) {
                numbers[i] = Double.NaN;
            }
            if (!Double.isFinite(numbers[i]) || numbers[i] < 0 || part.isEmpty()) {
                throw new IllegalArgumentException(where + "the " + names[i] + " '" + part + "' is not a number of dollars"
                        + " (0 or more); expected " + FORMAT);
            }
        }
        return new Price(numbers[0], numbers[1], numbers.length > 2 ? numbers[2] : null, numbers.length > 3 ? numbers[3] : null);
    }
}
