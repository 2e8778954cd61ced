package org.spikecore.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.spikecore.cli.report.Charts;
import org.spikecore.cli.report.Rasters;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.train.PatternRetention;
import org.spikecore.train.Wage;

/** Surrogate-gradient BPTT, float and WAGE-quantized, on a scaled-down pattern-retention task (1/5 of the paper's size). */
public final class TrainingDemo implements DemoSection {

    private static final int PLOT_EVERY = 6;

    @Override
    public String title() {
        return "surrogate-gradient training (pattern retention, scaled down)";
    }

    @Override
    public List<String> run(PrintWriter out, long seed, Path plots) {
        PatternRetention.Config small = new PatternRetention.Config(140, 80, 50, 50, 0.05, 10f, 3e-3f, 0.8f, 0.3);
        int epochs = 1200;
        PatternRetention task = new PatternRetention(small, seed);
        task.setAnnealing(epochs);
        PatternRetention.Epoch first = null;
        PatternRetention.Epoch last = null;
        // every PLOT_EVERY-th epoch: the curve's shape, at a sixth of the drawing time
        double[] epochAxis = new double[epochs / PLOT_EVERY];
        double[] vr = new double[epochs / PLOT_EVERY];
        long t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            last = task.trainEpoch();
            if (first == null) {
                first = last;
            }
            if ((e + 1) % PLOT_EVERY == 0) {
                epochAxis[e / PLOT_EVERY] = e + 1;
                vr[e / PLOT_EVERY] = last.vrDistance();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> plotNames = List.of("training-vr-distance.png", "training-raster.png");
        Charts.line(plots.resolve(plotNames.get(0)), "Pattern retention (scaled down): Van Rossum distance per epoch", "epoch",
                "Van Rossum distance", List.of(new Charts.Series("float32", epochAxis, vr)), false);
        Rasters.sideBySide(plots.resolve(plotNames.get(1)), small.steps(), small.outputs(), 4,
                new String[] {"target", "after " + epochs + " epochs"}, task.target(), task.lastOutput());
        out.printf("   %d inputs x %d steps -> %d Q/P/R hidden -> %d outputs, smiley target, SuperSpike + Adam (annealed), float32%n",
                small.inputs(), small.steps(), small.hidden(), small.outputs());
        out.printf("   float32   epoch 1: Van Rossum %.2f, F1 %.2f;  epoch %d: Van Rossum %.2f, F1 %.2f  (%.1f ms/epoch)%n",
                first.vrDistance(), first.f1(), epochs, last.vrDistance(), last.f1(), seconds / epochs * 1e3);
        PatternRetention exact = new PatternRetention(small, seed, new Wage(8, 0, 8, 8, Wage.WeightScale.MSE), 4096);
        exact.setAnnealing(epochs);
        PatternRetention.Epoch e8 = null;
        for (int e = 0; e < epochs; e++) {
            e8 = exact.trainEpoch();
        }
        for (PatternRetention p : new PatternRetention[] {task, exact}) {
            float[] trained = p.forward();
            float[] engine = engineOutput(p, seed);
            int same = 0;
            int total = 0;
            for (int k = 0; k < engine.length; k++) {
                total += trained[k] != 0f ? 1 : 0;
                same += trained[k] != 0f && engine[k] != 0f ? 1 : 0;
            }
            if (p == task) {
                out.printf("   float32 deployed to the bit-accurate engine (16-bit integer weights, Q/P/R preset): %d of %d output spikes "
                        + "identical%n", same, total);
            } else {
                out.printf("   W8 trained through the engine's integer forward pass: Van Rossum %.2f, F1 %.2f; deployed: %d of %d "
                        + "output spikes identical, spike raster equal: %s%n", e8.vrDistance(), e8.f1(), same, total,
                        java.util.Arrays.equals(trained, engine));
            }
        }
        for (int bits : new int[] {8, 4, 2}) {
            Wage wage = new Wage(bits, 8, 8, 8, Wage.WeightScale.MSE);
            PatternRetention q = new PatternRetention(small, seed, wage);
            q.setAnnealing(epochs);
            PatternRetention.Epoch r = null;
            for (int e = 0; e < epochs; e++) {
                r = q.trainEpoch();
            }
            double[] zeros = q.zeroWeightFractions();
            out.printf("   W%d S8 E8 G8 epoch %d: Van Rossum %.2f, F1 %.2f, zero weights %.0f %% / %.0f %% (quantization induces sparsity)%n",
                    bits, epochs, r.vrDistance(), r.f1(), 100 * zeros[0], 100 * zeros[1]);
        }
        return plotNames;
    }

    private static float[] engineOutput(PatternRetention task, long seed) {
        PatternRetention.Config c = task.config();
        float[] engine = new float[c.steps() * c.outputs()];
        try (Simulation sim = new Simulation(task.toEngine(4096), seed, 1, true)) {
            SpikeRecorder r = sim.recordSpikes("output");
            sim.run(c.steps());
            for (int k = 0; k < r.size(); k++) {
                engine[r.ticks()[k] * c.outputs() + r.neurons()[k]] = 1f;
            }
        }
        return engine;
    }
}
