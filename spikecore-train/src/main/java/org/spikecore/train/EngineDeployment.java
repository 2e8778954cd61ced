package org.spikecore.train;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.fixed.Format;
import org.spikecore.model.BernoulliSource;
import org.spikecore.model.Connectivity;
import org.spikecore.model.ConvConnectivity;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Leak;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.NeuronPresets;
import org.spikecore.model.Node;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;
import org.spikecore.model.Reset;
import org.spikecore.model.SparseConnectivity;
import org.spikecore.model.SpikeSource;
import org.spikecore.model.StateSpec;
import org.spikecore.model.Threshold;
import org.spikecore.train.net.Conv2d;
import org.spikecore.train.net.CubaLif;
import org.spikecore.train.net.Dense;
import org.spikecore.train.net.Flatten;
import org.spikecore.train.net.Lif;
import org.spikecore.train.net.Module;
import org.spikecore.train.net.NeuronModule;
import org.spikecore.train.net.Pool;
import org.spikecore.train.net.Qpr;
import org.spikecore.train.net.RecurrentLif;
import org.spikecore.train.net.Relu;

/**
 * The one path from a trained network of {@link Module}s to the bit-accurate engine. The modules
 * between two neuron layers (a {@link Dense}, a {@link Conv2d}, a {@link Pool}, with {@link Flatten}s
 * anywhere) become the projection into the second; each neuron layer becomes a population:
 * <ul>
 * <li>{@link Dense} → a dense projection of its weights by input (the engine's pre × post order);</li>
 * <li>{@link Conv2d} → a weight-shared {@link ConvConnectivity} of its kernel (the engine keeps it
 * shared);</li>
 * <li>{@link Pool} → a sparse projection of weight 1 (sum) or 1/k² (average);</li>
 * <li>a chain of several of them → one projection of their composed weights;</li>
 * <li>a chain after the last neuron layer (a network read out by integrating its last synaptic
 * layer, as {@code CE_COUNTS} trains it) → a readout population that never fires, named by one
 * more name than there are neuron layers, its membrane the summed output;</li>
 * <li>biases → a projection from an always-spiking {@code bias} source (the engine's neuron bias is
 * one per population);</li>
 * <li>{@link Lif} → one state with the shift leak of its β when β = 1 − 2^−k, else Loihi's 12-bit
 * multiplicative decay, threshold ⌊ϑ·units⌋ + 1 (the float layer spikes when U > ϑ), reset to 0
 * or by ϑ/β (the engine subtracts before its next leak, the float layer after it);
 * {@link CubaLif} → current and membrane ({@link NeuronPresets#lifFirstOrderSynapse}'s structure,
 * input into the current); {@link RecurrentLif} → the LIF population and a recurrent projection of
 * its weights; {@link Qpr} → {@link NeuronPresets#qpr} with the refractory jump δ/γ (the engine
 * decays it once before the float layer first uses it).</li>
 * </ul>
 * Weights, thresholds and resets are rounded to {@code unitsPerOne} integer units per 1.0, one tick of
 * delay per layer. The engine then computes the network in integer arithmetic: its spikes agree with
 * the trainer's closely, not exactly (rounded weights and membranes, the one-unit minimum leak,
 * saturation).
 */
public final class EngineDeployment {

    /** The largest input of a chain whose weights are composed by probing (a dense in × out matrix). */
    static final int MAX_COMPOSED_INPUTS = 4096;

    private EngineDeployment() {
    }

    /**
     * Number formats of a deployment.
     *
     * @param unitsPerOne integer units per 1.0 of weights, thresholds and membranes
     * @param weights     the format of every weight (values beyond it saturate)
     * @param states      the format of every neuron state
     */
    public record Formats(int unitsPerOne, Format weights, Format states) {
        public Formats {
            if (unitsPerOne < 1) {
                throw new IllegalArgumentException("units per 1.0 must be positive, got " + unitsPerOne);
            }
            java.util.Objects.requireNonNull(weights, "weight format");
            java.util.Objects.requireNonNull(states, "state format");
        }

