package org.spikecore.learn;

import org.spikecore.fixed.CounterRng;

/**
 * The spike traces of one population: for each {@link TraceSpec} one integer per neuron. Decay
 * draws its stochastic rounding from {@link CounterRng} keyed by (seed, stream + trace, tick,
 * neuron), so the traces are the same bits whatever the thread count or visiting order.
 *
 * <p>A trace at 0 stays 0 under decay, so decay visits only the neurons listed as live (every
 * neuron whose trace is not 0 is listed; a listed trace that reaches 0 leaves the list): its cost
 * follows the neurons that spiked lately, and a population silent long enough costs nothing.
 */
public final class Traces {

    private final TraceSpec[] specs;
    private final int[][] values;
    private final long seed;
    private final long stream;
    /** Per trace: the live neurons ({@code live[k][0 .. liveCount[k])}, no repeats) and who is listed. */
    private final int[][] live;
    private final int[] liveCount;
    private final boolean[][] listed;

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
        this.live = new int[specs.length][neurons];
        this.liveCount = new int[specs.length];
        this.listed = new boolean[specs.length][neurons];
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

    /** One tick of decay of every trace: {@code x −= round(x·2^−shift)} for every x ≠ 0. */
    public void decay(int tick) {
        for (int k = 0; k < specs.length; k++) {
            TraceSpec s = specs[k];
            int[] v = values[k];
            int[] neurons = live[k];
            boolean[] in = listed[k];
            long prefix = CounterRng.keyPrefix(seed, stream + k, tick);
            int kept = 0;
            for (int j = 0; j < liveCount[k]; j++) {
                int i = neurons[j];
                if (v[i] != 0) {
                    long bits = CounterRng.bitsFromPrefix(prefix, i);
                    v[i] -= (int) s.rounding().shiftRight(v[i], s.decayShift(), bits);
                }
                if (v[i] != 0) {
                    neurons[kept++] = i;
                } else {
                    in[i] = false;
                }
            }
            liveCount[k] = kept;
        }
    }

    /** Neuron i spiked: each trace grows by its increment (or is set to it, for nearest pairing). */
    public void spike(int i) {
        for (int k = 0; k < specs.length; k++) {
            TraceSpec s = specs[k];
            values[k][i] = s.pairing() == TraceSpec.Pairing.NEAREST ? s.increment()
                    : Math.min(s.max(), values[k][i] + s.increment());
            if (values[k][i] != 0 && !listed[k][i]) {
                listed[k][i] = true;
                live[k][liveCount[k]++] = i;
            }
        }
    }
}
