package dev.agentic.model;

/**
 * What model calls cost in US dollars, or that it is not known: a model without an entry in the
 * {@link PriceTable} has an {@link Unknown} cost, never 0. Offline models (scripted, replay) cost
 * nothing, which is known. A sum with an unknown part is unknown.
 */
public sealed interface Cost {

    /** Nothing spent, known: no call yet, or an offline model. */
    Known ZERO = new Known(0, 0, false);

    /** The cost of a model the price table does not list. */
    Unknown UNKNOWN = new Unknown();

    /** This cost and {@code other} together. */
    Cost plus(Cost other);

    /** Whether the price was known. */
    boolean known();

    /** Dollars, or null when unknown: the form results files use (the field is then left out). */
    Double usdOrNull();

    /** Dollars had every input token been billed at the full input price, or null when unknown. */
    Double withoutCachingUsdOrNull();

    /**
     * A known cost.
     *
     * @param usd what was charged: uncached input, cached input, cache writes and output, each at its price
     * @param withoutCachingUsd the same tokens with all input at the full input price
     * @param cachedPriceUnknown cached or cache-written tokens were billed at the full input price because the
     *                           price table gives no cached price for the model
     */
    record Known(double usd, double withoutCachingUsd, boolean cachedPriceUnknown) implements Cost {

        @Override
        public Cost plus(Cost other) {
            return other instanceof Known k
                    ? new Known(usd + k.usd, withoutCachingUsd + k.withoutCachingUsd, cachedPriceUnknown || k.cachedPriceUnknown)
                    : UNKNOWN;
        }

        @Override
        public boolean known() {
            return true;
        }

        @Override
        public Double usdOrNull() {
            return usd;
        }

        @Override
        public Double withoutCachingUsdOrNull() {
            return withoutCachingUsd;
        }
    }

    /** The model has no price: its cost cannot be told, nor any limit on it enforced. */
    record Unknown() implements Cost {

        @Override
        public Cost plus(Cost other) {
            return this;
        }

        @Override
        public boolean known() {
            return false;
        }

        @Override
        public Double usdOrNull() {
            return null;
        }

        @Override
        public Double withoutCachingUsdOrNull() {
            return null;
        }
    }
}
