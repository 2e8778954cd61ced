package org.spikecore.fixed;

import java.math.BigInteger;

/**
 * Exact reference arithmetic on {@link BigInteger}s, written independently of {@link Fixed} and
 * {@link Rounding}: division with an explicit remainder, then the rounding decided on the
 * remainder's size.
 */
final class ExactReference {

    private ExactReference() {
    }

    static long clamp(BigInteger v, Format f) {
        BigInteger lo = BigInteger.valueOf(f.min());
        BigInteger hi = BigInteger.valueOf(f.max());
        return v.max(lo).min(hi).longValueExact();
    }

    /** x / 2^shift rounded by mode (stochastic: up iff random fraction u < remainder/2^shift). */
    static BigInteger divPow2(BigInteger x, int shift, Rounding mode, long randomBits) {
        BigInteger d = BigInteger.ONE.shiftLeft(shift);
        BigInteger[] qr = x.divideAndRemainder(d); // truncates toward zero
        BigInteger q = qr[0];
        BigInteger r = qr[1];
        if (r.signum() == 0) {
            return q;
        }
        // floor quotient and non-negative remainder
        BigInteger fq = r.signum() < 0 ? q.subtract(BigInteger.ONE) : q;
        BigInteger fr = r.signum() < 0 ? r.add(d) : r;
        return switch (mode) {
            case TOWARD_ZERO -> q;
            case FLOOR -> fq;
            case NEAREST_EVEN -> {
                int c = fr.shiftLeft(1).compareTo(d);
                if (c > 0 || (c == 0 && fq.testBit(0))) {
                    yield fq.add(BigInteger.ONE);
                }
                yield fq;
            }
            case STOCHASTIC -> {
                BigInteger u = BigInteger.valueOf(randomBits).and(d.subtract(BigInteger.ONE));
                yield u.compareTo(fr) < 0 ? fq.add(BigInteger.ONE) : fq;
            }
        };
    }
}
