package org.spikecore.model;

/** An explicit synapse list (pre, post, weight); pairs must be unique. */
public record SparseConnectivity(int preSize, int postSize, int[] pres, int[] posts, int[] weights)
        implements Connectivity {
    public SparseConnectivity {
        if (preSize < 1 || postSize < 1) {
            throw new IllegalArgumentException("sparse connectivity shape must be positive, got " + preSize + "x" + postSize);
        }
        if (pres.length != posts.length || pres.length != weights.length) {
            throw new IllegalArgumentException("sparse connectivity lists differ in length: " + pres.length + " pre, "
                    + posts.length + " post, " + weights.length + " weights");
        }
        long[] keys = new long[pres.length];
        for (int k = 0; k < pres.length; k++) {
            if (pres[k] < 0 || pres[k] >= preSize || posts[k] < 0 || posts[k] >= postSize) {
                throw new IllegalArgumentException("synapse " + k + " (" + pres[k] + " -> " + posts[k]
                        + ") lies outside " + preSize + "x" + postSize);
            }
            keys[k] = ((long) pres[k] << 32) | (posts[k] & 0xffffffffL);
        }
        boolean sorted = true;
        for (int k = 1; k < keys.length && sorted; k++) {
            sorted = keys[k] > keys[k - 1];
        }
        int[] sp = pres.clone();
        int[] sq = posts.clone();
        int[] sw = weights.clone();
        if (!sorted) {
            Integer[] order = new Integer[pres.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            java.util.Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
            for (int k = 0; k < order.length; k++) {
                sp[k] = pres[order[k]];
                sq[k] = posts[order[k]];
                sw[k] = weights[order[k]];
                if (k > 0 && sp[k] == sp[k - 1] && sq[k] == sq[k - 1]) {
                    throw new IllegalArgumentException("synapse " + sp[k] + " -> " + sq[k] + " is listed twice");
                }
            }
        }
        pres = sp;
        posts = sq;
        weights = sw;
    }

    @Override
    public int[][] synapses() {
        return new int[][] {pres.clone(), posts.clone(), weights.clone()};
    }

    @Override
    public int maxAbsWeight() {
        return Connectivity.maxAbs(weights);
    }

    @Override
    public int maxFanIn() {
        int[] fanIn = new int[postSize];
        int m = 0;
        for (int q : posts) {
            m = Math.max(m, ++fanIn[q]);
        }
        return m;
    }
}