        /** 16-bit weights and states. */
        public static Formats int16(int unitsPerOne) {
            return new Formats(unitsPerOne, Format.INT16, Format.INT16);
        }
    }

    /**
     * The engine network of {@code modules} fed by {@code input} (its size must be the first
     * module's input size); the neuron layers become populations named {@code names} in order.
     */
    public static Network toEngine(List<Module> modules, SpikeSource input, Formats formats, List<String> names,
            int coreCapacity) {
        List<Node> nodes = new ArrayList<>();
        List<Projection> projections = new ArrayList<>();
        nodes.add(input);
        String previous = input.name();
        int previousSize = input.size();
        List<Module> chain = new ArrayList<>();
        int layer = 0;
        boolean bias = false;
        for (int i = 0; i < modules.size(); i++) {
            Module m = modules.get(i);
            switch (m) {
                case Dense d -> chain.add(d);
                case Conv2d c -> chain.add(c);
                case Pool p -> chain.add(p);
                case Flatten f -> chain.add(f);
                case Relu r -> throw new IllegalArgumentException("module " + i + " is a ReLU, an ANN activation the engine does "
                        + "not have; convert the network to integrate-and-fire first (AnnConversion)");
                case NeuronModule n -> {
                    if (layer >= names.size()) {
                        throw new IllegalArgumentException("the network has more neuron layers than the " + names.size()
                                + " names given");
                    }
                    String name = names.get(layer++);
                    Deployed neurons = neurons(n, formats, name, i);
                    nodes.add(new Population(name, n.shape().size(), neurons.model()));
                    Linear linear = linear(chain, previousSize, n.shape().size(), formats, name);
                    projections.add(Projection.of(previous + "->" + name, previous, name, linear.connectivity(),
                            formats.weights(), neurons.inputState()));
                    if (linear.bias() != null) {
                        bias = true;
                        projections.add(Projection.of("bias->" + name, "bias", name,
                                new DenseConnectivity(1, linear.bias().length, linear.bias()), formats.weights(),
                                neurons.inputState()));
                    }
                    if (n instanceof RecurrentLif r) {
                        projections.add(Projection.of(name + "->" + name, name, name,
                                new DenseConnectivity(r.shape().size(), r.shape().size(),
                                        toInteger(r.parameters()[0], formats.unitsPerOne())),
                                formats.weights(), 0));
                    }
                    chain.clear();
                    previous = name;
                    previousSize = n.shape().size();
                }
            }
        }
        if (!chain.isEmpty()) {
            if (layer >= names.size()) {
                throw new IllegalArgumentException("the network ends with " + chain.size() + " linear module(s) after its last "
                        + "neuron layer; the engine's outputs are spikes of a neuron layer, or name one more population for a "
                        + "readout that integrates them");
            }
            String name = names.get(layer);
            int size = chain.get(chain.size() - 1).outShape().size();
            nodes.add(new Population(name, size, readout(name, formats)));
            Linear linear = linear(chain, previousSize, size, formats, name);
            projections.add(Projection.of(previous + "->" + name, previous, name, linear.connectivity(), formats.weights(), 0));
            if (linear.bias() != null) {
                bias = true;
                projections.add(Projection.of("bias->" + name, "bias", name, new DenseConnectivity(1, size, linear.bias()),
                        formats.weights(), 0));
            }
        }
        if (layer == 0) {
            throw new IllegalArgumentException("the network has no neuron layer to deploy");
        }
        if (bias) {
            nodes.add(1, new BernoulliSource("bias", 1, 1.0));
        }
        return new Network(nodes, projections, coreCapacity);
    }

