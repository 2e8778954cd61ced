package org.spikecore.energy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 45 nm energy model built from SRAM macros, calibrated to Horowitz (ISSCC 2014), REFERENCES §4.
 *
 * <p><b>One macro.</b> A 64-bit read of a macro of C bytes costs {@code E64(C) = a·sqrt(C) + b}
 * picojoules, the least-squares fit through Horowitz's points 8 KB → 10 pJ and 32 KB → 20 pJ (with
 * 1 MB → 100 pJ, which fixes the interconnect below): a = 0.09581 pJ/√B, b = 1.958 pJ. A word of w
 * bits costs {@code E64 · (f + (1 − f)·w/64)}: the fraction f = {@value #FIXED_FRACTION} of a 64-bit
 * access does not depend on the word width (address decode, word-line drive, pre-charge of the
 * column-multiplexed bit lines the word does not use, timing), the rest scales with the bits sensed
 * and driven out. f is a stated assumption in the CACTI style of splitting an access (decoder +
 * word line + bit lines + sense amplifiers + output drivers), not a measured figure; the study
 * prints the 700-400-250 ratio at f = 0.25 and 0.75 beside it.
 *
 * <p><b>Banking.</b> No macro exceeds {@value #MACRO_BYTES} bytes (Horowitz's 32 KB point, a size
 * memory compilers offer as one macro). A larger memory is ⌈C / 32 KB⌉ equal banks; an access
 * activates one bank and crosses an interconnect whose energy grows with the side of the bank array,
 * {@code r·(√banks − 1)·w/64}, with r fixed so that a 1 MB memory (32 banks) costs Horowitz's
 * 100 pJ per 64-bit read: r = (E64(1 MB) − E64(32 KB)) / (√32 − 1) = 17.35 pJ. This replaces the
 * previous version's extrapolation of the √C fit past 1 MB.
 *
 * <p><b>Writes</b> cost the same as reads (the source gives reads only; a stated assumption).
 * <b>Leakage</b> is not modelled: no 45 nm per-bit leakage figure is sourced in REFERENCES, and it
 * would add the same per-bit, per-second term to every encoding in proportion to its capacity
 * (reported as {@code memory_bits}).
 *
 * <p><b>Operations.</b> Integer add: 0.03 pJ at 8 bits, 0.1 pJ at 32 bits, linear in between and
 * proportional below 8 bits. Integer multiply: 0.2 pJ·(bits/8)² (0.2 pJ at 8 bits, 3.2 at 32
 * against Horowitz's 3.1). Float32 (for SNN-against-ANN comparisons by operation counts,
 * REFERENCES §3–4): add 0.9 pJ, multiply 3.7 pJ, so a multiply-accumulate 4.6 pJ.
 *
 * @param fixedFraction the width-independent fraction f of a 64-bit access, in [0, 1]
 * @param macroBytes    the largest macro; bigger memories are banked
 */
public record Horowitz45nm(double fixedFraction, long macroBytes) implements EnergyModel {

    /** Fitted slope, pJ per square root of a byte. */
    public static final double SQRT_SLOPE_PJ = 0.09581;
    /** Fitted intercept, pJ. */
    public static final double INTERCEPT_PJ = 1.958;
    /** The width-independent fraction of a 64-bit access (assumption, see the class comment). */
    public static final double FIXED_FRACTION = 0.5;
    /** The largest macro, bytes (Horowitz's 32 KB point). */
    public static final long MACRO_BYTES = 32 * 1024;

    /** Horowitz's float32 add, pJ: one synaptic accumulate of a float SNN. */
    public static final double FLOAT32_ADD_PJ = 0.9;
    /** Horowitz's float32 multiply, pJ. */
    public static final double FLOAT32_MULTIPLY_PJ = 3.7;

    private static final double PJ = 1e-12;
    private static final double ONE_MB = 1024.0 * 1024;
    private static final double HOROWITZ_1MB_PJ = 100;

    public Horowitz45nm {
        if (!(fixedFraction >= 0 && fixedFraction <= 1)) {
            throw new IllegalArgumentException("width-independent fraction must be in [0, 1], got " + fixedFraction);
        }
        if (macroBytes < 1024 || macroBytes > ONE_MB) {
            throw new IllegalArgumentException("macro size must be 1 KB .. 1 MB, got " + macroBytes + " bytes");
        }
    }

    /** The model with its documented parameters. */
    public Horowitz45nm() {
        this(FIXED_FRACTION, MACRO_BYTES);
    }

    @Override
    public String name() {
        return "horowitz-45nm-macro";
    }

    @Override
    public String version() {
        return "2";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("macro_read_64bit_pJ", "0.09581*sqrt(macro_bytes) + 1.958 (fit to Horowitz 8 KB 10 pJ, 32 KB 20 pJ)");
        m.put("word_width_scaling", "E64*(f + (1-f)*w/64)");
        m.put("width_independent_fraction_f", fixedFraction);
        m.put("largest_macro_bytes", macroBytes);
        m.put("interconnect_pJ_per_64bit", String.format("%.3f*(sqrt(banks)-1) (Horowitz 1 MB 100 pJ)", interconnectPicojoules()));
        m.put("write_over_read", 1.0);
        m.put("leakage", "not modelled (no sourced 45 nm figure)");
        m.put("add_pJ", "0.03 at 8 bit, 0.1 at 32 bit, linear");
        m.put("multiply_pJ", "0.2*(bits/8)^2");
        m.put("source", "Horowitz, ISSCC 2014, 45 nm");
        return m;
    }

    /** The 64-bit read energy in pJ of one macro of {@code bytes}. */
    public static double read64Picojoules(double bytes) {
        return SQRT_SLOPE_PJ * Math.sqrt(bytes) + INTERCEPT_PJ;
    }

    /** r: the interconnect's 64-bit energy per unit of (√banks − 1), so that 1 MB costs 100 pJ. */
    public double interconnectPicojoules() {
        return (HOROWITZ_1MB_PJ - read64Picojoules(macroBytes)) / (Math.sqrt(ONE_MB / macroBytes) - 1);
    }

    /** Banks a memory of {@code capacityBits} is split into. */
    public long banks(long capacityBits) {
        double bytes = Math.max(capacityBits / 8.0, 1.0);
        return (long) Math.ceil(bytes / macroBytes - 1e-9);
    }

    @Override
    public double readEnergy(long capacityBits, int wordBits) {
        double bytes = Math.max(capacityBits / 8.0, 1.0);
        long banks = banks(capacityBits);
        double width = wordBits / 64.0;
        double macro = read64Picojoules(bytes / banks) * (fixedFraction + (1 - fixedFraction) * width);
        double wires = interconnectPicojoules() * (Math.sqrt(banks) - 1) * width;
        return (macro + wires) * PJ;
    }

    @Override
    public double writeEnergy(long capacityBits, int wordBits) {
        return readEnergy(capacityBits, wordBits);
    }

    @Override
    public double operationEnergy(Operation op, int bits) {
        if (bits < 1) {
            throw new IllegalArgumentException("operation width must be positive, got " + bits);
        }
        return switch (op) {
            case ADD -> (bits <= 8 ? 0.03 * bits / 8.0 : 0.03 + (bits - 8) * 0.07 / 24.0) * PJ;
            case MULTIPLY -> 0.2 * (bits / 8.0) * (bits / 8.0) * PJ;
        };
    }
}
