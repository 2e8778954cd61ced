package org.spikecore.io.nir;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.io.npy.NpyArray;
import org.spikecore.train.Surrogate;
import org.spikecore.train.net.Conv2d;
import org.spikecore.train.net.CubaLif;
import org.spikecore.train.net.Dense;
import org.spikecore.train.net.Flatten;
import org.spikecore.train.net.Lif;
import org.spikecore.train.net.Module;
import org.spikecore.train.net.NeuronModule;
import org.spikecore.train.net.Pool;
import org.spikecore.train.net.Shape;
import org.spikecore.train.net.SpikeFunction;

/**
 * The reverse of {@link NirExport}: a compiled NIR chain as spikecore trainer modules, which
 * compute the same spikes as {@link NirSimulation} under the same convention (so an imported graph
 * can be fine-tuned and deployed like any {@code Sequential}). A node maps when spikecore has its
 * layer: Affine and Linear → Dense; Conv2d with a square kernel, equal strides and paddings, no
 * dilation and one group → Conv2d; non-overlapping unpadded square pools → Pool; Flatten to a
 * vector; LIF and IF with uniform parameters, no leak potential, v_reset = 0 and unit input scale →
 * Lif; CubaLIF likewise → CubaLif (not under {@code snntorch}, whose delayed zero reset drops an
 * input that spikecore's layer keeps). Every other node says why not.
 */
public final class NirImport {

    /** Surrogate of imported neuron layers (forward spikes do not depend on it). */
    private static final SpikeFunction SPIKE = SpikeFunction.step(new Surrogate(Surrogate.Kind.FAST_SIGMOID, 25f));

    private NirImport() {
    }

    /**
     * One node's mapping: the module, or why there is none ({@code module} null); graph ends map to
     * nothing with no reason.
     */
    public record Mapping(String node, Module module, String reason) {

        public boolean maps() {
            return reason == null;
        }
    }

    /** What each node of {@code sim} (in run order) maps to. */
    public static List<Mapping> mappings(NirSimulation sim) {
        List<Mapping> out = new ArrayList<>();
        for (NirLayer layer : sim.layers()) {
            out.add(map(layer));
        }
        return out;
    }

    /** The modules of {@code sim} when the whole graph maps, as a chain ending in a neuron layer; else the first reason why not. */
    public static Result modules(NirSimulation sim) {
        if (sim.hasRecurrentEdges()) {
            return new Result(List.of(), "the graph has recurrent edges");
        }
        if (!sim.isChain()) {
            return new Result(List.of(), "the graph is not a chain (a node has several inputs or outputs)");
        }
        List<Module> modules = new ArrayList<>();
        for (Mapping m : mappings(sim)) {
            if (!m.maps()) {
                return new Result(List.of(), "node " + m.node() + ": " + m.reason());
            }
            if (m.module() != null) {
                modules.add(m.module());
            }
        }
        if (modules.isEmpty() || !(modules.get(modules.size() - 1) instanceof NeuronModule)) {
            return new Result(List.of(), "the chain does not end in a neuron layer");
        }
        return new Result(List.copyOf(modules), null);
    }

    /** The modules of a graph that maps, or the reason it does not. */
    public record Result(List<Module> modules, String reason) {
    }

    private static Mapping yes(NirLayer l, Module m) {
        return new Mapping(l.name(), m, null);
    }

    private static Mapping no(NirLayer l, String why) {
        return new Mapping(l.name(), null, why);
    }

