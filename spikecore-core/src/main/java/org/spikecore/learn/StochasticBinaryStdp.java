package org.spikecore.learn;

import org.spikecore.fixed.CounterRng;

/**
 * Stochastic STDP of 1-bit synapses (after Srinivasan &amp; Roy 2019): a weight is 0 or 1 and
 * switches with a probability that falls off as {@code exp(−|Δt|/τ)} with the distance of the pair.
 * <ul>
 * <li>potentiation, at a post spike: a 0 whose pre spiked {@code Δt = t_post − t_pre} ticks earlier
 * (1 ≤ Δt ≤ window) becomes 1 with probability {@code pPotentiate·exp(−Δt/τ)};</li>
 * <li>anti-causal depression, at a pre spike: a 1 whose post spiked {@code Δt = t_pre − t_post}
 * ticks earlier (1 ≤ Δt ≤ window) becomes 0 with probability {@code pDepress·exp(−Δt/τ)};</li>
 * <li>unpaired depression, at a post spike: a 1 whose pre did not spike within the window (the
 * far tail of the kernel, a post spike without its cause) becomes 0 with probability
 * {@code pUnpaired}.</li>
 * </ul>
 * A pair in the same tick is not a pair (Δt = 0: the pre spike cannot have caused the post spike
 * with a delay of at least one tick); the post spike of that tick still pairs with the pre's
 * earlier spike. Draws come from {@link CounterRng} keyed by synapse and tick, one stream per
 * kind of switch. The rule {@linkplain #learnsFromZero learns from 0}, so the learner walks every
 * stored synapse.
 *
 * @param tau         time constant in ticks (&gt; 0)
 * @param window      longest Δt that pairs (1..{@value #MAX_WINDOW})
 * @param pPotentiate switching probability 0 → 1 at Δt → 0 (0..1)
 * @param pDepress    the same for anti-causal 1 → 0
 * @param pUnpaired   probability of 1 → 0 at a post spike whose pre is outside the window (0..1)
 */
public record StochasticBinaryStdp(double tau, int window, double pPotentiate, double pDepress, double pUnpaired)
        implements LearningRule {

    /** The longest window: a neuron that never spiked ({@link SpikeClock#NSAT_NEVER}) lies outside any window. */
    public static final int MAX_WINDOW = 1000;

    public StochasticBinaryStdp {
        if (!(tau > 0)) {
            throw new IllegalArgumentException("switching time constant must be positive, got " + tau);
        }
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("switching window must be 1.." + MAX_WINDOW + " ticks, got " + window);
        }
        if (!(unit(pPotentiate) && unit(pDepress) && unit(pUnpaired))) {
            throw new IllegalArgumentException("switching probabilities must lie in [0, 1], got " + pPotentiate + ", "
                    + pDepress + " and " + pUnpaired);
        }
    }

    private static boolean unit(double p) {
        return p >= 0 && p <= 1;
    }

    /** The probability that a pair Δt ticks apart switches, for amplitude p (0 outside 1..window). */
    public double probability(double p, int dt) {
        return dt < 1 || dt > window ? 0 : p * StrictMath.exp(-dt / tau);
    }

    @Override
    public boolean learnsFromZero() {
        return true;
    }

    @Override
    public int onPre(PlasticityState s, int pre, int post, int w) {
        if (s.postSpiked(post)) {
            return onPost(s, pre, post, w);
        }
        if (w == 0) {
            return 0;
        }
        return switched(s, 0, pre, post, probability(pDepress, s.tick() - s.postClock().last(post))) ? -w : 0;
    }

    @Override
    public int onPost(PlasticityState s, int pre, int post, int w) {
        int dt = s.tick() - s.preClock().last(pre);
        if (w == 0) {
            return switched(s, 1, pre, post, probability(pPotentiate, dt)) ? 1 : 0;
        }
        return dt > window && switched(s, 2, pre, post, pUnpaired) ? -w : 0;
    }

    /** Whether a draw for this synapse and tick falls below p (no draw when p is 0). */
    private static boolean switched(PlasticityState s, int salt, int pre, int post, double p) {
        return p > 0 && CounterRng.toUnitDouble(s.randomBits(PlasticityState.SYNAPSE_STREAM + 16 + salt, pre, post)) < p;
    }
}