    /**
     * The reverse of {@link #toEngine}, for fine-tuning a chip network in the trainer: writes the
     * integer weights of {@code network}'s projections, divided by {@code unitsPerOne}, into the
     * parameters of {@code modules} (the network it was deployed from, or one of the same shapes and
     * the same population {@code names}): a dense projection into its {@link Dense}, a convolution's
     * shared kernel into its {@link Conv2d}, a {@code bias->} projection into the biases, a
     * recurrent projection into its {@link RecurrentLif}. A chain of several linear modules composed
     * into one projection cannot be split back, and is an error naming the layer.
     */
    public static void loadWeights(Network network, List<Module> modules, List<String> names, int unitsPerOne) {
        java.util.Map<String, Projection> byName = new java.util.HashMap<>();
        for (Projection p : network.projections()) {
            byName.put(p.name(), p);
        }
        List<Module> chain = new ArrayList<>();
        int layer = 0;
        for (Module m : modules) {
            if (!(m instanceof NeuronModule n)) {
                chain.add(m);
                continue;
            }
            if (layer >= names.size()) {
                throw new IllegalArgumentException("the network has more neuron layers than the " + names.size() + " names given");
            }
            load(byName, names.get(layer++), chain, n, unitsPerOne);
            chain.clear();
        }
        if (!chain.isEmpty()) { // the readout
            if (layer >= names.size()) {
                throw new IllegalArgumentException("the network ends with linear modules but no readout name is given");
            }
            load(byName, names.get(layer), chain, null, unitsPerOne);
        }
    }

