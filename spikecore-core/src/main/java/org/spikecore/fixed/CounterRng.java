package org.spikecore.fixed;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * A counter-based random generator: the random word for a key {@code (seed, stream, step,
 * index)} is a pure function of that key, so any thread can draw any number in any order and
 * get the same bits. This is what makes stochastic rounding, noise and stochastic synapses
 * independent of thread count and call order.
 *
 * <p>The function chains the SplitMix64 finaliser (Steele, Lea &amp; Flood, OOPSLA 2014) over the
 * four key words, each step adding the golden-ratio increment before mixing; it passes the
 * equidistribution and correlation checks in {@code CounterRngTest}. It is not cryptographic.
 *
 * <p>Conventions used across spikecore for {@code stream}: a small integer naming the purpose
 * (noise, synapse draw, rounding, input) combined with the core or layer index; {@code step} is
 * the tick or training iteration; {@code index} the neuron, synapse or element.
 */
public final class CounterRng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private CounterRng() {
    }

    /** SplitMix64's output mixing function. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64 random bits for the key. */
    public static long bits(long seed, long stream, long step, long index) {
        long h = mix64(seed + GOLDEN);
        h = mix64(h + stream * GOLDEN + GOLDEN);
        h = mix64(h + step * GOLDEN + 0x632BE59BD9B4E019L);
        return mix64(h + index * GOLDEN + 0x85157AF5L);
    }

    /** A key prefix hashed once, for hot loops that vary only the index. */
    public static long keyPrefix(long seed, long stream, long step) {
        long h = mix64(seed + GOLDEN);
        h = mix64(h + stream * GOLDEN + GOLDEN);
        return mix64(h + step * GOLDEN + 0x632BE59BD9B4E019L);
    }

    /** The bits for {@code index} under a prefix from {@link #keyPrefix}; equals {@link #bits}. */
    public static long bitsFromPrefix(long prefix, long index) {
        return mix64(prefix + index * GOLDEN + 0x85157AF5L);
    }

    /** {@link #bitsFromPrefix} for each lane of {@code index}: the same bits, several at once. */
    public static LongVector bitsFromPrefix(long prefix, LongVector index) {
        LongVector z = index.mul(GOLDEN).add(prefix + 0x85157AF5L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        return z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    }

    /**
     * A probability as a threshold on 32 random bits: an event of probability p happens when the
     * top 32 bits of its draw, {@code bits >>> 32}, lie below {@code round(p·2^32)}.
     */
    public static long threshold32(double probability) {
        return Math.round(probability * 4294967296.0);
    }

    /** A double uniform in [0, 1) from the top 53 bits of a random word. */
    public static double toUnitDouble(long randomBits) {
        return (randomBits >>> 11) * 0x1.0p-53;
    }

    /** A uniform double in [0, 1) for the key. */
    public static double uniform(long seed, long stream, long step, long index) {
        return toUnitDouble(bits(seed, stream, step, index));
    }

    /**
     * An integer uniform in {@code [0, bound)} from a random word, by Lemire's multiply-shift
     * (bias below 2^-32 for bounds under 2^32).
     */
    public static int belowBound(long randomBits, int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) (((randomBits >>> 32) * bound) >>> 32);
    }

    /** A standard normal deviate for the key (Box–Muller on two derived words). */
    public static double gaussian(long seed, long stream, long step, long index) {
        long a = bits(seed, stream, step, index);
        long b = mix64(a ^ 0xD6E8FEB86659FD93L);
        double u1 = 1.0 - toUnitDouble(a); // (0, 1]
        double u2 = toUnitDouble(b);
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
