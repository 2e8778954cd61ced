package org.spikecore.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spikecore.data.BenchmarkNetworks;
import org.spikecore.engine.RunCounters;
import org.spikecore.engine.Simulation;
import org.spikecore.model.Network;

/**
 * The peers' 784-500-500-10 LIF network, 64 samples of 100 ticks run back to back (neuron states
 * reset between samples), as shared/peers/snn_brian.py streams them.
 */
public final class FeedForwardWorkload implements BenchWorkload {

    private static final int TICKS = 100;

    @Override
    public String name() {
        return "ff";
    }

    @Override
    public String description() {
        return "784-500-500-10 LIF, T=100, 64 samples (--size), 10 % Bernoulli input";
    }

    @Override
    public Map<String, Object> run(BenchOptions o) {
        int samples = o.size() == 0 ? 64 : o.size();
        int capacity = Math.max(784, (1010 + o.threads() - 1) / o.threads());
        Network net = BenchmarkNetworks.feedForward(0.1, 3.0, o.seed(), capacity).withSemantics(o.semantics());
        double[] times = new double[o.reps()];
        RunCounters counters = null;
        for (int r = 0; r < o.reps(); r++) {
            try (Simulation sim = new Simulation(net, o.seed(), o.threads(), true)) {
                long s = System.nanoTime();
                for (int k = 0; k < samples; k++) {
                    sim.run(TICKS);
                    sim.resetNeuronStates();
                }
                times[r] = (System.nanoTime() - s) / 1e9;
                counters = sim.counters();
            }
        }
        double tSim = Medians.median(times);
        Map<String, Long> spikes = counters.spikesPerNode();
        // Events as the peers count them: spikes of each layer times its fan-out.
        long events = spikes.get("input") * 500 + spikes.get("hidden1") * 500 + spikes.get("hidden2") * 10;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        m.put("cores", net.coreCount());
        m.put("t_sim", tSim);
        m.put("events_per_s", events / tSim);
        m.put("us_per_sample_step", tSim / (samples * (double) TICKS) * 1e6);
        m.put("syn_events", events);
        m.put("syn_ops_incl_bias", counters.synOps());
        m.put("spikes_per_layer", new long[] {spikes.get("input"), spikes.get("hidden1"), spikes.get("hidden2"),
                spikes.get("output")});
        m.put("synapse_bytes", counters.totalStorageBits() / 8);
        return m;
    }
}
