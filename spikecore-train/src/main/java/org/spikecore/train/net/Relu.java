package org.spikecore.train.net;

/**
 * The rectifier {@code y = max(0, x)} of an analog (non-spiking) network, the ANN that
 * {@link org.spikecore.train.AnnConversion} turns into integrate-and-fire neurons; backward passes dy where
 * x was positive.
 *
 * @param shape the shape of input and output
 */
public record Relu(Shape shape) implements Module {

    public Relu {
        java.util.Objects.requireNonNull(shape, "shape");
    }

    @Override
    public Shape inShape() {
        return shape;
    }

    @Override
    public Shape outShape() {
        return shape;
    }

    @Override
    public float[][] parameters() {
        return new float[0][];
    }

    @Override
    public Runner runner(int batch, int steps) {
        float[][] outputs = new float[steps][];
        return new Runner() {
            @Override
            public float[] forward(int t, float[] x) {
                float[] y = new float[x.length];
                for (int k = 0; k < x.length; k++) {
                    y[k] = Math.max(0f, x[k]);
                }
                outputs[t] = y;
                return y;
            }

            @Override
            public float[] backward(int t, float[] dy) {
                float[] y = outputs[t];
                float[] dx = new float[dy.length];
                for (int k = 0; k < dy.length; k++) {
                    dx[k] = y[k] > 0f ? dy[k] : 0f;
                }
                return dx;
            }

            @Override
            public void forget(int t) {
                outputs[t] = null;
            }
        };
    }
}
