package org.spikecore.fixed;

/**
 * Scalar reference kernels over primitive arrays for the engine's hot paths. Each writes into
 * caller-supplied arrays and allocates nothing. {@link SaturatingVectorOps} holds Vector API
 * versions that must produce the same bits.
 */
public final class SaturatingOps {

    private SaturatingOps() {
    }

    /**
     * {@code acc[accOff+i] = clamp(acc[accOff+i] + w[wOff+i], lo, hi)} for {@code i < n}: a row of
     * int8 weights added into 32-bit accumulators, each result saturated to {@code [lo, hi]}.
     */
    public static void addInt8(byte[] w, int wOff, int[] acc, int accOff, int n, int lo, int hi) {
        for (int i = 0; i < n; i++) {
            int s = acc[accOff + i] + w[wOff + i];
            acc[accOff + i] = Math.max(lo, Math.min(hi, s));
        }
    }

    /** As {@link #addInt8(byte[], int, int[], int, int, int, int)} into 16-bit accumulators. */
    public static void addInt8(byte[] w, int wOff, short[] acc, int accOff, int n, int lo, int hi) {
        checkShortBounds(lo, hi);
        for (int i = 0; i < n; i++) {
            int s = acc[accOff + i] + w[wOff + i];
            acc[accOff + i] = (short) Math.max(lo, Math.min(hi, s));
        }
    }

    static void checkShortBounds(int lo, int hi) {
        if (lo < Short.MIN_VALUE || hi > Short.MAX_VALUE || lo > hi) {
            throw new IllegalArgumentException(
                    "16-bit accumulator bounds must satisfy " + Short.MIN_VALUE + " <= lo <= hi <= "
                            + Short.MAX_VALUE + ", got [" + lo + ", " + hi + "]");
        }
    }

    /**
     * {@code acc[accOff+i] += w[wOff+i]} for {@code i < n}, exact (no clamp): a crossbar row of
     * 16-bit weights delivered into 32-bit input accumulators whose sums the caller bounds.
     */
    public static void addInt16(short[] w, int wOff, int[] acc, int accOff, int n) {
        for (int i = 0; i < n; i++) {
            acc[accOff + i] += w[wOff + i];
        }
    }

    /** {@code x[off+i] = Fixed.decay(x[off+i], k)} for {@code i < n}. */
    public static void decay(int[] x, int off, int n, int k) {
        for (int i = 0; i < n; i++) {
            x[off + i] = Fixed.decay(x[off + i], k);
        }
    }
}
