package org.spikecore.train.net;

/**
 * C×H×W to a vector of C·H·W; the values are already stored channel-height-width, so only the shape
 * changes.
 *
 * @param in input shape
 */
public record Flatten(Shape in) implements Module {

    @Override
    public Shape inShape() {
        return in;
    }

    @Override
    public Shape outShape() {
        return Shape.vector(in.size());
    }

    @Override
    public float[][] parameters() {
        return new float[0][];
    }

    @Override
    public Runner runner(int batch, int steps) {
        return new Runner() {
            @Override
            public float[] forward(int t, float[] x) {
                return x;
            }

            @Override
            public float[] backward(int t, float[] dy) {
                return dy;
            }
        };
    }
}
