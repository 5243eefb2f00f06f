package dev.agentic.document;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The constants of a closed set read back from the labels they are written as. */
public final class Labels {

    private Labels() {}

    /**
     * The constant of {@code values} written as {@code label}; any other text is refused, naming
     * {@code what} was read and the labels there are.
     */
    public static <E extends Enum<E>> E parse(E[] values, Function<E, String> labelOf, String label, String what) {
        return Arrays.stream(values).filter(v -> labelOf.apply(v).equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(what + " '" + label + "': expected one of "
                        + Arrays.stream(values).map(labelOf).collect(Collectors.joining(", "))));
    }
}
