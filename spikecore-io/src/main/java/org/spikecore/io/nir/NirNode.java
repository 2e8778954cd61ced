package org.spikecore.io.nir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikecore.io.npy.NpyArray;
import org.spikecore.io.npy.NpyType;

/**
 * One node of a NIR graph, named and laid out as NIR 1.0 names them (the record's name is the file's
 * {@code type} string). Arrays are {@link NpyArray}s, so each keeps the float32 or float64 type it was
 * read or made with; integer settings (strides, paddings, kernel sizes) are lists. Neuron parameters
 * are per neuron or scalar (rank 0 or shape [1], broadcast to every neuron); a node's parameters
 * must agree in shape.
 */
public sealed interface NirNode {

    /** The file's {@code type} string. */
    default String type() {
        return getClass().getSimpleName().equals("NirGraph") ? "NIRGraph" : getClass().getSimpleName();
    }

    /** The node's parameter arrays (none for graphs, whose nodes hold their own). */
    default List<NpyArray> arrays() {
        return switch (this) {
            case Input n -> List.of();
            case Output n -> List.of();
            case Affine n -> List.of(n.weight(), n.bias());
            case Linear n -> List.of(n.weight());
            case Scale n -> List.of(n.scale());
            case Conv1d n -> List.of(n.weight(), n.bias());
            case Conv2d n -> List.of(n.weight(), n.bias());
            case SumPool2d n -> List.of();
            case AvgPool2d n -> List.of();
            case Flatten n -> List.of();
            case Delay n -> List.of(n.delay());
            case Threshold n -> List.of(n.threshold());
            case I n -> List.of(n.r());
            case IF n -> List.of(n.r(), n.vThreshold(), n.vReset());
            case LI n -> List.of(n.tau(), n.r(), n.vLeak());
            case LIF n -> List.of(n.tau(), n.r(), n.vLeak(), n.vThreshold(), n.vReset());
            case CubaLI n -> List.of(n.tauSyn(), n.tauMem(), n.r(), n.vLeak(), n.wIn());
            case CubaLIF n -> List.of(n.tauSyn(), n.tauMem(), n.r(), n.vLeak(), n.vThreshold(), n.vReset(), n.wIn());
            case NirGraph n -> List.of();
        };
    }

    /** How many parameter values the node holds. */
    default long parameterCount() {
        return arrays().stream().mapToLong(a -> a.values().length).sum();
    }

    /** The graph's entry: the shape of one sample's input at one step. */
    record Input(List<Integer> shape) implements NirNode {
        public Input {
            shape = positive("shape", shape);
        }
    }

    /** The graph's exit: the shape of one sample's output at one step. */
    record Output(List<Integer> shape) implements NirNode {
        public Output {
            shape = positive("shape", shape);
        }
    }

    /** {@code y = W·x + b}, weight [out, in]. */
    record Affine(NpyArray weight, NpyArray bias) implements NirNode {
        public Affine {
            rank("weight", weight, 2);
            shape("bias", bias, weight.dim(0));
        }
    }

    /** {@code y = W·x}, weight [out, in]. */
    record Linear(NpyArray weight) implements NirNode {
        public Linear {
            rank("weight", weight, 2);
        }
    }

    /** {@code y = s ⊙ x}. */
    record Scale(NpyArray scale) implements NirNode {
    }

    /**
     * A 1-d convolution, weight [out, in/groups, k], over inputs [in, length].
     *
     * @param inputShape the input length when the file says (else empty)
     */
    record Conv1d(NpyArray weight, int stride, int padding, int dilation, int groups, NpyArray bias, List<Integer> inputShape)
            implements NirNode {
        public Conv1d {
            rank("weight", weight, 3);
            convSettings(stride, padding, dilation, groups, weight.dim(0));
            shape("bias", bias, weight.dim(0));
            inputShape = List.copyOf(inputShape);
        }
    }

    /**
     * A 2-d convolution, weight [out, in/groups, kh, kw], over inputs [in, h, w]; stride, padding and
     * dilation are (height, width).
     *
     * @param inputShape (h, w) when the file says (else empty)
     */
    record Conv2d(NpyArray weight, List<Integer> stride, List<Integer> padding, List<Integer> dilation, int groups, NpyArray bias,
            List<Integer> inputShape) implements NirNode {
        public Conv2d {
            rank("weight", weight, 4);
            stride = pair("stride", stride, 1);
            padding = pair("padding", padding, 0);
            dilation = pair("dilation", dilation, 1);
            convSettings(1, 0, 1, groups, weight.dim(0));
            shape("bias", bias, weight.dim(0));
            inputShape = List.copyOf(inputShape);
        }
    }

