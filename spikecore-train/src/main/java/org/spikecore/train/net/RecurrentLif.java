package org.spikecore.train.net;

import org.spikecore.train.FloatOps;
import org.spikecore.train.Wage;

/**
 * LIF neurons with all-to-all recurrent weights V among themselves (snnTorch's {@code RLeaky} with a
 * dense recurrence): the input current is {@code x[t] + V·s[t−1]}, then {@link Membrane}. V is
 * stored by source neuron ({@code v[j·n + i]}: from j to i), so a spike adds one row. Backward:
 * {@code dL/dV_ij += g_i[t]·s_j[t−1]}, and s[t−1] receives {@code Vᵀ·g[t]}.
 */
public final class RecurrentLif implements NeuronModule {

    private final Shape shape;
    private final float beta;
    private final float threshold;
    private final Reset reset;
    private final boolean detachReset;
    private final SpikeFunction spike;
    final float[] v;

    /** Recurrent weights uniform in ±gain/sqrt(n) from (seed, stream). */
    public RecurrentLif(int n, float beta, float threshold, Reset reset, boolean detachReset, SpikeFunction spike, double gain,
            long seed, int stream) {
        NeuronChecks.check(beta, threshold);
        this.shape = Shape.vector(n);
        this.beta = beta;
        this.threshold = threshold;
        this.reset = reset;
        this.detachReset = detachReset;
        this.spike = spike;
        this.v = Init.uniform(n * n, gain / Math.sqrt(n), seed, stream);
    }

    @Override
    public Shape shape() {
        return shape;
    }

    public float beta() {
        return beta;
    }

    public float threshold() {
        return threshold;
    }

    public Reset reset() {
        return reset;
    }

    @Override
    public float[][] parameters() {
        return new float[][] {v};
    }

    @Override
    public NeuronRunner runner(int batch, int steps, Wage wage) {
        int n = shape.size();
        Membrane m = new Membrane(batch, shape.size(), steps, beta, threshold, reset, detachReset, spike, wage);
        float[] gradV = new float[v.length];
        return new NeuronRunner() {
            @Override
            public float[] forward(int t, float[] x) {
                float[] current = x.clone();
                if (t > 0) {
                    float[] sPrev = m.s[t - 1];
                    for (int b = 0; b < batch; b++) {
                        for (int j = 0; j < n; j++) {
                            float sj = sPrev[b * n + j];
                            if (sj != 0f) {
                                FloatOps.axpy(sj, v, j * n, current, b * n, n);
                            }
                        }
                    }
                }
                return m.forward(t, current);
            }

            @Override
            public long errorEvents() {
                return m.errorEvents;
            }

            @Override
            public float[] backward(int t, float[] dy, float[] dMembrane) {
                float[] g = m.backward(t, dy, dMembrane);
                if (t > 0) {
                    float[] sPrev = m.s[t - 1];
                    for (int b = 0; b < batch; b++) {
                        for (int j = 0; j < n; j++) {
                            float sj = sPrev[b * n + j];
                            if (sj != 0f) {
                                FloatOps.axpy(sj, g, b * n, gradV, j * n, n);
                            }
                            // s_j[t−1] feeds every neuron at t through row j of V
                            m.dsFromNext[b * n + j] += FloatOps.dot(v, j * n, g, b * n, n);
                        }
                    }
                }
                return g;
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

            @Override
            public float[][] gradients() {
                return new float[][] {gradV};
            }
        };
    }
}
