package dev.agentic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {

    @TempDir
    Path dir;

    private PriceTable extended(String content) throws Exception {
        Path file = dir.resolve("prices.txt");
        Files.writeString(file, content);
        return PriceTable.builtIn().extendedWith(file);
    }

    @Test
    void entriesHaveTwoToFourPricesAndCachedTokensArePricedApart() throws Exception {
        PriceTable table = extended("""
                # comment
                ! also a comment
                plain = 1.00, 2.00
                cached = 1.00, 2.00, 0.10
                anthropic-like = 1.00, 2.00, 0.10, 1.25
                llama3.1:8b = 0, 0
                """);
        Usage usage = new Usage(1_000_000, 600_000, 300_000, 500_000);

        Cost.Known full = (Cost.Known) table.costOf("anthropic-like", usage);
        assertThat(full.usd()).isCloseTo(0.1 * 1.00 + 0.6 * 0.10 + 0.3 * 1.25 + 0.5 * 2.00, offset(1e-12));
        assertThat(full.withoutCachingUsd()).isCloseTo(1.00 + 0.5 * 2.00, offset(1e-12));
        assertThat(full.cachedPriceUnknown()).isFalse();

        Cost.Known noWritePrice = (Cost.Known) table.costOf("cached", usage);
        assertThat(noWritePrice.usd()).isCloseTo(0.1 * 1.00 + 0.6 * 0.10 + 0.3 * 1.00 + 0.5 * 2.00, offset(1e-12));
        assertThat(noWritePrice.cachedPriceUnknown()).isTrue();

        Cost.Known plain = (Cost.Known) table.costOf("plain", usage);
        assertThat(plain.usd()).isCloseTo(plain.withoutCachingUsd(), offset(1e-12)).isCloseTo(2.00, offset(1e-12));
        assertThat(plain.cachedPriceUnknown()).isTrue();
        assertThat(((Cost.Known) table.costOf("plain", new Usage(1000, 10))).cachedPriceUnknown())
                .as("no cached tokens: nothing was billed at a guessed price").isFalse();

        assertThat(table.knows("llama3.1:8b")).isTrue();
        assertThat(table.priceOf("gpt-4o-mini")).as("built-in entries stay").isPresent();
    }

    @Test
    void aModelWithoutAPriceHasAnUnknownCostAndOfflineModelsCostNothing() {
        Usage usage = new Usage(1000, 100);
        assertThat(PriceTable.builtIn().costOf("no-such-model", usage)).isEqualTo(Cost.UNKNOWN);
        assertThat(PriceTable.builtIn().knows("no-such-model")).isFalse();
        assertThat(PriceTable.free().costOf("experiments/scripts/hello.yaml", usage)).isEqualTo(new Cost.Known(0, 0, false));

        Cost sum = Cost.ZERO.plus(new Cost.Known(1, 2, false)).plus(Cost.UNKNOWN).plus(new Cost.Known(1, 1, true));
        assertThat(sum.known()).isFalse();
        assertThat(sum.usdOrNull()).isNull();
        assertThat(new Cost.Known(1, 2, false).plus(new Cost.Known(0.5, 0.5, true))).isEqualTo(new Cost.Known(1.5, 2.5, true));
    }

    @Test
    void builtInCachedPricesFollowTheProvidersRules() {
        PriceTable table = PriceTable.builtIn();
        for (String model : List.of("claude-3-5-haiku-latest", "claude-3-7-sonnet-latest", "claude-sonnet-4-0", "claude-opus-4-0")) {
            PriceTable.Price price = table.priceOf(model).orElseThrow();
            assertThat(price.cachedInputPerMillion()).as(model + " cache read").isCloseTo(0.1 * price.inputPerMillion(), offset(1e-9));
            assertThat(price.cacheWritePerMillion()).as(model + " cache write").isCloseTo(1.25 * price.inputPerMillion(), offset(1e-9));
        }
        for (String model : List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o3", "o4-mini", "gpt-5", "gpt-5-mini")) {
            PriceTable.Price price = table.priceOf(model).orElseThrow();
            assertThat(price.cachedInputPerMillion()).as(model + " cached input").isNotNull().isLessThan(price.inputPerMillion());
            assertThat(price.cacheWritePerMillion()).as(model + ": OpenAI bills no cache writes").isNull();
        }
    }

    @Test
    void badEntriesNameTheFileTheLineTheEntryAndWhatIsExpected() {
        String expected = "'<model> = <input>, <output>[, <cached input>[, <cache write>]]' in USD per million tokens";
        assertThatThrownBy(() -> extended("# prices\ngpt-x = 1.0\n"))
                .hasMessageContaining("prices.txt:2: entry 'gpt-x' = '1.0': found 1 number, expected 2 to 4: " + expected);
        assertThatThrownBy(() -> extended("gpt-x = 1, 2, 3, 4, 5\n")).hasMessageContaining("prices.txt:1: entry 'gpt-x'")
                .hasMessageContaining("found 5 numbers");
        assertThatThrownBy(() -> extended("gpt-x = 1, two\n"))
                .hasMessageContaining("prices.txt:1: entry 'gpt-x' = '1, two': the output price 'two' is not a number of dollars (0 or more)");
        assertThatThrownBy(() -> extended("gpt-x = 1, 2, -0.5\n")).hasMessageContaining("the cached input price '-0.5' is not a number");
        assertThatThrownBy(() -> extended("gpt-x = 1, 2, 0.5, NaN\n")).hasMessageContaining("the cache write price 'NaN'");
        assertThatThrownBy(() -> extended("gpt-x = 1, , 0.5\n")).hasMessageContaining("the output price '' is not a number");
        assertThatThrownBy(() -> extended("gpt-x 1, 2\n")).hasMessageContaining("prices.txt:1: 'gpt-x 1, 2': expected " + expected);
        assertThatThrownBy(() -> extended("a = 1, 2\n\na = 3, 4\n")).hasMessageContaining("prices.txt:3: model 'a' is already priced on line 1");
        assertThatThrownBy(() -> PriceTable.builtIn().extendedWith(dir.resolve("missing.txt")))
                .hasMessageContaining("missing.txt: file does not exist");
    }
}