    /** The sum over each window, per channel; kernel, stride and padding are (height, width). */
    record SumPool2d(List<Integer> kernelSize, List<Integer> stride, List<Integer> padding) implements NirNode {
        public SumPool2d {
            kernelSize = pair("kernel_size", kernelSize, 1);
            stride = pair("stride", stride, 1);
            padding = pair("padding", padding, 0);
        }
    }

    /** The average over each window (padding counts as zeros), per channel. */
    record AvgPool2d(List<Integer> kernelSize, List<Integer> stride, List<Integer> padding) implements NirNode {
        public AvgPool2d {
            kernelSize = pair("kernel_size", kernelSize, 1);
            stride = pair("stride", stride, 1);
            padding = pair("padding", padding, 0);
        }
    }

    /**
     * Merges dimensions {@code startDim..endDim} of one sample's shape (the batch not counted; negative
     * counts from the end); values stay in place.
     *
     * @param inputType the input shape when the file says (else empty)
     */
    record Flatten(int startDim, int endDim, List<Integer> inputType) implements NirNode {
        public Flatten {
            inputType = List.copyOf(inputType);
        }
    }

    /** Each input value arrives {@code delay} time units later. */
    record Delay(NpyArray delay) implements NirNode {
        public Delay {
            for (double d : delay.values()) {
                if (!(d >= 0)) {
                    throw new NirFieldException("delay", "holds " + d + ", expected a delay >= 0");
                }
            }
        }
    }

    /** {@code z = x > threshold}, without state. */
    record Threshold(NpyArray threshold) implements NirNode {
    }

    /** Integrator: {@code dv/dt = R·I}; the output is v. */
    record I(NpyArray r) implements NirNode {
    }

    /** Integrate-and-fire: {@code dv/dt = R·I}, spike when v > v_threshold, then v ← v_reset. */
    record IF(NpyArray r, NpyArray vThreshold, NpyArray vReset) implements NirNode {
        public IF {
            neurons(new String[] {"r", "v_threshold", "v_reset"}, r, vThreshold, vReset);
        }
    }

    /** Leaky integrator: {@code τ·dv/dt = (v_leak − v) + R·I}; the output is v. */
    record LI(NpyArray tau, NpyArray r, NpyArray vLeak) implements NirNode {
        public LI {
            neurons(new String[] {"tau", "r", "v_leak"}, tau, r, vLeak);
            positiveValues("tau", tau);
        }
    }

    /** Leaky integrate-and-fire: LI's membrane, spike when v > v_threshold, then v ← v_reset. */
    record LIF(NpyArray tau, NpyArray r, NpyArray vLeak, NpyArray vThreshold, NpyArray vReset) implements NirNode {
        public LIF {
            neurons(new String[] {"tau", "r", "v_leak", "v_threshold", "v_reset"}, tau, r, vLeak, vThreshold, vReset);
            positiveValues("tau", tau);
        }
    }

    /** Current-based leaky integrator: {@code τ_syn·dI/dt = −I + w_in·S}, then LI's membrane driven by I. */
    record CubaLI(NpyArray tauSyn, NpyArray tauMem, NpyArray r, NpyArray vLeak, NpyArray wIn) implements NirNode {
        public CubaLI {
            neurons(new String[] {"tau_syn", "tau_mem", "r", "v_leak", "w_in"}, tauSyn, tauMem, r, vLeak, wIn);
            positiveValues("tau_syn", tauSyn);
            positiveValues("tau_mem", tauMem);
        }
    }

    /** Current-based LIF: CubaLI's current and membrane, spike when v > v_threshold, then v ← v_reset. */
    record CubaLIF(NpyArray tauSyn, NpyArray tauMem, NpyArray r, NpyArray vLeak, NpyArray vThreshold, NpyArray vReset, NpyArray wIn)
            implements NirNode {
        public CubaLIF {
            neurons(new String[] {"tau_syn", "tau_mem", "r", "v_leak", "v_threshold", "v_reset", "w_in"}, tauSyn, tauMem, r, vLeak,
                    vThreshold, vReset, wIn);
            positiveValues("tau_syn", tauSyn);
            positiveValues("tau_mem", tauMem);
        }
    }

