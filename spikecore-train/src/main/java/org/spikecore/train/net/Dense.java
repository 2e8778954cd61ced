package org.spikecore.train.net;

import org.spikecore.train.FloatOps;

/**
 * A fully connected layer {@code y = W·x + b}, W stored by input ({@code wt[j·out + i]}), so that a
 * spike (or any non-zero input) adds one contiguous row and zero inputs cost nothing: the forward pass
 * after a spiking layer is a gather-add of rows. Backward: {@code dWt[j] += x_j·dy},
 * {@code db += dy}, {@code dx_j = wt[j]·dy}. Without a bias ({@link #withoutBias}) the layer is what
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

    @Override
    public Runner runner(int batch, int steps) {
        int n = in.size();
        int m = out.size();
        float[][] inputs = new float[steps][];
        float[] gradWt = new float[wt.length];
        float[] gradBias = bias == null ? null : new float[m];
        return new Runner() {
            @Override
            public float[] forward(int t, float[] x) {
                inputs[t] = x;
                float[] y = new float[batch * m];
                for (int b = 0; b < batch; b++) {
                    if (bias != null) {
                        System.arraycopy(bias, 0, y, b * m, m);
                    }
                    for (int j = 0; j < n; j++) {
                        float xj = x[b * n + j];
                        if (xj != 0f) {
                            FloatOps.axpy(xj, wt, j * m, y, b * m, m);
                        }
                    }
                }
                return y;
            }

            @Override
            public float[] backward(int t, float[] dy) {
                float[] dx = new float[batch * n];
                accumulate(t, dy, dx);
                return dx;
            }

            @Override
            public void backwardParametersOnly(int t, float[] dy) {
                accumulate(t, dy, null);
            }

            /** Parameter gradients of step t, and dL/dx into {@code dx} unless it is null. */
            private void accumulate(int t, float[] dy, float[] dx) {
                float[] x = inputs[t];
                for (int b = 0; b < batch; b++) {
                    if (gradBias != null) {
                        FloatOps.axpy(1f, dy, b * m, gradBias, 0, m);
                    }
                    for (int j = 0; j < n; j++) {
                        float xj = x[b * n + j];
                        if (xj != 0f) {
                            FloatOps.axpy(xj, dy, b * m, gradWt, j * m, m);
                        }
                        if (dx != null) {
                            dx[b * n + j] = FloatOps.dot(wt, j * m, dy, b * m, m);
                        }
                    }
                }
            }

            @Override
            public void forget(int t) {
                inputs[t] = null;
            }

            @Override
            public float[][] gradients() {
                return gradBias == null ? new float[][] {gradWt} : new float[][] {gradWt, gradBias};
            }
        };
    }
}
