package org.spikecore.engine;

import java.util.List;
import org.spikecore.model.CoreSlice;

/**
 * The mutable state of one core slice, structure-of-arrays: {@code x[state][neuron]} for this tick,
 * {@code next[state][neuron]} being computed, refractory counters, a ring of input accumulators
 * {@code input[slot][state][neuron]} (one slot per tick of delay), the incoming synapse memories,
 * and the spikes this slice emitted in the last tick (population indices, ascending).
 */
final class SliceState {

    final CoreSlice slice;
    final int nodeIndex;
    final CompiledModel model;
    final int length;
    final int start;
    private final int[] initialV0;
    int[][] x;
    int[][] next;
    final int[] refractory;
    final int[][][] input;
    final int ringSize;
    final List<Incoming> incoming;
    /** Per state: whether any projection adds into it (only those input rows need clearing). */
    final boolean[] receivesInput;
    final int[] spikes;
    /**
     * The standard normal deviates of this tick per Gaussian state and neuron when they come from
     * NSAT's PCG32 stream (drawn by the simulation in NSAT's order before the update); null when
     * the counter-based generator draws them inside the update.
     */
    double[][] gaussianDraws;
    /**
     * Per incoming projection, NSAT's blank-out bit of each (pre, post) synapse for the spikes being
     * delivered ({@code [incoming][pre·length + post]}); null unless NSAT's stream draws them.
     */
    byte[][] nsatTransmit;
    /**
     * The states of this tick before the reset ({@code [state][neuron]}), kept when learning reads
     * them (NSAT's gate and modulator); null otherwise.
     */
    int[][] preReset;
    int spikeCount;
    long synOps;
    long neuronUpdates;

    SliceState(CoreSlice slice, CompiledModel model, int[] initialV0, List<Incoming> incoming, int ringSize) {
        this.slice = slice;
        this.nodeIndex = slice.population();
        this.model = model;
        this.length = slice.length();
        this.start = slice.start();
        this.incoming = List.copyOf(incoming);
        this.receivesInput = new boolean[model.states];
        for (Incoming inc : incoming) {
            receivesInput[inc.targetState()] = true;
        }
        this.ringSize = ringSize;
        this.initialV0 = initialV0;
        this.x = new int[model.states][length];
        this.next = new int[model.states][length];
        this.refractory = new int[length];
        this.input = new int[ringSize][model.states][length];
        this.spikes = new int[length];
        resetNeurons();
    }

    /** States to their initial values; refractory counts, pending inputs and spikes cleared. */
    void resetNeurons() {
        for (int k = 0; k < model.states; k++) {
            java.util.Arrays.fill(x[k], model.initial[k]);
        }
        if (initialV0 != null) {
            System.arraycopy(initialV0, start, x[0], 0, length);
        }
        java.util.Arrays.fill(refractory, 0);
        for (int[][] slot : input) {
            for (int[] row : slot) {
                java.util.Arrays.fill(row, 0);
            }
        }
        spikeCount = 0;
    }

    /** Swaps this tick's and the next tick's state arrays. */
    void swap() {
        int[][] t = x;
        x = next;
        next = t;
    }
}
