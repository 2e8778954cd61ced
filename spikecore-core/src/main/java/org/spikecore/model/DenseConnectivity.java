package org.spikecore.model;

/**
 * All-to-all with a weight matrix, row-major {@code weights[pre * postSize + post]}; a zero
 * weight is a synapse that delivers nothing.
 */
public record DenseConnectivity(int preSize, int postSize, int[] weights) implements Connectivity {
    public DenseConnectivity {
        if (preSize < 1 || postSize < 1) {
            throw new IllegalArgumentException("dense connectivity shape must be positive, got " + preSize + "x" + postSize);
        }
        if (weights.length != (long) preSize * postSize) {
            throw new IllegalArgumentException("dense connectivity " + preSize + "x" + postSize + " needs "
                    + (long) preSize * postSize + " weights, got " + weights.length);
        }
        weights = weights.clone();
    }

    @Override
    public int[][] synapses() {
        int n = weights.length;
        int[] pre = new int[n];
        int[] post = new int[n];
        for (int k = 0; k < n; k++) {
            pre[k] = k / postSize;
            post[k] = k % postSize;
        }
        return new int[][] {pre, post, weights.clone()};
    }

    @Override
    public int maxAbsWeight() {
        return Connectivity.maxAbs(weights);
    }

    @Override
    public int maxFanIn() {
        return preSize;
    }
}
