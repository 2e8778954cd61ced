package org.spikecore.cli;

import java.util.List;
import org.spikecore.engine.RunCounters;
import org.spikecore.engine.Simulation;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Format;
import org.spikecore.fixed.Rounding;
import org.spikecore.learn.Plasticity;
import org.spikecore.learn.SymbolRanges;
import org.spikecore.learn.TextRule;
import org.spikecore.learn.TraceSpec;
import org.spikecore.memory.Encoding;
import org.spikecore.memory.LayerShape;
import org.spikecore.memory.SynapseEncoding;
import org.spikecore.model.ArraySource;
import org.spikecore.model.Connectivity;
import org.spikecore.model.ConvConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronPresets;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;
import org.spikecore.model.SparseConnectivity;

/**
 * A layer of {@code spikecore cost --simulate}: random input spikes at the input rate drive the
 * layer's post neurons through the chosen memory organization on the engine, on one core, and the
 * run's counters say what each memory read. Weights are drawn from the seed: an FC layer gets
 * round(d·Q) non-zero weights in every row, a conv layer a kernel whose weights are non-zero with
 * probability d. Only forward accesses happen (the engine does not propagate errors yet), and, with a
 * learning rule, the rule's reads and writes at every input spike (the post neurons never spike,
 * so only the pre-triggered terms act), which the counters keep apart as learning.
 */
final class SimulatedLayer {

    /** The largest layer --simulate builds (its synapse list and memories must fit the heap). */
    static final long MAX_SYNAPSES = 1L << 27;

    private SimulatedLayer() {
    }

    /** A run's counters and the fraction of non-zero weights the layer really had. */
    record Result(RunCounters counters, double density) {
    }

    /** The trace of the pre and post neurons a learning rule may read as x1 / y1: +64 per spike, decay 2^-2 a tick. */
    static final TraceSpec RULE_TRACE = new TraceSpec(2, 64, 127, Rounding.FLOOR, TraceSpec.Pairing.ALL_TO_ALL);

    /**
     * The counters of {@code steps} ticks of {@code shape} under {@code encoding}; with a {@code rule}
     * text (null: none) the layer learns by it (a conv layer weight-shared).
     */
    static Result run(LayerShape shape, Encoding encoding, int bits, double density, int wordBits, double inputRate,
            int steps, long seed, String rule) {
        if ((long) shape.pre() * shape.fanOut() > MAX_SYNAPSES) {
            throw new IllegalArgumentException("--simulate runs layers of at most 2^27 synapses; " + shape.label() + " has "
                    + (long) shape.pre() * shape.fanOut());
        }
        Format f = new Format(bits, 0, true);
        int wmax = Math.max(1, f.max());
        Connectivity c = switch (shape) {
            case LayerShape.Fc fc -> {
                int m = (int) Math.max(1, Math.round(density * fc.post()));
                int[] ps = new int[Math.multiplyExact(fc.pre(), m)];
                int[] qs = new int[ps.length];
                int[] ws = new int[ps.length];
                int n = 0;
                for (int i = 0; i < fc.pre(); i++) {
                    // m distinct columns: a seeded rotation of a stride through the row
                    int start = CounterRng.belowBound(CounterRng.bits(seed, 1, i, 0), fc.post());
                    for (int k = 0; k < m; k++) {
                        ps[n] = i;
                        qs[n] = (int) ((start + (long) k * fc.post() / m) % fc.post());
                        ws[n++] = 1 + CounterRng.belowBound(CounterRng.bits(seed, 2, i, k), wmax);
                    }
                }
                yield new SparseConnectivity(fc.pre(), fc.post(), ps, qs, ws);
            }
            case LayerShape.Conv cv -> {
                int[] kernel = new int[(int) cv.distinctWeights()];
                for (int i = 0; i < kernel.length; i++) {
                    kernel[i] = CounterRng.uniform(seed, 3, 0, i) < density
                            ? 1 + CounterRng.belowBound(CounterRng.bits(seed, 4, 0, i), wmax) : 0;
                }
                yield new ConvConnectivity(cv.inChannels(), cv.height(), cv.width(), cv.outChannels(), cv.k(), 1, cv.k() / 2,
                        kernel);
            }
        };
        // a threshold no input reaches: the run measures the synapse memory, not the neurons' spikes
        Population out = new Population("out", shape.post(), NeuronPresets.lif(3, 30000, true));
        // input spikes in ticks 0 .. steps − 1, all delivered by tick steps
        java.util.List<int[]> ev = new java.util.ArrayList<>();
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < shape.pre(); i++) {
                if (CounterRng.uniform(seed, 5, t, i) < inputRate) {
                    ev.add(new int[] {t, i});
                }
            }
        }
        ArraySource in = new ArraySource("in", shape.pre(), ev.stream().mapToInt(e -> e[0]).toArray(),
                ev.stream().mapToInt(e -> e[1]).toArray());
        Projection layer = new Projection("layer", "in", "out", c, f, 0, 1, 1.0).withEncoding(SynapseEncoding.of(encoding, wordBits));
        if (rule != null) {
            layer = layer.withPlasticity(Plasticity.Rule.of(TextRule.of(rule, SymbolRanges.nsat(), Rounding.STOCHASTIC),
                    List.of(RULE_TRACE), List.of(RULE_TRACE)));
        }
        Network net = new Network(List.of(in, out), List.of(layer), Math.max(Network.DEFAULT_CORE_CAPACITY, shape.post()));
        int[] weights = c instanceof ConvConnectivity cv ? cv.kernel() : ((SparseConnectivity) c).weights();
        double stored = c instanceof ConvConnectivity ? shape.distinctWeights() : (double) shape.pre() * shape.post();
        double real = java.util.Arrays.stream(weights).filter(w -> w != 0).count() / stored;
        try (Simulation sim = new Simulation(net, seed, 1, false)) {
            sim.run(steps + 1);
            return new Result(sim.counters(), real);
        }
    }
}
