package org.spikecore.train;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Format;
import org.spikecore.model.ArraySource;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.NeuronPresets;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;
import org.spikecore.model.SparseConnectivity;

/**
 * A liquid state machine (Maass et al. 2002) on the bit-accurate engine: a reservoir of integer LIF
 * neurons, the first {@code excitatoryFraction} excitatory and the rest inhibitory, with sparse
 * random recurrence (each ordered pair connected with probability {@code recurrentFanIn / size}, so
 * that a neuron's expected recurrent input, and with it the reservoir's regime, does not change with
 * its size;
 * excitatory synapses {@code +excitatoryWeight}, inhibitory {@code −inhibitoryWeight}) and sparse
 * random input synapses ({@code +inputWeight} with probability {@code inputProbability}); every
 * synapse is drawn from the seed. Samples run back to back, each followed by {@link #SETTLE} silent
 * ticks and a state reset; a sample's features are each neuron's spike count over its last
 * {@code window} ticks, for a linear readout ({@link RidgeReadout}).
 *
 * @param size                 reservoir neurons
 * @param excitatoryFraction   fraction of excitatory neurons
 * @param recurrentFanIn       expected recurrent synapses onto each neuron
 * @param inputProbability     connection probability from each input channel to each neuron
 * @param inputWeight          input synapse weight
 * @param excitatoryWeight     excitatory synapse weight
 * @param inhibitoryWeight     magnitude of an inhibitory synapse weight
 * @param leakShift            membrane leak {@code v >> leakShift} per tick
 * @param threshold            firing threshold (reset to zero)
 * @param seed                 key of the synapses
 */
public record LiquidStateMachine(int size, double excitatoryFraction, double recurrentFanIn, double inputProbability,
        int inputWeight, int excitatoryWeight, int inhibitoryWeight, int leakShift, int threshold, long seed) {

    /** Silent ticks after each sample, so no spike in flight reaches the next one. */
    public static final int SETTLE = 2;
    private static final long INPUT_STREAM = 1L << 43;
    private static final long RECURRENT_STREAM = (1L << 43) + 1;

    public LiquidStateMachine {
        if (size < 1 || !(excitatoryFraction >= 0 && excitatoryFraction <= 1) || !(recurrentFanIn >= 0 && recurrentFanIn <= size)
                || !(inputProbability >= 0 && inputProbability <= 1)) {
            throw new IllegalArgumentException("a reservoir needs at least one neuron, fractions and probabilities in [0, 1] and a "
                    + "recurrent fan-in of at most its size");
        }
    }

    /** The defaults of {@code spikecore run lsm}: 80 % excitatory, 10 recurrent synapses per neuron (at most all), 20 % input synapses, leak 1/16. */
    public static LiquidStateMachine standard(int size, long seed) {
        return new LiquidStateMachine(size, 0.8, Math.min(10, size - 1), 0.2, 24, 6, 12, 4, 64, seed);
    }

    /** Number of excitatory neurons (the first ones). */
    public int excitatory() {
        return (int) Math.round(size * excitatoryFraction);
    }

    /** The engine network for {@code samples} (each {@code [t][channel]}) laid back to back. */
    Network network(List<boolean[][]> samples) {
        int channels = samples.get(0)[0].length;
        int window = samples.get(0).length + SETTLE;
        List<Integer> ticks = new ArrayList<>();
        List<Integer> neurons = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            boolean[][] s = samples.get(i);
            for (int t = 0; t < s.length; t++) {
                for (int k = 0; k < channels; k++) {
                    if (s[t][k]) {
                        ticks.add(i * window + t);
                        neurons.add(k);
                    }
                }
            }
        }
        ArraySource input = new ArraySource("input", channels, ticks.stream().mapToInt(Integer::intValue).toArray(),
                neurons.stream().mapToInt(Integer::intValue).toArray());
        NeuronModel lif = NeuronPresets.lif(leakShift, threshold, false);
        Population reservoir = new Population("reservoir", size, lif);
        int exc = excitatory();
        return new Network(List.of(input, reservoir), List.of(
                Projection.of("input->reservoir", "input", "reservoir", sparse(channels, INPUT_STREAM, inputProbability, pre -> inputWeight),
                        Format.INT16, 0),
                Projection.of("reservoir->reservoir", "reservoir", "reservoir",
                        sparse(size, RECURRENT_STREAM, recurrentFanIn / size, pre -> pre < exc ? excitatoryWeight : -inhibitoryWeight),
                        Format.INT16, 0)),
                Network.DEFAULT_CORE_CAPACITY);
    }

    private SparseConnectivity sparse(int pres, long stream, double probability, java.util.function.IntUnaryOperator weight) {
        List<int[]> synapses = new ArrayList<>();
        for (int pre = 0; pre < pres; pre++) {
            long prefix = CounterRng.keyPrefix(seed, stream, pre);
            for (int post = 0; post < size; post++) {
                if (CounterRng.toUnitDouble(CounterRng.bitsFromPrefix(prefix, post)) < probability && (stream == INPUT_STREAM || pre != post)) {
                    synapses.add(new int[] {pre, post, weight.applyAsInt(pre)});
                }
            }
        }
        return new SparseConnectivity(pres, size, synapses.stream().mapToInt(s -> s[0]).toArray(), synapses.stream().mapToInt(s -> s[1]).toArray(),
                synapses.stream().mapToInt(s -> s[2]).toArray());
    }

    /**
     * Each sample's feature vector: per reservoir neuron, its spikes in the sample's last
     * {@code window} ticks ({@code features[i][neuron]}).
     */
    public double[][] features(List<boolean[][]> samples, int window) {
        int length = samples.get(0).length;
        if (window < 1 || window > length) {
            throw new IllegalArgumentException("readout window must be 1 to " + length + " ticks, got " + window);
        }
        int stride = length + SETTLE;
        double[][] f = new double[samples.size()][size];
        try (Simulation sim = new Simulation(network(samples), seed, 1, true)) {
            SpikeRecorder rec = sim.recordSpikes("reservoir");
            for (int i = 0; i < samples.size(); i++) {
                sim.run(stride);
                sim.resetNeuronStates();
            }
            int[] ticks = rec.ticks();
            int[] ids = rec.neurons();
            for (int k = 0; k < ticks.length; k++) {
                int i = ticks[k] / stride;
                int t = ticks[k] % stride;
                if (t >= length - window && t < length) {
                    f[i][ids[k]]++;
                }
            }
        }
        return f;
    }

    /** The readout on the raw input: per channel, its spikes in each sample's last {@code window} ticks. */
    public static double[][] inputFeatures(List<boolean[][]> samples, int window) {
        double[][] f = new double[samples.size()][];
        for (int i = 0; i < samples.size(); i++) {
            boolean[][] s = samples.get(i);
            f[i] = new double[s[0].length];
            for (int t = s.length - window; t < s.length; t++) {
                for (int k = 0; k < s[t].length; k++) {
                    f[i][k] += s[t][k] ? 1 : 0;
                }
            }
        }
        return f;
    }

    /** Mean reservoir spikes per neuron and tick over {@code features} (the window's counts). */
    public static double rate(double[][] features, int window) {
        double sum = 0;
        for (double[] row : features) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum / (features.length * (double) features[0].length * window);
    }
}
