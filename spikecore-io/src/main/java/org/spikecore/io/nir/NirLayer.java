package org.spikecore.io.nir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spikecore.SpikecoreException;
import org.spikecore.io.npy.NpyArray;

/**
 * One node of a {@link NirSimulation}, compiled for its input shape: what it takes and gives, and
 * a fresh {@link State} per run. Arithmetic is float32 (as the frameworks that export NIR compute);
 * a neuron's coefficients (1 − dt/τ, dt·R/τ, …) are computed in double and rounded once, so that a
 * τ written as {@code dt/(1 − β)} gives back β exactly.
 *
 * @param name     the node's (inlined) name
 * @param node     the node
 * @param inShape  one sample's input shape
 * @param outShape one sample's output shape
 * @param dt       the time step
 * @param convention how LIF and CubaLIF are discretized
 */
public record NirLayer(String name, NirNode node, List<Integer> inShape, List<Integer> outShape, double dt, NirConvention convention) {

    /** Within this of 1, an input scale that snnTorch's importer requires to be 1 is taken as exactly 1. */
    private static final double UNIT_SCALE_TOLERANCE = 1e-5;

    /** One run's state of the node over a batch: maps a step's input (batch × in) to its output (batch × out), a fresh array. */
    public interface State {
        float[] step(float[] x);
    }

    public int inSize() {
        return product(inShape);
    }

    public int outSize() {
        return product(outShape);
    }

