package org.spikecore.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One combination of grid values, in the grid's key order.
 *
 * @param parameters grid key → value; the key {@code seed} is the run's seed, every other key an option
 */
public record Point(Map<String, String> parameters) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a grid value may hold: safe in a directory name on any file system or object store. */
    static final String VALUE = "[A-Za-z0-9._+-]+";

    /** The grid key that sets the run's seed rather than an option. */
    public static final String SEED = "seed";

    public Point {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The canonical name: {@code key=value} pairs sorted by key, joined by commas; the store's key. */
    public String id() {
        return new TreeMap<>(parameters).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** The experiment's options: {@code base} with this point's values over it, grid keys as option names. */
    public Map<String, String> options(Map<String, String> base) {
        Map<String, String> o = new LinkedHashMap<>(base);
        parameters.forEach((k, v) -> {
            if (!k.equals(SEED)) {
                o.put(optionName(k), v);
            }
        });
        return o;
    }

    /** The run's seed: this point's {@code seed} value, or {@code sweepSeed} when the grid has none. */
    public long seed(long sweepSeed) {
        String s = parameters.get(SEED);
        if (s == null) {
            return sweepSeed;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("grid key seed takes whole numbers, got '" + s + "'");
        }
    }

    /** {@code weight_bits} → {@code weight-bits}. */
    public static String optionName(String gridKey) {
        return gridKey.replace('_', '-');
    }

    /** {@code weight-bits} → {@code weight_bits}. */
    public static String gridKey(String optionName) {
        return optionName.replace('-', '_');
    }
}
