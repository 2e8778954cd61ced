package org.spikecore.train;

import java.util.List;
import org.spikecore.fixed.CounterRng;

/**
 * A feed-forward network of snnTorch-style LIF layers trained by BPTT on batches, float32:
 * {@code mem[t] = β·mem[t−1] + W·x[t] + b − ϑ·s[t−1]}, {@code s[t] = Θ(mem[t] − ϑ)}, layer l+1 seeing
 * layer l's spikes of the same step (as shared/peers/snn_torch.py), reset detached; fast-sigmoid
 * surrogate {@code 1/(k|x|+1)²}; a {@link Loss} on the output layer; Adam or SGD with momentum.
 *
 * <p>Every layer's input is binary (Bernoulli input spikes, then spikes), so the forward pass and the
 * weight gradient gather rows of the transposed weights for the active inputs instead of multiplying
 * by zeros; only the error propagated back through a hidden layer is a dense product. Weights are
 * stored transposed ({@code wt[l][j·out + i]}, input j's row of outgoing weights).
 *
 * <p><b>Threads and bits.</b> A batch is cut into groups of {@link #GROUP} consecutive samples,
 * whatever the thread count; each group's forward pass and BPTT run on one thread into the group's
 * own gradient, and the group gradients are added in group order (group 0, then + group 1, ...).
 * The order of every floating-point operation is therefore fixed by the batch alone, and
 * {@code --threads 1} and {@code --threads N} give the same bits.
 */
public final class LifNetwork {

    /** Samples per unit of parallel work (and of the fixed reduction order). */
    public static final int GROUP = 16;

    /** The loss on the output layer. */
    public enum Loss {
        /** {@code Σ_t CE(mem_out[t], y)} averaged over the batch (snnTorch tutorial 5; the peers' workload). */
        CE_MEMBRANE,
        /** Cross-entropy of the spike counts {@code c_i = Σ_t s_out[t]_i} as logits, averaged over the batch. */
        CE_COUNTS,
        /**
         * {@code Σ_i (c_i − c*_i)²} averaged over the batch, with target counts {@link #MSE_ON}·T for the
         * label and {@link #MSE_OFF}·T for the others.
         */
        MSE_COUNTS
    }

    /** Target firing rate of the labelled output neuron under {@link Loss#MSE_COUNTS}. */
    public static final float MSE_ON = 0.8f;
    /** Target firing rate of the other output neurons under {@link Loss#MSE_COUNTS}. */
    public static final float MSE_OFF = 0.2f;

    private final int[] sizes;
    private final float beta;
    private final float threshold;
    private final float slope;
    final float[][] wt;
    final float[][] bias;
    private final Optimizer[] wtOpt;
    private final Optimizer[] biasOpt;
    private Loss loss = Loss.CE_MEMBRANE;
    private int threads = 1;
    private int recomputeEvery;

    /** Weights and biases uniform in ±gain/sqrt(fan_in) (PyTorch's nn.Linear initialisation × gain); Adam. */
    public LifNetwork(int[] sizes, float beta, float threshold, float slope, double gain, float learningRate, long seed) {
        this(sizes, beta, threshold, slope, gain, new Optimizer.AdamSpec(learningRate), seed);
    }

