package org.spikecore.train;

import java.util.List;
import org.spikecore.data.LabeledImages;
import org.spikecore.fixed.CounterRng;
import org.spikecore.train.net.Dense;
import org.spikecore.train.net.Lif;
import org.spikecore.train.net.Module;
import org.spikecore.train.net.NeuronModule;
import org.spikecore.train.net.Sequential;
import org.spikecore.train.net.Shape;
import org.spikecore.train.net.SpikeFunction;

/**
 * A spiking image classifier trained by BPTT, float or WAGE-quantized: rate-coded pixels
 * ({@link RateCoding}, fresh spikes each epoch) → dense → LIF hidden layer (→ dense → LIF hidden
 * layer …) → dense → LIF outputs, one per class (dense layers without bias and a shift leak, so the network deploys to the engine:
 * {@link ClassifierDeployment}), cross-entropy on the output spike counts, Adam; the predicted class is the output
 * with most spikes, ties to the lowest index. Every random draw is keyed by the seed (weights,
 * order of each epoch, input spikes of training image i in epoch e, of test image i), so a run
 * repeats bit for bit on any thread count.
 */
public final class ImageClassifier {

    /** The LIF layers' leak as the engine's shift: β = 1 − 2^−3. */
    public static final int LEAK_SHIFT = 3;
    /** Membrane decay per step of both LIF layers, {@code 1 − 2^−LEAK_SHIFT} (0.875), a shift leak on the engine. */
    public static final float BETA = 1f - 1f / (1 << LEAK_SHIFT);
    /** Firing threshold of both LIF layers. */
    public static final float THRESHOLD = 1f;
    /** Steepness of the fast-sigmoid surrogate (snnTorch's default slope). */
    public static final float SURROGATE_SLOPE = 25f;
    /** Key stream of the test images' input spikes (training images use their index). */
    private static final long TEST_STREAM = 1L << 40;
    /** Key stream of the training order's shuffle. */
    private static final long SHUFFLE_STREAM = (1L << 40) + (1L << 39);
    /** Test images encoded and run at once (bounds memory: each is steps × pixels floats). */
    private static final int TEST_CHUNK = 512;
    /** First word of a checkpoint, "SCIC". */
    private static final int STATE_TAG = 0x53434943;

    /**
     * The network and coding.
     *
     * @param hidden       neurons of each hidden LIF layer, from the input's side (one or more layers)
     * @param steps        time steps per image
     * @param batch        images per training step
     * @param learningRate Adam's learning rate
     * @param maxRate      spike probability per step of a white pixel
     * @param threads      threads over the batch (the bits do not depend on it)
     * @param wage         quantization ({@link Wage#FLOAT}: none)
     */
    public record Config(List<Integer> hidden, int steps, int batch, float learningRate, float maxRate, int threads, Wage wage) {
        public Config {
            hidden = List.copyOf(hidden);
            if (hidden.isEmpty() || hidden.stream().anyMatch(h -> h < 1) || steps < 1 || batch < 1 || threads < 1) {
                throw new IllegalArgumentException("at least one hidden layer, every layer, steps, batch and threads at least 1, got hidden "
                        + hidden);
            }
            if (!(learningRate > 0) || !(maxRate > 0 && maxRate <= 1)) {
                throw new IllegalArgumentException("learning rate must be positive and the maximum rate in (0, 1]");
            }
        }

        /** One hidden layer of {@code hidden} neurons. */
        public Config(int hidden, int steps, int batch, float learningRate, float maxRate, int threads, Wage wage) {
            this(List.of(hidden), steps, batch, learningRate, maxRate, threads, wage);
        }

        /** The layer sizes from the input to the outputs: {@code pixels, hidden…, classes}. */
        int[] layers(int pixels, int classes) {
            int[] l = new int[hidden.size() + 2];
            l[0] = pixels;
            for (int k = 0; k < hidden.size(); k++) {
                l[k + 1] = hidden.get(k);
            }
            l[l.length - 1] = classes;
            return l;
        }
    }

    /** Called after each training batch with its number in the epoch, the number of batches and its mean loss. */
    public interface BatchListener {
        void batchDone(int batch, int batches, double loss);
    }

    /**
     * Fraction of test images classified right, {@code confusion[true][predicted]}, the class predicted
     * for each test image, and the work of
     * one inference: spikes per image into each dense layer (the input's, then each hidden layer's),
     * synaptic operations per image (each spike drives one accumulate per non-zero weight of its
     * row, as the engine delivers them) and, for comparison, the multiply-accumulates of the same
     * layers run once as an ANN (one per non-zero weight).
     */
    public record Evaluation(double accuracy, int[][] confusion, int[] predictions, double[] spikesPerImage,
            double synapticOpsPerImage, long annMacsPerImage) {
    }

    private final Config config;
    private final long seed;
    private final int pixels;
    private final Sequential net;
    private int epoch;

