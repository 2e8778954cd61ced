package org.spikecore.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spikecore.train.RateCoding;
import org.spikecore.train.net.Sequential;

/** Float32 batched inference of the 784-500-500-10 LIF network, as snn_torch.py's {@code --mode infer}, by {@link Sequential}. */
public final class InferWorkload implements BenchWorkload {

    @Override
    public String name() {
        return "infer";
    }

    @Override
    public String description() {
        return "float32 forward of the 784-500-500-10 LIF network, T=100 (--batch, default 64)";
    }

    @Override
    public Map<String, Object> run(BenchOptions o) {
        int batch = o.size() == 0 ? 64 : o.size();
        // the groups in flight (one per thread) keep their steps' state
        double inFlight = Math.min(batch, (double) Sequential.GROUP * o.threads());
        TrainWorkload.requireMemory(name() + " --batch " + batch, batch, TrainWorkload.bpttStateBytesPerSample() * inFlight / batch);
        Sequential net = TrainWorkload.network(o.seed(), o.threads());
        float[][] x = RateCoding.bernoulli(batch, TrainWorkload.STEPS, TrainWorkload.SIZES[0], 0.1, o.seed() + 1);
        for (int r = 0; r < 3; r++) {
            net.infer(x, TrainWorkload.STEPS);
        }
        double[] times = new double[o.reps()];
        for (int r = 0; r < o.reps(); r++) {
            long t0 = System.nanoTime();
            net.infer(x, TrainWorkload.STEPS);
            times[r] = (System.nanoTime() - t0) / 1e9;
        }
        double t = Medians.median(times);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch", batch);
        m.put("t_pass", t);
        m.put("us_per_sample_step", t / (batch * (double) TrainWorkload.STEPS) * 1e6);
        return m;
    }
}
