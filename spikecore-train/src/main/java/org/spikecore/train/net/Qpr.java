package org.spikecore.train.net;

import org.spikecore.train.Wage;

/**
 * Q/P/R trace neurons (REFERENCES §1) fed by a synaptic layer's output {@code x = W·s_in}, with the
 * traces filtered after the weights as the bit-accurate engine does (equal to the paper's
 * pre-synaptic form {@code U = W·P} in exact arithmetic):
 * <pre>
 * Q[t+1] = α·Q[t] + x[t],   P[t+1] = β·P[t] + Q[t],   R[t+1] = γ·R[t] + s[t]
 * U[t] = P[t] − δ·R[t],     s[t] = f(U[t] − ϑ)
 * </pre>
 * so an input reaches U two steps later. Backward, with gU = dL/dU:
 * <pre>
 * gP[t] = gU[t] + β·gP[t+1],  gQ[t] = gP[t+1] + α·gQ[t+1],  dL/dx[t] = gQ[t+1]
 * gR[t] = −δ·gU[t] + γ·gR[t+1],  dL/ds[t] += gR[t+1] (unless the refractory path is detached)
 * </pre>
 * With a state width U is rounded (and gU masked where it was clipped); with an error width gU is
 * rounded per sample and step, as in {@link NeuronModule#runner(int, int, Wage)}.
 *
 * @param shape          the shape of input and output
 * @param alpha          synaptic trace decay
 * @param beta           membrane trace decay
 * @param gamma          refractory trace decay
 * @param delta          refractory weight δ
 * @param threshold      ϑ
 * @param detachRefractory whether the refractory path is left out of the gradient (as in the pattern task)
 * @param spike          step with surrogate, or smooth
 */
public record Qpr(Shape shape, float alpha, float beta, float gamma, float delta, float threshold, boolean detachRefractory,
        SpikeFunction spike) implements NeuronModule {

    public Qpr {
        NeuronChecks.check(beta, threshold);
        NeuronChecks.check(alpha, threshold);
        NeuronChecks.check(gamma, threshold);
    }

    @Override
    public NeuronRunner runner(int batch, int steps, Wage wage) {
        int perSample = shape.size();
        int n = batch * perSample;
        float[][] u = new float[steps][];
        boolean[][] clipped = wage.stateBits() == 0 ? null : new boolean[steps][];
        return new NeuronRunner() {
            private float[] q = new float[n];
            private float[] p = new float[n];
            private float[] r = new float[n];
            // adjoints carried from step t+1 back to t
            private float[] gPNext = new float[n];
            private float[] gQNext = new float[n];
            private float[] gRNext = new float[n];

            @Override
            public float[] forward(int t, float[] x) {
                float[] uNow = new float[n];
                float[] s = new float[n];
                boolean[] clippedNow = clipped == null ? null : new boolean[n];
                for (int k = 0; k < n; k++) {
                    float v = p[k] - delta * r[k];
                    if (clippedNow != null) {
                        clippedNow[k] = !wage.statePasses(v);
                        v = wage.quantizeState(v);
                    }
                    uNow[k] = v;
                    s[k] = spike.forward(v - threshold);
                    float pNext = beta * p[k] + q[k];
                    q[k] = alpha * q[k] + x[k];
                    p[k] = pNext;
                    r[k] = gamma * r[k] + s[k];
                }
                u[t] = uNow;
                if (clipped != null) {
                    clipped[t] = clippedNow;
                }
                return s;
            }

            @Override
            public float[] backward(int t, float[] dy, float[] dMembrane) {
                float[] dx = new float[n];
                float[] gUs = new float[n];
                for (int k = 0; k < n; k++) {
                    float ds = dy[k] + (detachRefractory ? 0f : gRNext[k]);
                    float gU = ds * spike.derivative(u[t][k] - threshold) + (dMembrane == null ? 0f : dMembrane[k]);
                    gUs[k] = clipped != null && clipped[t][k] ? 0f : gU;
                }
                wage.quantizeErrors(gUs, perSample);
                for (int k = 0; k < n; k++) {
                    float gU = gUs[k];
                    dx[k] = gQNext[k];
                    float gP = gU + beta * gPNext[k];
                    float gQ = gPNext[k] + alpha * gQNext[k];
                    float gR = -delta * gU + gamma * gRNext[k];
                    gPNext[k] = gP;
                    gQNext[k] = gQ;
                    gRNext[k] = gR;
                }
                return dx;
            }

            @Override
            public float[] membrane(int t) {
                return u[t];
            }
        };
    }
}
