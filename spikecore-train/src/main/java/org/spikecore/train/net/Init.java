package org.spikecore.train.net;

import org.spikecore.fixed.CounterRng;

/** Initial parameters from the counter-based generator: a pure function of (seed, stream, index). */
final class Init {

    private Init() {
    }

    /** Uniform in ±bound. */
    static float[] uniform(int n, double bound, long seed, int stream) {
        float[] a = new float[n];
        for (int k = 0; k < n; k++) {
            a[k] = (float) ((2 * CounterRng.uniform(seed, stream, 0, k) - 1) * bound);
        }
        return a;
    }
}
