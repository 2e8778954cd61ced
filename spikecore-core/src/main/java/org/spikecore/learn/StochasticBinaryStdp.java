package org.spikecore.learn;

import org.spikecore.fixed.CounterRng;

/**
 * Stochastic STDP of 1-bit synapses (Srinivasan &amp; Roy 2019): a weight is 0 or 1, and a pair
 * switches it with a probability that falls off as {@code exp(−|Δt|/τ)}. At a post spike a 0
 * synapse whose pre spiked {@code Δt} ticks earlier (1 ≤ Δt ≤ window) becomes 1 with probability
 * {@code pPotentiate·exp(−Δt/τ)}; at a pre spike a 1 synapse whose post spiked Δt earlier becomes
 * 0 with probability {@code pDepress·exp(−Δt/τ)}. Draws come from {@link CounterRng} keyed by
 * synapse and tick.
 *
 * @param tau         time constant in ticks (&gt; 0)
 * @param window      longest Δt that can switch
 * @param pPotentiate switching probability at Δt → 0 for potentiation (0..1)
 * @param pDepress    the same for depression
 */
public record StochasticBinaryStdp(double tau, int window, double pPotentiate, double pDepress)
        implements LearningRule {

    public StochasticBinaryStdp {
        if (!(tau > 0)) {
            throw new IllegalArgumentException("switching time constant must be positive, got " + tau);
        }
        if (window < 1) {
            throw new IllegalArgumentException("switching window must be at least 1 tick, got " + window);
        }
        if (!(pPotentiate >= 0 && pPotentiate <= 1 && pDepress >= 0 && pDepress <= 1)) {
            throw new IllegalArgumentException("switching probabilities must lie in [0, 1], got " + pPotentiate
                    + " and " + pDepress);
        }
    }

    /** The probability that a pair Δt ticks apart switches, for amplitude p. */
    public double probability(double p, int dt) {
        return dt < 1 || dt > window ? 0 : p * StrictMath.exp(-dt / tau);
    }

    @Override
    public int onPre(PlasticityState s, int pre, int post, int w) {
        if (w == 0) {
            return s.postSpiked(post) ? onPost(s, pre, post, w) : 0;
        }
        int dt = s.tick() - s.postClock().last(post);
        return draw(s, 0, pre, post) < probability(pDepress, dt) ? -w : 0;
    }

    @Override
    public int onPost(PlasticityState s, int pre, int post, int w) {
        if (w != 0) {
            return 0;
        }
        int dt = s.tick() - s.preClock().last(pre);
        return draw(s, 1, pre, post) < probability(pPotentiate, dt) ? 1 : 0;
    }

    private static double draw(PlasticityState s, int salt, int pre, int post) {
        return CounterRng.toUnitDouble(s.randomBits(PlasticityState.SYNAPSE_STREAM + 16 + salt, pre, post));
    }
}
