package org.spikecore.train;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.data.LabeledImages;
import org.spikecore.engine.Simulation;
import org.spikecore.fixed.Format;
import org.spikecore.model.ArraySource;
import org.spikecore.model.Network;
import org.spikecore.train.net.Module;
import org.spikecore.train.net.Sequential;

/**
 * Runs a converted network ({@link AnnConversion}) on the bit-accurate engine with rate-coded input
 * spikes (the same draws the trainer's evaluation uses), deployed by the one path
 * {@link EngineDeployment}: 16-bit integer weights at {@code unitsPerOne} units per 1.0 (the largest
 * power of two that holds the largest weight), 32-bit membranes, integrate-and-fire neurons (no
 * leak, threshold 1, reset by subtracting it) and, for the last synaptic layer, a readout
 * population that never fires, its membrane read at the end of each image. One tick of delay per
 * layer, so image i owns ticks {@code i·(T + L)} … with L weight layers, and the states are reset in
 * between. The float network and the engine differ only by the rounding of weights to units.
 */
public final class ConvertedDeployment {

    private ConvertedDeployment() {
    }

    /**
     * @param accuracy    fraction of images the engine classifies right
     * @param agreement   fraction on which its class equals the float spiking network's at the same T
     * @param unitsPerOne integer units per 1.0
     * @param synapticOpsPerImage the engine's synaptic operations per image
     */
    public record Result(double accuracy, double agreement, int unitsPerOne, double synapticOpsPerImage) {
    }

    /** Runs {@code images} for {@code steps} steps; {@code floatPredictions} are the trainer's classes at the same T. */
    public static Result run(Sequential snn, LabeledImages images, int steps, long seed, int[] floatPredictions, int threads) {
        List<Module> weights = NetworkArchitecture.weightModules(snn.modules());
        double largest = 0;
        for (Module m : weights) {
            for (float w : m.parameters()[0]) {
                largest = Math.max(largest, Math.abs(w));
            }
        }
        int units = Integer.highestOneBit((int) Math.min(1 << 14, Math.floor(Format.INT16.max() / Math.max(largest, 1e-9))));
        int layers = weights.size();
        int window = steps + layers;
        int inputs = weights.get(0).inShape().size();
        List<Integer> ticks = new ArrayList<>();
        List<Integer> neurons = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            float[] x = AnnConversion.testInput(images, i, AnnConversion.Coding.RATE, steps, seed);
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < inputs; k++) {
                    if (x[t * inputs + k] != 0f) {
                        ticks.add(i * window + t);
                        neurons.add(k);
                    }
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < layers - 1; k++) {
            names.add("hidden" + k);
        }
        names.add("readout");
        Network network = EngineDeployment.toEngine(snn.modules(), new ArraySource("input", inputs,
                ticks.stream().mapToInt(Integer::intValue).toArray(), neurons.stream().mapToInt(Integer::intValue).toArray()),
                new EngineDeployment.Formats(units, Format.INT16, Format.INT32), names, Network.DEFAULT_CORE_CAPACITY);
        int classes = weights.get(layers - 1).outShape().size();
        int correct = 0;
        int same = 0;
        long synOps;
        try (Simulation sim = new Simulation(network, 0, threads, true)) {
            for (int i = 0; i < images.size(); i++) {
                sim.run(window);
                int best = 0;
                int bestValue = Integer.MIN_VALUE;
                for (int c = 0; c < classes; c++) {
                    int v = sim.state("readout", c, 0);
                    if (v > bestValue) {
                        bestValue = v;
                        best = c;
                    }
                }
                correct += best == images.labels()[i] ? 1 : 0;
                same += best == floatPredictions[i] ? 1 : 0;
                sim.resetNeuronStates();
            }
            synOps = sim.counters().synOps();
        }
        return new Result((double) correct / images.size(), (double) same / images.size(), units, (double) synOps / images.size());
    }
}
