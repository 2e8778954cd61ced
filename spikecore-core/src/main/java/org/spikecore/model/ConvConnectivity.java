package org.spikecore.model;

/**
 * A 2-D convolution with weight sharing: input {@code inChannels × height × width} (channel-major,
 * neuron index {@code (c·height + y)·width + x}), {@code outChannels} kernels of
 * {@code inChannels × k × k} raw weights ({@code kernel[((o·inChannels + c)·k + dy)·k + dx]}),
 * stride and zero padding; output neuron {@code (o·outHeight + y)·outWidth + x}.
 */
public record ConvConnectivity(int inChannels, int height, int width, int outChannels, int k, int stride,
        int padding, int[] kernel) implements Connectivity {
    public ConvConnectivity {
        if (inChannels < 1 || height < 1 || width < 1 || outChannels < 1 || k < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("conv shape must be positive (padding >= 0): in " + inChannels + "x"
                    + height + "x" + width + ", out " + outChannels + ", kernel " + k + ", stride " + stride + ", padding " + padding);
        }
        if (height + 2 * padding < k || width + 2 * padding < k) {
            throw new IllegalArgumentException("conv kernel " + k + "x" + k + " does not fit the padded " + height + "x" + width + " input");
        }
        if (kernel.length != outChannels * inChannels * k * k) {
            throw new IllegalArgumentException("conv kernel needs " + outChannels * inChannels * k * k + " weights ("
                    + outChannels + "x" + inChannels + "x" + k + "x" + k + "), got " + kernel.length);
        }
        kernel = kernel.clone();
    }

    public int outHeight() {
        return (height + 2 * padding - k) / stride + 1;
    }

    public int outWidth() {
        return (width + 2 * padding - k) / stride + 1;
    }

    @Override
    public int preSize() {
        return inChannels * height * width;
    }

    @Override
    public int postSize() {
        return outChannels * outHeight() * outWidth();
    }

    @Override
    public int[][] synapses() {
        int oh = outHeight();
        int ow = outWidth();
        java.util.List<long[]> list = new java.util.ArrayList<>();
        for (int o = 0; o < outChannels; o++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    int post = (o * oh + y) * ow + x;
                    for (int c = 0; c < inChannels; c++) {
                        for (int dy = 0; dy < k; dy++) {
                            for (int dx = 0; dx < k; dx++) {
                                int iy = y * stride - padding + dy;
                                int ix = x * stride - padding + dx;
                                if (iy < 0 || iy >= height || ix < 0 || ix >= width) {
                                    continue;
                                }
                                int pre = (c * height + iy) * width + ix;
                                int w = kernel[((o * inChannels + c) * k + dy) * k + dx];
                                list.add(new long[] {pre, post, w});
                            }
                        }
                    }
                }
            }
        }
        list.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int[][] s = new int[3][list.size()];
        for (int i = 0; i < list.size(); i++) {
            s[0][i] = (int) list.get(i)[0];
            s[1][i] = (int) list.get(i)[1];
            s[2][i] = (int) list.get(i)[2];
        }
        return s;
    }

    @Override
    public int maxAbsWeight() {
        return Connectivity.maxAbs(kernel);
    }

    @Override
    public int maxFanIn() {
        return inChannels * k * k;
    }
}
