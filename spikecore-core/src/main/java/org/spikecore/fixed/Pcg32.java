package org.spikecore.fixed;

/**
 * The PCG32 generator of O'Neill's pcg_basic (64-bit LCG state, XSH-RR output), which the NSAT C
 * simulator uses as one global stream for noise, blank-out and randomized rounding. spikecore
 * uses it only to replay NSAT's random cases draw for draw (the counter-based {@link CounterRng}
 * is the generator everywhere else, because a single stream cannot be shared by threads).
 *
 * <p>Also NSAT's {@code normal()}: Box–Muller on two {@code boundedrand(100)/100} draws, returning
 * the cosine deviate and caching the sine one for the next call (the cache is the C function's
 * static pair, so it lives in this object and is never reset).
 */
public final class Pcg32 {

    private static final long MULTIPLIER = 6364136223846793005L;

    private long state;
    private final long increment;
    private boolean haveCached;
    private double cached;

    /** {@code pcg32_srandom(initState, initSequence)}. */
    public Pcg32(long initState, long initSequence) {
        increment = (initSequence << 1) | 1;
        state = 0;
        nextInt();
        state += initState;
        nextInt();
    }

    /** The next 32-bit output, as an unsigned value in a long. */
    public long nextInt() {
        long old = state;
        state = old * MULTIPLIER + increment;
        int xorShifted = (int) (((old >>> 18) ^ old) >>> 27);
        int rot = (int) (old >>> 59);
        return Integer.toUnsignedLong(Integer.rotateRight(xorShifted, rot));
    }

    /** {@code pcg32_boundedrand(bound)}: uniform in [0, bound) by rejection below {@code 2^32 mod bound}. */
    public long boundedRand(long bound) {
        if (bound <= 0 || bound > 1L << 32) {
            throw new IllegalArgumentException("PCG32 bound must be 1..2^32, got " + bound);
        }
        long threshold = ((1L << 32) - bound) % bound;
        while (true) {
            long r = nextInt();
            if (r >= threshold) {
                return r % bound;
            }
        }
    }

    /** NSAT's {@code normal(0, 1)}: alternately a fresh Box–Muller pair's first deviate and its cached second. */
    public double nsatNormal() {
        if (haveCached) {
            haveCached = false;
            return cached;
        }
        double u1;
        double u2;
        do {
            u1 = boundedRand(100) / 100.0;
            u2 = boundedRand(100) / 100.0;
        } while (u1 <= Double.MIN_NORMAL);
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double angle = 2.0 * 3.14159265358979323846 * u2;
        cached = radius * StrictMath.sin(angle);
        haveCached = true;
        return radius * StrictMath.cos(angle);
    }
}
