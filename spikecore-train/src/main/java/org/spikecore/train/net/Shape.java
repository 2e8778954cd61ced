package org.spikecore.train.net;

/**
 * The shape of one sample's activation at one step: channels × height × width (a vector of n is
 * n × 1 × 1).
 */
public record Shape(int channels, int height, int width) {

    public Shape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("shape needs positive sizes, got " + channels + "x" + height + "x" + width);
        }
    }

    /** A flat vector of {@code n}. */
    public static Shape vector(int n) {
        return new Shape(n, 1, 1);
    }

    public int size() {
        return channels * height * width;
    }

    @Override
    public String toString() {
        return height == 1 && width == 1 ? Integer.toString(channels) : channels + "x" + height + "x" + width;
    }
}
