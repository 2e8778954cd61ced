package org.spikecore.engine;

import java.util.Arrays;

/** The spikes of one node as (tick, neuron) events in time order, neurons ascending within a tick. */
public final class SpikeRecorder {

    private final String node;
    private int[] ticks = new int[256];
    private int[] neurons = new int[256];
    private int size;

    SpikeRecorder(String node) {
        this.node = node;
    }

    void add(int tick, int[] spikes, int count) {
        if (size + count > ticks.length) {
            int cap = Math.max(ticks.length * 2, size + count);
            ticks = Arrays.copyOf(ticks, cap);
            neurons = Arrays.copyOf(neurons, cap);
        }
        for (int k = 0; k < count; k++) {
            ticks[size] = tick;
            neurons[size++] = spikes[k];
        }
    }

    public String node() {
        return node;
    }

    public int size() {
        return size;
    }

    public int[] ticks() {
        return Arrays.copyOf(ticks, size);
    }

    public int[] neurons() {
        return Arrays.copyOf(neurons, size);
    }

    /** Spike ticks of one neuron. */
    public int[] ticksOf(int neuron) {
        return java.util.stream.IntStream.range(0, size).filter(k -> neurons[k] == neuron).map(k -> ticks[k]).toArray();
    }

    /** Forgets the spikes recorded so far (counting per sample); recording goes on. */
    public void clear() {
        size = 0;
    }

    /** Spike count per neuron for a node of {@code nodeSize} neurons. */
    public int[] countsPerNeuron(int nodeSize) {
        int[] c = new int[nodeSize];
        for (int k = 0; k < size; k++) {
            c[neurons[k]]++;
        }
        return c;
    }
}