    /** A directed connection; the target adds up everything that arrives. */
    record Edge(String from, String to) {
        public Edge {
            java.util.Objects.requireNonNull(from, "from");
            java.util.Objects.requireNonNull(to, "to");
        }
    }

    /**
     * A graph of named nodes (possibly graphs themselves) and edges between them; edges may form
     * cycles (recurrent connections).
     */
    record NirGraph(Map<String, NirNode> nodes, List<Edge> edges) implements NirNode {
        public NirGraph {
            nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
            edges = List.copyOf(edges);
            for (Edge e : edges) {
                for (String end : new String[] {e.from(), e.to()}) {
                    if (!nodes.containsKey(end) && !nodes.containsKey(end.contains(".") ? end.substring(0, end.indexOf('.')) : end)) {
                        throw new NirFieldException("edges", "name node '" + end + "', which the graph does not have");
                    }
                }
            }
        }
    }

    /** The neuron count of a neuron node's parameters: the size of the non-scalar ones, 0 when all are scalar. */
    static int neuronCount(NpyArray... params) {
        for (NpyArray p : params) {
            if (!isScalar(p)) {
                return p.values().length;
            }
        }
        return 0;
    }

    /** Rank 0 or shape [1]. */
    static boolean isScalar(NpyArray p) {
        return p.rank() == 0 || (p.rank() == 1 && p.dim(0) == 1);
    }

    private static void neurons(String[] names, NpyArray... params) {
        int[] shape = null;
        String from = null;
        for (int k = 0; k < params.length; k++) {
            floating(names[k], params[k]);
            if (isScalar(params[k])) {
                continue;
            }
            if (shape == null) {
                shape = params[k].shape();
                from = names[k];
            } else if (!Arrays.equals(shape, params[k].shape())) {
                throw new NirFieldException(names[k], "has shape " + Arrays.toString(params[k].shape()) + ", expected "
                        + Arrays.toString(shape) + " (the shape of " + from + ")");
            }
        }
    }

    private static void floating(String name, NpyArray a) {
        if (a.type() != NpyType.FLOAT32 && a.type() != NpyType.FLOAT64) {
            throw new NirFieldException(name, "is " + a.type().name().toLowerCase() + ", expected float32 or float64");
        }
    }

    private static void positiveValues(String name, NpyArray a) {
        for (double v : a.values()) {
            if (!(v > 0)) {
                throw new NirFieldException(name, "holds " + v + ", expected a time constant > 0");
            }
        }
    }

    private static void rank(String name, NpyArray a, int rank) {
        floating(name, a);
        if (a.rank() != rank) {
            throw new NirFieldException(name, "has shape " + Arrays.toString(a.shape()) + ", expected " + rank + " dimensions");
        }
    }

    private static void shape(String name, NpyArray a, int n) {
        floating(name, a);
        if (a.rank() != 1 || a.dim(0) != n) {
            throw new NirFieldException(name, "has shape " + Arrays.toString(a.shape()) + ", expected [" + n + "]");
        }
    }

    private static void convSettings(int stride, int padding, int dilation, int groups, int outChannels) {
        if (stride < 1) {
            throw new NirFieldException("stride", "is " + stride + ", expected >= 1");
        }
        if (padding < 0) {
            throw new NirFieldException("padding", "is " + padding + ", expected >= 0");
        }
        if (dilation < 1) {
            throw new NirFieldException("dilation", "is " + dilation + ", expected >= 1");
        }
        if (groups < 1 || outChannels % groups != 0) {
            throw new NirFieldException("groups", "is " + groups + ", expected a divisor of the " + outChannels + " output channels");
        }
    }

    private static List<Integer> positive(String name, List<Integer> shape) {
        if (shape.isEmpty() || shape.stream().anyMatch(d -> d == null || d < 1)) {
            throw new NirFieldException(name, "is " + shape + ", expected positive sizes");
        }
        return List.copyOf(shape);
    }

    /** A (height, width) setting; one value stands for both. */
    private static List<Integer> pair(String name, List<Integer> v, int min) {
        List<Integer> p = v.size() == 1 ? List.of(v.get(0), v.get(0)) : new ArrayList<>(v);
        if (p.size() != 2 || p.get(0) < min || p.get(1) < min) {
            throw new NirFieldException(name, "is " + v + ", expected one or two values >= " + min);
        }
        return List.copyOf(p);
    }
}
