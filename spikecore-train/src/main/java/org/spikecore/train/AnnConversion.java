package org.spikecore.train;

import java.util.List;
import org.spikecore.data.LabeledImages;
import org.spikecore.train.net.Lif;
import org.spikecore.train.net.Module;
import org.spikecore.train.net.NeuronModule;
import org.spikecore.train.net.Sequential;
import org.spikecore.train.net.Shape;
import org.spikecore.train.net.SpikeFunction;

/**
 * ANN→SNN conversion with data-based normalisation (Diehl et al. 2015; Rueckauer et al. 2017):
 * every ReLU becomes an integrate-and-fire neuron (no leak, threshold 1, reset by subtraction, so
 * that no charge above threshold is lost), and the weights of hidden layer l are rescaled to
 * {@code W·λ_{l−1}/λ_l}, its biases to {@code b/λ_l}, with λ_l a high percentile of the layer's ReLU
 * outputs ({@link AnnClassifier#activationScales}) and λ_{−1} = 1 for the input; a neuron's firing rate
 * then approximates its ANN activation divided by λ_l. The readout integrates its input without a
 * threshold; with weights {@code W·λ_{L−1}/readoutScale} and biases {@code b/readoutScale}, its sum
 * over T steps approximates T/readoutScale times the ANN's logits (readoutScale = T: the logits
 * themselves, which keeps the cross-entropy of hybrid fine-tuning on the ANN's scale).
 *
 * <p>Inputs are the intensities as a constant current every step, or Bernoulli spikes with the
 * intensity as probability ({@link RateCoding}); test image i's spikes are keyed by the seed and i
 * only, so every T sees a prefix of the same train and one run of the longest T answers all shorter
 * ones. Hybrid training (Rathi et al. 2020) continues from the converted network with surrogate
 * BPTT at small T ({@link #fineTune}).
 */
public final class AnnConversion {

    /** How pixels enter the spiking network. */
    public enum Coding {
        /** The intensity as an input current every step (analog first layer). */
        CURRENT,
        /** Bernoulli spikes, probability = intensity per step. */
        RATE
    }

    /** Steepness of the fast-sigmoid surrogate of fine-tuning (wide: the normalised membranes spread over [0, 1]). */
    public static final float SURROGATE_SLOPE = 5f;
    private static final long TEST_STREAM = 1L << 40;
    private static final int CHUNK = 64;

    private AnnConversion() {
    }

    /** The integrate-and-fire neuron of a converted layer: β = 1, ϑ = 1, reset by subtraction (detached in fine-tuning). */
    public static Lif integrateAndFire(Shape shape) {
        return new Lif(shape, 1f, 1f, NeuronModule.Reset.SUBTRACT, true,
                SpikeFunction.step(new Surrogate(Surrogate.Kind.FAST_SIGMOID, SURROGATE_SLOPE)));
    }

    /** The converted network of {@code ann} with hidden scales {@code scales} (one per hidden layer) and the readout divided by {@code readoutScale}. */
    public static List<Module> convert(AnnClassifier ann, double[] scales, double readoutScale) {
        NetworkArchitecture arch = ann.architecture();
        if (scales.length != arch.hidden().size()) {
            throw new IllegalArgumentException(arch.hidden().size() + " hidden layers but " + scales.length + " scales");
        }
        if (!(readoutScale > 0)) {
            throw new IllegalArgumentException("readout scale must be positive, got " + readoutScale);
        }
        List<Module> snn = arch.modules(ann.input(), ann.classes(), 0, AnnConversion::integrateAndFire);
        List<Module> from = NetworkArchitecture.weightModules(ann.modules());
        List<Module> to = NetworkArchitecture.weightModules(snn);
        for (int k = 0; k < from.size(); k++) {
            double previous = k == 0 ? 1 : scales[k - 1];
            double divisor = k < scales.length ? scales[k] : readoutScale;
            float[][] src = from.get(k).parameters();
            float[][] dst = to.get(k).parameters();
            for (int a = 0; a < src.length; a++) {
                double factor = a == 0 ? previous / divisor : 1 / divisor; // array 0 is the weights, array 1 the biases
                for (int i = 0; i < src[a].length; i++) {
                    dst[a][i] = (float) (src[a][i] * factor);
                }
            }
        }
        return snn;
    }

