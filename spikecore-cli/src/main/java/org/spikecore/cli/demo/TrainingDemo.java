package org.spikecore.cli.demo;

import java.io.PrintWriter;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.train.Deployment;
import org.spikecore.train.PatternRetention;
import org.spikecore.train.Wage;

/** Surrogate-gradient BPTT, float and WAGE-quantized, on a scaled-down pattern-retention task (1/5 of the paper's size). */
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
        out.printf("   float32   epoch 1: Van Rossum %.2f, F1 %.2f;  epoch %d: Van Rossum %.2f, F1 %.2f  (%.1f ms/epoch)%n",
                first.vrDistance(), first.f1(), epochs, last.vrDistance(), last.f1(), seconds / epochs * 1e3);
        float[] trained = task.forward();
        float[] engine = new float[trained.length];
        try (Simulation sim = new Simulation(Deployment.toNetwork(task, 4096), seed, 1, true)) {
            SpikeRecorder r = sim.recordSpikes("output");
            sim.run(small.steps());
            for (int k = 0; k < r.size(); k++) {
                engine[r.ticks()[k] * small.outputs() + r.neurons()[k]] = 1f;
            }
        }
        int same = 0;
        int total = 0;
        for (int k = 0; k < engine.length; k++) {
            total += trained[k] != 0f ? 1 : 0;
            same += trained[k] != 0f && engine[k] != 0f ? 1 : 0;
        }
        out.printf("   deployed to the bit-accurate engine (integer weights, Q/P/R preset): %d of %d output spikes identical%n",
                same, total);
        for (int bits : new int[] {8, 4, 2}) {
            Wage wage = new Wage(bits, 8, 8, 8);
            PatternRetention q = new PatternRetention(small, seed, wage);
            PatternRetention.Epoch r = null;
            for (int e = 0; e < epochs; e++) {
                r = q.trainEpoch();
            }
            double[] zeros = q.zeroWeightFractions();
            out.printf("   W%d S8 E8 G8 epoch %d: Van Rossum %.2f, F1 %.2f, zero weights %.0f %% / %.0f %% (quantization induces sparsity)%n",
                    bits, epochs, r.vrDistance(), r.f1(), 100 * zeros[0], 100 * zeros[1]);
        }
    }
}
