package org.spikecore.learn;

import org.spikecore.fixed.CounterRng;

/**
 * eRBP with stochastic synapses (peRBP, Neftci et al. 2017): each pre spike is transmitted by a
 * synapse with probability p (≈ 0.6 in the paper), and only a transmitted spike learns, by the
 * {@link Erbp} rule. {@link #transmits} is the one draw both the delivery and the learning of a
 * (synapse, tick) read, so they agree.
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

    /** Whether synapse (pre, post) transmits the pre spike of {@code tick}. */
    public boolean transmits(long seed, int tick, int pre, int post) {
        return transmitted(CounterRng.bits(seed, PlasticityState.SYNAPSE_STREAM, tick, PlasticityState.synapseKey(pre, post)));
    }

    /** Whether a synapse whose transmission draw is {@code bits} transmits. */
    boolean transmitted(long bits) {
        return CounterRng.toUnitDouble(bits) < probability;
    }

    @Override
    public int onPre(PlasticityState s, int pre, int post, int w) {
        return transmits(s.seed(), s.tick(), pre, post) ? erbp.onPre(s, pre, post, w) : 0;
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