    /** Image i's intensities. */
    public static float[] intensities(LabeledImages images, int i) {
        int n = images.rows() * images.cols();
        float[] x = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = images.intensity(i, k);
        }
        return x;
    }

    /** Image i over {@code steps} steps ({@code [t·pixels + k]}); rate-coded spikes keyed by (seed, stream, firstStep + t). */
    public static float[] encode(LabeledImages images, int i, Coding coding, int steps, long seed, long stream, long firstStep) {
        float[] x = intensities(images, i);
        float[] out = new float[steps * x.length];
        switch (coding) {
            case CURRENT -> {
                for (int t = 0; t < steps; t++) {
                    System.arraycopy(x, 0, out, t * x.length, x.length);
                }
            }
            case RATE -> RateCoding.encode(x, 1f, steps, seed, stream, firstStep, out);
        }
        return out;
    }

    /** Test image i's input, the same in every evaluation and for every T (a prefix of the longest). */
    public static float[] testInput(LabeledImages images, int i, Coding coding, int steps, long seed) {
        return encode(images, i, coding, steps, seed, TEST_STREAM + i, 0);
    }

    /**
     * The spiking network's class for every image after each of {@code steps} (ascending):
     * {@code predictions[s][i]}, the readout summed over the first {@code steps[s]} steps, ties to the
     * lowest class.
     */
    public static int[][] predict(Sequential snn, LabeledImages images, Coding coding, int[] steps, long seed) {
        int longest = steps[steps.length - 1];
        for (int s = 1; s < steps.length; s++) {
            if (steps[s] <= steps[s - 1]) {
                throw new IllegalArgumentException("time steps must ascend, got " + java.util.Arrays.toString(steps));
            }
        }
        int classes = snn.modules().get(snn.modules().size() - 1).outShape().size();
        int[][] predicted = new int[steps.length][images.size()];
        for (int from = 0; from < images.size(); from += CHUNK) {
            int to = Math.min(images.size(), from + CHUNK);
            float[][] x = new float[to - from][];
            for (int i = from; i < to; i++) {
                x[i - from] = testInput(images, i, coding, longest, seed);
            }
            float[][] y = snn.outputs(x, longest);
            for (int i = from; i < to; i++) {
                float[] sum = new float[classes];
                int s = 0;
                for (int t = 0; t < longest; t++) {
                    for (int c = 0; c < classes; c++) {
                        sum[c] += y[i - from][t * classes + c];
                    }
                    if (t + 1 == steps[s]) {
                        predicted[s++][i] = argmax(sum, 0, classes);
                    }
                }
            }
        }
        return predicted;
    }

    /**
     * Hybrid training: {@code epochs} passes of surrogate-gradient BPTT over {@code train} at
     * {@code steps} steps (cross-entropy on the summed readout, Adam at {@code learningRate}), in
     * seeded orders; rate-coded training images get fresh spikes every epoch. Returns the last
     * epoch's mean loss.
     */
    public static double fineTune(Sequential snn, LabeledImages train, Coding coding, int steps, int epochs, int batch, long seed) {
        double mean = Double.NaN;
        for (int e = 0; e < epochs; e++) {
            int[] order = ImageClassifier.shuffled(train.size(), seed, e);
            double total = 0;
            for (int from = 0; from < train.size(); from += batch) {
                int to = Math.min(train.size(), from + batch);
                float[][] x = new float[to - from][];
                int[] y = new int[to - from];
                for (int i = from; i < to; i++) {
                    x[i - from] = encode(train, order[i], coding, steps, seed, order[i], (long) e * steps);
                    y[i - from] = train.labels()[order[i]];
                }
                total += snn.trainBatch(x, y, steps) * (to - from);
            }
            mean = total / train.size();
        }
        return mean;
    }

    /**
     * The work of one inference over {@code images} at {@code steps} steps, per weight layer: the mean
     * number of weights driven per image, {@code Σ_j events_j·fanOut_j} with events the non-zero
     * inputs of the layer over all steps (spikes, or analog values for an ANN or a current-coded
     * first layer).
     */
    public static double[] operationsPerImage(NetworkArchitecture arch, Sequential net, LabeledImages images, Coding coding, int steps,
            long seed) {
        List<Module> modules = net.modules();
        List<Module> weights = NetworkArchitecture.weightModules(modules);
        double[] ops = new double[weights.size()];
        for (int from = 0; from < images.size(); from += CHUNK) {
            int to = Math.min(images.size(), from + CHUNK);
            float[][] x = new float[to - from][];
            for (int i = from; i < to; i++) {
                x[i - from] = steps == 1 && coding == Coding.CURRENT ? intensities(images, i) : testInput(images, i, coding, steps, seed);
            }
            Sequential.Inference inf = net.inferWithEvents(x, steps);
            for (int k = 0; k < weights.size(); k++) {
                int at = modules.indexOf(weights.get(k));
                long[] events = at == 0 ? inf.inputEvents() : inf.outputEvents()[at - 1];
                long[] fan = arch.fanOut(modules, k);
                for (int j = 0; j < fan.length; j++) {
                    ops[k] += (double) events[j] * fan[j];
                }
            }
        }
        for (int k = 0; k < ops.length; k++) {
            ops[k] /= images.size();
        }
        return ops;
    }

    static int argmax(float[] v, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (v[off + i] > v[off + best]) {
                best = i;
            }
        }
        return best;
    }

    /** Fraction of {@code predicted} equal to the images' labels. */
    public static double accuracy(int[] predicted, LabeledImages images) {
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == images.labels()[i] ? 1 : 0;
        }
        return (double) correct / predicted.length;
    }
}
