package org.spikecore.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spikecore.MemoryBudget;
import org.spikecore.train.LifNetwork;

/**
 * BPTT on the peers' 784-500-500-10 LIF network, T = 100, Bernoulli input at 10 %, weights at 3×
 * PyTorch's default initialisation, cross-entropy on the output membrane summed over time, Adam:
 * shared/peers/snn_torch.py's {@code --mode train}. {@code t_pass} is seconds per batch (forward,
 * BPTT, optimizer step).
 */
public final class TrainWorkload implements BenchWorkload {

    static final int[] SIZES = {784, 500, 500, 10};
    static final int STEPS = 100;

    private final int recompute;

    /** Every step's state kept for BPTT. */
    public TrainWorkload() {
        this(0);
    }

    /** With {@code recompute > 0}, BPTT keeps the state every {@code recompute} steps and recomputes the rest. */
    public TrainWorkload(int recompute) {
        this.recompute = recompute;
    }

    @Override
    public String name() {
        return recompute == 0 ? "train" : "train-recompute";
    }

    @Override
    public String description() {
        return recompute == 0 ? "BPTT batch of the 784-500-500-10 LIF network, T=100 (--batch, default 64)"
                : "the train workload with memory-saving BPTT: state kept every " + recompute + " steps, the rest recomputed";
    }

    /** Fails before allocating when {@code batch} input spike trains and {@code statePerSample} bytes each do not fit. */
    static void requireMemory(String what, int batch, double statePerSample) {
        double perSample = (double) STEPS * SIZES[0] * Float.BYTES + statePerSample;
        MemoryBudget.require(what, batch * perSample);
        MemoryBudget.arrayLength(what, (double) batch * SIZES[1]);
    }

    @Override
    public Map<String, Object> run(BenchOptions o) {
        int batch = o.size() == 0 ? 64 : o.size();
        LifNetwork net = new LifNetwork(SIZES, 0.9f, 1f, 25f, 3.0, 5e-4f, o.seed()).withThreads(o.threads())
                .withRecompute(recompute);
        requireMemory(name() + " --batch " + batch, batch, net.bpttStateBytesPerSample(STEPS));
        float[][] x = LifNetwork.bernoulliInput(batch, STEPS, SIZES[0], 0.1, o.seed() + 1);
        int[] y = new int[batch];
        for (int b = 0; b < batch; b++) {
            y[b] = b % 10;
        }
        for (int r = 0; r < 3; r++) {
            net.trainBatch(x, y, STEPS); // JIT warm-up
        }
        double[] times = new double[o.reps()];
        double loss = 0;
        for (int r = 0; r < o.reps(); r++) {
            long t0 = System.nanoTime();
            loss = net.trainBatch(x, y, STEPS);
            times[r] = (System.nanoTime() - t0) / 1e9;
        }
        double t = Medians.median(times);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch", batch);
        m.put("t_pass", t);
        m.put("us_per_sample_step", t / (batch * (double) STEPS) * 1e6);
        m.put("loss", loss);
        m.put("bptt_state_bytes_per_sample", net.bpttStateBytesPerSample(STEPS));
        return m;
    }
}
