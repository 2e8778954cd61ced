package org.spikecore.model;

import java.util.Objects;

/**
 * The rules of one tick where digital neuromorphic cores differ, named so that a network says
 * which chip it runs on. Two instances exist: {@link #SPIKECORE}, the engine's own rules (every
 * network built so far means what it meant), and {@link #NSAT}, the NSAT C simulator's
 * ({@code nmi-lab/NSAT}, {@code src/nsat.c}; docs/engine.md cites the line each rule follows).
 *
 * @param couplingRounding how a right shift of an A-matrix term rounds
 * @param refractory       what the refractory period holds and when the threshold is tested again
 * @param spikeTest        whether the threshold sees the state before or after the clamp
 * @param accumulatorBits  the summed synaptic input of a state, after its gain shift, saturates to a
 *                         signed integer of this many bits; 32 keeps the exact sum (the network
 *                         bounds it below 2^30)
 * @param random           where noise and stochastic-synapse draws come from
 */
public record CoreSemantics(String name, ShiftRounding couplingRounding, RefractoryRule refractory, SpikeTest spikeTest,
        int accumulatorBits, RandomSource random) {

    /** How {@code x · 2^-k} rounds in an A-matrix term. */
    public enum ShiftRounding {
        /** Arithmetic shift: {@code −9 >> 3 = −2}, {@code 1 >> 3 = 0}. */
        FLOOR,
        /**
         * NSAT's {@code one_bit_shift}: truncate toward zero, then a non-zero input whose result is
         * 0 gives {@code sign(x)} ({@code −9 → −1}, {@code 1 → 1}), so every term moves a state.
         */
        TOWARD_ZERO_NEVER_ZERO
    }

    /** The refractory period's rule. */
    public enum RefractoryRule {
        /**
         * While the count is above zero it counts down, state 0 is held (at its reset value if it
         * resets to one, else at its previous value) and no spike can occur; the threshold is
         * tested again in the tick after the count reached zero.
         */
        HOLD_STATE,
        /**
         * NSAT's {@code refractory_period}: while the count is above zero state 0 is overridden only
         * when it resets to a value (otherwise it keeps integrating), the count is decremented, and
         * the threshold is tested in the very tick the count reaches zero.
         */
        NSAT
    }

    /** Whether the threshold compares clamped or unclamped states. */
    public enum SpikeTest {
        /** Clamp each state, then compare. */
        AFTER_CLAMP,
        /** Compare the unclamped sums, then clamp (NSAT's {@code spike_events} precedes its clamp). */
        BEFORE_CLAMP
    }

    /** The generator behind noise and stochastic synapses. */
    public sealed interface RandomSource {
        /**
         * The counter-based generator keyed (seed, stream, tick, index): deterministic on any
         * number of threads. Gaussian noise is Box–Muller on two counter words.
         */
        record CounterBased() implements RandomSource {
        }

        /**
         * NSAT's single global PCG32 stream (seeded {@code pcg32_srandom(seed, sequence)}), drawn
         * in NSAT's order: noise, then blank-out, tick by tick. Reproduces NSAT's random cases; a
         * run must use one thread, as NSAT's own runs are reproducible only on one core.
         */
        record NsatPcg32(long sequence) implements RandomSource {
        }
    }

    /** The engine's own rules, which every network used before this record existed. */
    public static final CoreSemantics SPIKECORE = new CoreSemantics("spikecore", ShiftRounding.FLOOR,
            RefractoryRule.HOLD_STATE, SpikeTest.AFTER_CLAMP, 32, new RandomSource.CounterBased());

    /**
     * The NSAT C simulator's rules: {@code one_bit_shift} terms, its refractory rule, the spike test
     * before the clamp and a 16-bit synaptic accumulator; draws from the counter-based generator
     * (use {@link #withRandom} with {@link RandomSource.NsatPcg32} to replay NSAT's own stream).
     */
    public static final CoreSemantics NSAT = new CoreSemantics("nsat", ShiftRounding.TOWARD_ZERO_NEVER_ZERO,
            RefractoryRule.NSAT, SpikeTest.BEFORE_CLAMP, 16, new RandomSource.CounterBased());

    public CoreSemantics {
        Objects.requireNonNull(name, "semantics name");
        Objects.requireNonNull(couplingRounding, "semantics " + name + " coupling rounding");
        Objects.requireNonNull(refractory, "semantics " + name + " refractory rule");
        Objects.requireNonNull(spikeTest, "semantics " + name + " spike test");
        Objects.requireNonNull(random, "semantics " + name + " random source");
        if (accumulatorBits < 2 || accumulatorBits > 32) {
            throw new IllegalArgumentException("semantics " + name + ": accumulator width must be 2..32 bits, got "
                    + accumulatorBits);
        }
    }

    /** These rules with another random source. */
    public CoreSemantics withRandom(RandomSource source) {
        return new CoreSemantics(name, couplingRounding, refractory, spikeTest, accumulatorBits, source);
    }

    /** The named instance for {@code name} ("spikecore" or "nsat"), or an error naming both. */
    public static CoreSemantics named(String name) {
        return switch (name) {
            case "spikecore" -> SPIKECORE;
            case "nsat" -> NSAT;
            default -> throw new IllegalArgumentException("unknown core semantics '" + name + "'; choose spikecore or nsat");
        };
    }
}
