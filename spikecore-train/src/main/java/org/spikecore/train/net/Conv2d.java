package org.spikecore.train.net;

/**
 * A 2-d convolution over C×H×W inputs with K output channels, a k×k kernel, stride and zero
 * padding: output H' = (H + 2·padding − k)/stride + 1 (likewise W'),
 * <pre>
 * y[o, r, c] = b[o] + Σ_{ch, i, j} w[o, ch, i, j] · x[ch, r·stride − padding + i, c·stride − padding + j]
 * </pre>
 * Weights {@code w[((o·C + ch)·k + i)·k + j]}. Backward runs the same index map the other way:
 * {@code dw += dy·x}, {@code dx += dy·w}. Zero inputs are skipped in the forward pass.
 */
public final class Conv2d implements Module {

    private final Shape in;
    private final Shape out;
    private final int kernel;
    private final int stride;
    private final int padding;
    final float[] w;
    final float[] bias;

    /** Weights and biases uniform in ±gain/sqrt(C·k·k) from (seed, stream). */
    public Conv2d(Shape in, int outChannels, int kernel, int stride, int padding, double gain, long seed, int stream) {
        if (kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("conv2d needs kernel >= 1, stride >= 1, padding >= 0; got " + kernel + ", " + stride
                    + ", " + padding);
        }
        int h = (in.height() + 2 * padding - kernel) / stride + 1;
        int wd = (in.width() + 2 * padding - kernel) / stride + 1;
        if (in.height() + 2 * padding < kernel || in.width() + 2 * padding < kernel) {
            throw new IllegalArgumentException("conv2d kernel " + kernel + " does not fit input " + in + " with padding " + padding);
        }
        this.in = in;
        this.out = new Shape(outChannels, h, wd);
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        double bound = gain / Math.sqrt(in.channels() * kernel * kernel);
        this.w = Init.uniform(outChannels * in.channels() * kernel * kernel, bound, seed, stream);
        this.bias = Init.uniform(outChannels, bound, seed, stream + 1);
    }

    /** The kernel's side k. */
    public int kernel() {
        return kernel;
    }

    public int stride() {
        return stride;
    }

    public int padding() {
        return padding;
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
        return new float[][] {w, bias};
    }

    /** Visits every (input index, output index, weight index) the convolution connects, for sample offsets 0. */
    private interface Visit {
        void at(int xi, int yi, int wi);
    }

    private void connections(Visit v) {
        int cIn = in.channels();
        int hIn = in.height();
        int wIn = in.width();
        for (int o = 0; o < out.channels(); o++) {
            for (int r = 0; r < out.height(); r++) {
                for (int c = 0; c < out.width(); c++) {
                    int yi = (o * out.height() + r) * out.width() + c;
                    for (int ch = 0; ch < cIn; ch++) {
                        for (int i = 0; i < kernel; i++) {
                            int row = r * stride - padding + i;
                            if (row < 0 || row >= hIn) {
                                continue;
                            }
                            for (int j = 0; j < kernel; j++) {
                                int col = c * stride - padding + j;
                                if (col < 0 || col >= wIn) {
                                    continue;
                                }
                                v.at((ch * hIn + row) * wIn + col, yi, ((o * cIn + ch) * kernel + i) * kernel + j);
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public Runner runner(int batch, int steps) {
        int n = in.size();
        int m = out.size();
        int plane = out.height() * out.width();
        float[][] inputs = new float[steps][];
        float[] gradW = new float[w.length];
        float[] gradBias = new float[bias.length];
        // the index map once: for each connection, input, output and weight index
        java.util.List<int[]> list = new java.util.ArrayList<>();
        connections((xi, yi, wi) -> list.add(new int[] {xi, yi, wi}));
        int[] xs = new int[list.size()];
        int[] ys = new int[list.size()];
        int[] ws = new int[list.size()];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = list.get(k)[0];
            ys[k] = list.get(k)[1];
            ws[k] = list.get(k)[2];
        }
        return new Runner() {
            @Override
            public float[] forward(int t, float[] x) {
                inputs[t] = x;
                float[] y = new float[batch * m];
                for (int b = 0; b < batch; b++) {
                    int xo = b * n;
                    int yo = b * m;
                    for (int o = 0; o < out.channels(); o++) {
                        java.util.Arrays.fill(y, yo + o * plane, yo + (o + 1) * plane, bias[o]);
                    }
                    for (int k = 0; k < xs.length; k++) {
                        float xv = x[xo + xs[k]];
                        if (xv != 0f) {
                            y[yo + ys[k]] += w[ws[k]] * xv;
                        }
                    }
                }
                return y;
            }

            @Override
            public float[] backward(int t, float[] dy) {
                float[] x = inputs[t];
                float[] dx = new float[batch * n];
                for (int b = 0; b < batch; b++) {
                    int xo = b * n;
                    int yo = b * m;
                    for (int o = 0; o < out.channels(); o++) {
                        for (int p = 0; p < plane; p++) {
                            gradBias[o] += dy[yo + o * plane + p];
                        }
                    }
                    for (int k = 0; k < xs.length; k++) {
                        float g = dy[yo + ys[k]];
                        gradW[ws[k]] += g * x[xo + xs[k]];
                        dx[xo + xs[k]] += g * w[ws[k]];
                    }
                }
                return dx;
            }

            @Override
            public void forget(int t) {
                inputs[t] = null;
            }

            @Override
            public float[][] gradients() {
                return new float[][] {gradW, gradBias};
            }
        };
    }
}
