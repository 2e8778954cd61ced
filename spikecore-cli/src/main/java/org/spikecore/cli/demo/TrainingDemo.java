package org.spikecore.cli.demo;

import java.io.PrintWriter;
import org.spikecore.train.PatternRetention;

/** Surrogate-gradient BPTT on a scaled-down pattern-retention task (the seed paper's, 1/5 of its size). */
public final class TrainingDemo implements DemoSection {

    @Override
    public String title() {
        return "surrogate-gradient training (pattern retention, scaled down)";
    }

    @Override
    public void run(PrintWriter out, long seed) {
        PatternRetention.Config small = new PatternRetention.Config(140, 80, 50, 50, 0.05, 10f, 3e-3f, 0.8f, 0.3);
        PatternRetention task = new PatternRetention(small, seed);
        int epochs = 1200;
        PatternRetention.Epoch first = null;
        PatternRetention.Epoch last = null;
        long t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            last = task.trainEpoch();
            if (first == null) {
                first = last;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf("   %d inputs x %d steps -> %d Q/P/R hidden -> %d outputs, smiley target, SuperSpike + Adam, float32%n",
                small.inputs(), small.steps(), small.hidden(), small.outputs());
        out.printf("   epoch 1: Van Rossum %.2f, F1 %.2f;  epoch %d: Van Rossum %.2f, F1 %.2f  (%.1f ms/epoch)%n",
                first.vrDistance(), first.f1(), epochs, last.vrDistance(), last.f1(), seconds / epochs * 1e3);
    }
}
