package org.spikecore.learn;

import org.spikecore.fixed.CounterRng;

/**
 * eRBP with stochastic synapses (peRBP, Neftci et al. 2017): each pre spike is transmitted by a
 * synapse with probability p (≈ 0.6 in the paper), and only a transmitted spike learns, by the
 * {@link Erbp} rule. In the engine the rule reads the draw the delivery made
 * ({@link PlasticityState#bindTransmission}: the same key, the same threshold on its top 32 bits),
 * so the spikes that learn are exactly the spikes that were transmitted; the projection's
 * transmission probability must be this rule's.
 *
 * @param erbp        the update of a transmitted spike
 * @param probability transmission probability (0..1]
 */
public record Perbp(Erbp erbp, double probability) implements LearningRule {

    public Perbp {
        if (erbp == null) {
            throw new IllegalArgumentException("peRBP needs an eRBP rule");
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("synapse probability must lie in (0, 1], got " + probability);
        }
    }

    /** Whether synapse (pre, post) transmits this tick's pre spike ({@link PlasticityState#transmissionBits}). */
    public boolean transmits(PlasticityState s, int pre, int post) {
        return transmitted(s.transmissionBits(pre, post));
    }

    /**
     * Whether a synapse whose transmission draw is {@code bits} transmits: its top 32 bits below
     * {@code round(p·2^32)}, the engine's test ({@code Projection.threshold32}).
     */
    boolean transmitted(long bits) {
        return (bits >>> 32) < threshold32();
    }

    /** The probability as a threshold on 32 random bits ({@link CounterRng#threshold32}, as a projection's). */
    public long threshold32() {
        return CounterRng.threshold32(probability);
    }

    @Override
    public int onPre(PlasticityState s, int pre, int post, int w) {
        return transmits(s, pre, post) ? erbp.onPre(s, pre, post, w) : 0;
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
