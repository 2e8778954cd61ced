package org.spikecore.model;

import org.spikecore.fixed.CounterRng;

/**
 * Each neuron spikes each tick independently with {@code probability} (a Poisson process in
 * discrete time). Draws come from the counter-based generator keyed by (seed, source, tick,
 * neuron), so they do not depend on threads or order.
 *
 * @param name        unique name
 * @param size        number of neurons
 * @param probability spike probability per neuron per tick, in [0, 1]
 */
public record BernoulliSource(String name, int size, double probability) implements SpikeSource {
    public BernoulliSource {
        if (size < 1) {
            throw new IllegalArgumentException("source " + name + ": size must be positive, got " + size);
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("source " + name + ": spike probability must be in [0, 1], got " + probability);
        }
    }

    /** The probability as a threshold on 32 random bits: spike iff {@code (bits >>> 32) < threshold32()}. */
    public long threshold32() {
        return CounterRng.threshold32(probability);
    }
}
