package org.spikecore.cli.experiments;

import java.util.Map;
import java.util.Set;
import org.spikecore.train.Wage;

/**
 * Parsing of an experiment's {@code --key value} options; every malformed value is an
 * {@link IllegalArgumentException} naming the option and what it takes.
 */
final class Options {

    private Options() {
    }

    /** Rejects any key not in {@code known}. */
    static void checkKnown(String experiment, Map<String, String> o, Set<String> known) {
        for (String k : o.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException(experiment + " has no option --" + k + "; options: " + new java.util.TreeSet<>(known));
            }
        }
    }

    /** A whole number at least {@code min}, {@code dflt} when absent. */
    static int intOption(Map<String, String> o, String key, int dflt, int min) {
        String v = o.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            int x = Integer.parseInt(v);
            if (x < min) {
                throw new IllegalArgumentException("--" + key + " must be at least " + min + ", got " + x);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, got '" + v + "'");
        }
    }

    /** A number in (0, max], {@code dflt} when absent. */
    static float positive(Map<String, String> o, String key, float dflt, float max) {
        String v = o.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            float x = Float.parseFloat(v);
            if (!(x > 0 && x <= max)) {
                throw new IllegalArgumentException("--" + key + " must be in (0, " + max + "], got " + v);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number, got '" + v + "'");
        }
    }

    /** {@code true} or {@code false}; absent is false. */
    static boolean flag(Map<String, String> o, String key) {
        String v = o.getOrDefault(key, "false");
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("--" + key + " takes true or false, got '" + v + "'");
        }
        return v.equals("true");
    }

    /** The four WAGE widths ({@code --weight-bits} etc., 0 or absent = float) and {@code --weight-scale max|mse} (default mse). */
    static Wage wage(Map<String, String> o) {
        String scaleName = o.getOrDefault("weight-scale", "mse");
        Wage.WeightScale scale = switch (scaleName) {
            case "max" -> Wage.WeightScale.MAX;
            case "mse" -> Wage.WeightScale.MSE;
            default -> throw new IllegalArgumentException("--weight-scale takes max or mse, got '" + scaleName + "'");
        };
        return new Wage(intOption(o, "weight-bits", 0, 0), intOption(o, "state-bits", 0, 0), intOption(o, "error-bits", 0, 0),
                intOption(o, "grad-bits", 0, 0), scale);
    }

    /** Option names of {@link #wage}. */
    static final Set<String> WAGE = Set.of("weight-bits", "state-bits", "error-bits", "grad-bits", "weight-scale");
}
