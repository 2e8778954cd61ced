package org.spikecore.train.net;

/**
 * One layer of a {@link Sequential} network: its parameters, and per group of samples a
 * {@link Runner} that holds what the forward pass keeps for backward and the group's gradients.
 */
public sealed interface Module permits Dense, Conv2d, Pool, Flatten, Relu, NeuronModule {

    Shape inShape();

    Shape outShape();

    /** The trainable arrays (weights, biases), possibly none. */
    float[][] parameters();

    /** A runner for {@code batch} samples over {@code steps} steps. */
    Runner runner(int batch, int steps);

    /** Forward and backward of one group of samples; not shared between threads. */
    interface Runner {

        /** The output at step t (batch × out) for the input at step t (batch × in); steps in order 0, 1, ... */
        float[] forward(int t, float[] x);

        /**
         * Given dL/d(output at t), returns dL/d(input at t) and accumulates parameter gradients; steps in
         * order T−1, T−2, ... after the whole forward pass.
         */
        float[] backward(int t, float[] dy);

        /**
         * As {@link #backward} for the first module, whose input gradient nobody reads: accumulates
         * the parameter gradients only and returns nothing (by default it runs {@link #backward}).
         */
        default void backwardParametersOnly(int t, float[] dy) {
            backward(t, dy);
        }

        /**
         * Drops what the forward pass kept for step t, once the backward pass is through it or the
         * step will be recomputed (recompute-through-time, {@link Sequential#withRecompute}); the
         * state the next step starts from is kept. By default nothing is kept per step.
         */
        default void forget(int t) {
        }

        /** This group's gradients, one array per {@link #parameters()} array (none by default). */
        default float[][] gradients() {
            return new float[0][];
        }
    }
}