    /** Weights and biases uniform in ±gain/sqrt(fan_in), optimizer {@code optimizer}. */
    public LifNetwork(int[] sizes, float beta, float threshold, float slope, double gain, Optimizer.Spec optimizer, long seed) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs at least an input and an output size");
        }
        this.sizes = sizes.clone();
        this.beta = beta;
        this.threshold = threshold;
        this.slope = slope;
        int layers = sizes.length - 1;
        wt = new float[layers][];
        bias = new float[layers][];
        wtOpt = new Optimizer[layers];
        biasOpt = new Optimizer[layers];
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double bound = gain / Math.sqrt(in);
            wt[l] = new float[in * out];
            for (int k = 0; k < wt[l].length; k++) {
                wt[l][k] = (float) ((2 * CounterRng.uniform(seed, 400 + l, 0, k) - 1) * bound);
            }
            bias[l] = new float[out];
            for (int k = 0; k < out; k++) {
                bias[l][k] = (float) ((2 * CounterRng.uniform(seed, 500 + l, 0, k) - 1) * bound);
            }
            wtOpt[l] = optimizer.create(wt[l].length);
            biasOpt[l] = optimizer.create(out);
        }
    }

    /** The loss later batches train on (default {@link Loss#CE_MEMBRANE}). */
    public LifNetwork withLoss(Loss loss) {
        this.loss = java.util.Objects.requireNonNull(loss);
        return this;
    }

    /** Threads for later batches; the result does not depend on it (see the class comment). */
    public LifNetwork withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        return this;
    }

    /**
     * Memory-saving BPTT (checkpointing through time): forward keeps only the recurrent state at every
     * {@code segment}-th step, and backward runs each segment's forward pass again from it before
     * going back through it. The same operations in the same order, so the same bits, for one more
     * forward pass; 0 keeps every step (the default).
     */
    public LifNetwork withRecompute(int segment) {
        if (segment < 0) {
            throw new IllegalArgumentException("recompute segment must be positive (or 0 to keep every step), got " + segment);
        }
        this.recomputeEvery = segment;
        return this;
    }

    /**
     * Bytes of BPTT state one sample holds over {@code steps} steps: membranes and spikes of every
     * layer at every step, or with {@link #withRecompute} the states at the segment starts plus one
     * segment's steps (float32; the input spikes, which the caller owns, not counted).
     */
    public long bpttStateBytesPerSample(int steps) {
        long neurons = 0;
        for (int l = 1; l < sizes.length; l++) {
            neurons += sizes[l];
        }
        long perStep = 2 * neurons * Float.BYTES;
        if (recomputeEvery == 0 || recomputeEvery >= steps) {
            return steps * perStep;
        }
        long segments = (steps + recomputeEvery - 1) / recomputeEvery;
        return (segments + recomputeEvery) * perStep;
    }

    private float surrogate(float x) {
        float d = slope * Math.abs(x) + 1f;
        return 1f / (d * d);
    }

    /** Writes the indices of the non-zero entries of {@code row[off, off+n)} into {@code into}; returns how many. */
    private static int activeIndices(float[] row, int off, int n, int[] into) {
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (row[off + j] != 0f) {
                into[k++] = j;
            }
        }
        return k;
    }

    /** Forward state kept for backward: {@code [layer][t − t0][b·out + i]}. */
    private record Trace(float[][][] mem, float[][][] spikes) {
    }

    /** The recurrent state between steps: membranes and last spikes per layer, {@code [layer][b·out + i]}. */
    private record State(float[][] m, float[][] sPrev) {
        State copy() {
            float[][] a = new float[m.length][];
            float[][] b = new float[m.length][];
            for (int l = 0; l < m.length; l++) {
                a[l] = m[l].clone();
                b[l] = sPrev[l].clone();
            }
            return new State(a, b);
        }
    }

    private State freshState(int batch) {
        int layers = sizes.length - 1;
        float[][] m = new float[layers][];
        float[][] sPrev = new float[layers][];
        for (int l = 0; l < layers; l++) {
            m[l] = new float[batch * sizes[l + 1]];
            sPrev[l] = new float[batch * sizes[l + 1]];
        }
        return new State(m, sPrev);
    }

    /**
     * Runs samples {@code [from, to)} of a batch over steps {@code [t0, t1)} from {@code state}, which
     * it advances to step t1: {@code input[b][t·in + j]} 0/1 spikes. Returns the spikes and membranes
     * of every layer at those steps.
     */
    private Trace forward(float[][] input, int from, int to, int t0, int t1, State state) {
        int batch = to - from;
        int layers = sizes.length - 1;
        float[][][] mem = new float[layers][t1 - t0][];
        float[][][] spikes = new float[layers][t1 - t0][];
        float[][] m = state.m();
        float[][] sPrev = state.sPrev();
        int[] active = new int[maxSize()];
        for (int t = t0; t < t1; t++) {
            for (int l = 0; l < layers; l++) {
                int in = sizes[l];
                int out = sizes[l + 1];
                float[] memNow = new float[batch * out];
                float[] sNow = new float[batch * out];
                for (int b = 0; b < batch; b++) {
                    int o = b * out;
                    // I = W·x + b by gathering the rows of the active inputs
                    System.arraycopy(bias[l], 0, memNow, o, out);
                    int n = l == 0 ? activeIndices(input[from + b], t * in, in, active)
                            : activeIndices(spikes[l - 1][t - t0], b * in, in, active);
                    for (int k = 0; k < n; k++) {
                        FloatOps.axpy(1f, wt[l], active[k] * out, memNow, o, out);
                    }
                    for (int i = 0; i < out; i++) {
                        float v = beta * m[l][o + i] + memNow[o + i] - threshold * sPrev[l][o + i];
                        memNow[o + i] = v;
                        sNow[o + i] = v > threshold ? 1f : 0f;
                    }
                }
                mem[l][t - t0] = memNow;
                spikes[l][t - t0] = sNow;
                m[l] = memNow;
                sPrev[l] = sNow;
            }
        }
        return new Trace(mem, spikes);
    }

    private int maxSize() {
        int m = 0;
        for (int s : sizes) {
            m = Math.max(m, s);
        }
        return m;
    }

    /** Forward only; returns the output spike count per sample and class. */
    public int[][] infer(float[][] input, int steps) {
        int out = sizes[sizes.length - 1];
        int[][] counts = new int[input.length][out];
        int groups = (input.length + GROUP - 1) / GROUP;
        Groups.map(threads, groups, g -> {
            int from = g * GROUP;
            int to = Math.min(input.length, from + GROUP);
            Trace tr = forward(input, from, to, 0, steps, freshState(to - from));
            for (float[] s : tr.spikes()[sizes.length - 2]) {
                for (int b = from; b < to; b++) {
                    for (int i = 0; i < out; i++) {
                        counts[b][i] += (int) s[(b - from) * out + i];
                    }
                }
            }
            return null;
        });
        return counts;
    }

    /** One training step on a batch: forward, BPTT, optimizer step. Returns the batch's loss. */
    public double trainBatch(float[][] input, int[] labels, int steps) {
        Gradients g = gradients(input, labels, steps);
        for (int l = 0; l < sizes.length - 1; l++) {
            wtOpt[l].apply(wt[l], g.weights()[l]);
            biasOpt[l].apply(bias[l], g.biases()[l]);
        }
        return g.loss();
    }

    /** The loss of a batch and its BPTT gradients (transposed weights, biases), without an update. */
    record Gradients(double loss, float[][] weights, float[][] biases) {
    }

    Gradients gradients(float[][] input, int[] labels, int steps) {
        if (labels.length != input.length) {
            throw new IllegalArgumentException(input.length + " samples but " + labels.length + " labels");
        }
        int layers = sizes.length - 1;
        // W (out × in) for the error products: dL/dx_b = Σ_i λ_bi · W_i as row additions
        float[][] w = new float[layers][];
        for (int l = 1; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            w[l] = new float[in * out];
            for (int j = 0; j < in; j++) {
                for (int i = 0; i < out; i++) {
                    w[l][i * in + j] = wt[l][j * out + i];
                }
            }
        }
        int groups = (input.length + GROUP - 1) / GROUP;
        List<Gradients> parts = Groups.map(threads, groups,
                g -> groupGradients(input, labels, g * GROUP, Math.min(input.length, (g + 1) * GROUP), steps, w));
        Gradients total = parts.get(0);
        double lossSum = total.loss();
        for (int g = 1; g < groups; g++) {
            Gradients p = parts.get(g);
            lossSum += p.loss();
            for (int l = 0; l < layers; l++) {
                FloatOps.axpy(1f, p.weights()[l], 0, total.weights()[l], 0, total.weights()[l].length);
                FloatOps.axpy(1f, p.biases()[l], 0, total.biases()[l], 0, total.biases()[l].length);
            }
        }
        return new Gradients(lossSum, total.weights(), total.biases());
    }

    /**
     * dL/ds_out (per step, for the count losses): the same at every step, since the counts are sums
     * over time. Returns {@code [b·out + i]} and adds the group's loss into {@code loss[0]}.
     */
    private float[] countErrors(float[] counts, int[] labels, int from, int batchTotal, int steps, double[] loss) {
        int out = sizes[sizes.length - 1];
        int batch = counts.length / out;
        float[] err = new float[batch * out];
        for (int b = 0; b < batch; b++) {
            int o = b * out;
            int y = labels[from + b];
            if (this.loss == Loss.CE_COUNTS) {
                loss[0] += Losses.softmaxCrossEntropy(counts, o, out, y, batchTotal, err, o);
            } else {
                loss[0] += Losses.countSquaredError(counts, o, out, y, MSE_ON, MSE_OFF, steps, batchTotal, err, o);
            }
        }
        return err;
    }

    /** Forward and BPTT of samples {@code [from, to)}; the loss is normalised by the whole batch. */
    private Gradients groupGradients(float[][] input, int[] labels, int from, int to, int steps, float[][] w) {
        int batch = to - from;
        int batchTotal = input.length;
        int layers = sizes.length - 1;
        // with recomputation, keep the state at every segment start and run each segment again in backward
        int segment = recomputeEvery > 0 ? Math.min(recomputeEvery, steps) : steps;
        int segments = (steps + segment - 1) / segment;
        State[] starts = new State[segments];
        State state = freshState(batch);
        Trace whole = null;
        int outSize = sizes[layers];
        float[] counts = new float[batch * outSize];
        for (int sg = 0; sg < segments; sg++) {
            starts[sg] = segments > 1 ? state.copy() : null;
            Trace tr = forward(input, from, to, sg * segment, Math.min(steps, (sg + 1) * segment), state);
            for (float[] sp : tr.spikes()[layers - 1]) {
                for (int k = 0; k < counts.length; k++) {
                    counts[k] += sp[k];
                }
            }
            whole = segments == 1 ? tr : null;
        }
        float[][] gradWt = new float[layers][];
        float[][] gradBias = new float[layers][];
        float[][] lambdaNext = new float[layers][];
        for (int l = 0; l < layers; l++) {
            gradWt[l] = new float[wt[l].length];
            gradBias[l] = new float[sizes[l + 1]];
            lambdaNext[l] = new float[batch * sizes[l + 1]];
        }
        double[] lossAcc = {0};
        float[] countErr = loss == Loss.CE_MEMBRANE ? null : countErrors(counts, labels, from, batchTotal, steps, lossAcc);
        int[] active = new int[maxSize()];
        float[] dx = null;
        for (int sg = segments - 1; sg >= 0; sg--) {
            int t0 = sg * segment;
            int t1 = Math.min(steps, t0 + segment);
            Trace tr = segments == 1 ? whole : forward(input, from, to, t0, t1, starts[sg]);
            starts[sg] = null;
            for (int t = t1 - 1; t >= t0; t--) {
                for (int l = layers - 1; l >= 0; l--) {
                    int in = sizes[l];
                    int out = sizes[l + 1];
                    float[] memT = tr.mem()[l][t - t0];
                    float[] lambda = new float[batch * out];
                    for (int b = 0; b < batch; b++) {
                        int o = b * out;
                        if (l == layers - 1 && loss == Loss.CE_MEMBRANE) {
                            // cross-entropy on the membrane: softmax − one-hot, averaged over the batch
                            lossAcc[0] += Losses.softmaxCrossEntropy(memT, o, out, labels[from + b], batchTotal, lambda, o);
                            for (int i = 0; i < out; i++) {
                                lambda[o + i] += beta * lambdaNext[l][o + i];
                            }
                        } else {
                            float[] upstream = l == layers - 1 ? countErr : dx;
                            for (int i = 0; i < out; i++) {
                                lambda[o + i] = upstream[o + i] * surrogate(memT[o + i] - threshold) + beta * lambdaNext[l][o + i];
                            }
                        }
                        for (int i = 0; i < out; i++) {
                            gradBias[l][i] += lambda[o + i];
                        }
                        int n = l == 0 ? activeIndices(input[from + b], t * in, in, active)
                                : activeIndices(tr.spikes()[l - 1][t - t0], b * in, in, active);
                        for (int k = 0; k < n; k++) {
                            FloatOps.axpy(1f, lambda, o, gradWt[l], active[k] * out, out);
                        }
                    }
                    lambdaNext[l] = lambda;
                    if (l > 0) {
                        // dL/dx = λ·W as rows of W scaled by λ; four samples share each pass over a row
                        float[] next = new float[batch * in];
                        int b = 0;
                        for (; b + 3 < batch; b += 4) {
                            for (int i = 0; i < out; i++) {
                                FloatOps.fusedAxpy4(lambda[b * out + i], lambda[(b + 1) * out + i], lambda[(b + 2) * out + i],
                                        lambda[(b + 3) * out + i], w[l], i * in, next, b * in, (b + 1) * in, (b + 2) * in,
                                        (b + 3) * in, in);
                            }
                        }
                        for (; b < batch; b++) {
                            for (int i = 0; i < out; i++) {
                                FloatOps.fusedAxpy(lambda[b * out + i], w[l], i * in, next, b * in, in);
                            }
                        }
                        dx = next;
                    }
                }
            }
        }
        return new Gradients(lossAcc[0], gradWt, gradBias);
    }

    /** Bernoulli input spikes {@code [b][t·in + j]} with probability {@code rate}. */
    public static float[][] bernoulliInput(int batch, int steps, int in, double rate, long seed) {
        float[][] x = new float[batch][steps * in];
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < x[b].length; k++) {
                x[b][k] = CounterRng.uniform(seed, 600 + b, 0, k) < rate ? 1f : 0f;
            }
        }
        return x;
    }
}
