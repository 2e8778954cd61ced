package org.spikecore.io.nir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikecore.SpikecoreException;
import org.spikecore.io.npy.NpyArray;
import org.spikecore.io.npy.NpyType;

/**
 * The float32 simulation of a NIR graph in steps of dt. Subgraphs are inlined (their nodes named
 * {@code graph.node}); nodes run in the order of a depth-first walk from the input, every edge that
 * walk finds closing a cycle is recurrent and delivers what its source gave one step earlier (at the
 * first step: a stateless source on zero input, a neuron at rest); a node adds up everything that arrives. Neuron equations are discretized as
 * {@link NirConvention} says; states start at zero.
 */
public final class NirSimulation {

    private final List<String> names;
    private final List<NirLayer> layers;
    /** Per node in order, the indices of the nodes feeding it this step and those feeding it from the step before. */
    private final int[][] forwardInputs;
    private final int[][] recurrentInputs;
    private final int input;
    private final int output;

    private NirSimulation(List<String> names, List<NirLayer> layers, int[][] forwardInputs, int[][] recurrentInputs, int input,
            int output) {
        this.names = names;
        this.layers = layers;
        this.forwardInputs = forwardInputs;
        this.recurrentInputs = recurrentInputs;
        this.input = input;
        this.output = output;
    }

