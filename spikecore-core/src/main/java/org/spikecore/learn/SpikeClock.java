package org.spikecore.learn;

import java.util.Arrays;

/**
 * The tick of each neuron's last spike: what NSAT's forward-table STDP times pairs with (its
 * per-unit {@code counter}), and what pair and stochastic STDP read as {@code Δt}.
 */
public final class SpikeClock {

    /** NSAT's initial counter: a unit that never spiked is out of every window. */
    public static final int NSAT_NEVER = -2000;

    private final int[] last;

    /** {@code neurons} clocks, each starting at {@code never}. */
    public SpikeClock(int neurons, int never) {
        if (neurons < 0) {
            throw new IllegalArgumentException("neuron count must be non-negative, got " + neurons);
        }
        last = new int[neurons];
        Arrays.fill(last, never);
    }

    public int size() {
        return last.length;
    }

    /** The tick of neuron i's last recorded spike. */
    public int last(int i) {
        return last[i];
    }

    /** Records a spike of neuron i at {@code tick}. */
    public void record(int i, int tick) {
        last[i] = tick;
    }

    /** The clocks themselves, for kernels that read them in a loop (do not write). */
    int[] array() {
        return last;
    }
}