    private static int product(List<Integer> shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private SpikecoreException bad(String what) {
        return new SpikecoreException("node " + name + " (" + node.type() + "): " + what);
    }

    /** Compiles {@code node} for {@code inShape} (null for the graph's input). */
    static NirLayer of(String name, NirNode node, List<Integer> inShape, double dt, NirConvention convention) {
        if (inShape == null) {
            if (node instanceof NirNode.Input input) {
                return new NirLayer(name, node, input.shape(), input.shape(), dt, convention);
            }
            throw new SpikecoreException("node " + name + " (" + node.type() + "): has no input");
        }
        List<Integer> out = new NirLayer(name, node, inShape, List.of(1), dt, convention).outputShape();
        return new NirLayer(name, node, inShape, out, dt, convention);
    }

    private List<Integer> outputShape() {
        int in = inSize();
        return switch (node) {
            case NirNode.Input n -> {
                sameSize(n.shape(), "shape");
                yield n.shape();
            }
            case NirNode.Output n -> {
                sameSize(n.shape(), "shape");
                yield n.shape();
            }
            case NirNode.Affine n -> weightTakes(n.weight());
            case NirNode.Linear n -> weightTakes(n.weight());
            case NirNode.Scale n -> {
                perValue(n.scale(), "scale");
                yield inShape;
            }
            case NirNode.Conv1d n -> {
                int[] s = spatial(1, n.inputShape());
                int channels = n.weight().dim(1) * n.groups();
                if (s[0] != channels) {
                    throw bad("weight " + Arrays.toString(n.weight().shape()) + " with " + n.groups() + " groups takes " + channels
                            + " channels, the input has " + s[0]);
                }
                yield List.of(n.weight().dim(0), convOut(s[1], n.weight().dim(2), n.stride(), n.padding(), n.dilation()));
            }
            case NirNode.Conv2d n -> {
                int[] s = spatial(2, n.inputShape());
                int channels = n.weight().dim(1) * n.groups();
                if (s[0] != channels) {
                    throw bad("weight " + Arrays.toString(n.weight().shape()) + " with " + n.groups() + " groups takes " + channels
                            + " channels, the input has " + s[0]);
                }
                yield List.of(n.weight().dim(0), convOut(s[1], n.weight().dim(2), n.stride().get(0), n.padding().get(0), n.dilation().get(0)),
                        convOut(s[2], n.weight().dim(3), n.stride().get(1), n.padding().get(1), n.dilation().get(1)));
            }
            case NirNode.SumPool2d n -> pooled(n.kernelSize(), n.stride(), n.padding());
            case NirNode.AvgPool2d n -> pooled(n.kernelSize(), n.stride(), n.padding());
            case NirNode.Flatten n -> {
                int rank = inShape.size();
                int s = n.startDim() < 0 ? n.startDim() + rank : n.startDim();
                int e = n.endDim() < 0 ? n.endDim() + rank : n.endDim();
                if (s < 0 || e >= rank || s > e) {
                    throw bad("start_dim " + n.startDim() + " and end_dim " + n.endDim() + " do not fit input shape " + inShape);
                }
                List<Integer> o = new ArrayList<>(inShape.subList(0, s));
                o.add(product(inShape.subList(s, e + 1)));
                o.addAll(inShape.subList(e + 1, rank));
                yield List.copyOf(o);
            }
            case NirNode.Delay n -> neurons(n.delay());
            case NirNode.Threshold n -> neurons(n.threshold());
            case NirNode.I n -> neurons(n.r());
            case NirNode.IF n -> neurons(n.r(), n.vThreshold(), n.vReset());
            case NirNode.LI n -> neurons(n.tau(), n.r(), n.vLeak());
            case NirNode.LIF n -> neurons(n.tau(), n.r(), n.vLeak(), n.vThreshold(), n.vReset());
            case NirNode.CubaLI n -> neurons(n.tauSyn(), n.tauMem(), n.r(), n.vLeak(), n.wIn());
            case NirNode.CubaLIF n -> neurons(n.tauSyn(), n.tauMem(), n.r(), n.vLeak(), n.vThreshold(), n.vReset(), n.wIn());
            case NirNode.NirGraph n -> throw new IllegalStateException("subgraphs are inlined before compiling");
        };
    }

    private void sameSize(List<Integer> declared, String field) {
        if (product(declared) != inSize()) {
            throw bad(field + " " + declared + " has " + product(declared) + " values, its input has " + inSize() + " " + inShape);
        }
    }

    private List<Integer> weightTakes(NpyArray weight) {
        if (weight.dim(1) != inSize()) {
            throw bad("weight " + Arrays.toString(weight.shape()) + " takes " + weight.dim(1) + " inputs, its input has " + inSize());
        }
        return List.of(weight.dim(0));
    }

    private void perValue(NpyArray p, String field) {
        if (!NirNode.isScalar(p) && p.values().length != inSize()) {
            throw bad(field + " has " + p.values().length + " values, its input has " + inSize());
        }
    }

    /** Neurons take their shape from the input; per-neuron parameters must match its size. */
    private List<Integer> neurons(NpyArray... params) {
        int n = NirNode.neuronCount(params);
        if (n != 0 && n != inSize()) {
            throw bad(n + " neurons, its input has " + inSize() + " values");
        }
        return inShape;
    }

    /** [channels, spatial…] of the input, from its shape or, for a flat input, the node's input_shape. */
    private int[] spatial(int dims, List<Integer> declared) {
        if (inShape.size() == dims + 1) {
            return inShape.stream().mapToInt(Integer::intValue).toArray();
        }
        int plane = product(declared);
        if (declared.size() == dims && inSize() % plane == 0) {
            int[] s = new int[dims + 1];
            s[0] = inSize() / plane;
            for (int k = 0; k < dims; k++) {
                s[k + 1] = declared.get(k);
            }
            return s;
        }
        throw bad("input shape " + inShape + " is not [channels" + ", x".repeat(dims) + "]");
    }

    private int convOut(int size, int kernel, int stride, int padding, int dilation) {
        int span = dilation * (kernel - 1) + 1;
        if (size + 2 * padding < span) {
            throw bad("kernel " + kernel + " (dilation " + dilation + ") does not fit input " + size + " with padding " + padding);
        }
        return (size + 2 * padding - span) / stride + 1;
    }

    private List<Integer> pooled(List<Integer> kernel, List<Integer> stride, List<Integer> padding) {
        int[] s = spatial(2, List.of());
        return List.of(s[0], convOut(s[1], kernel.get(0), stride.get(0), padding.get(0), 1),
                convOut(s[2], kernel.get(1), stride.get(1), padding.get(1), 1));
    }

    /** Whether the node's output depends on this step's input alone. */
    public boolean stateless() {
        return switch (node) {
            case NirNode.Input n -> true;
            case NirNode.Output n -> true;
            case NirNode.Affine n -> true;
            case NirNode.Linear n -> true;
            case NirNode.Scale n -> true;
            case NirNode.Conv1d n -> true;
            case NirNode.Conv2d n -> true;
            case NirNode.SumPool2d n -> true;
            case NirNode.AvgPool2d n -> true;
            case NirNode.Flatten n -> true;
            case NirNode.Threshold n -> true;
            case NirNode.Delay n -> false;
            case NirNode.I n -> false;
            case NirNode.IF n -> false;
            case NirNode.LI n -> false;
            case NirNode.LIF n -> false;
            case NirNode.CubaLI n -> false;
            case NirNode.CubaLIF n -> false;
            case NirNode.NirGraph n -> false;
        };
    }

    /** A fresh state for {@code batch} samples. */
    public State start(int batch) {
        int n = inSize();
        return switch (node) {
            case NirNode.Input x -> v -> v;
            case NirNode.Output x -> v -> v;
            case NirNode.Flatten x -> v -> v;
            case NirNode.Affine a -> dense(batch, a.weight(), a.bias());
            case NirNode.Linear l -> dense(batch, l.weight(), null);
            case NirNode.Scale s -> {
                float[] k = perNeuron(s.scale(), n);
                yield v -> {
                    float[] y = new float[v.length];
                    for (int i = 0; i < v.length; i++) {
                        y[i] = v[i] * k[i % n];
                    }
                    return y;
                };
            }
            case NirNode.Conv1d c -> {
                int[] s = spatial(1, c.inputShape());
                yield conv(batch, c.weight(), c.bias(), c.groups(), new int[] {s[0], 1, s[1]}, new int[] {1, c.weight().dim(2)},
                        new int[] {1, c.stride()}, new int[] {0, c.padding()}, new int[] {1, c.dilation()});
            }
            case NirNode.Conv2d c -> {
                int[] s = spatial(2, c.inputShape());
                yield conv(batch, c.weight(), c.bias(), c.groups(), s, new int[] {c.weight().dim(2), c.weight().dim(3)}, ints(c.stride()),
                        ints(c.padding()), ints(c.dilation()));
            }
            case NirNode.SumPool2d p -> pool(batch, p.kernelSize(), p.stride(), p.padding(), 1f);
            case NirNode.AvgPool2d p -> pool(batch, p.kernelSize(), p.stride(), p.padding(),
                    1f / (p.kernelSize().get(0) * p.kernelSize().get(1)));
            case NirNode.Delay d -> delay(batch, d);
            case NirNode.Threshold th -> {
                float[] thr = perNeuron(th.threshold(), n);
                yield v -> {
                    float[] y = new float[v.length];
                    for (int i = 0; i < v.length; i++) {
                        y[i] = v[i] > thr[i % n] ? 1f : 0f;
                    }
                    return y;
                };
            }
            case NirNode.I i -> integrator(batch, coefficient(i.r(), n, r -> dt * r), null, null);
            case NirNode.IF f -> integrator(batch, coefficient(f.r(), n, r -> dt * r), perNeuron(f.vThreshold(), n), perNeuron(f.vReset(), n));
            case NirNode.LI l -> eulerMembrane(batch, l.tau(), l.r(), l.vLeak(), null, null, null, null);
            case NirNode.LIF l -> convention == NirConvention.EULER
                    ? eulerMembrane(batch, l.tau(), l.r(), l.vLeak(), l.vThreshold(), l.vReset(), null, null)
                    : snnTorchLeaky(batch, l);
            case NirNode.CubaLI c -> eulerMembrane(batch, c.tauMem(), c.r(), c.vLeak(), null, null, c.tauSyn(), c.wIn());
            case NirNode.CubaLIF c -> convention == NirConvention.EULER
                    ? eulerMembrane(batch, c.tauMem(), c.r(), c.vLeak(), c.vThreshold(), c.vReset(), c.tauSyn(), c.wIn())
                    : snnTorchSynaptic(batch, c);
            case NirNode.NirGraph g -> throw new IllegalStateException("subgraphs are inlined before compiling");
        };
    }

    private static int[] ints(List<Integer> v) {
        return v.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A parameter broadcast to {@code n} neurons, in float32. */
    private static float[] perNeuron(NpyArray p, int n) {
        return coefficient(p, n, v -> v);
    }

    /** {@code f} of each neuron's parameter, computed in double and rounded to float32 once. */
    private static float[] coefficient(NpyArray p, int n, java.util.function.DoubleUnaryOperator f) {
        float[] out = new float[n];
        double[] v = p.values();
        for (int i = 0; i < n; i++) {
            out[i] = (float) f.applyAsDouble(v[NirNode.isScalar(p) ? 0 : i]);
        }
        return out;
    }

    /** {@code f(a_i, b_i)} per neuron, in double, rounded once. */
    private static float[] coefficient(NpyArray a, NpyArray b, int n, java.util.function.DoubleBinaryOperator f) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) f.applyAsDouble(a.values()[NirNode.isScalar(a) ? 0 : i], b.values()[NirNode.isScalar(b) ? 0 : i]);
        }
        return out;
    }

    private State dense(int batch, NpyArray weight, NpyArray bias) {
        int out = weight.dim(0);
        int in = weight.dim(1);
        // stored by input and added from the bias up in input order, as Dense does, so that an exported network gives the same bits
        float[] wt = new float[in * out];
        double[] w = weight.values();
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) {
                wt[j * out + i] = (float) w[i * in + j];
            }
        }
        float[] b = bias == null ? null : perNeuron(bias, out);
        return x -> {
            float[] y = new float[batch * out];
            for (int s = 0; s < batch; s++) {
                if (b != null) {
                    System.arraycopy(b, 0, y, s * out, out);
                }
                for (int j = 0; j < in; j++) {
                    float xj = x[s * in + j];
                    if (xj != 0f) {
                        for (int i = 0; i < out; i++) {
                            y[s * out + i] += xj * wt[j * out + i];
                        }
                    }
                }
            }
            return y;
        };
    }

    /** A grouped, strided, padded, dilated convolution over [c, h, w] (a 1-d one has h = 1). */
    private State conv(int batch, NpyArray weight, NpyArray bias, int groups, int[] in, int[] kernel, int[] stride, int[] padding,
            int[] dilation) {
        int outC = weight.dim(0);
        int oh = (in[1] + 2 * padding[0] - dilation[0] * (kernel[0] - 1) - 1) / stride[0] + 1;
        int ow = (in[2] + 2 * padding[1] - dilation[1] * (kernel[1] - 1) - 1) / stride[1] + 1;
        int inSize = in[0] * in[1] * in[2];
        int outSize = outC * oh * ow;
        int[][] map = links(weight, groups, in, kernel, stride, padding, dilation);
        float[] w = new float[weight.values().length];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) weight.values()[k];
        }
        float[] b = perNeuron(bias, outC);
        int plane = oh * ow;
        return x -> {
            float[] y = new float[batch * outSize];
            for (int s = 0; s < batch; s++) {
                for (int k = 0; k < outSize; k++) {
                    y[s * outSize + k] = b[k / plane];
                }
                for (int[] l : map) {
                    float xv = x[s * inSize + l[0]];
                    if (xv != 0f) {
                        y[s * outSize + l[1]] += w[l[2]] * xv;
                    }
                }
            }
            return y;
        };
    }

    /** The convolution's connections as (input index, output index, weight index), output by output. */
    private static int[][] links(NpyArray weight, int groups, int[] in, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        int outC = weight.dim(0);
        int perGroupIn = weight.dim(1);
        int perGroupOut = outC / groups;
        int oh = (in[1] + 2 * padding[0] - dilation[0] * (kernel[0] - 1) - 1) / stride[0] + 1;
        int ow = (in[2] + 2 * padding[1] - dilation[1] * (kernel[1] - 1) - 1) / stride[1] + 1;
        List<int[]> links = new ArrayList<>();
        for (int o = 0; o < outC; o++) {
            int g = o / perGroupOut;
            for (int r = 0; r < oh; r++) {
                for (int c = 0; c < ow; c++) {
                    for (int ch = 0; ch < perGroupIn; ch++) {
                        for (int i = 0; i < kernel[0]; i++) {
                            int row = r * stride[0] - padding[0] + i * dilation[0];
                            for (int j = 0; j < kernel[1]; j++) {
                                int col = c * stride[1] - padding[1] + j * dilation[1];
                                if (row >= 0 && row < in[1] && col >= 0 && col < in[2]) {
                                    int xi = ((g * perGroupIn + ch) * in[1] + row) * in[2] + col;
                                    links.add(new int[] {xi, (o * oh + r) * ow + c, ((o * perGroupIn + ch) * kernel[0] + i) * kernel[1] + j});
                                }
                            }
                        }
                    }
                }
            }
        }
        return links.toArray(new int[0][]);
    }

    /** For a convolution, per input unit the connections with a non-zero weight it drives; null for other nodes. */
    public long[] connectionsPerInput() {
        int[][] map;
        NpyArray weight;
        if (node instanceof NirNode.Conv2d c) {
            weight = c.weight();
            map = links(weight, c.groups(), spatial(2, c.inputShape()), new int[] {weight.dim(2), weight.dim(3)}, ints(c.stride()),
                    ints(c.padding()), ints(c.dilation()));
        } else if (node instanceof NirNode.Conv1d c) {
            weight = c.weight();
            int[] s = spatial(1, c.inputShape());
            map = links(weight, c.groups(), new int[] {s[0], 1, s[1]}, new int[] {1, weight.dim(2)}, new int[] {1, c.stride()},
                    new int[] {0, c.padding()}, new int[] {1, c.dilation()});
        } else {
            return null;
        }
        long[] count = new long[inSize()];
        for (int[] l : map) {
            if (weight.values()[l[2]] != 0) {
                count[l[0]]++;
            }
        }
        return count;
    }

    private State pool(int batch, List<Integer> kernel, List<Integer> stride, List<Integer> padding, float scale) {
        int[] in = spatial(2, List.of());
        int oh = outShape.get(1);
        int ow = outShape.get(2);
        int inSize = inSize();
        int outSize = outSize();
        return x -> {
            float[] y = new float[batch * outSize];
            for (int s = 0; s < batch; s++) {
                for (int ch = 0; ch < in[0]; ch++) {
                    for (int r = 0; r < oh; r++) {
                        for (int c = 0; c < ow; c++) {
                            float sum = 0f;
                            for (int i = 0; i < kernel.get(0); i++) {
                                int row = r * stride.get(0) - padding.get(0) + i;
                                for (int j = 0; j < kernel.get(1); j++) {
                                    int col = c * stride.get(1) - padding.get(1) + j;
                                    if (row >= 0 && row < in[1] && col >= 0 && col < in[2]) {
                                        sum += x[s * inSize + (ch * in[1] + row) * in[2] + col];
                                    }
                                }
                            }
                            y[s * outSize + (ch * oh + r) * ow + c] = sum * scale;
                        }
                    }
                }
            }
            return y;
        };
    }

    /** Each value comes out round(delay/dt) steps after it went in. */
    private State delay(int batch, NirNode.Delay d) {
        int n = inSize();
        int[] steps = new int[n];
        int longest = 0;
        for (int i = 0; i < n; i++) {
            double v = d.delay().values()[NirNode.isScalar(d.delay()) ? 0 : i] / dt;
            if (v > 1_000_000) {
                throw bad("delay " + v * dt + " is more than a million steps of dt " + dt);
            }
            steps[i] = (int) Math.round(v);
            longest = Math.max(longest, steps[i]);
        }
        float[][] ring = new float[longest + 1][batch * n];
        int[] clock = {0};
        return x -> {
            int now = clock[0]++;
            for (int k = 0; k < x.length; k++) {
                ring[(now + steps[k % n]) % ring.length][k] += x[k];
            }
            float[] y = ring[now % ring.length].clone();
            Arrays.fill(ring[now % ring.length], 0f);
            return y;
        };
    }

    /** I (no threshold) and IF: {@code v ← v + dt·R·x}; IF spikes when v > v_threshold and sets v to v_reset. */
    private State integrator(int batch, float[] gain, float[] threshold, float[] reset) {
        int n = inSize();
        float[] v = new float[batch * n];
        return x -> {
            float[] y = new float[x.length];
            for (int k = 0; k < x.length; k++) {
                int i = k % n;
                v[k] += gain[i] * x[k];
                if (threshold == null) {
                    y[k] = v[k];
                } else if (v[k] > threshold[i]) {
                    y[k] = 1f;
                    v[k] = reset[i];
                }
            }
            return y;
        };
    }

    /**
     * Forward Euler of LI, LIF, CubaLI and CubaLIF: {@code I ← (1 − dt/τ_syn)·I + (dt·w_in/τ_syn)·x}
     * when {@code tauSyn} is given (else I = x), then {@code v ← (1 − dt/τ)·v + (dt/τ)·v_leak + (dt·R/τ)·I}, then (with a
     * threshold) a spike when v > v_threshold and v ← v_reset. Without a threshold the output is v.
     */
    private State eulerMembrane(int batch, NpyArray tau, NpyArray r, NpyArray vLeak, NpyArray vThreshold, NpyArray vReset,
            NpyArray tauSyn, NpyArray wIn) {
        int n = inSize();
        float[] decay = coefficient(tau, n, t -> 1 - dt / t);
        float[] leak = coefficient(tau, vLeak, n, (t, l) -> dt / t * l);
        float[] gain = coefficient(tau, r, n, (t, rr) -> dt * rr / t);
        float[] thr = vThreshold == null ? null : perNeuron(vThreshold, n);
        float[] rst = vReset == null ? null : perNeuron(vReset, n);
        float[] synDecay = tauSyn == null ? null : coefficient(tauSyn, n, t -> 1 - dt / t);
        float[] synGain = tauSyn == null ? null : coefficient(tauSyn, wIn, n, (t, w) -> dt * w / t);
        float[] v = new float[batch * n];
        float[] current = synDecay == null ? null : new float[batch * n];
        return x -> {
            float[] y = new float[x.length];
            for (int k = 0; k < x.length; k++) {
                int i = k % n;
                float in = x[k];
                if (current != null) {
                    current[k] = synDecay[i] * current[k] + synGain[i] * x[k];
                    in = current[k];
                }
                v[k] = decay[i] * v[k] + leak[i] + gain[i] * in;
                if (thr == null) {
                    y[k] = v[k];
                } else if (v[k] > thr[i]) {
                    y[k] = 1f;
                    v[k] = rst[i];
                }
            }
            return y;
        };
    }

    /** A scale that snnTorch's importer requires to be 1: exactly 1 when it is within rounding of 1. */
    private static float[] unitScale(float[] s) {
        for (int i = 0; i < s.length; i++) {
            if (Math.abs(s[i] - 1.0) <= UNIT_SCALE_TOLERANCE) {
                s[i] = 1f;
            }
        }
        return s;
    }

    private void noLeak(NpyArray vLeak) {
        for (double l : vLeak.values()) {
            if (l != 0) {
                throw bad("v_leak is " + l + "; the " + convention.label() + " convention (like snnTorch) has no leak potential");
            }
        }
    }

    /** snnTorch's Leaky with a delayed reset: the reset of step t comes from the spike of step t−1 (see {@link NirConvention}). */
    private State snnTorchLeaky(int batch, NirNode.LIF l) {
        noLeak(l.vLeak());
        int n = inSize();
        float[] beta = coefficient(l.tau(), n, t -> 1 - dt / t);
        float[] scale = unitScale(coefficient(l.tau(), l.r(), n, (t, r) -> r * dt / t));
        float[] thr = perNeuron(l.vThreshold(), n);
        boolean subtract = convention == NirConvention.SNNTORCH_SUBTRACT;
        float[] v = new float[batch * n];
        boolean[] spiked = new boolean[batch * n];
        return x -> {
            float[] y = new float[x.length];
            for (int k = 0; k < x.length; k++) {
                int i = k % n;
                float in = scale[i] == 1f ? x[k] : scale[i] * x[k];
                if (subtract) {
                    v[k] = beta[i] * v[k] + in - (spiked[k] ? thr[i] : 0f);
                } else {
                    v[k] = beta[i] * (spiked[k] ? 0f : v[k]) + in;
                }
                spiked[k] = v[k] > thr[i];
                y[k] = spiked[k] ? 1f : 0f;
            }
            return y;
        };
    }

    /** snnTorch's Synaptic with a delayed reset: with reset "zero" the whole membrane update of the step after a spike is dropped. */
    private State snnTorchSynaptic(int batch, NirNode.CubaLIF c) {
        noLeak(c.vLeak());
        int n = inSize();
        float[] alpha = coefficient(c.tauSyn(), n, t -> 1 - dt / t);
        float[] beta = coefficient(c.tauMem(), n, t -> 1 - dt / t);
        float[] inScale = unitScale(coefficient(c.tauSyn(), c.wIn(), n, (t, w) -> w * dt / t));
        float[] memScale = unitScale(coefficient(c.tauMem(), c.r(), n, (t, r) -> r * dt / t));
        float[] thr = perNeuron(c.vThreshold(), n);
        boolean subtract = convention == NirConvention.SNNTORCH_SUBTRACT;
        float[] v = new float[batch * n];
        float[] syn = new float[batch * n];
        boolean[] spiked = new boolean[batch * n];
        return x -> {
            float[] y = new float[x.length];
            for (int k = 0; k < x.length; k++) {
                int i = k % n;
                float in = inScale[i] == 1f ? x[k] : inScale[i] * x[k];
                syn[k] = alpha[i] * syn[k] + in;
                float drive = memScale[i] == 1f ? syn[k] : memScale[i] * syn[k];
                float base = beta[i] * v[k] + drive;
                v[k] = subtract ? base - (spiked[k] ? thr[i] : 0f) : spiked[k] ? 0f : base;
                spiked[k] = v[k] > thr[i];
                y[k] = spiked[k] ? 1f : 0f;
            }
            return y;
        };
    }
}
