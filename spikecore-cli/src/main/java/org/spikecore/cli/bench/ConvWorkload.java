package org.spikecore.cli.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikecore.engine.RunCounters;
import org.spikecore.engine.Simulation;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Format;
import org.spikecore.model.BernoulliSource;
import org.spikecore.model.Connectivity;
import org.spikecore.model.ConvConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronPresets;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;
import org.spikecore.model.SparseConnectivity;

/**
 * The conv layer of the memory study, 28×28×32 → 32 with 3×3 kernels (stride 1, same padding),
 * driven by 10 % Bernoulli input for 100 ticks, simulated weight-shared (the engine's default for a
 * convolution: the functional kernel) and expanded to one synapse per (pre, post) pair in CSR, side
 * by side: time per tick, the synapse memories' modelled storage, and the heap each simulation holds.
 */
public final class ConvWorkload implements BenchWorkload {

    private static final int TICKS = 100;

    @Override
    public String name() {
        return "conv";
    }

    @Override
    public String description() {
        return "conv 28x28x32 -> 32, 3x3, 10 % input, T=100: weight-shared kernel against expanded CSR";
    }

    @Override
    public Map<String, Object> run(BenchOptions o) {
        int[] kernel = new int[32 * 32 * 9];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = CounterRng.belowBound(CounterRng.bits(o.seed(), 1, 0, i), 31) - 15;
        }
        ConvConnectivity conv = new ConvConnectivity(32, 28, 28, 32, 3, 1, 1, kernel);
        int[][] syn = conv.synapses();
        SparseConnectivity expanded = new SparseConnectivity(conv.preSize(), conv.postSize(), syn[0], syn[1], syn[2]);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("synapses", syn[0].length);
        m.put("ticks", TICKS);
        Map<String, Object> shared = variant(conv, o);
        Map<String, Object> csr = variant(expanded, o);
        m.put("weight_shared", shared);
        m.put("expanded_csr", csr);
        m.put("storage_ratio", ((Number) csr.get("synapse_bytes")).doubleValue() / ((Number) shared.get("synapse_bytes")).doubleValue());
        m.put("heap_ratio", ((Number) csr.get("heap_bytes")).doubleValue() / Math.max(1, ((Number) shared.get("heap_bytes")).doubleValue()));
        m.put("t_tick_ratio", (double) csr.get("us_per_tick") / (double) shared.get("us_per_tick"));
        return m;
    }

    private static Map<String, Object> variant(Connectivity c, BenchOptions o) {
        Network net = new Network(List.of(new BernoulliSource("in", c.preSize(), 0.1),
                new Population("out", c.postSize(), NeuronPresets.lif(3, 400, true))),
                List.of(new Projection("conv", "in", "out", c, Format.INT8, 0, 1, 1.0)));
        double[] times = new double[o.reps()];
        RunCounters counters = null;
        long heap = 0;
        for (int r = 0; r < o.reps(); r++) {
            long before = usedHeap();
            try (Simulation sim = new Simulation(net, o.seed(), o.threads(), true)) {
                heap = usedHeap() - before;
                long s = System.nanoTime();
                sim.run(TICKS);
                times[r] = (System.nanoTime() - s) / 1e9;
                counters = sim.counters();
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("encoding", counters.memories().get(0).encoding() + " (" + counters.memories().get(0).regions().get(0).region().name()
                + (counters.memories().get(0).regions().size() > 1 ? ", ..." : "") + ")");
        m.put("t_sim", Medians.median(times));
        m.put("us_per_tick", Medians.median(times) / TICKS * 1e6);
        m.put("syn_ops", counters.synOps());
        m.put("synapse_bytes", counters.totalStorageBits() / 8);
        m.put("heap_bytes", heap);
        return m;
    }

    /** Heap in use after a collection (an estimate: the JVM may not collect everything). */
    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
