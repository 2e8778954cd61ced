package org.spikecore.train;

import org.spikecore.fixed.CounterRng;

/**
 * A feed-forward network of snnTorch-style LIF layers trained by BPTT on batches, float32:
 * {@code mem[t] = β·mem[t−1] + W·x[t] + b − ϑ·s[t−1]}, {@code s[t] = Θ(mem[t] − ϑ)}, layer l+1 seeing
 * layer l's spikes of the same step (as shared/peers/snn_torch.py), reset detached; loss
 * {@code Σ_t CE(mem_out[t], y)}; fast-sigmoid surrogate {@code 1/(k|x|+1)²}; Adam.
 *
 * <p>Every layer's input is binary (Bernoulli input spikes, then spikes), so the forward pass and the
 * weight gradient gather rows of the transposed weights for the active inputs instead of multiplying
 * by zeros; only the error propagated back through a hidden layer is a dense product. Weights are
 * stored transposed ({@code wt[l][j·out + i]}, input j's row of outgoing weights).
 */
public final class LifNetwork {

    private final int[] sizes;
    private final float beta;
    private final float threshold;
    private final float slope;
    final float[][] wt;
    final float[][] bias;
    private final Adam[] wtOpt;
    private final Adam[] biasOpt;

    /** Weights and biases uniform in ±gain/sqrt(fan_in) (PyTorch's nn.Linear initialisation × gain). */
    public LifNetwork(int[] sizes, float beta, float threshold, float slope, double gain, float learningRate, long seed) {
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
        wtOpt = new Adam[layers];
        biasOpt = new Adam[layers];
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
            wtOpt[l] = new Adam(wt[l].length, learningRate);
            biasOpt[l] = new Adam(out, learningRate);
        }
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

    /** Forward state kept for backward. */
    private record Trace(float[][][] mem, float[][][] spikes) {
    }

    /**
     * Runs a batch: {@code input[b][t·in + j]} 0/1 spikes, {@code steps} steps. Returns the spikes of
     * every layer ({@code [layer][t][b·out + i]}) and membranes for backward.
     */
    private Trace forward(float[][] input, int steps) {
        int batch = input.length;
        int layers = sizes.length - 1;
        float[][][] mem = new float[layers][steps][];
        float[][][] spikes = new float[layers][steps][];
        float[][] m = new float[layers][];
        float[][] sPrev = new float[layers][];
        for (int l = 0; l < layers; l++) {
            m[l] = new float[batch * sizes[l + 1]];
            sPrev[l] = new float[batch * sizes[l + 1]];
        }
        int[] active = new int[maxSize()];
        for (int t = 0; t < steps; t++) {
            for (int l = 0; l < layers; l++) {
                int in = sizes[l];
                int out = sizes[l + 1];
                float[] memNow = new float[batch * out];
                float[] sNow = new float[batch * out];
                for (int b = 0; b < batch; b++) {
                    int o = b * out;
                    // I = W·x + b by gathering the rows of the active inputs
                    System.arraycopy(bias[l], 0, memNow, o, out);
                    int n = l == 0 ? activeIndices(input[b], t * in, in, active) : activeIndices(spikes[l - 1][t], b * in, in, active);
                    for (int k = 0; k < n; k++) {
                        FloatOps.axpy(1f, wt[l], active[k] * out, memNow, o, out);
                    }
                    for (int i = 0; i < out; i++) {
                        float v = beta * m[l][o + i] + memNow[o + i] - threshold * sPrev[l][o + i];
                        memNow[o + i] = v;
                        sNow[o + i] = v > threshold ? 1f : 0f;
                    }
                }
                mem[l][t] = memNow;
                spikes[l][t] = sNow;
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
        Trace tr = forward(input, steps);
        int out = sizes[sizes.length - 1];
        int[][] counts = new int[input.length][out];
        for (float[] s : tr.spikes()[sizes.length - 2]) {
            for (int b = 0; b < input.length; b++) {
                for (int i = 0; i < out; i++) {
                    counts[b][i] += (int) s[b * out + i];
                }
            }
        }
        return counts;
    }

    /** One training step on a batch: forward, BPTT, Adam. Returns the loss Σ_t mean_b CE. */
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
        int batch = input.length;
        int layers = sizes.length - 1;
        Trace tr = forward(input, steps);
        float[][] gradWt = new float[layers][];
        float[][] gradBias = new float[layers][];
        float[][] lambdaNext = new float[layers][];
        for (int l = 0; l < layers; l++) {
            gradWt[l] = new float[wt[l].length];
            gradBias[l] = new float[sizes[l + 1]];
            lambdaNext[l] = new float[batch * sizes[l + 1]];
        }
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
        double loss = 0;
        int[] active = new int[maxSize()];
        float[] dx = null;
        for (int t = steps - 1; t >= 0; t--) {
            for (int l = layers - 1; l >= 0; l--) {
                int in = sizes[l];
                int out = sizes[l + 1];
                float[] memT = tr.mem()[l][t];
                float[] lambda = new float[batch * out];
                for (int b = 0; b < batch; b++) {
                    int o = b * out;
                    if (l == layers - 1) {
                        // cross-entropy on the membrane: softmax − one-hot, averaged over the batch
                        float max = Float.NEGATIVE_INFINITY;
                        for (int i = 0; i < out; i++) {
                            max = Math.max(max, memT[o + i]);
                        }
                        double sum = 0;
                        for (int i = 0; i < out; i++) {
                            sum += Math.exp(memT[o + i] - max);
                        }
                        loss += (Math.log(sum) + max - memT[o + labels[b]]) / batch;
                        for (int i = 0; i < out; i++) {
                            float p = (float) (Math.exp(memT[o + i] - max) / sum);
                            lambda[o + i] = (p - (i == labels[b] ? 1f : 0f)) / batch + beta * lambdaNext[l][o + i];
                        }
                    } else {
                        for (int i = 0; i < out; i++) {
                            lambda[o + i] = dx[o + i] * surrogate(memT[o + i] - threshold) + beta * lambdaNext[l][o + i];
                        }
                    }
                    for (int i = 0; i < out; i++) {
                        gradBias[l][i] += lambda[o + i];
                    }
                    int n = l == 0 ? activeIndices(input[b], t * in, in, active) : activeIndices(tr.spikes()[l - 1][t], b * in, in, active);
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
        return new Gradients(loss, gradWt, gradBias);
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
