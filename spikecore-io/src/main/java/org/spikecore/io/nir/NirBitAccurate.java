package org.spikecore.io.nir;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.SpikecoreException;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.fixed.Format;
import org.spikecore.io.npy.NpyArray;
import org.spikecore.model.ArraySource;
import org.spikecore.model.Network;
import org.spikecore.train.EngineDeployment;
import org.spikecore.train.net.Module;
import org.spikecore.train.net.NeuronModule;

/**
 * An imported NIR graph run on the bit-accurate engine: the graph's trainer modules
 * ({@link NirImport}) deployed through the one deployment path ({@link EngineDeployment}) with
 * integer weights and states of the chosen widths, each sample of the input run in its own window
 * (states reset in between), and the output spikes set beside the float simulation's. The engine
 * adds one tick of delay per neuron layer, so its spike at window tick τ is the float run's step
 * τ − layers.
 */
public final class NirBitAccurate {

    private NirBitAccurate() {
    }

    /**
     * What the engine computed.
     *
     * @param output      the engine's output spikes, the float output's shape
     * @param agreement   fraction of output entries equal to the float simulation's
     * @param synOps      the engine's synaptic operations over all samples
     * @param unitsPerOne integer units per 1.0 the weights and states were rounded to
     */
    public record Result(NpyArray output, double agreement, long synOps, int unitsPerOne) {
    }

    /** Runs {@code in} through {@code sim}'s graph on the engine with {@code weightBits}-bit weights and {@code stateBits}-bit states. */
    public static Result run(NirSimulation sim, NpyArray in, int weightBits, int stateBits) {
        if (weightBits < 2 || weightBits > 16 || stateBits < 8 || stateBits > 32) {
            throw new SpikecoreException("--weight-bits must be 2..16 and --state-bits 8..32, got " + weightBits + " and " + stateBits);
        }
        NirImport.Result imported = NirImport.modules(sim);
        if (imported.reason() != null) {
            throw new SpikecoreException("the graph does not deploy to the engine: " + imported.reason());
        }
        List<Module> modules = imported.modules();
        NpyArray reference = sim.run(in);
        int steps = in.dim(0);
        int inSize = modules.get(0).inShape().size();
        int batch = in.values().length / steps / inSize;
        int outSize = reference.values().length / steps / batch;
        int layers = (int) modules.stream().filter(m -> m instanceof NeuronModule).count();
        int window = steps + layers;
        List<int[]> events = new ArrayList<>();
        double[] x = in.values();
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < inSize; k++) {
                    double v = x[(t * batch + b) * inSize + k];
                    if (v != 0.0 && v != 1.0) {
                        throw new SpikecoreException("a bit-accurate run takes spikes (0 or 1) as input; the input holds " + v);
                    }
                    if (v == 1.0) {
                        events.add(new int[] {b * window + t, k});
                    }
                }
            }
        }
        int units = unitsPerOne(modules, weightBits, stateBits);
        List<String> names = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            names.add("layer" + l);
        }
        ArraySource source = new ArraySource("input", inSize, events.stream().mapToInt(e -> e[0]).toArray(),
                events.stream().mapToInt(e -> e[1]).toArray());
        Network net = EngineDeployment.toEngine(modules, source,
                new EngineDeployment.Formats(units, Format.signedInt(weightBits), Format.signedInt(stateBits)), names,
                Network.DEFAULT_CORE_CAPACITY);
        double[] y = new double[reference.values().length];
        long synOps;
        try (Simulation engine = new Simulation(net, 0, 1, true)) {
            SpikeRecorder out = engine.recordSpikes(names.get(layers - 1));
            for (int b = 0; b < batch; b++) {
                engine.run(window);
                engine.resetNeuronStates();
            }
            for (int e = 0; e < out.ticks().length; e++) {
                int b = out.ticks()[e] / window;
                int t = out.ticks()[e] % window - layers;
                if (t >= 0 && t < steps) {
                    y[(t * batch + b) * outSize + out.neurons()[e]] = 1.0;
                }
            }
            synOps = engine.counters().synOps();
        }
        NpyArray output = NpyArray.float32(reference.shape(), y);
        return new Result(output, agreement(output, reference), synOps, units);
    }

    /** The fraction of entries of two arrays of the same size that are equal. */
    public static double agreement(NpyArray a, NpyArray b) {
        long same = 0;
        for (int k = 0; k < a.values().length; k++) {
            same += a.values()[k] == b.values()[k] ? 1 : 0;
        }
        return (double) same / a.values().length;
    }

    /**
     * The largest power of two of units per 1.0 at which every weight fits the weight format and
     * every threshold has 4× headroom in the state format.
     */
    static int unitsPerOne(List<Module> modules, int weightBits, int stateBits) {
        double maxWeight = 0;
        double maxThreshold = 0;
        for (Module m : modules) {
            if (m instanceof NeuronModule n) {
                maxThreshold = Math.max(maxThreshold, threshold(n));
            }
            for (float[] p : m.parameters()) {
                for (float v : p) {
                    maxWeight = Math.max(maxWeight, Math.abs(v));
                }
            }
        }
        double wMax = (1L << (weightBits - 1)) - 1;
        double sMax = ((1L << (stateBits - 1)) - 1) / 4.0;
        int units = 1;
        while (units < (1 << 24) && (maxWeight == 0 || 2.0 * units * maxWeight <= wMax)
                && (maxThreshold == 0 || 2.0 * units * maxThreshold <= sMax)) {
            units *= 2;
        }
        return units;
    }

    private static double threshold(NeuronModule n) {
        return switch (n) {
            case org.spikecore.train.net.Lif l -> l.threshold();
            case org.spikecore.train.net.CubaLif c -> c.threshold();
            case org.spikecore.train.net.RecurrentLif r -> r.threshold();
            case org.spikecore.train.net.Qpr q -> q.threshold();
        };
    }
}
