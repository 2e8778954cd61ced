package org.spikecore.learn;

import org.spikecore.fixed.Rounding;

/**
 * Reward-modulated STDP, {@code Δw = η·r·STDP} (Izhikevich 2007; Florian 2007; the talk's first
 * rule): the pair terms of additive {@link PairStdp} multiplied by the third factor r of this tick
 * ({@link PlasticityState#setReward}) before the scale {@code 2^−shift}; a negative reward turns
 * potentiation into depression. The reward gates the pairs as they occur; a delayed reward is
 * expressed with an eligibility trace in a {@link TextRule}.
 *
 * @param aPlus    potentiation amplitude
 * @param aMinus   depression amplitude
 * @param shift    scale 2^−shift (0..40)
 * @param rounding rounding of each change
 */
public record RewardModulatedStdp(int aPlus, int aMinus, int shift, Rounding rounding) implements LearningRule {

    public RewardModulatedStdp {
        if (aPlus < 0 || aMinus < 0) {
            throw new IllegalArgumentException("STDP amplitudes must be non-negative, got " + aPlus + ", " + aMinus);
        }
        if (shift < 0 || shift > 40) {
            throw new IllegalArgumentException("reward-STDP shift must be 0..40, got " + shift);
        }
    }

    @Override
    public int onPre(PlasticityState s, int pre, int post, int w) {
        long value = -(long) s.reward() * aMinus * s.postTraces().value(0, post);
        if (s.postSpiked(post)) {
            value += (long) s.reward() * aPlus * s.preTraces().value(0, pre);
        }
        return scaled(s, PlasticityState.ROUNDING_STREAM + 1, pre, post, value);
    }

    @Override
    public int onPost(PlasticityState s, int pre, int post, int w) {
        long value = (long) s.reward() * aPlus * s.preTraces().value(0, pre);
        return scaled(s, PlasticityState.ROUNDING_STREAM, pre, post, value);
    }

    private int scaled(PlasticityState s, long stream, int pre, int post, long value) {
        long bits = rounding == Rounding.STOCHASTIC ? s.randomBits(stream, pre, post) : 0;
        return (int) rounding.shiftRight(value, shift, bits);
    }
}
