package org.spikecore.learn;

import org.spikecore.fixed.Rounding;

/**
 * Event-driven random back-propagation (Neftci et al. 2017): at each pre-synaptic event,
 * {@code Δw = φ'(x_gate)·m·2^−shift}, where m is the post neuron's modulator (its error
 * compartment, fed by the random fixed feedback {@code Σ_j G_ij (L_j − P_j)} of the error neurons)
 * and φ' is a boxcar on a state unit (the synaptic current or membrane): 1 for {@code low < x <
 * high}, else 0. No update at post spikes.
 *
 * @param gateState the state unit φ' reads
 * @param low       exclusive lower edge of the boxcar
 * @param high      exclusive upper edge
 * @param shift     learning rate 2^−shift (0..30)
 * @param rounding  rounding of the change (NSAT: randomized)
 */
public record Erbp(int gateState, int low, int high, int shift, Rounding rounding) implements LearningRule {

    public Erbp {
        if (gateState < 0) {
            throw new IllegalArgumentException("eRBP gate state must be non-negative, got " + gateState);
        }
        if (low >= high) {
            throw new IllegalArgumentException("eRBP boxcar needs low < high, got " + low + " >= " + high);
        }
        if (shift < 0 || shift > 30) {
            throw new IllegalArgumentException("eRBP shift must be 0..30, got " + shift);
        }
    }

    /** φ' of the post neuron now: 1 inside the boxcar. */
    public boolean derivativeOn(PlasticityState s, int post) {
        int x = s.postState(gateState, post);
        return x > low && x < high;
    }

    @Override
    public int onPre(PlasticityState s, int pre, int post, int w) {
        if (!derivativeOn(s, post)) {
            return 0;
        }
        long bits = rounding == Rounding.STOCHASTIC ? s.randomBits(PlasticityState.ROUNDING_STREAM, pre, post) : 0;
        return change(s.modulatorNow(post), bits);
    }

    /** The change for modulator {@code m} and rounding draw {@code bits}. */
    int change(int m, long bits) {
        return (int) rounding.shiftRight(m, shift, bits);
    }

    @Override
    public int onPost(PlasticityState s, int pre, int post, int w) {
        return 0;
    }

    /** Pre-triggered only: {@link #onPost} never changes a weight. */
    @Override
    public boolean actsAtPostSpikes() {
        return false;
    }
}
