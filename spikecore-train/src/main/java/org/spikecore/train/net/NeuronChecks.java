package org.spikecore.train.net;

final class NeuronChecks {

    private NeuronChecks() {
    }

    static void check(float beta, float threshold) {
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("membrane decay must be in [0, 1], got " + beta);
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be positive, got " + threshold);
        }
    }
}
