package org.spikecore.energy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 45 nm energy model calibrated to Horowitz (ISSCC 2014), REFERENCES §4.
 *
 * <p><b>SRAM.</b> A 64-bit read costs {@code E64(C) = a·sqrt(C) + b} picojoules for a capacity of
 * C bytes, the least-squares fit through Horowitz's three points (8 KB → 10 pJ, 32 KB → 20 pJ,
 * 1 MB → 100 pJ): a = 0.09581 pJ/√B, b = 1.958 pJ, which reproduces them as 10.6, 19.3 and 100.1
 * pJ. Energy grows with the square root of capacity because bit-line and word-line lengths grow
 * with the side of the array. A word of w bits costs {@code E64 · w/64} (energy per bit
 * read is set by the array, not the word). Writes cost the same as reads (the source gives reads
 * only; a stated assumption).
 *
 * <p><b>Operations.</b> Integer add: 0.03 pJ at 8 bits, 0.1 pJ at 32 bits, linear in between and
 * proportional below 8 bits. Integer multiply: 0.2 pJ·(bits/8)² (0.2 pJ at 8 bits, 3.2 at 32
 * against Horowitz's 3.1). Float32 (for SNN-against-ANN comparisons by operation counts,
 * REFERENCES §3–4): add 0.9 pJ, multiply 3.7 pJ, so a multiply-accumulate 4.6 pJ.
 */
public record Horowitz45nm() implements EnergyModel {

    /** Fitted slope, pJ per square root of a byte. */
    public static final double SQRT_SLOPE_PJ = 0.09581;
    /** Fitted intercept, pJ. */
    public static final double INTERCEPT_PJ = 1.958;

    /** Horowitz's float32 add, pJ: one synaptic accumulate of a float SNN. */
    public static final double FLOAT32_ADD_PJ = 0.9;
    /** Horowitz's float32 multiply, pJ. */
    public static final double FLOAT32_MULTIPLY_PJ = 3.7;

    private static final double PJ = 1e-12;

    @Override
    public String name() {
        return "horowitz-45nm";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sram_read_64bit_pJ", "0.09581*sqrt(capacity_bytes) + 1.958");
        m.put("sram_word_scaling", "linear in word width");
        m.put("sram_write_over_read", 1.0);
        m.put("add_pJ", "0.03 at 8 bit, 0.1 at 32 bit, linear");
        m.put("multiply_pJ", "0.2*(bits/8)^2");
        m.put("source", "Horowitz, ISSCC 2014, 45 nm");
        return m;
    }

    /** The 64-bit read energy in pJ of an SRAM of {@code bytes}. */
    public static double read64Picojoules(double bytes) {
        return SQRT_SLOPE_PJ * Math.sqrt(bytes) + INTERCEPT_PJ;
    }

    @Override
    public double readEnergy(long capacityBits, int wordBits) {
        double bytes = Math.max(capacityBits / 8.0, 1.0);
        return read64Picojoules(bytes) * wordBits / 64.0 * PJ;
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
