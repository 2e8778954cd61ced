package org.spikecore.train.net;

import org.spikecore.train.FloatOps;

/**
 * A fully connected layer {@code y = W·x + b}, W stored by input ({@code wt[j·out + i]}), so that a
 * spike (or any non-zero input) adds one contiguous row and zero inputs cost nothing: the forward pass
 * after a spiking layer is a gather-add of rows, and so is the weight gradient
 * {@code dWt[j] += Σ_b x_bj·dy_b} (the rows of dy of the samples where input j spiked), added up
 * over blocks of {@link #GRADIENT_BLOCK} steps in the order of a step-by-step accumulation;
 * {@code db += dy}. Only {@code dx = W·dy}, the error passed back to the layer before, is a dense
 * product: a group's runner keeps W by output for it, made at its first backward step. Without a bias ({@link #withoutBias}) the layer is what
 * a neuromorphic core's synapse memory computes, and it deploys to the engine as it is.
 */
public final class Dense implements Module {

    private final Shape in;
    private final Shape out;
    final float[] wt;
    final float[] bias;

    /** Weights and biases uniform in ±gain/sqrt(in) (PyTorch's nn.Linear × gain) from (seed, stream). */
    public Dense(int in, int out, double gain, long seed, int stream) {
        this(in, out, gain, seed, stream, true);
    }

    private Dense(int in, int out, double gain, long seed, int stream, boolean withBias) {
        this.in = Shape.vector(in);
        this.out = Shape.vector(out);
        double bound = gain / Math.sqrt(in);
        this.wt = Init.uniform(in * out, bound, seed, stream);
        this.bias = withBias ? Init.uniform(out, bound, seed, stream + 1) : null;
    }

    /** {@code y = W·x}: the weights as {@link #Dense(int, int, double, long, int)} draws them, no bias. */
    public static Dense withoutBias(int in, int out, double gain, long seed, int stream) {
        return new Dense(in, out, gain, seed, stream, false);
    }

    /** The weights, stored by input: {@code wt[j·out + i]} connects input j to output i (the engine's pre × post order). */
    public float[] weightsByInput() {
        return wt;
    }

    @Override
    public Shape inShape() {
        return in;
    }

    @Override
    public Shape outShape() {
        return out;
    }

    @Override
    public float[][] parameters() {
        return bias == null ? new float[][] {wt} : new float[][] {wt, bias};
    }

    /** Steps whose weight gradient a runner adds up together, so that each row of it is read and written once per block. */
    static final int GRADIENT_BLOCK = 8;

