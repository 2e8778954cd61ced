package org.spikecore.learn;

import java.util.Arrays;

/**
 * A post neuron's modulator {@code x_m = Σ γ_i x_i} over some of its state units, each γ a signed
 * power of two ({@code sign · 2^exponent}, applied by {@link NsatShifts#zbs}). NSAT's is one state
 * with γ = 1 ({@code modg_state}); eRBP's is the error compartment.
 *
 * @param states    the state units summed
 * @param exponents γ's exponent per unit
 * @param signs     γ's sign per unit (+1 or −1)
 */
public record Modulator(int[] states, int[] exponents, int[] signs) {

    public Modulator {
        if (states.length == 0 || exponents.length != states.length || signs.length != states.length) {
            throw new IllegalArgumentException("modulator needs as many exponents and signs as states, got "
                    + states.length + ", " + exponents.length + ", " + signs.length);
        }
        for (int i = 0; i < states.length; i++) {
            if (states[i] < 0) {
                throw new IllegalArgumentException("modulator state index must be non-negative, got " + states[i]);
            }
            if (signs[i] != 1 && signs[i] != -1) {
                throw new IllegalArgumentException("modulator sign must be +1 or -1, got " + signs[i]);
            }
        }
        states = states.clone();
        exponents = exponents.clone();
        signs = signs.clone();
    }

    /** NSAT's modulator: state k with γ = 1. */
    public static Modulator state(int k) {
        return new Modulator(new int[] {k}, new int[] {0}, new int[] {1});
    }

    /** The modulator of neuron i from state-major states {@code x[state][neuron]}. */
    public int value(int[][] x, int i) {
        long sum = 0;
        for (int j = 0; j < states.length; j++) {
            sum += signs[j] * (long) NsatShifts.zbs(x[states[j]][i], exponents[j]);
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, sum));
    }

    @Override
    public int[] states() {
        return states.clone();
    }

    @Override
    public int[] exponents() {
        return exponents.clone();
    }

    @Override
    public int[] signs() {
        return signs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Modulator m && Arrays.equals(states, m.states) && Arrays.equals(exponents, m.exponents)
                && Arrays.equals(signs, m.signs);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(new Object[] {states, exponents, signs});
    }

    @Override
    public String toString() {
        return "Modulator[states=" + Arrays.toString(states) + ", exponents=" + Arrays.toString(exponents)
                + ", signs=" + Arrays.toString(signs) + "]";
    }
}
