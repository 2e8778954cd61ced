package org.spikecore.learn;

import org.spikecore.fixed.Rounding;

/**
 * Pair-based STDP on traces (Song, Miller &amp; Abbott 2000; traces as in Morrison, Diesmann &amp;
 * Gerstner 2008). At a post spike the synapse potentiates by the pre trace x, at a pre spike it
 * depresses by the post trace y:
 * <ul>
 * <li>additive: {@code Δw+ = A+·x·2^−shift}, {@code Δw− = −A−·y·2^−shift};</li>
 * <li>multiplicative (soft bounds): {@code Δw+ = A+·(wMax − w)·x·2^−shift},
 * {@code Δw− = −A−·(w − wMin)·y·2^−shift}.</li>
 * </ul>
 * Nearest-neighbour or all-to-all pairing is the traces' {@link TraceSpec.Pairing}. Each
 * change is rounded once by {@code rounding} (stochastic draws keyed by synapse and tick).
 *
 * @param multiplicative soft-bounded when true, additive otherwise
 * @param preTrace       index of the pre trace read (0 = {@code x1})
 * @param postTrace      index of the post trace read (0 = {@code y1})
 * @param aPlus          potentiation amplitude (≥ 0)
 * @param aMinus         depression amplitude (≥ 0)
 * @param shift          common scale 2^−shift (0..30)
 * @param wMin           lower soft bound (multiplicative)
 * @param wMax           upper soft bound (multiplicative)
 * @param rounding       rounding of each change
 */
public record PairStdp(boolean multiplicative, int preTrace, int postTrace, int aPlus, int aMinus, int shift,
        int wMin, int wMax, Rounding rounding) implements LearningRule {

    public PairStdp {
        if (aPlus < 0 || aMinus < 0) {
            throw new IllegalArgumentException("STDP amplitudes must be non-negative, got " + aPlus + ", " + aMinus);
        }
        if (shift < 0 || shift > 30) {
            throw new IllegalArgumentException("STDP shift must be 0..30, got " + shift);
        }
        if (wMin > wMax) {
            throw new IllegalArgumentException("STDP bounds need wMin <= wMax, got " + wMin + " > " + wMax);
        }
    }

    /** Additive STDP. */
    public static PairStdp additive(int aPlus, int aMinus, int shift, Rounding rounding) {
        return new PairStdp(false, 0, 0, aPlus, aMinus, shift, 0, 0, rounding);
    }

    /** Multiplicative STDP with soft bounds [wMin, wMax]. */
    public static PairStdp multiplicative(int aPlus, int aMinus, int shift, int wMin, int wMax, Rounding rounding) {
        return new PairStdp(true, 0, 0, aPlus, aMinus, shift, wMin, wMax, rounding);
    }

    /** Depression; when the post also spiked this tick, potentiation minus depression, rounded once. */
    @Override
    public int onPre(PlasticityState s, int pre, int post, int w) {
        long value = -depression(s.postTraces().value(postTrace, post), w);
        if (s.postSpiked(post)) {
            value += potentiation(s.preTraces().value(preTrace, pre), w);
        }
        return scaled(s, PlasticityState.ROUNDING_STREAM + 1, pre, post, value);
    }

    @Override
    public int onPost(PlasticityState s, int pre, int post, int w) {
        return scaled(s, PlasticityState.ROUNDING_STREAM, pre, post, potentiation(s.preTraces().value(preTrace, pre), w));
    }

    long potentiation(int x, int w) {
        return multiplicative ? (long) aPlus * Math.max(0, wMax - w) * x : (long) aPlus * x;
    }

    long depression(int y, int w) {
        return multiplicative ? (long) aMinus * Math.max(0, w - wMin) * y : (long) aMinus * y;
    }

    private int scaled(PlasticityState s, long stream, int pre, int post, long magnitude) {
        if (magnitude == 0) { // rounds to 0 whatever the draw, so skip it: most post traces are 0
            return 0;
        }
        long bits = rounding == Rounding.STOCHASTIC ? s.randomBits(stream, pre, post) : 0;
        return rounded(magnitude, bits);
    }

    /** A non-zero magnitude scaled by 2^−shift with rounding draw {@code bits}. */
    int rounded(long magnitude, long bits) {
        return (int) rounding.shiftRight(magnitude, shift, bits);
    }
}