    @Override
    public Runner runner(int batch, int steps) {
        int n = in.size();
        int m = out.size();
        float[] gradWt = new float[wt.length];
        float[] gradBias = bias == null ? null : new float[m];
        return new Runner() {
            /** Per step, the non-zero inputs j of sample b: {@code active[t][starts[t][b] … starts[t][b+1])}. */
            private final int[][] active = new int[steps][];
            private final int[][] starts = new int[steps][];
            /** Per step, the values of those non-zero inputs, in the same order. */
            private final float[][] values = new float[steps][];
            private final int[] scratch = new int[batch * n];
            private final int[] offsets = new int[n];
            private final float[] scales = new float[n];
            /** W by output ({@code [i·in + j]}) for dL/dx, made at the first backward step that needs it. */
            private float[] byOutput;
            /** dy of the steps whose weight gradient is not added yet, in the order they came (t descending). */
            private final float[] pendingDy = new float[Math.min(GRADIENT_BLOCK, steps) * batch * m];
            private final int[] pendingSteps = new int[GRADIENT_BLOCK];
            private int pending;

            @Override
            public float[] forward(int t, float[] x) {
                float[] y = new float[batch * m];
                int[] st = new int[batch + 1];
                int total = 0;
                for (int b = 0; b < batch; b++) {
                    st[b] = total;
                    if (bias != null) {
                        System.arraycopy(bias, 0, y, b * m, m);
                    }
                    // y_b += Σ x_bj·W_j over the non-zero inputs j, in order
                    int count = 0;
                    for (int j = 0; j < n; j++) {
                        float xj = x[b * n + j];
                        if (xj != 0f) {
                            scratch[total++] = j;
                            offsets[count] = j * m;
                            scales[count++] = xj;
                        }
                    }
                    FloatOps.gatherAxpy(scales, offsets, 0, count, wt, y, b * m, m);
                }
                st[batch] = total;
                active[t] = java.util.Arrays.copyOf(scratch, total);
                starts[t] = st;
                float[] v = new float[total];
                for (int b = 0; b < batch; b++) {
                    for (int c = st[b]; c < st[b + 1]; c++) {
                        v[c] = x[b * n + scratch[c]];
                    }
                }
                values[t] = v;
                return y;
            }

            @Override
            public float[] backward(int t, float[] dy) {
                if (byOutput == null) {
                    byOutput = new float[wt.length];
                    for (int j = 0; j < n; j++) {
                        for (int i = 0; i < m; i++) {
                            byOutput[i * n + j] = wt[j * m + i];
                        }
                    }
                }
                float[] dx = new float[batch * n];
                FloatOps.fusedMatrixAccumulate(dy, batch, m, byOutput, n, dx); // dx_b = Σ_i dy_bi·W_i
                accumulate(t, dy);
                return dx;
            }

            @Override
            public void backwardParametersOnly(int t, float[] dy) {
                accumulate(t, dy);
            }

            /** db += Σ_b dy_b now; dy kept for the weight gradient of its block of steps. */
            private void accumulate(int t, float[] dy) {
                if (gradBias != null) {
                    for (int b = 0; b < batch; b++) {
                        FloatOps.axpy(1f, dy, b * m, gradBias, 0, m);
                    }
                }
                System.arraycopy(dy, 0, pendingDy, pending * batch * m, batch * m);
                pendingSteps[pending++] = t;
                if (pending == GRADIENT_BLOCK || t == 0) {
                    addPendingWeightGradients();
                }
            }

            /**
             * dWt_j += Σ x_bj(t)·dy_b(t) over the pending steps t (in the order they came) and the
             * samples b where input j was non-zero (in order): the terms of every element in the
             * order of a step-by-step, sample-by-sample accumulation, so the same bits.
             */
            private void addPendingWeightGradients() {
                int[] count = new int[n + 1];
                for (int p = 0; p < pending; p++) {
                    for (int j : active[pendingSteps[p]]) {
                        count[j + 1]++;
                    }
                }
                for (int j = 0; j < n; j++) {
                    count[j + 1] += count[j]; // now the start of input j's terms
                }
                int[] next = java.util.Arrays.copyOf(count, n);
                int[] rows = new int[count[n]];
                float[] xs = new float[count[n]];
                for (int p = 0; p < pending; p++) {
                    int t = pendingSteps[p];
                    int[] act = active[t];
                    int[] st = starts[t];
                    for (int b = 0; b < batch; b++) {
                        for (int c = st[b]; c < st[b + 1]; c++) {
                            int j = act[c];
                            rows[next[j]] = (p * batch + b) * m;
                            xs[next[j]++] = values[t][c];
                        }
                    }
                }
                for (int j = 0; j < n; j++) {
                    if (count[j + 1] > count[j]) {
                        FloatOps.gatherAxpy(xs, rows, count[j], count[j + 1] - count[j], pendingDy, gradWt, j * m, m);
                    }
                }
                pending = 0;
            }

            /** The step's sparse inputs go unless its weight gradient is still pending (then its block uses them). */
            @Override
            public void forget(int t) {
                for (int p = 0; p < pending; p++) {
                    if (pendingSteps[p] == t) {
                        return;
                    }
                }
                active[t] = null;
                starts[t] = null;
                values[t] = null;
            }

            @Override
            public float[][] gradients() {
                if (pending > 0) {
                    addPendingWeightGradients();
                }
                return gradBias == null ? new float[][] {gradWt} : new float[][] {gradWt, gradBias};
            }
        };
    }
}
