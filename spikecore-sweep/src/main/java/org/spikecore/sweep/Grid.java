package org.spikecore.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The axes of a sweep, in the order written; its points are every combination, the first axis
 * varying slowest, which is also the order of the merged table's rows.
 *
 * @param axes at least one, with distinct keys
 */
public record Grid(List<Axis> axes) {

    /** More points than this is a typing mistake, not a study. */
    public static final int MAX_POINTS = 100_000;

    /**
     * One grid key and its values in order.
     *
     * @param key    lower-case letters, digits and {@code _}; {@code weight_bits} stands for {@code --weight-bits}
     * @param values at least one, distinct, each of letters, digits and {@code . _ + -}
     */
    public record Axis(String key, List<String> values) {
        public Axis {
            if (!key.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("grid key '" + key + "': use lower-case letters, digits and '_' (weight_bits for --weight-bits)");
            }
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("grid key '" + key + "' has no values");
            }
            if (new HashSet<>(values).size() != values.size()) {
                throw new IllegalArgumentException("grid key '" + key + "' repeats a value: " + values);
            }
            for (String v : values) {
                if (!v.matches(Point.VALUE)) {
                    throw new IllegalArgumentException("grid key '" + key + "': value '" + v + "' may hold only letters, digits and . _ + -");
                }
            }
        }
    }

    public Grid {
        axes = List.copyOf(axes);
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("the grid has no axes; write it as 'key=values; key=values'");
        }
        Set<String> keys = new HashSet<>();
        long n = 1;
        for (Axis a : axes) {
            if (!keys.add(a.key())) {
                throw new IllegalArgumentException("grid key '" + a.key() + "' appears twice");
            }
            n *= a.values().size();
            if (n > MAX_POINTS) {
                throw new IllegalArgumentException("the grid has more than " + MAX_POINTS + " points; split the study into several sweeps");
            }
        }
    }

    /** Parses {@code key=values; key=values} (values: {@code a|b|c}, {@code lo..hi} or {@code lo..hi:step}). */
    public static Grid parse(String text) {
        return new GridParser(text).grid();
    }

    /** The keys in the order written. */
    public List<String> keys() {
        return axes.stream().map(Axis::key).toList();
    }

    /** Every point, the first axis varying slowest. */
    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        int[] index = new int[axes.size()];
        while (true) {
            Map<String, String> p = new LinkedHashMap<>();
            for (int a = 0; a < axes.size(); a++) {
                p.put(axes.get(a).key(), axes.get(a).values().get(index[a]));
            }
            points.add(new Point(p));
            int a = axes.size() - 1;
            while (a >= 0 && ++index[a] == axes.get(a).values().size()) {
                index[a] = 0;
                a--;
            }
            if (a < 0) {
                return points;
            }
        }
    }
}
