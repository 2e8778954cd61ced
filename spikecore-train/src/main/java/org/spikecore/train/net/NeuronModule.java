package org.spikecore.train.net;

import org.spikecore.train.Wage;

/**
 * A layer of spiking neurons: integrates its input over time into a membrane potential U and emits
 * {@code s = f(U − ϑ)} ({@link SpikeFunction}); the output is the spikes, the membrane is exposed for
 * losses on it.
 */
public sealed interface NeuronModule extends Module permits Lif, CubaLif, RecurrentLif, Qpr {

    /** How the membrane is reset after a spike. */
    enum Reset {
        /** {@code U[t] = β·U[t−1] + I[t] − ϑ·s[t−1]} (snnTorch's "subtract"). */
        SUBTRACT,
        /** {@code U[t] = β·U[t−1]·(1 − s[t−1]) + I[t]} (snnTorch's "zero"). */
        ZERO
    }

    /** The shape of input and output (neurons map one to one). */
    Shape shape();

    @Override
    default Shape inShape() {
        return shape();
    }

    @Override
    default Shape outShape() {
        return shape();
    }

    @Override
    default float[][] parameters() {
        return new float[0][];
    }

    /** A full-precision runner. */
    @Override
    default NeuronRunner runner(int batch, int steps) {
        return runner(batch, steps, Wage.FLOAT);
    }

    /**
     * A runner that holds the membrane potential U in {@code wage}'s state format (the recursion
     * continues from the rounded value, as a chip's state memory would) and rounds the errors dL/dU
     * to its error format, each sample's step under its own power-of-two scale; the gradient is
     * straight-through and masked where U was clipped. Widths of 0 leave U or dL/dU in float.
     */
    NeuronRunner runner(int batch, int steps, Wage wage);

    /** A runner that also exposes the membrane and takes a loss term on it. */
    interface NeuronRunner extends Runner {

        /**
         * A copy of the state step t starts from (the forward pass is at step t), for
         * recompute-through-time: {@link #restoreBefore} puts it back, and steps t, t+1, ... then
         * run again to the same bits.
         */
        Object stateBefore(int t);

        /** Makes step t start from {@code state} (from {@link #stateBefore} at the same t). */
        void restoreBefore(int t, Object state);

        /** The membrane potential at step t (batch × out). */
        float[] membrane(int t);

        /**
         * Error events of the backward steps so far: the non-zero entries of dL/dU after the error
         * quantizer, one per neuron, sample and step (the paper's E_i·σ'(U_i), for which a chip
         * reads the transposed weights of the layer feeding these neurons).
         */
        long errorEvents();

        /** {@link #backward(int, float[])} with an extra dL/dU(t) ({@code dMembrane}, may be null). */
        float[] backward(int t, float[] dy, float[] dMembrane);

        @Override
        default float[] backward(int t, float[] dy) {
            return backward(t, dy, null);
        }
    }
}
