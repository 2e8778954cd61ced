package org.spikecore.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikecore.data.LabeledImages;
import org.spikecore.engine.RunCounters;
import org.spikecore.engine.Simulation;
import org.spikecore.model.Network;
import org.spikecore.train.ErbpClassifier;

/**
 * The eRBP 784-100-10 network of {@code run erbp} at fixed input rates (every pixel at the same
 * spike probability per tick, labels at the label rate), samples of 100 ticks back to back, one
 * thread: SynOps per second with learning on (forward layers, error neurons, feedback and the
 * weight updates) and of the forward network alone, from the wall time; the thread's CPU time is
 * reported next to it. The networks are built outside the timed loop, and both run untimed
 * {@link #DEFAULT_WARMUP_RUNS} times first (JIT warm-up: a peer in C runs compiled from its first tick).
 * The spike counts of every node, with learning and without, let a peer's SynOps be counted the same
 * way (spikes times fan-out; docs/performance.md, "NSAT side by side").
 */
public final class ErbpWorkload implements BenchWorkload {

    /** Spike probability per tick of every input (NSAT's comparison drives its inputs at this rate). */
    static final double INPUT_RATE = 0.1;
    /**
     * Untimed runs of each network before the timed ones. With none, the medians of {@code --reps 5}
     * on the loaded 2-vCPU machine still include the JIT compiling, up to twice the steady CPU time
     * and several times its wall time (docs/performance.md, "NSAT side by side").
     */
    static final int DEFAULT_WARMUP_RUNS = 5;

    private final int warmupRuns;

    public ErbpWorkload() {
        this(DEFAULT_WARMUP_RUNS);
    }

    ErbpWorkload(int warmupRuns) {
        if (warmupRuns < 0) {
            throw new IllegalArgumentException("warm-up runs must be >= 0, got " + warmupRuns);
        }
        this.warmupRuns = warmupRuns;
    }

    @Override
    public String name() {
        return "erbp";
    }

    @Override
    public String description() {
        return "eRBP 784-100-10 on the engine, 100 ticks a sample, 32 samples (--size), inputs at 10 % per tick, one thread: "
                + "synops_per_s (learning on) and synops_per_s_inference";
    }

    @Override
    public Map<String, Object> run(BenchOptions o) {
        int samples = o.size() == 0 ? 32 : o.size();
        ErbpClassifier.Config config = ErbpClassifier.Config.of(List.of(100), 1);
        ErbpClassifier erbp = new ErbpClassifier(config, 784, 10, o.seed());
        LabeledImages flat = flatImages(samples, INPUT_RATE / config.maxRate());
        double[] learning = new double[o.reps()];
        double[] inference = new double[o.reps()];
        double[] learningCpu = new double[o.reps()];
        double[] inferenceCpu = new double[o.reps()];
        RunCounters learnCounts = null;
        RunCounters inferCounts = null;
        double[] untimed = new double[1];
        for (int r = 0; r < warmupRuns; r++) {
            time(erbp.network(flat, 0, samples, true), o, samples, config.ticks(), untimed, untimed, 0);
            time(erbp.network(flat, 0, samples, false), o, samples, config.ticks(), untimed, untimed, 0);
        }
        for (int r = 0; r < o.reps(); r++) {
            learnCounts = time(erbp.network(flat, 0, samples, true), o, samples, config.ticks(), learning, learningCpu, r);
            inferCounts = time(erbp.network(flat, 0, samples, false), o, samples, config.ticks(), inference, inferenceCpu, r);
        }
        double tLearn = Medians.median(learning);
        double tInfer = Medians.median(inference);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        m.put("ticks_per_sample", config.ticks());
        m.put("input_rate", INPUT_RATE);
        m.put("warmup_runs", warmupRuns);
        m.put("t_sim", tLearn);
        m.put("t_sim_cpu", Medians.median(learningCpu));
        m.put("synops", learnCounts.synOps());
        m.put("synops_per_s", learnCounts.synOps() / tLearn);
        m.put("t_sim_inference", tInfer);
        m.put("t_sim_inference_cpu", Medians.median(inferenceCpu));
        m.put("synops_inference", inferCounts.synOps());
        m.put("synops_per_s_inference", inferCounts.synOps() / tInfer);
        m.put("spikes_per_node", learnCounts.spikesPerNode());
        m.put("spikes_per_node_inference", inferCounts.spikesPerNode());
        return m;
    }

    /**
     * Runs the samples once; records the wall time and the CPU time of this thread (the one-thread
     * simulation runs on the caller), which on a shared machine leaves out the time other jobs held the CPU.
     */
    private static RunCounters time(Network net, BenchOptions o, int samples, int ticks, double[] times, double[] cpuTimes,
            int r) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Simulation sim = new Simulation(net, o.seed(), 1, true)) {
            long cpu = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            for (int k = 0; k < samples; k++) {
                sim.run(ticks);
                sim.resetNeuronStates();
            }
            times[r] = (System.nanoTime() - s) / 1e9;
            cpuTimes[r] = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            return sim.counters();
        }
    }

    /** Images whose every pixel has intensity {@code level} (0..1), labels cycling over the classes. */
    static LabeledImages flatImages(int n, double level) {
        byte[][] pixels = new byte[n][784];
        int[] labels = new int[n];
        byte v = (byte) Math.round(255 * level);
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(pixels[i], v);
            labels[i] = i % 10;
        }
        return new LabeledImages(28, 28, 10, pixels, labels);
    }
}