    private static Mapping map(NirLayer l) {
        double dt = l.dt();
        return switch (l.node()) {
            case NirNode.Input n -> yes(l, null);
            case NirNode.Output n -> yes(l, null);
            case NirNode.Affine a -> yes(l, dense(a.weight(), a.bias()));
            case NirNode.Linear a -> yes(l, dense(a.weight(), null));
            case NirNode.Conv2d c -> {
                Shape in = shape(l.inShape());
                int k = c.weight().dim(2);
                if (in == null || c.weight().dim(3) != k || !c.stride().get(0).equals(c.stride().get(1))
                        || !c.padding().get(0).equals(c.padding().get(1)) || !c.dilation().equals(List.of(1, 1)) || c.groups() != 1) {
                    yield no(l, "spikecore's Conv2d has square kernels, equal strides and paddings, no dilation and one group");
                }
                Conv2d conv = new Conv2d(in, c.weight().dim(0), k, c.stride().get(0), c.padding().get(0), 1, 0, 0);
                copy(c.weight(), conv.parameters()[0]);
                copy(c.bias(), conv.parameters()[1]);
                yield yes(l, conv);
            }
            case NirNode.SumPool2d p -> pool(l, p.kernelSize(), p.stride(), p.padding(), false);
            case NirNode.AvgPool2d p -> pool(l, p.kernelSize(), p.stride(), p.padding(), true);
            case NirNode.Flatten f -> {
                Shape in = shape(l.inShape());
                yield in != null && l.outShape().size() == 1 ? yes(l, new Flatten(in)) : no(l, "spikecore flattens to a vector only");
            }
            case NirNode.LIF n -> {
                String why = uniform(n.tau(), n.r(), n.vThreshold()) ? zeroes(n.vLeak(), n.vReset()) : "its parameters differ per neuron";
                if (why == null && !unit(n.r().values()[0] * dt / n.tau().values()[0])) {
                    why = "R·dt/τ is not 1";
                }
                yield why != null ? no(l, why) : yes(l, new Lif(shape(l.inShape()), (float) (1 - dt / n.tau().values()[0]),
                        (float) n.vThreshold().values()[0], reset(l), true, SPIKE));
            }
            case NirNode.IF n -> {
                String why = uniform(n.r(), n.vThreshold()) ? zeroes(n.vReset()) : "its parameters differ per neuron";
                if (why == null && !unit(n.r().values()[0] * dt)) {
                    why = "R·dt is not 1";
                }
                yield why != null ? no(l, why) : yes(l, new Lif(shape(l.inShape()), 1f, (float) n.vThreshold().values()[0], NeuronModule.Reset.ZERO, true,
                        SPIKE));
            }
            case NirNode.CubaLIF n -> {
                String why = uniform(n.tauSyn(), n.tauMem(), n.r(), n.vThreshold(), n.wIn()) ? zeroes(n.vLeak(), n.vReset())
                        : "its parameters differ per neuron";
                if (why == null && (!unit(n.r().values()[0] * dt / n.tauMem().values()[0])
                        || !unit(n.wIn().values()[0] * dt / n.tauSyn().values()[0]))) {
                    why = "R·dt/τ_mem or w_in·dt/τ_syn is not 1";
                }
                if (why == null && l.convention() == NirConvention.SNNTORCH) {
                    why = "snnTorch's delayed zero reset of Synaptic drops the input after a spike; spikecore's CubaLif keeps it";
                }
                yield why != null ? no(l, why) : yes(l, new CubaLif(shape(l.inShape()), (float) (1 - dt / n.tauSyn().values()[0]),
                        (float) (1 - dt / n.tauMem().values()[0]), (float) n.vThreshold().values()[0], reset(l), true, SPIKE));
            }
            case NirNode.Scale n -> no(l, "spikecore has no scaling layer");
            case NirNode.Conv1d n -> no(l, "spikecore has no 1-d convolution");
            case NirNode.Delay n -> no(l, "spikecore's trainer has no delay layer");
            case NirNode.Threshold n -> no(l, "spikecore has no stateless threshold layer");
            case NirNode.I n -> no(l, "spikecore has no integrator without a threshold");
            case NirNode.LI n -> no(l, "spikecore has no leaky integrator without a threshold");
            case NirNode.CubaLI n -> no(l, "spikecore has no current-based integrator without a threshold");
            case NirNode.NirGraph n -> no(l, "subgraphs are inlined");
        };
    }

    private static NeuronModule.Reset reset(NirLayer l) {
        return l.convention() == NirConvention.SNNTORCH_SUBTRACT ? NeuronModule.Reset.SUBTRACT : NeuronModule.Reset.ZERO;
    }

    private static boolean unit(double scale) {
        return Math.abs(scale - 1) <= 1e-5;
    }

    private static boolean uniform(NpyArray... params) {
        for (NpyArray p : params) {
            double[] v = p.values();
            for (double x : v) {
                if (x != v[0]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Null when every value is 0, else what is not. */
    private static String zeroes(NpyArray... params) {
        for (NpyArray p : params) {
            for (double x : p.values()) {
                if (x != 0) {
                    return "v_leak and v_reset must be 0, spikecore's neurons rest and reset at 0";
                }
            }
        }
        return null;
    }

    private static Mapping pool(NirLayer l, List<Integer> kernel, List<Integer> stride, List<Integer> padding, boolean average) {
        Shape in = shape(l.inShape());
        int k = kernel.get(0);
        if (in == null || kernel.get(1) != k || !stride.equals(kernel) || !padding.equals(List.of(0, 0))) {
            return no(l, "spikecore pools square windows with the window as stride and no padding");
        }
        return yes(l, new Pool(in, k, average));
    }

    private static Dense dense(NpyArray weight, NpyArray bias) {
        int out = weight.dim(0);
        int in = weight.dim(1);
        Dense d = bias == null ? Dense.withoutBias(in, out, 1, 0, 0) : new Dense(in, out, 1, 0, 0);
        float[] wt = d.parameters()[0];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) {
                wt[j * out + i] = (float) weight.values()[i * in + j];
            }
        }
        if (bias != null) {
            copy(bias, d.parameters()[1]);
        }
        return d;
    }

    private static void copy(NpyArray from, float[] into) {
        for (int k = 0; k < into.length; k++) {
            into[k] = (float) from.values()[k];
        }
    }

    private static Shape shape(List<Integer> dims) {
        return switch (dims.size()) {
            case 1 -> Shape.vector(dims.get(0));
            case 3 -> new Shape(dims.get(0), dims.get(1), dims.get(2));
            default -> null;
        };
    }
}
