package org.spikecore.learn;

import org.spikecore.fixed.CounterRng;

/**
 * The spike traces of one population: for each {@link TraceSpec} one integer per neuron. Decay
 * draws its stochastic rounding from {@link CounterRng} keyed by (seed, stream + trace, tick,
 * neuron), so the traces are the same bits whatever the thread count or visiting order.
 */
public final class Traces {

    private final TraceSpec[] specs;
    private final int[][] values;
    private final long seed;
    private final long stream;

    /**
     * @param neurons population size
     * @param seed    random seed of the run
     * @param stream  CounterRng stream of this population's traces (trace k uses stream + k)
     * @param specs   one spec per trace
     */
    public Traces(int neurons, long seed, long stream, TraceSpec... specs) {
        if (neurons < 0) {
            throw new IllegalArgumentException("neuron count must be non-negative, got " + neurons);
        }
        this.specs = specs.clone();
        this.values = new int[specs.length][neurons];
        this.seed = seed;
        this.stream = stream;
    }

    public int traceCount() {
        return specs.length;
    }

    public int size() {
        return values.length == 0 ? 0 : values[0].length;
    }

    public TraceSpec spec(int trace) {
        return specs[trace];
    }

    /** Trace {@code trace} of neuron i. */
    public int value(int trace, int i) {
        return values[trace][i];
    }

    /** One tick of decay of every trace: {@code x −= round(x·2^−shift)}. */
    public void decay(int tick) {
        for (int k = 0; k < specs.length; k++) {
            TraceSpec s = specs[k];
            int[] v = values[k];
            long prefix = CounterRng.keyPrefix(seed, stream + k, tick);
            for (int i = 0; i < v.length; i++) {
                if (v[i] != 0) {
                    long bits = CounterRng.bitsFromPrefix(prefix, i);
                    v[i] -= (int) s.rounding().shiftRight(v[i], s.decayShift(), bits);
                }
            }
        }
    }

    /** Neuron i spiked: each trace grows by its increment (or is set to it, for nearest pairing). */
    public void spike(int i) {
        for (int k = 0; k < specs.length; k++) {
            TraceSpec s = specs[k];
            values[k][i] = s.pairing() == TraceSpec.Pairing.NEAREST ? s.increment()
                    : Math.min(s.max(), values[k][i] + s.increment());
        }
    }
}
