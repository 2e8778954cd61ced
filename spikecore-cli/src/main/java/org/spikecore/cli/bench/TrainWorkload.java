package org.spikecore.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikecore.MemoryBudget;
import org.spikecore.train.Loss;
import org.spikecore.train.Optimizer;
import org.spikecore.train.RateCoding;
import org.spikecore.train.Surrogate;
import org.spikecore.train.net.Dense;
import org.spikecore.train.net.Lif;
import org.spikecore.train.net.Module;
import org.spikecore.train.net.NeuronModule;
import org.spikecore.train.net.Sequential;
import org.spikecore.train.net.Shape;
import org.spikecore.train.net.SpikeFunction;

/**
 * BPTT on the peers' 784-500-500-10 LIF network, T = 100, Bernoulli input at 10 %, weights at 3×
 * PyTorch's default initialisation, cross-entropy on the output membrane summed over time, Adam:
 * shared/peers/snn_torch.py's {@code --mode train}, trained by {@link Sequential} (the trainer
 * {@code run mnist} uses). {@code t_pass} is seconds per batch (forward, BPTT, optimizer step).
 */
public final class TrainWorkload implements BenchWorkload {

    static final int[] SIZES = {784, 500, 500, 10};
    static final int STEPS = 100;
    /** The memory-saving mode's segment: neuron states kept every 10 steps, the rest recomputed in backward. */
    static final int RECOMPUTE_SEGMENT = 10;

    private final boolean recompute;

    /** {@code recompute}: BPTT with recompute-through-time ({@link Sequential#withRecompute}), the same gradient bits. */
    public TrainWorkload(boolean recompute) {
        this.recompute = recompute;
    }

    @Override
    public String name() {
        return recompute ? "train-recompute" : "train";
    }

    @Override
    public String description() {
        return recompute ? "the train workload with recompute-through-time, states kept every " + RECOMPUTE_SEGMENT + " steps"
                : "BPTT batch of the 784-500-500-10 LIF network, T=100 (--batch, default 64)";
    }

    /**
     * The peers' network as snn_torch.py builds it: dense layers with biases, snnTorch's Leaky
     * (β = 0.9, ϑ = 1, subtracting reset, detached) with its fast-sigmoid surrogate of slope 25.
     */
    static Sequential network(long seed, int threads) {
        SpikeFunction spike = SpikeFunction.step(Surrogate.superSpike(25f));
        List<Module> modules = new ArrayList<>();
        for (int l = 0; l + 1 < SIZES.length; l++) {
            modules.add(new Dense(SIZES[l], SIZES[l + 1], 3.0, seed, 400 + 2 * l));
            modules.add(new Lif(Shape.vector(SIZES[l + 1]), 0.9f, 1f, NeuronModule.Reset.SUBTRACT, true, spike));
        }
        return new Sequential(modules, Loss.CE_MEMBRANE, new Optimizer.AdamSpec(5e-4f)).withThreads(threads);
    }

    /** Bytes BPTT keeps per sample over the steps: each layer's input, and each LIF layer's membrane (its spikes are the next input). */
    static double bpttStateBytesPerSample() {
        double perStep = SIZES[0];
        for (int l = 1; l < SIZES.length; l++) {
            perStep += 2.0 * SIZES[l];
        }
        return STEPS * perStep * Float.BYTES;
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
        requireMemory(name() + " --batch " + batch, batch, bpttStateBytesPerSample());
        Sequential net = network(o.seed(), o.threads()).withRecompute(recompute ? RECOMPUTE_SEGMENT : 0);
        float[][] x = RateCoding.bernoulli(batch, STEPS, SIZES[0], 0.1, o.seed() + 1);
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
        if (recompute) {
            m.put("state_kept_every", RECOMPUTE_SEGMENT);
        } else {
            m.put("bptt_state_bytes_per_sample", (long) bpttStateBytesPerSample());
        }
        return m;
    }
}
