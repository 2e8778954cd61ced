package org.spikecore.cli.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spikecore.MemoryBudget;
import org.spikecore.data.BenchmarkNetworks;
import org.spikecore.engine.RunCounters;
import org.spikecore.engine.Simulation;
import org.spikecore.model.Network;

/** Vogels–Abbott CUBA, 1 s at 0.1 ms ticks, 16-bit fixed point, as the peers' cuba.py. */
public final class CubaWorkload implements BenchWorkload {

    private static final int FAN_OUT = 80;

    @Override
    public String name() {
        return "cuba";
    }

    @Override
    public String description() {
        return "CUBA network (default 4000 neurons, fan-out 80), 10,000 ticks; one core per thread";
    }

    @Override
    public Map<String, Object> run(BenchOptions o) {
        int n = o.size() == 0 ? 4000 : o.size();
        // building: pre, post and weight of every synapse; then the synapse memory and per-neuron state
        MemoryBudget.require("cuba of " + n + " neurons", n * (FAN_OUT * 24.0 + 128));
        MemoryBudget.arrayLength("cuba of " + n + " neurons", 3.0 * n * FAN_OUT);
        int ticks = 10_000;
        // one core per thread: capacity = ceil(state units / threads)
        int capacity = (3 * n + o.threads() - 1) / o.threads();
        capacity += 3 - capacity % 3;
        long t0 = System.nanoTime();
        Network net = BenchmarkNetworks.cuba(n, FAN_OUT, o.seed(), capacity).withSemantics(o.semantics());
        double[] times = new double[o.reps()];
        double[] cpuTimes = new double[o.reps()];
        RunCounters counters = null;
        double setup = 0;
        for (int r = 0; r < o.reps(); r++) {
            try (Simulation sim = new Simulation(net, o.seed(), o.threads(), true)) {
                if (r == 0) {
                    setup = (System.nanoTime() - t0) / 1e9;
                }
                long cpu = threadsCpuNanos();
                long s = System.nanoTime();
                sim.run(ticks);
                times[r] = (System.nanoTime() - s) / 1e9;
                cpuTimes[r] = (threadsCpuNanos() - cpu) / 1e9;
                counters = sim.counters();
            }
        }
        double tSim = Medians.median(times);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("neurons", n);
        m.put("cores", net.coreCount());
        m.put("t_sim", tSim);
        m.put("t_sim_min", Arrays.stream(times).min().orElse(tSim));
        // CPU time, as Brian2's single-thread standalone timer measures (std::clock), so the two
        // compare on a loaded machine too; the simulating threads' only (not the JIT's or the collector's)
        m.put("t_sim_cpu", Medians.median(cpuTimes));
        m.put("events_per_s", counters.synOps() / tSim);
        m.put("syn_events", counters.synOps());
        m.put("spikes", counters.totalSpikes());
        m.put("neuron_updates_per_s", counters.neuronUpdates() / tSim);
        m.put("us_per_sample_step", tSim / ticks * 1e6);
        m.put("synapse_bytes", counters.totalStorageBits() / 8);
        m.put("bytes_per_synapse", counters.totalStorageBits() / 8.0 / (80.0 * n));
        // int states this tick and next (3 x 4 B x 2), refractory count (4 B), input ring (1 slot x 3 x 4 B)
        m.put("state_bytes_per_neuron", 3 * 4 * 2 + 4 + 3 * 4);
        m.put("setup_s", setup);
        return m;
    }

    /**
     * CPU time so far of the live Java threads (the caller and the simulation's core threads),
     * in nanoseconds at the clock's full resolution.
     */
    private static long threadsCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            sum += Math.max(0, mx.getThreadCpuTime(id)); // −1 for a thread that has just ended
        }
        return sum;
    }
}
