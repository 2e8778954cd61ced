package org.spikecore.io.nir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikecore.SpikecoreException;
import org.spikecore.io.npy.NpyArray;
import org.spikecore.io.npy.NpyType;
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
import org.spikecore.train.net.Shape;

/**
 * A chain of spikecore modules as a NIR graph named as snnTorch's exporter names it ({@code input},
 * {@code 0}, {@code 1}, …, {@code output}), with snnTorch's time step {@link #DT}: a decay β becomes
 * {@code τ = dt/(1 − β)} and {@code R = τ/dt} (α likewise, {@code w_in = τ_syn/dt}); weights are
 * float32, neuron parameters float64 per neuron, so that β comes back exactly. A LIF without leak
 * (β = 1) becomes NIR's IF with {@code R = 1/dt}. A recurrent LIF layer becomes a subgraph
 * {@code input → lif → w_rec → lif → output} (as snnTorch exports {@code RSynaptic}), whose
 * recurrent edge delivers the spikes of the step before. A layer's zero reset is what NIR's
 * {@code v_reset = 0} says; a subtract reset has no NIR field, and such a graph reproduces the
 * trainer's spikes under {@link NirConvention#SNNTORCH_SUBTRACT}.
 */
public final class NirExport {

    /** snnTorch's export time step, in seconds. */
    public static final double DT = 1e-4;

    private NirExport() {
    }

    /** The graph of {@code modules} (input first). */
    public static NirNode.NirGraph of(List<Module> modules) {
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("nothing to export: the network has no modules");
        }
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        List<NirNode.Edge> edges = new ArrayList<>();
        nodes.put("input", new NirNode.Input(dims(modules.get(0).inShape())));
        String previous = "input";
        for (int k = 0; k < modules.size(); k++) {
            String name = Integer.toString(k);
            nodes.put(name, node(k, modules.get(k)));
            edges.add(new NirNode.Edge(previous, name));
            previous = name;
        }
        nodes.put("output", new NirNode.Output(dims(modules.get(modules.size() - 1).outShape())));
        edges.add(new NirNode.Edge(previous, "output"));
        return new NirNode.NirGraph(nodes, edges);
    }

    /** Whether {@code modules} hold a layer whose subtract reset NIR cannot say (simulate with snntorch-subtract). */
    public static boolean subtractsOnReset(List<Module> modules) {
        return modules.stream().anyMatch(m -> m instanceof Lif l && l.reset() == NeuronModule.Reset.SUBTRACT
                || m instanceof CubaLif c && c.reset() == NeuronModule.Reset.SUBTRACT
                || m instanceof RecurrentLif r && r.reset() == NeuronModule.Reset.SUBTRACT);
    }

    private static NirNode node(int k, Module m) {
        return switch (m) {
            case Dense d -> {
                float[][] p = d.parameters();
                int in = d.inShape().size();
                int out = d.outShape().size();
                double[] w = new double[in * out];
                for (int j = 0; j < in; j++) {
                    for (int i = 0; i < out; i++) {
                        w[i * in + j] = p[0][j * out + i];
                    }
                }
                NpyArray weight = new NpyArray(NpyType.FLOAT32, new int[] {out, in}, w);
                yield p.length == 2 ? new NirNode.Affine(weight, floats(new int[] {out}, p[1])) : new NirNode.Linear(weight);
            }
            case Conv2d c -> {
                float[][] p = c.parameters();
                int o = c.outShape().channels();
                int ch = c.inShape().channels();
                yield new NirNode.Conv2d(floats(new int[] {o, ch, c.kernel(), c.kernel()}, p[0]), List.of(c.stride(), c.stride()),
                        List.of(c.padding(), c.padding()), List.of(1, 1), 1, floats(new int[] {o}, p[1]),
                        List.of(c.inShape().height(), c.inShape().width()));
            }
            case Pool p -> {
                List<Integer> window = List.of(p.kernel(), p.kernel());
                yield p.average() ? new NirNode.AvgPool2d(window, window, List.of(0, 0)) : new NirNode.SumPool2d(window, window, List.of(0, 0));
            }
            case Flatten f -> new NirNode.Flatten(0, -1, dims(f.inShape()));
            case Relu r -> throw new SpikecoreException("module " + k + " is a ReLU: NIR 1.0 has no ReLU node (it describes "
                    + "spiking graphs); export the converted integrate-and-fire network instead");
            case Lif l -> lif(ints(l.shape()), l.beta(), l.threshold());
            case RecurrentLif r -> {
                int n = r.shape().size();
                float[] v = r.parameters()[0];
                double[] w = new double[n * n];
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < n; i++) {
                        w[i * n + j] = v[j * n + i];
                    }
                }
                Map<String, NirNode> inner = new LinkedHashMap<>();
                inner.put("input", new NirNode.Input(List.of(n)));
                inner.put("lif", lif(new int[] {n}, r.beta(), r.threshold()));
                inner.put("w_rec", new NirNode.Linear(new NpyArray(NpyType.FLOAT32, new int[] {n, n}, w)));
                inner.put("output", new NirNode.Output(List.of(n)));
                yield new NirNode.NirGraph(inner, List.of(new NirNode.Edge("input", "lif"), new NirNode.Edge("lif", "w_rec"),
                        new NirNode.Edge("w_rec", "lif"), new NirNode.Edge("lif", "output")));
            }
            case CubaLif c -> {
                int[] shape = ints(c.shape());
                if (c.alpha() == 1f || c.beta() == 1f) {
                    throw new SpikecoreException("module " + k + " (CubaLif): a decay of 1 (no leak) has no NIR CubaLIF time constant");
                }
                double tauSyn = DT / (1 - (double) c.alpha());
                double tauMem = DT / (1 - (double) c.beta());
                yield new NirNode.CubaLIF(fill(shape, tauSyn), fill(shape, tauMem), fill(shape, tauMem / DT), fill(shape, 0),
                        fill(shape, c.threshold()), fill(shape, 0), fill(shape, tauSyn / DT));
            }
            case Qpr q -> throw new SpikecoreException("module " + k + " (Qpr): the Q/P/R trace neuron has no NIR node");
        };
    }

    /** LIF with τ = dt/(1 − β), R = τ/dt; IF with R = 1/dt when β = 1. */
    private static NirNode lif(int[] shape, float beta, float threshold) {
        if (beta == 1f) {
            return new NirNode.IF(fill(shape, 1 / DT), fill(shape, threshold), fill(shape, 0));
        }
        double tau = DT / (1 - (double) beta);
        return new NirNode.LIF(fill(shape, tau), fill(shape, tau / DT), fill(shape, 0), fill(shape, threshold), fill(shape, 0));
    }

    private static List<Integer> dims(Shape s) {
        return s.height() == 1 && s.width() == 1 ? List.of(s.channels()) : List.of(s.channels(), s.height(), s.width());
    }

    private static int[] ints(Shape s) {
        return dims(s).stream().mapToInt(Integer::intValue).toArray();
    }

    private static NpyArray floats(int[] shape, float[] v) {
        double[] d = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            d[k] = v[k];
        }
        return new NpyArray(NpyType.FLOAT32, shape, d);
    }

    private static NpyArray fill(int[] shape, double value) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] v = new double[n];
        java.util.Arrays.fill(v, value);
        return new NpyArray(NpyType.FLOAT64, shape, v);
    }
}
