package org.spikecore.train;

import java.util.Arrays;
import java.util.List;
import org.spikecore.data.LabeledImages;
import org.spikecore.train.net.Module;
import org.spikecore.train.net.Relu;
import org.spikecore.train.net.Sequential;
import org.spikecore.train.net.Shape;

/**
 * An analog ReLU network ({@link NetworkArchitecture} with {@link Relu} activations) trained on
 * images as they are (intensities in [0, 1], one step, no spikes) with softmax cross-entropy on its
 * readout and Adam; epochs in a seeded order, so a run repeats bit for bit on any thread count. It
 * is the starting point of {@link AnnConversion}.
 */
public final class AnnClassifier {

    /** Training images whose activations set the normalisation scales (enough for a stable 99.9th percentile). */
    public static final int NORMALISATION_IMAGES = 1000;
    private static final int CHUNK = 256;

    /**
     * @param batch        images per training step
     * @param learningRate Adam's learning rate
     * @param threads      threads over the batch (the bits do not depend on it)
     */
    public record Config(int batch, float learningRate, int threads) {
        public Config {
            if (batch < 1 || threads < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("batch and threads must be at least 1 and the learning rate positive");
            }
        }
    }

    private final NetworkArchitecture architecture;
    private final Shape input;
    private final int classes;
    private final Config config;
    private final long seed;
    private final List<Module> modules;
    private final Sequential net;
    private int epoch;

    public AnnClassifier(NetworkArchitecture architecture, int rows, int cols, int classes, Config config, long seed) {
        this.architecture = architecture;
        this.input = new Shape(1, rows, cols);
        this.classes = classes;
        this.config = config;
        this.seed = seed;
        this.modules = architecture.modules(input, classes, seed, Relu::new);
        this.net = new Sequential(modules, Loss.CE_COUNTS, new Optimizer.AdamSpec(config.learningRate()))
                .withThreads(config.threads());
    }

    public NetworkArchitecture architecture() {
        return architecture;
    }

    public Shape input() {
        return input;
    }

    public int classes() {
        return classes;
    }

    /** The modules, whose parameter arrays are the trained weights. */
    public List<Module> modules() {
        return modules;
    }

    /** One pass over {@code train} in this epoch's order; returns the mean loss per image. */
    public double trainEpoch(LabeledImages train) {
        int[] order = ImageClassifier.shuffled(train.size(), seed, epoch);
        double total = 0;
        for (int from = 0; from < train.size(); from += config.batch()) {
            int to = Math.min(train.size(), from + config.batch());
            float[][] x = new float[to - from][];
            int[] y = new int[to - from];
            for (int i = from; i < to; i++) {
                x[i - from] = AnnConversion.intensities(train, order[i]);
                y[i - from] = train.labels()[order[i]];
            }
            total += net.trainBatch(x, y, 1) * (to - from);
        }
        epoch++;
        return total / train.size();
    }

    /** The class of each image: the largest output, ties to the lowest index. */
    public int[] predict(LabeledImages images) {
        int[] predicted = new int[images.size()];
        for (int from = 0; from < images.size(); from += CHUNK) {
            int to = Math.min(images.size(), from + CHUNK);
            float[][] x = new float[to - from][];
            for (int i = from; i < to; i++) {
                x[i - from] = AnnConversion.intensities(images, i);
            }
            float[][] y = net.outputs(x, 1);
            for (int i = from; i < to; i++) {
                predicted[i] = AnnConversion.argmax(y[i - from], 0, classes);
            }
        }
        return predicted;
    }

    public double accuracy(LabeledImages images) {
        return AnnConversion.accuracy(predict(images), images);
    }

    /**
     * Per hidden layer, the {@code percentile}-th percentile of its positive ReLU outputs over the
     * first {@link #NORMALISATION_IMAGES} of {@code images} (100: the maximum, Diehl et al. 2015;
     * 99.9: Rueckauer et al. 2017's robust choice, which ignores rare outliers).
     */
    public double[] activationScales(LabeledImages images, double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        }
        int n = Math.min(images.size(), NORMALISATION_IMAGES);
        List<Module> relus = modules.stream().filter(m -> m instanceof Relu).toList();
        float[][] positives = new float[relus.size()][];
        int[] counts = new int[relus.size()];
        for (int k = 0; k < relus.size(); k++) {
            positives[k] = new float[1024];
        }
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            float[] x = new float[(to - from) * input.size()];
            for (int i = from; i < to; i++) {
                System.arraycopy(AnnConversion.intensities(images, i), 0, x, (i - from) * input.size(), input.size());
            }
            int r = 0;
            for (Module m : modules) {
                x = m.runner(to - from, 1).forward(0, x);
                if (m instanceof Relu) {
                    for (float v : x) {
                        if (v > 0) {
                            if (counts[r] == positives[r].length) {
                                positives[r] = Arrays.copyOf(positives[r], 2 * counts[r]);
                            }
                            positives[r][counts[r]++] = v;
                        }
                    }
                    r++;
                }
            }
        }
        double[] scales = new double[relus.size()];
        for (int k = 0; k < scales.length; k++) {
            if (counts[k] == 0) {
                throw new IllegalStateException("hidden layer " + k + " never fires on the normalisation images");
            }
            float[] v = Arrays.copyOf(positives[k], counts[k]);
            Arrays.sort(v);
            int at = (int) Math.ceil(percentile / 100 * v.length) - 1;
            scales[k] = v[Math.max(0, Math.min(v.length - 1, at))];
        }
        return scales;
    }
}
