package org.spikecore.train;

import java.util.List;
import org.spikecore.data.LabeledImages;
import org.spikecore.engine.RunCounters;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.model.ArraySource;
import org.spikecore.model.Network;

/**
 * Runs a trained {@link ImageClassifier} on the bit-accurate engine, deployed by
 * {@link EngineDeployment}: 16-bit integer weights at {@code unitsPerOne} units per 1.0, LIF neurons
 * with the shift leak {@code 1 − 2^−LEAK_SHIFT}, the test images' input spikes (the same draws the
 * trainer evaluates) from an array source, one tick of delay per layer. Images run back to back,
 * {@code steps} plus one tick per dense layer each (the layer delays), with the neuron states reset in between.
 *
 * <p>The float layer resets by subtracting ϑ after its leak ({@code U = β·U + I − ϑ·s}), the engine
 * before the next tick's leak; the deployed reset subtracts {@code ϑ/β} so that the two agree in
 * exact arithmetic. What remains is the engine's integer arithmetic: weights and membranes
 * rounded to units, the leak moving at least one unit per tick, 16-bit saturation. So the engine's
 * spikes agree with the trainer's closely, not exactly; the report gives the engine's accuracy and
 * how often its class equals the trainer's.
 */
public final class ClassifierDeployment {

    private ClassifierDeployment() {
    }

    /**
     * The engine's verdict on the test set.
     *
     * @param accuracy            fraction of test images the engine classifies right
     * @param agreement           fraction of test images on which the engine's class equals the trainer's
     * @param confusion           {@code confusion[true][predicted]} of the engine
     * @param synapticOpsPerImage the engine's synaptic operations per image (non-zero weight deliveries)
     * @param unitsPerOne         integer units per 1.0 of weights and membranes
     */
    public record Result(double accuracy, double agreement, int[][] confusion, double synapticOpsPerImage, int unitsPerOne) {
    }

    /** The engine network of {@code classifier}'s current weights with {@code test}'s input spikes, image i from tick i·(steps + dense layers). */
    public static Network toNetwork(ImageClassifier classifier, LabeledImages test, int unitsPerOne) {
        int steps = classifier.config().steps();
        int window = steps + classifier.denseLayers();
        int inputs = classifier.denseInputs(0);
        int events = 0;
        float[][] spikes = new float[test.size()][];
        for (int i = 0; i < test.size(); i++) {
            spikes[i] = classifier.testInput(test, i);
            for (float v : spikes[i]) {
                events += v != 0f ? 1 : 0;
            }
        }
        int[] ticks = new int[events];
        int[] neurons = new int[events];
        int e = 0;
        for (int i = 0; i < test.size(); i++) {
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < inputs; k++) {
                    if (spikes[i][t * inputs + k] != 0f) {
                        ticks[e] = i * window + t;
                        neurons[e++] = k;
                    }
                }
            }
        }
        return EngineDeployment.toEngine(classifier.modules(), new ArraySource("input", inputs, ticks, neurons),
                EngineDeployment.Formats.int16(unitsPerOne), layerNames(classifier.denseLayers()), Network.DEFAULT_CORE_CAPACITY);
    }

    /** The engine's population names: "hidden" (one hidden layer) or "hidden1", "hidden2", …, then "output". */
    public static List<String> layerNames(int denseLayers) {
        List<String> names = new java.util.ArrayList<>();
        for (int l = 1; l < denseLayers; l++) {
            names.add(denseLayers == 2 ? "hidden" : "hidden" + l);
        }
        names.add("output");
        return names;
    }

    /** Runs {@code test} on the engine and compares with the trainer's {@code trained} evaluation of the same images. */
    public static Result run(ImageClassifier classifier, LabeledImages test, ImageClassifier.Evaluation trained, int unitsPerOne,
            int threads) {
        if (trained.predictions().length != test.size()) {
            throw new IllegalArgumentException("the evaluation covers " + trained.predictions().length + " images, the test set "
                    + test.size());
        }
        int window = classifier.config().steps() + classifier.denseLayers();
        int classes = classifier.denseOutputs(classifier.denseLayers() - 1);
        int[][] counts = new int[test.size()][classes];
        long synOps;
        try (Simulation sim = new Simulation(toNetwork(classifier, test, unitsPerOne), 0, threads, true)) {
            SpikeRecorder out = sim.recordSpikes("output");
            for (int i = 0; i < test.size(); i++) {
                sim.run(window);
                sim.resetNeuronStates();
            }
            int[] ticks = out.ticks();
            int[] neurons = out.neurons();
            for (int k = 0; k < ticks.length; k++) {
                counts[ticks[k] / window][neurons[k]]++;
            }
            RunCounters c = sim.counters();
            synOps = c.synOps();
        }
        int[][] confusion = new int[test.classes()][test.classes()];
        int correct = 0;
        int same = 0;
        for (int i = 0; i < test.size(); i++) {
            int predicted = ImageClassifier.argmax(counts[i]);
            confusion[test.labels()[i]][predicted]++;
            correct += predicted == test.labels()[i] ? 1 : 0;
            same += predicted == trained.predictions()[i] ? 1 : 0;
        }
        return new Result((double) correct / test.size(), (double) same / test.size(), confusion, (double) synOps / test.size(),
                unitsPerOne);
    }
}
