package org.spikecore.model;

/** The diagonal term of a state's update: how much of its own value it keeps each tick. */
public sealed interface Leak {

    /** The state keeps its value (a pure integrator). */
    record None() implements Leak {
    }

    /**
     * NSAT's multiplierless leak {@code x − sign(x)·max(1, |x| >> shift)}: the factor is
     * {@code 1 − 2^−shift}, and a non-zero state always moves at least one unit toward zero.
     */
    record Shift(int shift) implements Leak {
        public Shift {
            if (shift < 0 || shift > 30) {
                throw new IllegalArgumentException("leak shift must be 0..30, got " + shift);
            }
        }
    }

    /**
     * Loihi's 12-bit decay {@code sign(x)·((|x|·(4096 − decay)) >> 12)} (REFERENCES §5): the
     * magnitude is truncated, i.e. the product rounds toward zero.
     */
    record Multiplicative(int decay) implements Leak {
        public Multiplicative {
            if (decay < 0 || decay > 4096) {
                throw new IllegalArgumentException("12-bit decay must be 0..4096, got " + decay);
            }
        }
    }

    static Leak none() {
        return new None();
    }

    static Leak shift(int k) {
        return new Shift(k);
    }

    static Leak multiplicative(int decay12) {
        return new Multiplicative(decay12);
    }
}
