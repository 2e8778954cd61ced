package org.spikecore.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spikecore.cli.report.Charts;
import org.spikecore.train.LiquidStateMachine;
import org.spikecore.train.RidgeReadout;
import org.spikecore.train.SpikePatternTask;

/**
 * A liquid state machine on the bit-accurate engine ({@link LiquidStateMachine}) with a ridge
 * readout, on a generated temporal task ({@link SpikePatternTask}): accuracy against reservoir size,
 * beside the same readout on the raw input, for a readout window at the end of the class pattern
 * (gap 0) and after a shared distractor (the task's gap), where only a memory can tell the classes.
 */
public final class LsmExperiment implements Experiment {

    private static final Set<String> OPTIONS = Set.of("sizes", "classes", "channels", "duration", "gap", "window", "rate", "jitter",
            "train-samples", "test-samples", "ridge");

    @Override
    public String name() {
        return "lsm";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public String description() {
        return "liquid state machine (80/20 excitatory/inhibitory integer LIF reservoir, sparse random recurrence) on the engine with a "
                + "ridge readout, classifying jittered spike-pattern templates; --sizes 50,100,200,400, --classes K (5), --channels N (40), "
                + "--duration T (40), --gap G (20, shared distractor), --window W (20), --rate p (0.05), --jitter J (3), "
                + "--train-samples N (1000), --test-samples N (250), --ridge L (10)";
    }

    /** The measured accuracies of one task. */
    record Outcome(double[] reservoir, double[] rates, double raw) {
    }

    /** Trains and tests the readouts of reservoirs of {@code sizes} and of the raw input on {@code task}. */
    static Outcome measure(SpikePatternTask task, int[] sizes, int window, int trainN, int testN, double ridge, long seed) {
        List<boolean[][]> train = new ArrayList<>();
        List<boolean[][]> test = new ArrayList<>();
        int[] trainLabels = new int[trainN];
        int[] testLabels = new int[testN];
        for (int i = 0; i < trainN; i++) {
            train.add(task.sample(i));
            trainLabels[i] = task.label(i);
        }
        for (int i = 0; i < testN; i++) {
            test.add(task.sample(trainN + i));
            testLabels[i] = task.label(trainN + i);
        }
        double[] acc = new double[sizes.length];
        double[] rates = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            LiquidStateMachine lsm = LiquidStateMachine.standard(sizes[s], seed);
            double[][] fTrain = lsm.features(train, window);
            RidgeReadout r = RidgeReadout.fit(fTrain, trainLabels, task.classes(), ridge);
            acc[s] = r.accuracy(lsm.features(test, window), testLabels);
            rates[s] = LiquidStateMachine.rate(fTrain, window);
        }
        RidgeReadout raw = RidgeReadout.fit(LiquidStateMachine.inputFeatures(train, window), trainLabels, task.classes(), ridge);
        return new Outcome(acc, rates, raw.accuracy(LiquidStateMachine.inputFeatures(test, window), testLabels));
    }

    @Override
    public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
        Options.checkKnown(name(), options, OPTIONS);
        int[] sizes = ConversionExperiment.steps(options, "sizes", "50,100,200,400");
        int classes = Options.intOption(options, "classes", 5, 2);
        int channels = Options.intOption(options, "channels", 40, 1);
        int duration = Options.intOption(options, "duration", 40, 1);
        int gap = Options.intOption(options, "gap", 20, 0);
        int window = Options.intOption(options, "window", 20, 1);
        float rate = Options.positive(options, "rate", 0.05f, 1f);
        int jitter = Options.intOption(options, "jitter", 3, 0);
        int trainN = Options.intOption(options, "train-samples", 1000, classes);
        int testN = Options.intOption(options, "test-samples", 250, 1);
        double ridge = Options.positive(options, "ridge", 10f, 1e6f);
        if (window > duration) {
            throw new IllegalArgumentException("--window " + window + " is longer than the pattern (--duration " + duration + ")");
        }
        long t0 = System.nanoTime();
        Map<String, Object> results = new LinkedHashMap<>();
        List<Charts.Series> series = new ArrayList<>();
        double[] xs = java.util.Arrays.stream(sizes).asDoubleStream().toArray();
        List<Map<String, Object>> settings = new ArrayList<>();
        for (int g : gap == 0 ? new int[] {0} : new int[] {0, gap}) {
            SpikePatternTask task = new SpikePatternTask(classes, channels, duration, g, rate, jitter, seed);
            Outcome o = measure(task, sizes, window, trainN, testN, ridge, seed);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("gap", g);
            Map<String, Object> bySize = new LinkedHashMap<>();
            Map<String, Object> rateBySize = new LinkedHashMap<>();
            for (int s = 0; s < sizes.length; s++) {
                bySize.put(Integer.toString(sizes[s]), o.reservoir()[s]);
                rateBySize.put(Integer.toString(sizes[s]), o.rates()[s]);
                out.printf("  gap %2d  reservoir %4d: test accuracy %.3f (%.3f spikes per neuron and tick in the window)%n", g, sizes[s],
                        o.reservoir()[s], o.rates()[s]);
            }
            out.printf("  gap %2d  raw input readout: test accuracy %.3f (chance %.3f)%n", g, o.raw(), 1.0 / classes);
            out.flush();
            m.put("reservoir_accuracy", bySize);
            m.put("reservoir_rate", rateBySize);
            m.put("raw_input_accuracy", o.raw());
            settings.add(m);
            series.add(new Charts.Series("reservoir, gap " + g, xs, o.reservoir()));
            series.add(new Charts.Series("raw input, gap " + g, new double[] {xs[0], xs[xs.length - 1]}, new double[] {o.raw(), o.raw()}));
        }
        series.add(new Charts.Series("chance", new double[] {xs[0], xs[xs.length - 1]}, new double[] {1.0 / classes, 1.0 / classes}));
        Charts.line(outDir.resolve("accuracy_vs_size.png"), "liquid state machine: test accuracy against reservoir size", "reservoir neurons",
                "test accuracy", series, false);
        LiquidStateMachine ref = LiquidStateMachine.standard(sizes[0], seed);
        results.put("task", Map.of("classes", classes, "channels", channels, "duration", duration, "gap", gap, "window", window, "rate", rate,
                "jitter", jitter, "train_samples", trainN, "test_samples", testN));
        results.put("reservoir", Map.of("excitatory_fraction", ref.excitatoryFraction(), "recurrent_fan_in", ref.recurrentFanIn(),
                "input_probability", ref.inputProbability(), "weights", Map.of("input", ref.inputWeight(), "excitatory",
                        ref.excitatoryWeight(), "inhibitory", -ref.inhibitoryWeight()), "neuron", "integer LIF, leak v>>" + ref.leakShift()
                        + ", threshold " + ref.threshold() + ", reset to 0, 16-bit", "engine", "org.spikecore.engine.Simulation"));
        results.put("readout", Map.of("kind", "ridge regression on one-hot targets, standardised features", "lambda", ridge, "features",
                "spike counts per neuron (or input channel) in the last " + window + " ticks"));
        results.put("settings", settings);
        results.put("chance", 1.0 / classes);
        results.put("seconds", (System.nanoTime() - t0) / 1e9);
        return results;
    }
}
