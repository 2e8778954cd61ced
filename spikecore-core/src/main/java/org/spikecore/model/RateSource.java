package org.spikecore.model;

/**
 * Neurons that each spike with their own probability per tick, set by the caller between samples
 * ({@code Simulation.setSpikeProbabilities}): Poisson-coded images whose rates follow each pixel's
 * intensity. All rates start at 0. Draws come from the counter-based generator keyed by (seed,
 * source, tick, neuron), as {@link BernoulliSource}'s, so they do not depend on threads or order.
 *
 * @param name unique name
 * @param size number of neurons
 */
public record RateSource(String name, int size) implements SpikeSource {
    public RateSource {
        if (size < 1) {
            throw new IllegalArgumentException("source " + name + ": size must be positive, got " + size);
        }
    }
}
