package org.spikecore.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.spikecore.data.BenchmarkNetworks;
import org.spikecore.engine.RunCounters;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.NeuronPresets;
import org.spikecore.model.NeuronPresets.MihalasNieburMode;
import org.spikecore.model.Population;

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
        for (MihalasNieburMode mode : MihalasNieburMode.values()) {
            if (mode == MihalasNieburMode.REBOUND_SPIKE) {
                continue;
            }
            NeuronModel m = NeuronPresets.mihalasNiebur(mode);
            try (Simulation sim = new Simulation(new Network(List.of(new Population("n", 1, m)), List.of()), seed, 1, false)) {
                SpikeRecorder r = sim.recordSpikes("n");
                sim.run(400);
                int[] t = r.ticks();
                StringBuilder isi = new StringBuilder();
                for (int k = 1; k < Math.min(t.length, 13); k++) {
                    isi.append(t[k] - t[k - 1]).append(' ');
                }
                out.printf("   Mihalas-Niebur %-26s %2d spikes in 400 ms, intervals (ms): %s%n",
                        mode.name().toLowerCase().replace('_', ' '), t.length, isi.toString().trim());
            }
        }
        return List.of();
    }
}
