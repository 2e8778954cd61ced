package org.spikecore.fixed;

/**
 * How a value between two representable neighbours becomes one of them.
 *
 * <p>Every mode is defined on exact integers: {@link #shiftRight(long, int, long)} divides by
 * {@code 2^shift} and rounds; there is no floating point in the integer path. Stochastic
 * rounding rounds up with probability equal to the discarded fraction, using the low
 * {@code shift} bits of a caller-supplied random word (from {@link CounterRng}), so it is
 * unbiased and reproducible.
 */
public enum Rounding {
    /** Truncation toward zero (C's integer division). */
    TOWARD_ZERO,
    /** Toward negative infinity (an arithmetic right shift). */
    FLOOR,
    /** To the nearest neighbour, ties to the even one. */
    NEAREST_EVEN,
    /** Up with probability equal to the discarded fraction. */
    STOCHASTIC;

    /**
     * {@code x / 2^shift} rounded by this mode. {@code shift} is 0..62; for
     * {@link #STOCHASTIC} the low {@code shift} bits of {@code randomBits} are the uniform draw
     * (other modes ignore it).
     */
    public long shiftRight(long x, int shift, long randomBits) {
        if (shift < 0 || shift > 62) {
            throw new IllegalArgumentException("shift must be 0..62, got " + shift);
        }
        if (shift == 0) {
            return x;
        }
        long floor = x >> shift;
        long mask = (1L << shift) - 1;
        long rem = x & mask; // 0 <= rem < 2^shift, x = floor*2^shift + rem
        return switch (this) {
            case FLOOR -> floor;
            case TOWARD_ZERO -> (x < 0 && rem != 0) ? floor + 1 : floor;
            case NEAREST_EVEN -> {
                long half = 1L << (shift - 1);
                if (rem > half || (rem == half && (floor & 1) != 0)) {
                    yield floor + 1;
                }
                yield floor;
            }
            case STOCHASTIC -> (randomBits & mask) < rem ? floor + 1 : floor;
        };
    }

    /**
     * Rounds a real number to an integer by this mode; stochastic rounding takes its uniform from
     * the top 53 bits of {@code randomBits}.
     */
    public long roundToLong(double x, long randomBits) {
        double floor = Math.floor(x);
        double frac = x - floor;
        return switch (this) {
            case FLOOR -> (long) floor;
            case TOWARD_ZERO -> (long) x;
            case NEAREST_EVEN -> (long) Math.rint(x);
            case STOCHASTIC -> CounterRng.toUnitDouble(randomBits) < frac ? (long) floor + 1 : (long) floor;
        };
    }

    /**
     * {@code x / divisor} rounded by this mode, for divisors that are not powers of two (a learning
     * rate ∝ 1/count). {@code divisor} ≥ 1; for {@link #STOCHASTIC} the draw is
     * {@code randomBits mod divisor} (unsigned), so the result rounds up with probability
     * {@code (x mod divisor)/divisor} (to within 2^−64·divisor).
     */
    public long divide(long x, long divisor, long randomBits) {
        if (divisor < 1) {
            throw new IllegalArgumentException("divisor must be positive, got " + divisor);
        }
        long floor = Math.floorDiv(x, divisor);
        long rem = x - floor * divisor; // 0 <= rem < divisor
        return switch (this) {
            case FLOOR -> floor;
            case TOWARD_ZERO -> (x < 0 && rem != 0) ? floor + 1 : floor;
            case NEAREST_EVEN -> {
                long twice = 2 * rem;
                if (twice > divisor || (twice == divisor && (floor & 1) != 0)) {
                    yield floor + 1;
                }
                yield floor;
            }
            case STOCHASTIC -> Long.remainderUnsigned(randomBits, divisor) < rem ? floor + 1 : floor;
        };
    }
}