    /** Loads the weights into layer {@code name} (the chain before it, and its recurrent weights when {@code neurons} has them). */
    private static void load(java.util.Map<String, Projection> byName, String name, List<Module> chain, NeuronModule neurons,
            int units) {
        List<Module> parts = chain.stream().filter(c -> !(c instanceof Flatten)).toList();
        if (parts.size() > 1) {
            throw new IllegalArgumentException("layer " + name + ": " + parts.size() + " linear modules were composed into one "
                    + "projection and cannot be split back");
        }
        if (parts.size() == 1 && parts.get(0).parameters().length > 0) {
            Projection into = byName.values().stream().filter(p -> p.post().equals(name) && !p.pre().equals("bias")
                    && !p.pre().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "the engine network has no projection into " + name));
            float[][] params = parts.get(0).parameters();
            int[] w = switch (into.connectivity()) {
                case DenseConnectivity d -> d.weights();
                case ConvConnectivity c -> c.kernel();
                default -> throw new IllegalArgumentException("projection " + into.name() + " is a "
                        + into.connectivity().getClass().getSimpleName() + ", not the weights of a dense or conv layer");
            };
            fill(params[0], w, 1, units, into.name());
            if (params.length > 1) {
                java.util.Arrays.fill(params[1], 0f);
                Projection bias = byName.get("bias->" + name);
                if (bias != null) {
                    int[] b = ((DenseConnectivity) bias.connectivity()).weights();
                    fill(params[1], b, b.length / params[1].length, units, bias.name());
                }
            }
        }
        if (neurons instanceof RecurrentLif r) {
            Projection self = byName.get(name + "->" + name);
            if (self == null) {
                throw new IllegalArgumentException("the engine network has no recurrent projection " + name + "->" + name);
            }
            fill(r.parameters()[0], ((DenseConnectivity) self.connectivity()).weights(), 1, units, self.name());
        }
    }

    /** {@code into[k] = w[k·each] / units}, after checking the sizes. */
    private static void fill(float[] into, int[] w, int each, int units, String what) {
        if (into.length * each != w.length) {
            throw new IllegalArgumentException("projection " + what + " has " + w.length + " weights, the layer " + into.length * each);
        }
        for (int k = 0; k < into.length; k++) {
            into[k] = w[k * each] / (float) units;
        }
    }

    /** A neuron layer's model and the state its synaptic input enters. */
    private record Deployed(NeuronModel model, int inputState) {
    }

    private static Deployed neurons(NeuronModule n, Formats f, String name, int index) {
        int units = f.unitsPerOne();
        return switch (n) {
            case Lif l -> new Deployed(lif(name, l.beta(), l.threshold(), l.reset(), f, index), 0);
            case RecurrentLif r -> new Deployed(lif(name, r.beta(), r.threshold(), r.reset(), f, index), 0);
            case CubaLif c -> {
                NeuronModel v = lif(name, c.beta(), c.threshold(), c.reset(), f, index);
                StateSpec current = StateSpec.of("i", f.states()).withLeak(decay(c.alpha()));
                yield new Deployed(new NeuronModel(name + "-cuba", List.of(v.states().get(0), current),
                        List.of(org.spikecore.model.Coupling.of(0, 1, 1, 0)), v.threshold(), 0), 1);
            }
            case Qpr q -> new Deployed(NeuronPresets.qpr(leakShift(q.alpha()),
                    leakShift(q.beta()), leakShift(q.gamma()),
                    Math.round(q.threshold() * units), Math.round(q.delta() / q.gamma() * units)), 1);
        };
    }

    /** A population that never fires: its membrane, without leak, sums the weighted input (read with {@code Simulation.state}). */
    private static NeuronModel readout(String name, Formats f) {
        return new NeuronModel(name + "-readout", List.of(StateSpec.of("v", f.states())), List.of(),
                Threshold.fixed(f.states().max()), 0);
    }

    private static NeuronModel lif(String name, float beta, float threshold, NeuronModule.Reset reset, Formats f, int index) {
        int units = f.unitsPerOne();
        int theta = (int) Math.floor(threshold * units) + 1; // the float layer spikes when U > ϑ, the engine when v ≥ its threshold
        StateSpec v = StateSpec.of("v", f.states()).withLeak(decay(beta));
        v = v.withReset(switch (reset) {
            case ZERO -> Reset.toValue(0);
            case SUBTRACT -> Reset.add(-Math.round(threshold / beta * units));
        });
        return new NeuronModel(name + "-lif", List.of(v), List.of(), Threshold.fixed(theta), 0);
    }

    /**
     * The engine's leak for a decay factor: none for 1, NSAT's multiplierless shift leak when the
     * factor is 1 − 2^−k, otherwise Loihi's 12-bit multiplicative decay {@code x·(4096 − d) >> 12}
     * with {@code d = round((1 − factor)·4096)}.
     */
    static Leak decay(float factor) {
        if (factor == 1f) {
            return Leak.none();
        }
        for (int k = 1; k < 16; k++) {
            if (factor == 1f - (float) Math.pow(2, -k)) {
                return Leak.shift(k);
            }
        }
        return Leak.multiplicative((int) Math.round((1.0 - factor) * 4096));
    }

    /** The integer connectivity of a chain of linear modules, and its per-post bias (null when all zero). */
    private record Linear(Connectivity connectivity, int[] bias) {
    }

    private static Linear linear(List<Module> chain, int in, int out, Formats f, String into) {
        List<Module> parts = chain.stream().filter(m -> !(m instanceof Flatten)).toList();
        int units = f.unitsPerOne();
        if (parts.isEmpty()) {
            if (in != out) {
                throw new IllegalArgumentException("layer " + into + ": " + in + " inputs cannot feed " + out
                        + " neurons one to one");
            }
            int[] idx = java.util.stream.IntStream.range(0, in).toArray();
            int[] w = new int[in];
            java.util.Arrays.fill(w, units);
            return new Linear(new SparseConnectivity(in, out, idx, idx.clone(), w), null);
        }
        if (parts.size() == 1 && parts.get(0) instanceof Dense d) {
            return new Linear(new DenseConnectivity(in, out, toInteger(d.weightsByInput(), units)),
                    bias(d.parameters().length > 1 ? d.parameters()[1] : null, 1, units));
        }
        if (parts.size() == 1 && parts.get(0) instanceof Conv2d c) {
            var s = c.inShape();
            float[][] p = c.parameters();
            return new Linear(new ConvConnectivity(s.channels(), s.height(), s.width(), c.outShape().channels(), c.kernel(),
                    c.stride(), c.padding(), toInteger(p[0], units)),
                    bias(p[1], c.outShape().height() * c.outShape().width(), units));
        }
        if (parts.size() == 1 && parts.get(0) instanceof Pool p) {
            return new Linear(pool(p, units), null);
        }
        return composed(parts, in, out, units, into);
    }

    /** A pool as a sparse projection: each input feeds its window's output with weight 1 (sum) or 1/k² (average). */
    private static SparseConnectivity pool(Pool p, int units) {
        var in = p.inShape();
        var out = p.outShape();
        int k = p.kernel();
        int weight = p.average() ? Math.round((float) units / (k * k)) : units;
        List<int[]> synapses = new ArrayList<>();
        for (int c = 0; c < in.channels(); c++) {
            for (int y = 0; y < out.height() * k; y++) {
                for (int x = 0; x < out.width() * k; x++) {
                    synapses.add(new int[] {(c * in.height() + y) * in.width() + x,
                            (c * out.height() + y / k) * out.width() + x / k});
                }
            }
        }
        int[] pres = synapses.stream().mapToInt(s -> s[0]).toArray();
        int[] posts = synapses.stream().mapToInt(s -> s[1]).toArray();
        int[] w = new int[pres.length];
        java.util.Arrays.fill(w, weight);
        return new SparseConnectivity(in.size(), out.size(), pres, posts, w);
    }

    /** Per-post integer biases from per-channel float ones repeated {@code each} times; null when all round to 0. */
    private static int[] bias(float[] perChannel, int each, int units) {
        if (perChannel == null) {
            return null;
        }
        int[] b = new int[perChannel.length * each];
        boolean any = false;
        for (int c = 0; c < perChannel.length; c++) {
            int v = Math.round(perChannel[c] * units);
            any |= v != 0;
            java.util.Arrays.fill(b, c * each, (c + 1) * each, v);
        }
        return any ? b : null;
    }

    /**
     * The weights of several linear modules composed by probing: the chain applied to every unit
     * input gives a column of the composed matrix (minus the chain applied to 0, its bias).
     */
    private static Linear composed(List<Module> parts, int in, int out, int units, String into) {
        if (in > MAX_COMPOSED_INPUTS) {
            throw new IllegalArgumentException("layer " + into + ": composing " + parts.size() + " linear modules over " + in
                    + " inputs would need a dense " + in + " x " + out + " matrix (at most " + MAX_COMPOSED_INPUTS
                    + " inputs)");
        }
        float[] probes = new float[(in + 1) * in];
        for (int j = 0; j < in; j++) {
            probes[(j + 1) * in + j] = 1f;
        }
        float[] y = probes;
        for (Module m : parts) {
            y = m.runner(in + 1, 1).forward(0, y);
        }
        float[] byInput = new float[in * out];
        float[] bias = new float[out];
        for (int i = 0; i < out; i++) {
            bias[i] = y[i];
        }
        for (int j = 0; j < in; j++) {
            for (int i = 0; i < out; i++) {
                byInput[j * out + i] = y[(j + 1) * out + i] - bias[i];
            }
        }
        int[] w = toInteger(byInput, units);
        int[] b = bias(bias, 1, units);
        int nonZero = 0;
        for (int v : w) {
            nonZero += v != 0 ? 1 : 0;
        }
        if (nonZero * 4L < (long) in * out) { // mostly zeros (a pool): store only the synapses
            int[] pres = new int[nonZero];
            int[] posts = new int[nonZero];
            int[] ws = new int[nonZero];
            int k = 0;
            for (int j = 0; j < in; j++) {
                for (int i = 0; i < out; i++) {
                    if (w[j * out + i] != 0) {
                        pres[k] = j;
                        posts[k] = i;
                        ws[k++] = w[j * out + i];
                    }
                }
            }
            return new Linear(new SparseConnectivity(in, out, pres, posts, ws), b);
        }
        return new Linear(new DenseConnectivity(in, out, w), b);
    }

    /** Integer weights of float ones at {@code units} per 1.0, rounded to nearest and saturated to 16 bits. */
    public static int[] toInteger(float[] w, int units) {
        int[] x = new int[w.length];
        for (int k = 0; k < w.length; k++) {
            x[k] = (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(w[k] * units)));
        }
        return x;
    }

    /** The shift k of a decay 1 − 2^−k (the engine's multiplierless leak); rejects other decays. */
    public static int leakShift(float decay) {
        for (int k = 1; k < 16; k++) {
            if (decay == 1f - (float) Math.pow(2, -k)) {
                return k;
            }
        }
        throw new IllegalArgumentException("decay " + decay + " is not 1 − 2^−k, so the engine's shift leak cannot run it");
    }
}