    /** Compiles {@code graph}: checks that it has one input and one output and that shapes agree along every edge. */
    public static NirSimulation compile(NirNode.NirGraph graph, double dt, NirConvention convention) {
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be a positive time step, got " + dt);
        }
        Map<String, NirNode> flat = new LinkedHashMap<>();
        List<NirNode.Edge> edges = new ArrayList<>();
        inline(graph, "", flat, edges);
        String in = only(graph, NirNode.Input.class);
        String out = only(graph, NirNode.Output.class);
        List<String> order = new ArrayList<>();
        Map<String, List<String>> forward = new HashMap<>();
        Map<String, List<String>> recurrent = new HashMap<>();
        walk(in, flat, edges, order, forward, recurrent);
        if (!order.contains(out)) {
            throw new SpikecoreException("graph: output node '" + out + "' is not reachable from input node '" + in + "'");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < order.size(); k++) {
            index.put(order.get(k), k);
        }
        List<NirLayer> layers = new ArrayList<>();
        int[][] fw = new int[order.size()][];
        int[][] rc = new int[order.size()][];
        for (int k = 0; k < order.size(); k++) {
            String name = order.get(k);
            fw[k] = forward.getOrDefault(name, List.of()).stream().mapToInt(index::get).toArray();
            rc[k] = recurrent.getOrDefault(name, List.of()).stream().mapToInt(index::get).toArray();
            List<Integer> inShape = null;
            for (int p : fw[k]) {
                List<Integer> s = layers.get(p).outShape();
                if (inShape == null) {
                    inShape = s;
                } else if (size(s) != size(inShape)) {
                    throw new SpikecoreException("node " + name + ": its inputs disagree in size (" + inShape + " from "
                            + order.get(fw[k][0]) + ", " + s + " from " + order.get(p) + ")");
                }
            }
            layers.add(NirLayer.of(name, flat.get(name), inShape, dt, convention));
        }
        for (int k = 0; k < order.size(); k++) {
            for (int p : rc[k]) {
                if (layers.get(p).outSize() != layers.get(k).inSize()) {
                    throw new SpikecoreException("node " + order.get(k) + ": recurrent input from " + order.get(p) + " has "
                            + layers.get(p).outSize() + " values, expected " + layers.get(k).inSize());
                }
            }
        }
        return new NirSimulation(List.copyOf(order), List.copyOf(layers), fw, rc, index.get(in), index.get(out));
    }

    private static int size(List<Integer> shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The one node of {@code type} at the top of {@code graph}. */
    private static String only(NirNode.NirGraph graph, Class<? extends NirNode> type) {
        List<String> found = graph.nodes().entrySet().stream().filter(e -> type.isInstance(e.getValue())).map(Map.Entry::getKey)
                .toList();
        if (found.size() != 1) {
            throw new SpikecoreException("graph: has " + found.size() + " " + type.getSimpleName() + " nodes " + found
                    + ", spikecore simulates graphs with exactly one");
        }
        return found.get(0);
    }

    /** Copies {@code graph}'s leaves into {@code flat} under {@code prefix}, its edges rewritten to leaf names. */
    private static void inline(NirNode.NirGraph graph, String prefix, Map<String, NirNode> flat, List<NirNode.Edge> edges) {
        for (Map.Entry<String, NirNode> e : graph.nodes().entrySet()) {
            if (e.getValue() instanceof NirNode.NirGraph sub) {
                inline(sub, prefix + e.getKey() + ".", flat, edges);
            } else {
                flat.put(prefix + e.getKey(), e.getValue());
            }
        }
        for (NirNode.Edge e : graph.edges()) {
            edges.add(new NirNode.Edge(port(graph, prefix, e.from(), NirNode.Output.class), port(graph, prefix, e.to(), NirNode.Input.class)));
        }
    }

    /** The leaf an edge end names: a node, a subgraph's node ({@code sub.node}), or a subgraph (its one input or output). */
    private static String port(NirNode.NirGraph graph, String prefix, String end, Class<? extends NirNode> side) {
        NirNode n = graph.nodes().get(end);
        if (n instanceof NirNode.NirGraph sub) {
            return port(sub, prefix + end + ".", only(sub, side), side);
        }
        if (n == null && end.contains(".")) {
            String head = end.substring(0, end.indexOf('.'));
            if (graph.nodes().get(head) instanceof NirNode.NirGraph sub) {
                return port(sub, prefix + head + ".", end.substring(head.length() + 1), side);
            }
        }
        if (n == null) {
            throw new SpikecoreException("graph: edge names node '" + prefix + end + "', which does not exist");
        }
        return prefix + end;
    }

    /** A node on the depth-first path and the index of its next outgoing edge to follow. */
    private static final class Frame {
        final String node;
        int next;

        Frame(String node) {
            this.node = node;
        }
    }

    /** Depth-first from {@code start}: the order (reverse post-order), and each node's forward and recurrent sources. */
    private static void walk(String start, Map<String, NirNode> flat, List<NirNode.Edge> edges, List<String> order,
            Map<String, List<String>> forward, Map<String, List<String>> recurrent) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (NirNode.Edge e : edges) {
            out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        }
        Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 finished
        Deque<String> post = new ArrayDeque<>();
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(start));
        state.put(start, 1);
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            List<String> next = out.getOrDefault(top.node, List.of());
            if (top.next == next.size()) {
                stack.pop();
                state.put(top.node, 2);
                post.push(top.node);
                continue;
            }
            String v = next.get(top.next++);
            Integer s = state.get(v);
            if (s != null && s == 1) {
                recurrent.computeIfAbsent(v, k -> new ArrayList<>()).add(top.node);
            } else {
                forward.computeIfAbsent(v, k -> new ArrayList<>()).add(top.node);
                if (s == null) {
                    if (flat.get(v) instanceof NirNode.Input && !v.contains(".")) {
                        throw new SpikecoreException("graph: an edge leads into input node '" + v + "'");
                    }
                    state.put(v, 1);
                    stack.push(new Frame(v));
                }
            }
        }
        order.addAll(post);
        for (String name : flat.keySet()) {
            if (!state.containsKey(name)) {
                throw new SpikecoreException("graph: node '" + name + "' is not reachable from input node '" + start + "'");
            }
        }
    }

    /** Whether some edge closes a cycle. */
    public boolean hasRecurrentEdges() {
        return Arrays.stream(recurrentInputs).anyMatch(r -> r.length > 0);
    }

    /** Whether the nodes form one chain from the input to the output: one input each, one consumer each. */
    public boolean isChain() {
        int[] consumers = new int[layers.size()];
        for (int k = 0; k < layers.size(); k++) {
            if (k != input && forwardInputs[k].length != 1) {
                return false;
            }
            for (int p : forwardInputs[k]) {
                consumers[p]++;
            }
        }
        for (int k = 0; k < layers.size(); k++) {
            if (consumers[k] != (k == output ? 0 : 1)) {
                return false;
            }
        }
        return true;
    }

    /** The node names in the order they run. */
    public List<String> order() {
        return names;
    }

    /** The compiled nodes in the order they run. */
    public List<NirLayer> layers() {
        return layers;
    }

    public List<Integer> inputShape() {
        return layers.get(input).outShape();
    }

    public List<Integer> outputShape() {
        return layers.get(output).outShape();
    }

    /**
     * What a run gave: the output node's values per step ({@code output[t][b·n + i]}), per node in
     * {@link #order()} how many of its output values were non-zero over all steps and samples, and
     * per node and input unit how many of its input values were ({@code inputEvents[k][j]}: the events
     * that drive a synaptic node's weights).
     */
    public record Run(float[][] output, long[] nonZeros, long[][] inputEvents) {
    }

    /** Runs {@code batch} samples; {@code steps[t]} holds the input of step t, batch × input size. */
    public Run run(float[][] steps, int batch) {
        int inSize = layers.get(input).outSize();
        int n = layers.size();
        NirLayer.State[] states = new NirLayer.State[n];
        for (int k = 0; k < n; k++) {
            states[k] = layers.get(k).start(batch);
        }
        float[][] now = new float[n][];
        float[][] before = new float[n][];
        for (int k = 0; k < n; k++) {
            // what a recurrent edge delivers at step 0: a node without state evaluated on zero input (an Affine
            // recurrence adds its bias, as snnTorch's recurrent Linear of zero spikes does), a neuron at rest
            before[k] = layers.get(k).stateless() ? layers.get(k).start(batch).step(new float[batch * layers.get(k).inSize()])
                    : new float[batch * layers.get(k).outSize()];
        }
        long[] nonZeros = new long[n];
        long[][] inputEvents = new long[n][];
        for (int k = 0; k < n; k++) {
            inputEvents[k] = new long[layers.get(k).inSize()];
        }
        float[][] result = new float[steps.length][];
        for (int t = 0; t < steps.length; t++) {
            if (steps[t].length != batch * inSize) {
                throw new IllegalArgumentException("step " + t + " has " + steps[t].length + " values, expected " + batch + " x " + inSize);
            }
            for (int k = 0; k < n; k++) {
                float[] x;
                if (k == input) {
                    x = steps[t];
                } else {
                    x = new float[batch * layers.get(k).inSize()];
                    for (int p : forwardInputs[k]) {
                        add(x, now[p]);
                    }
                    for (int p : recurrentInputs[k]) {
                        add(x, before[p]);
                    }
                }
                long[] events = inputEvents[k];
                for (int i = 0; i < x.length; i++) {
                    if (x[i] != 0f) {
                        events[i % events.length]++;
                    }
                }
                now[k] = states[k].step(x);
                for (float v : now[k]) {
                    if (v != 0f) {
                        nonZeros[k]++;
                    }
                }
            }
            result[t] = now[output].clone();
            float[][] swap = before;
            before = now;
            now = swap;
        }
        return new Run(result, nonZeros, inputEvents);
    }

    private static void add(float[] into, float[] x) {
        for (int i = 0; i < into.length; i++) {
            into[i] += x[i];
        }
    }

    /**
     * An input array as steps: {@code steps[t]} holds step t of all {@code batch} samples; {@code batched}
     * says whether the array had a batch dimension.
     */
    public record Steps(float[][] steps, int batch, boolean batched) {
    }

    /** Cuts an input array of shape [T, batch, input shape…] or [T, input shape…] (a flat input size also does) into steps. */
    public Steps steps(NpyArray in) {
        int[] shape = in.shape();
        int inSize = layers.get(input).outSize();
        List<Integer> declared = inputShape();
        boolean batched;
        if (shape.length == declared.size() + 2 && tailMatches(shape, 2, declared)) {
            batched = true;
        } else if (shape.length == declared.size() + 1 && tailMatches(shape, 1, declared)) {
            batched = false;
        } else if (shape.length == 3 && shape[2] == inSize) {
            batched = true;
        } else if (shape.length == 2 && shape[1] == inSize) {
            batched = false;
        } else {
            throw new SpikecoreException("input array has shape " + Arrays.toString(shape) + ", expected [T, batch, " + join(declared)
                    + "] or [T, " + join(declared) + "]");
        }
        int steps = shape[0];
        int batch = batched ? shape[1] : 1;
        double[] v = in.values();
        float[][] x = new float[steps][batch * inSize];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < batch * inSize; k++) {
                x[t][k] = (float) v[t * batch * inSize + k];
            }
        }
        return new Steps(x, batch, batched);
    }

    /**
     * Runs an input array of shape [T, batch, input shape…] or [T, input shape…] and returns the
     * output node's values with the same leading dimensions, as float32.
     */
    public NpyArray run(NpyArray in) {
        Steps s = steps(in);
        int steps = s.steps().length;
        int batch = s.batch();
        float[][] y = run(s.steps(), batch).output();
        int outSize = layers.get(output).outSize();
        double[] values = new double[steps * batch * outSize];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < batch * outSize; k++) {
                values[t * batch * outSize + k] = y[t][k];
            }
        }
        List<Integer> outShape = outputShape();
        int[] dims = new int[(s.batched() ? 2 : 1) + outShape.size()];
        dims[0] = steps;
        if (s.batched()) {
            dims[1] = batch;
        }
        for (int k = 0; k < outShape.size(); k++) {
            dims[dims.length - outShape.size() + k] = outShape.get(k);
        }
        return new NpyArray(NpyType.FLOAT32, dims, values);
    }

    private static boolean tailMatches(int[] shape, int from, List<Integer> declared) {
        for (int k = 0; k < declared.size(); k++) {
            if (shape[from + k] != declared.get(k)) {
                return false;
            }
        }
        return true;
    }

    private static String join(List<Integer> shape) {
        return String.join(", ", shape.stream().map(String::valueOf).toList());
    }
}
