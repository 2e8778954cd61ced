package org.spikecore.cli.demo;

import java.io.PrintWriter;
import java.util.List;
import java.nio.file.Path;
import java.util.Arrays;
import org.spikecore.data.BenchmarkNetworks;
import org.spikecore.engine.RunCounters;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.model.MihalasNieburBehaviour;
import org.spikecore.model.Network;

/** The bit-accurate engine: a CUBA network on two cores, bit-identical on 1 and 2 threads; neuron presets. */
public final class EngineDemo implements DemoSection {

    @Override
    public String title() {
        return "bit-accurate engine (CUBA on 2 cores, neuron presets)";
    }

    @Override
    public List<String> run(PrintWriter out, long seed, Path plots) {
        int n = 4000;
        int ticks = 2000;
        Network net = BenchmarkNetworks.cuba(n, 80, seed, 3 * n / 2);
        long[] spikes = new long[2];
        int[][] rasters = new int[2][];
        RunCounters counters = null;
        double seconds = 0;
        for (int threads = 1; threads <= 2; threads++) {
            try (Simulation sim = new Simulation(net, seed, threads, true)) {
                SpikeRecorder r = sim.recordSpikes("cuba");
                long t0 = System.nanoTime();
                sim.run(ticks);
                seconds = (System.nanoTime() - t0) / 1e9;
                counters = sim.counters();
                spikes[threads - 1] = counters.totalSpikes();
                rasters[threads - 1] = java.util.stream.IntStream.concat(Arrays.stream(r.ticks()), Arrays.stream(r.neurons())).toArray();
            }
        }
        out.printf("   CUBA %d neurons x 80 synapses, 16-bit states, %d ticks of 0.1 ms on %d cores: %d spikes (%.1f Hz), "
                + "%d synaptic ops, %d word reads of synapse memory%n", n, ticks, net.coreCount(), spikes[0],
                spikes[0] / (n * ticks * 1e-4), counters.synOps(), counters.totalWordReads());
        out.printf("   1 thread and 2 threads give identical spike trains: %s (last run %.3f s)%n",
                Arrays.equals(rasters[0], rasters[1]), seconds);
        out.println("   Mihalas-Niebur presets, 1 ms ticks, the paper's protocols:");
        out.printf("     %-38s %6s  %11s  %s%n", "behaviour (panel)", "spikes", "first spike", "verdict");
        for (MihalasNieburBehaviour b : MihalasNieburBehaviour.values()) {
            try (Simulation sim = new Simulation(b.network(), seed, 1, true)) {
                SpikeRecorder r = sim.recordSpikes(MihalasNieburBehaviour.NEURON);
                sim.run(b.durationMs());
                int[] t = r.ticks();
                out.printf("     %-38s %6d  %11s  %s%n", b.label() + " (" + b.panel() + ")", t.length,
                        t.length == 0 ? "-" : t[0] + " ms", b.shownBy(t) ? "shown" : "MISSING");
            }
        }
        return List.of();
    }
}
