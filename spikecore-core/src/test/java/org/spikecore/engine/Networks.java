package org.spikecore.engine;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Format;
import org.spikecore.model.ArraySource;
import org.spikecore.model.BernoulliSource;
import org.spikecore.model.Connectivity;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.NeuronPresets;
import org.spikecore.model.Node;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;
import org.spikecore.model.SparseConnectivity;

/** Shared reference networks for engine tests. */
final class Networks {

    private Networks() {
    }

    /** One neuron driven by a one-neuron array source through a weight. */
    static Network single(NeuronModel model, int weight, int targetState, int delay, int[] inputTicks) {
        int[] neurons = new int[inputTicks.length];
        List<Node> nodes = List.of(new ArraySource("in", 1, inputTicks, neurons), new Population("n", 1, model));
        Projection p = new Projection("w", "in", "n", new DenseConnectivity(1, 1, new int[] {weight}), Format.INT16,
                targetState, delay, 1.0);
        return new Network(nodes, List.of(p));
    }

    /** A random sparse connectivity with fixed fan-out, weights uniform in [lo, hi]. */
    static SparseConnectivity randomSparse(int pre, int post, int fanOut, int lo, int hi, long seed, boolean allowSelf) {
        List<int[]> syn = new ArrayList<>();
        for (int i = 0; i < pre; i++) {
            java.util.Set<Integer> targets = new java.util.TreeSet<>();
            int draw = 0;
            while (targets.size() < fanOut) {
                int j = CounterRng.belowBound(CounterRng.bits(seed, 7, i, draw++), post);
                if (allowSelf || j != i) {
                    targets.add(j);
                }
            }
            int k = 0;
            for (int j : targets) {
                int w = lo + CounterRng.belowBound(CounterRng.bits(seed, 8, i, k++), hi - lo + 1);
                syn.add(new int[] {i, j, w == 0 ? 1 : w});
            }
        }
        return new SparseConnectivity(pre, post, syn.stream().mapToInt(s -> s[0]).toArray(),
                syn.stream().mapToInt(s -> s[1]).toArray(), syn.stream().mapToInt(s -> s[2]).toArray());
    }

    /**
     * A recurrent network of LIF-with-synapse neurons driven by Bernoulli input, spread over
     * several cores: exercises routing, delays, sparse and dense memories.
     */
    static Network recurrent(int n, int coreCapacity, long seed) {
        NeuronModel model = NeuronPresets.lifFirstOrderSynapse(4, 3, 1, 600);
        Connectivity inputConn = randomSparse(50, n, 10, 20, 120, seed, true);
        Connectivity rec = randomSparse(n, n, 12, -90, 110, seed + 1, false);
        int[] dense = new int[20 * n];
        for (int k = 0; k < dense.length; k++) {
            dense[k] = CounterRng.belowBound(CounterRng.bits(seed, 9, 0, k), 61) - 30;
        }
        List<Node> nodes = List.of(new BernoulliSource("in", 50, 0.2), new Population("exc", n, model),
                new Population("read", 20, NeuronPresets.lif(3, 400, true)));
        List<Projection> projections = List.of(
                new Projection("in->exc", "in", "exc", inputConn, Format.INT8, 1, 1, 1.0),
                new Projection("exc->exc", "exc", "exc", rec, Format.INT8, 1, 3, 1.0),
                new Projection("exc->read", "exc", "read", new DenseConnectivity(n, 20, transpose(dense, 20, n)),
                        Format.INT8, 0, 2, 1.0),
                new Projection("in->read", "in", "read", randomSparse(50, 20, 5, 10, 60, seed + 2, true), Format.INT8, 0, 1,
                        0.5));
        return new Network(nodes, projections, coreCapacity);
    }

    private static int[] transpose(int[] w, int rows, int cols) {
        int[] t = new int[w.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = w[r * cols + c];
            }
        }
        return t;
    }

    /** Spikes of a node over a run as "tick:neuron" strings. */
    static List<String> spikes(Network net, String node, int ticks, int threads, boolean vectorized, long seed) {
        try (Simulation sim = new Simulation(net, seed, threads, vectorized)) {
            SpikeRecorder r = sim.recordSpikes(node);
            sim.run(ticks);
            List<String> out = new ArrayList<>();
            int[] t = r.ticks();
            int[] n = r.neurons();
            for (int k = 0; k < t.length; k++) {
                out.add(t[k] + ":" + n[k]);
            }
            return out;
        }
    }

    static BernoulliSource bernoulli(String name, int size, double p) {
        return new BernoulliSource(name, size, p);
    }
}
