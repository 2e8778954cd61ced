package org.spikecore.engine;

import java.util.Arrays;

/** The value of one state of one neuron after every tick. */
public final class StateProbe {

    private final SliceState slice;
    private final int local;
    private final int state;
    private int[] values = new int[256];
    private int size;

    StateProbe(SliceState slice, int local, int state) {
        this.slice = slice;
        this.local = local;
        this.state = state;
    }

    void sample() {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = slice.x[state][local];
    }

    /** The recorded values, one per tick. */
    public int[] values() {
        return Arrays.copyOf(values, size);
    }
}
