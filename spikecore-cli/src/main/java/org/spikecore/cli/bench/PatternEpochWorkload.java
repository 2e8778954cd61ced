package org.spikecore.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spikecore.train.PatternRetention;

/** One pattern-retention training epoch (700-400-250, T=250, batch 1), as shared/peers/pattern_torch.py times it. */
public final class PatternEpochWorkload implements BenchWorkload {

    @Override
    public String name() {
        return "pattern";
    }

    @Override
    public String description() {
        return "one pattern-retention epoch (forward, BPTT, Adam) of the 700-400-250 Q/P/R network, T=250";
    }

    @Override
    public Map<String, Object> run(BenchOptions o) {
        if (o.threads() != 1) {
            throw new IllegalArgumentException("pattern runs on one thread (the peers' per-thread figure); got --threads " + o.threads());
        }
        PatternRetention task = new PatternRetention(PatternRetention.Config.PAPER, o.seed());
        for (int e = 0; e < 10; e++) {
            task.trainEpoch(); // JIT warm-up, as the peer's first epochs
        }
        int epochs = Math.max(o.reps(), 5) * 4;
        double[] times = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            long t0 = System.nanoTime();
            task.trainEpoch();
            times[e] = (System.nanoTime() - t0) / 1e9;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t_epoch", Medians.median(times));
        m.put("epochs_timed", epochs);
        return m;
    }
}
