package org.spikecore.train.net;

import org.spikecore.train.Wage;

/**
 * Current-based LIF neurons (snnTorch's {@code Synaptic}; the CUBA model of the engine's presets):
 * the input charges a synaptic current that decays by α, the current charges the membrane,
 * <pre>
 * I[t] = α·I[t−1] + x[t],   U[t] = β·U[t−1] + I[t] − reset   (see {@link Membrane})
 * </pre>
 * Backward: {@code dL/dI[t] = dL/dU[t] + α·dL/dI[t+1]}, {@code dL/dx[t] = dL/dI[t]}.
 *
 * @param shape       the shape of input and output
 * @param alpha       synaptic current decay per step
 * @param beta        membrane decay per step
 * @param threshold   ϑ
 * @param reset       subtract or zero
 * @param detachReset whether the reset is left out of the gradient
 * @param spike       step with surrogate, or smooth
 */
public record CubaLif(Shape shape, float alpha, float beta, float threshold, Reset reset, boolean detachReset, SpikeFunction spike)
        implements NeuronModule {

    public CubaLif {
        NeuronChecks.check(beta, threshold);
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("current decay must be in [0, 1], got " + alpha);
        }
    }

    @Override
    public NeuronRunner runner(int batch, int steps, Wage wage) {
        int n = batch * shape.size();
        Membrane m = new Membrane(batch, shape.size(), steps, beta, threshold, reset, detachReset, spike, wage);
        return new NeuronRunner() {
            private float[] current = new float[n];
            private float[] gCurrentNext = new float[n];

            @Override
            public float[] forward(int t, float[] x) {
                float[] now = new float[n];
                for (int k = 0; k < n; k++) {
                    now[k] = alpha * current[k] + x[k];
                }
                current = now;
                return m.forward(t, now);
            }

            @Override
            public long errorEvents() {
                return m.errorEvents;
            }

            @Override
            public float[] backward(int t, float[] dy, float[] dMembrane) {
                float[] gU = m.backward(t, dy, dMembrane);
                float[] gI = new float[n];
                for (int k = 0; k < n; k++) {
                    gI[k] = gU[k] + alpha * gCurrentNext[k];
                }
                gCurrentNext = gI;
                return gI;
            }

            @Override
            public Object stateBefore(int t) {
                return new Object[] {m.stateBefore(t), current}; // each step makes a new current array
            }

            @Override
            public void restoreBefore(int t, Object state) {
                Object[] s = (Object[]) state;
                m.restoreBefore(t, s[0]);
                current = (float[]) s[1];
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
