package org.spikecore.fixed;

/**
 * Scalar fixed-point arithmetic on raw integers: the reference semantics every kernel and the
 * engine follow. All operations compute the exact result in 64-bit arithmetic and then saturate
 * into the destination {@link Format}; nothing wraps.
 */
public final class Fixed {

    private Fixed() {
    }

    /** {@code a + b} saturated into {@code f}. */
    public static int add(int a, int b, Format f) {
        return f.saturate((long) a + b);
    }

    /** {@code a - b} saturated into {@code f}. */
    public static int subtract(int a, int b, Format f) {
        return f.saturate((long) a - b);
    }

    /**
     * The product of {@code a} (format {@code fa}) and {@code b} (format {@code fb}) expressed in
     * {@code out}: the exact product has {@code fa.fracBits + fb.fracBits} fractional bits and is
     * rescaled to {@code out.fracBits} with {@code rounding} (random word used only when
     * stochastic), then saturated.
     */
    public static int multiply(int a, Format fa, int b, Format fb, Format out, Rounding rounding, long randomBits) {
        long product = (long) a * b;
        int shift = fa.fracBits() + fb.fracBits() - out.fracBits();
        return rescale(product, shift, out, rounding, randomBits);
    }

    /**
     * {@code x * 2^-shift} in {@code out}: a right shift rounded by {@code rounding} when shift is
     * positive, a saturating left shift when negative.
     */
    public static int rescale(long x, int shift, Format out, Rounding rounding, long randomBits) {
        if (shift >= 0) {
            return out.saturate(rounding.shiftRight(x, Math.min(shift, 62), randomBits));
        }
        return shiftLeft(x, -shift, out);
    }

    /** {@code x * 2^k} saturated into {@code f} (k >= 0). */
    public static int shiftLeft(long x, int k, Format f) {
        if (k < 0) {
            throw new IllegalArgumentException("left shift must be non-negative, got " + k);
        }
        if (x == 0) {
            return 0;
        }
        if (k >= 63 || x > (Long.MAX_VALUE >> k) || x < (Long.MIN_VALUE >> k)) {
            return x > 0 ? f.max() : f.min();
        }
        return f.saturate(x << k);
    }

    /** Arithmetic right shift ({@code x * 2^-k}) rounded by {@code rounding}. */
    public static long shiftRight(long x, int k, Rounding rounding, long randomBits) {
        return rounding.shiftRight(x, k, randomBits);
    }

    /**
     * The leak of a shift-based decay: the amount {@code x - x·(1 - 2^-k)} by which {@code x}
     * moves toward zero in one tick, {@code sign(x)·max(1, |x| >> k)}. Following NSAT, a non-zero
     * state always leaks at least one unit, so a decaying state reaches zero instead of sticking
     * at a small value. Zero does not leak. This is NSAT's {@code one_bit_shift(x, −k)} (truncate
     * toward zero, a 0 result from a non-zero x replaced by sign(x)), which NSAT applies to every
     * A-matrix term.
     */
    public static long leak(long x, int k) {
        if (x == 0) {
            return 0;
        }
        long magnitude = Math.max(1L, Math.abs(x) >> k);
        return x > 0 ? magnitude : -magnitude;
    }

    /**
     * {@code x · 2^-k} truncated toward zero, {@code sign(x)·(|x| >> k)}: NSAT's
     * {@code zero_bit_shift} with a negative exponent (its synaptic gain {@code w_gain}). Unlike
     * {@link #leak} it can give 0 for a non-zero {@code x}.
     */
    public static long shiftTowardZero(long x, int k) {
        long magnitude = Math.abs(x) >> k;
        return x < 0 ? -magnitude : magnitude;
    }

    /** One tick of shift-based decay {@code x - leak(x, k)}; never crosses zero. */
    public static int decay(int x, int k) {
        if (k < 0 || k > 62) {
            throw new IllegalArgumentException("decay shift must be 0..62, got " + k);
        }
        return (int) (x - leak(x, k));
    }

    /**
     * A raw value of format {@code from} re-expressed in {@code to}: fractional bits are dropped
     * with {@code rounding} or appended as zeros, then the value saturates into {@code to}.
     */
    public static int convert(int raw, Format from, Format to, Rounding rounding, long randomBits) {
        return rescale(raw, from.fracBits() - to.fracBits(), to, rounding, randomBits);
    }
}