    /** A fresh network for images of {@code rows}×{@code cols} in {@code classes} classes, weights from {@code seed}. */
    public ImageClassifier(Config config, int rows, int cols, int classes, long seed) {
        this.config = config;
        this.seed = seed;
        this.pixels = rows * cols;
        int[] layers = config.layers(pixels, classes);
        List<Module> modules = new java.util.ArrayList<>();
        for (int k = 0; k + 1 < layers.length; k++) {
            // weight stream 2k + 1: the one-hidden-layer network keeps the streams 1 and 3 it always had
            modules.add(Dense.withoutBias(layers[k], layers[k + 1], 1.0, seed, 2 * k + 1));
            modules.add(lif(layers[k + 1]));
        }
        this.net = new Sequential(modules, Loss.CE_COUNTS, new Optimizer.AdamSpec(config.learningRate()))
                .withThreads(config.threads());
        if (!config.wage().isFloat()) {
            net.withQuantization(config.wage(), seed);
        }
    }

    private static Lif lif(int n) {
        return new Lif(Shape.vector(n), BETA, THRESHOLD, NeuronModule.Reset.SUBTRACT, true,
                SpikeFunction.step(new Surrogate(Surrogate.Kind.FAST_SIGMOID, SURROGATE_SLOPE)));
    }

    /**
     * Fails with a {@link org.spikecore.SpikecoreException} saying how much memory training would
     * need when it would not fit in this JVM, before anything is allocated: the weights (each with
     * its gradient, two Adam moments and, quantized, a master copy), and per sample of a batch (at
     * most {@code trainSize}) the input spike trains and the per-step states BPTT keeps.
     */
    public static void requireMemory(Config c, int pixels, int classes, int trainSize) {
        int[] layers = c.layers(pixels, classes);
        double weights = 0;
        double largestLayer = 0;
        double neurons = 0;
        for (int k = 0; k + 1 < layers.length; k++) {
            weights += (double) layers[k] * layers[k + 1];
            largestLayer = Math.max(largestLayer, (double) layers[k] * layers[k + 1]);
            neurons += layers[k + 1];
        }
        double batch = Math.min(c.batch(), trainSize);
        double perSample = (double) c.steps() * (pixels + 6.0 * neurons);
        String what = "training a " + String.join("-", java.util.Arrays.stream(layers).mapToObj(Integer::toString).toList())
                + " network over " + c.steps() + " steps in batches of " + (long) batch;
        org.spikecore.MemoryBudget.require(what, 4 * (5 * weights + batch * perSample));
        org.spikecore.MemoryBudget.arrayLength(what, Math.max(largestLayer, c.steps() * (double) pixels));
        org.spikecore.MemoryBudget.arrayLength(what, batch * java.util.Arrays.stream(layers).max().orElseThrow());
    }

    /** One pass over {@code train} in this epoch's order; returns the mean loss per image. */
    public double trainEpoch(LabeledImages train, BatchListener listener) {
        checkSize(train);
        int[] order = shuffled(train.size(), seed, epoch);
        int batches = (int) ((train.size() + (long) config.batch() - 1) / config.batch());
        double total = 0;
        for (int b = 0; b < batches; b++) {
            int from = b * config.batch();
            int to = Math.min(train.size(), from + config.batch());
            float[][] x = new float[to - from][];
            int[] y = new int[to - from];
            for (int i = from; i < to; i++) {
                x[i - from] = encode(train, order[i], order[i], (long) epoch * config.steps());
                y[i - from] = train.labels()[order[i]];
            }
            double loss = net.trainBatch(x, y, config.steps()); // the batch mean
            total += loss * (to - from);
            listener.batchDone(b + 1, batches, loss);
        }
        epoch++;
        return total / train.size();
    }

