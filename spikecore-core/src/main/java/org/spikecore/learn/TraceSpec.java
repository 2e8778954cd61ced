package org.spikecore.learn;

import org.spikecore.fixed.Rounding;

/**
 * One spike trace of a population: a non-negative integer that decays by {@code x·2^−decayShift}
 * per tick (rounded by {@code rounding}; stochastic rounding keeps the mean decay exact down to
 * small values) and grows by {@code increment} at each spike, saturating at {@code max}. With
 * {@link Pairing#NEAREST} a spike sets the trace to {@code increment} instead, so it remembers
 * only the latest spike (nearest-neighbour pairing); {@link Pairing#ALL_TO_ALL} sums every past
 * spike.
 *
 * @param decayShift time constant as a shift, τ ≈ 2^decayShift ticks (1..30)
 * @param increment  added at a spike (≥ 0)
 * @param max        saturation value (≥ increment), e.g. 127 for Lava's 7-bit traces
 * @param rounding   rounding of the decrement
 * @param pairing    how spikes accumulate
 */
public record TraceSpec(int decayShift, int increment, int max, Rounding rounding, Pairing pairing) {

    /** How a spike enters a trace. */
    public enum Pairing {
        /** The trace sums all past spikes. */
        ALL_TO_ALL,
        /** A spike resets the trace to the increment. */
        NEAREST
    }

    public TraceSpec {
        if (decayShift < 1 || decayShift > 30) {
            throw new IllegalArgumentException("trace decay shift must be 1..30, got " + decayShift);
        }
        if (increment < 0 || max < increment) {
            throw new IllegalArgumentException("trace needs 0 <= increment <= max, got increment " + increment
                    + " and max " + max);
        }
        if (rounding == null || pairing == null) {
            throw new IllegalArgumentException("trace needs a rounding and a pairing");
        }
    }

    /** A 7-bit all-to-all trace with stochastic rounding, as Lava's learning engine keeps them. */
    public static TraceSpec lava7Bit(int decayShift, int increment) {
        return new TraceSpec(decayShift, increment, 127, Rounding.STOCHASTIC, Pairing.ALL_TO_ALL);
    }
}
