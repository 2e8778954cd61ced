package org.spikecore.train.net;

/**
 * Non-overlapping k×k pooling per channel (stride k, the last partial rows and columns dropped):
 * the sum of each window, or its average ({@code average}). Backward hands each window's error to
 * all its inputs (divided by k² when averaging).
 *
 * @param in      input shape
 * @param kernel  window side and stride
 * @param average average instead of sum
 */
public record Pool(Shape in, int kernel, boolean average) implements Module {

    public Pool {
        if (kernel < 1 || kernel > in.height() || kernel > in.width()) {
            throw new IllegalArgumentException("pool window " + kernel + " does not fit input " + in);
        }
    }

    @Override
    public Shape inShape() {
        return in;
    }

    @Override
    public Shape outShape() {
        return new Shape(in.channels(), in.height() / kernel, in.width() / kernel);
    }

    @Override
    public float[][] parameters() {
        return new float[0][];
    }

    /** The input index of window element (i, j) of output (ch, r, c). */
    private int input(int ch, int r, int c, int i, int j) {
        return (ch * in.height() + r * kernel + i) * in.width() + c * kernel + j;
    }

    @Override
    public Runner runner(int batch, int steps) {
        Shape out = outShape();
        int n = in.size();
        int m = out.size();
        float scale = average ? 1f / (kernel * kernel) : 1f;
        return new Runner() {
            @Override
            public float[] forward(int t, float[] x) {
                float[] y = new float[batch * m];
                for (int b = 0; b < batch; b++) {
                    for (int ch = 0; ch < out.channels(); ch++) {
                        for (int r = 0; r < out.height(); r++) {
                            for (int c = 0; c < out.width(); c++) {
                                float sum = 0f;
                                for (int i = 0; i < kernel; i++) {
                                    for (int j = 0; j < kernel; j++) {
                                        sum += x[b * n + input(ch, r, c, i, j)];
                                    }
                                }
                                y[b * m + (ch * out.height() + r) * out.width() + c] = sum * scale;
                            }
                        }
                    }
                }
                return y;
            }

            @Override
            public float[] backward(int t, float[] dy) {
                float[] dx = new float[batch * n];
                for (int b = 0; b < batch; b++) {
                    for (int ch = 0; ch < out.channels(); ch++) {
                        for (int r = 0; r < out.height(); r++) {
                            for (int c = 0; c < out.width(); c++) {
                                float g = dy[b * m + (ch * out.height() + r) * out.width() + c] * scale;
                                for (int i = 0; i < kernel; i++) {
                                    for (int j = 0; j < kernel; j++) {
                                        dx[b * n + input(ch, r, c, i, j)] = g;
                                    }
                                }
                            }
                        }
                    }
                }
                return dx;
            }
        };
    }
}
