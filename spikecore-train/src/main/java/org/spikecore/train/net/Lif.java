package org.spikecore.train.net;

import org.spikecore.train.Wage;

/**
 * Leaky integrate-and-fire neurons fed directly by the previous layer's output (snnTorch's
 * {@code Leaky}): {@code U[t] = β·U[t−1] + x[t] − reset}, see {@link Membrane}.
 *
 * @param shape       the shape of input and output
 * @param beta        membrane decay per step
 * @param threshold   ϑ
 * @param reset       subtract or zero
 * @param detachReset whether the reset is left out of the gradient (the usual choice)
 * @param spike       step with surrogate, or smooth
 */
public record Lif(Shape shape, float beta, float threshold, Reset reset, boolean detachReset, SpikeFunction spike)
        implements NeuronModule {

    public Lif {
        NeuronChecks.check(beta, threshold);
    }

    @Override
    public NeuronRunner runner(int batch, int steps, Wage wage) {
        Membrane m = new Membrane(batch, shape.size(), steps, beta, threshold, reset, detachReset, spike, wage);
        return new NeuronRunner() {
            @Override
            public float[] forward(int t, float[] x) {
                return m.forward(t, x);
            }

            @Override
            public long errorEvents() {
                return m.errorEvents;
            }

            @Override
            public float[] backward(int t, float[] dy, float[] dMembrane) {
                return m.backward(t, dy, dMembrane);
            }

            @Override
            public Object stateBefore(int t) {
                return m.stateBefore(t);
            }

            @Override
            public void restoreBefore(int t, Object state) {
                m.restoreBefore(t, state);
            }

            @Override
            public void forget(int t) {
                m.forget(t);
            }

            @Override
            public float[] membrane(int t) {
                return m.u[t];
            }
        };
    }
}