    /** Accuracy and confusion on {@code test} (its spikes keyed by the seed and the image index only). */
    public Evaluation evaluate(LabeledImages test) {
        checkSize(test);
        int[][] confusion = new int[test.classes()][test.classes()];
        int[] predictions = new int[test.size()];
        int correct = 0;
        int hiddenLayers = config.hidden().size();
        long[][] events = new long[hiddenLayers + 1][]; // into dense layer k: the input's, then hidden layer k's spikes
        events[0] = new long[pixels];
        for (int l = 0; l < hiddenLayers; l++) {
            events[l + 1] = new long[config.hidden().get(l)];
        }
        for (int from = 0; from < test.size(); from += TEST_CHUNK) {
            int to = Math.min(test.size(), from + TEST_CHUNK);
            float[][] x = new float[to - from][];
            for (int i = from; i < to; i++) {
                x[i - from] = testInput(test, i);
            }
            Sequential.Inference inference = net.inferWithEvents(x, config.steps());
            for (int j = 0; j < pixels; j++) {
                events[0][j] += inference.inputEvents()[j];
            }
            for (int l = 0; l < hiddenLayers; l++) {
                long[] spikes = inference.outputEvents()[2 * l + 1]; // hidden LIF layer l's spikes
                for (int h = 0; h < events[l + 1].length; h++) {
                    events[l + 1][h] += spikes[h];
                }
            }
            for (int i = from; i < to; i++) {
                int predicted = argmax(inference.counts()[i - from]);
                predictions[i] = predicted;
                int truth = test.labels()[i];
                confusion[truth][predicted]++;
                correct += predicted == truth ? 1 : 0;
            }
        }
        double[] spikes = new double[hiddenLayers + 1];
        long ops = 0;
        long macs = 0;
        for (int k = 0; k <= hiddenLayers; k++) {
            spikes[k] = (double) java.util.Arrays.stream(events[k]).sum() / test.size();
            // a spike drives one accumulate per non-zero weight of its row; the ANN one MAC per non-zero weight
            ops += weightedEvents(events[k], k);
            macs += nonZeroWeights(k);
        }
        double synapticOps = (double) ops / test.size();
        return new Evaluation((double) correct / test.size(), confusion, predictions, spikes, synapticOps, macs);
    }

    /** Σ_j events[j] × (non-zero weights in input j's row of dense layer k). */
    private long weightedEvents(long[] events, int k) {
        float[] w = denseWeights(k);
        int out = denseOutputs(k);
        long ops = 0;
        for (int j = 0; j < events.length; j++) {
            if (events[j] != 0) {
                int nonZero = 0;
                for (int i = 0; i < out; i++) {
                    nonZero += w[j * out + i] != 0f ? 1 : 0;
                }
                ops += events[j] * nonZero;
            }
        }
        return ops;
    }

    private long nonZeroWeights(int k) {
        long n = 0;
        for (float v : denseWeights(k)) {
            n += v != 0f ? 1 : 0;
        }
        return n;
    }

    /** Test image {@code i}'s input spikes ({@code steps × pixels}), the same in every evaluation. */
    float[] testInput(LabeledImages test, int i) {
        return encode(test, i, TEST_STREAM + i, 0);
    }

    Config config() {
        return config;
    }

    /** Dense layers: one more than the hidden layers. */
    int denseLayers() {
        return config.hidden().size() + 1;
    }

    /** The weights the network computes with (the quantized copy when quantized) of dense layer k (0 … hidden layers), by input. */
    float[] denseWeights(int k) {
        return ((Dense) net.modules().get(2 * k)).weightsByInput();
    }

    /** Inputs of dense layer k. */
    int denseInputs(int k) {
        return net.modules().get(2 * k).inShape().size();
    }

    /** Outputs of dense layer k. */
    int denseOutputs(int k) {
        return net.modules().get(2 * k).outShape().size();
    }

    /** The network's modules (weights as trained, quantized when training is), e.g. for export. */
    public List<Module> modules() {
        return net.modules();
    }

    /** Training epochs done so far. */
    public int epoch() {
        return epoch;
    }

    /** Writes the epoch count and the network's training state ({@link Sequential#writeState}). */
    public void writeState(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(STATE_TAG);
        out.writeInt(epoch);
        net.writeState(out);
    }

    /**
     * Restores what {@link #writeState} wrote: a classifier of the same configuration and seed then
     * trains its next epochs to the same bits as one that never stopped.
     */
    public void readState(java.io.DataInputStream in) throws java.io.IOException {
        TrainingState.expectTag(in, STATE_TAG, "image classifier");
        epoch = TrainingState.readCount(in, "epoch");
        net.readState(in);
    }

    /** Fraction of exactly zero weights of each dense layer, in order (0 in float; quantization makes zeros). */
    public double[] zeroWeightFractions() {
        return net.modules().stream().filter(m -> m instanceof Dense).mapToDouble(m -> {
            float[] w = m.parameters()[0];
            int zeros = 0;
            for (float v : w) {
                zeros += v == 0f ? 1 : 0;
            }
            return (double) zeros / w.length;
        }).toArray();
    }

    private void checkSize(LabeledImages images) {
        if (images.rows() * images.cols() != pixels) {
            throw new IllegalArgumentException("images of " + images.rows() + "x" + images.cols() + " for a network of " + pixels + " inputs");
        }
    }

    private float[] encode(LabeledImages images, int i, long stream, long firstStep) {
        float[] x = new float[pixels];
        for (int k = 0; k < pixels; k++) {
            x[k] = images.intensity(i, k);
        }
        float[] spikes = new float[config.steps() * pixels];
        RateCoding.encode(x, config.maxRate(), config.steps(), seed, stream, firstStep, spikes);
        return spikes;
    }

    /** 0 … n−1 in the order of {@code epoch} (Fisher–Yates with draws keyed by seed and epoch). */
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

    static int argmax(int[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
