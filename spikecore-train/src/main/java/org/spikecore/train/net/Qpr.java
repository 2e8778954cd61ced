package org.spikecore.train.net;

import org.spikecore.train.EngineDeployment;
import org.spikecore.train.FloatOps;
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
 * <p>With {@code integerUnits > 0} the forward pass is the bit-accurate engine's arithmetic for
 * the population {@link org.spikecore.train.EngineDeployment} deploys this layer to: the input
 * (the weighted spikes, which must lie on the 1/integerUnits grid — {@link Sequential#withIntegerWeights})
 * in integer units, 16-bit saturating states, the shift leaks of NSAT ({@code x − sign(x)·max(1, |x| >> k)}),
 * each tick {@code R ← R − leak(R)}, {@code Q ← Q − leak(Q) + x[t−1]}, {@code P ← P − leak(P) + Q},
 * a spike when {@code P ≥ ϑ + R}, then {@code R += δ/γ}. The network then trains on exactly the spikes
 * it emits once deployed; the backward pass is the float adjoint above (straight-through), with gU
 * masked where P or Q saturated. The decays must be 1 − 2^−k and the state width of {@code wage}
 * does not apply (the engine's words hold the states).
 *
 * @param shape          the shape of input and output
 * @param alpha          synaptic trace decay
 * @param beta           membrane trace decay
 * @param gamma          refractory trace decay
 * @param delta          refractory weight δ
 * @param threshold      ϑ
 * @param detachRefractory whether the refractory path is left out of the gradient (as in the pattern task)
 * @param spike          step with surrogate, or smooth
 * @param integerUnits   0: float forward pass; otherwise the engine's integer arithmetic at this many units per 1.0
 */
public record Qpr(Shape shape, float alpha, float beta, float gamma, float delta, float threshold, boolean detachRefractory,
        SpikeFunction spike, int integerUnits) implements NeuronModule {

    public Qpr {
        NeuronChecks.check(beta, threshold);
        NeuronChecks.check(alpha, threshold);
        NeuronChecks.check(gamma, threshold);
        if (integerUnits < 0) {
            throw new IllegalArgumentException("units per 1.0 must be positive (or 0 for float), got " + integerUnits);
        }
        if (integerUnits > 0) {
            EngineDeployment.leakShift(alpha);
            EngineDeployment.leakShift(beta);
            EngineDeployment.leakShift(gamma);
        }
    }

    /** The layer with a float forward pass. */
    public Qpr(Shape shape, float alpha, float beta, float gamma, float delta, float threshold, boolean detachRefractory,
            SpikeFunction spike) {
        this(shape, alpha, beta, gamma, delta, threshold, detachRefractory, spike, 0);
    }

    /** This layer with its forward pass in the engine's integer arithmetic at {@code unitsPerOne} units per 1.0. */
    public Qpr withIntegerArithmetic(int unitsPerOne) {
        return new Qpr(shape, alpha, beta, gamma, delta, threshold, detachRefractory, spike, unitsPerOne);
    }

    @Override
    public NeuronRunner runner(int batch, int steps, Wage wage) {
        int perSample = shape.size();
        int n = batch * perSample;
        float[][] u = new float[steps][];
        if (integerUnits > 0 && wage.stateBits() != 0) {
            throw new IllegalArgumentException("the integer forward pass keeps states in the engine's 16-bit words; it takes no "
                    + "state width (got " + wage.stateBits() + " bits)");
        }
        boolean[][] clipped = wage.stateBits() == 0 && integerUnits == 0 ? null : new boolean[steps][];
        IntegerTicks ticks = integerUnits > 0 ? new IntegerTicks(n) : null;
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
                if (ticks != null) {
                    u[t] = new float[n];
                    clipped[t] = new boolean[n];
                    return ticks.tick(x, u[t], clipped[t]);
                }
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

            private long errorEvents;

            @Override
            public long errorEvents() {
                return errorEvents;
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
                errorEvents += FloatOps.nonZeros(gUs);
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
            public Object stateBefore(int t) {
                return ticks != null ? ticks.copy() : new float[][] {q.clone(), p.clone(), r.clone()};
            }

            @Override
            public void restoreBefore(int t, Object state) {
                if (ticks != null) {
                    ticks.restore((Object[]) state);
                    return;
                }
                float[][] s = (float[][]) state;
                System.arraycopy(s[0], 0, q, 0, n);
                System.arraycopy(s[1], 0, p, 0, n);
                System.arraycopy(s[2], 0, r, 0, n);
            }

            @Override
            public void forget(int t) {
                u[t] = null;
                if (clipped != null) {
                    clipped[t] = null;
                }
            }

            @Override
            public float[] membrane(int t) {
                return u[t];
            }
        };
    }

    /** The engine's Q/P/R population tick by tick in 16-bit integer states (the forward pass with integer units). */
    private final class IntegerTicks {

        private final int alphaShift = EngineDeployment.leakShift(alpha);
        private final int betaShift = EngineDeployment.leakShift(beta);
        private final int gammaShift = EngineDeployment.leakShift(gamma);
        private final int theta = Math.round(threshold * integerUnits);
        private final int jump = Math.round(delta / gamma * integerUnits);
        private final int[] q;
        private final int[] p;
        private final int[] r;
        /** The input of the previous step, in integer units: it reaches Q one tick late, as a projection's delay of 1. */
        private final long[] pending;

        IntegerTicks(int n) {
            q = new int[n];
            p = new int[n];
            r = new int[n];
            pending = new long[n];
        }

        Object[] copy() {
            return new Object[] {q.clone(), p.clone(), r.clone(), pending.clone()};
        }

        void restore(Object[] s) {
            System.arraycopy((int[]) s[0], 0, q, 0, q.length);
            System.arraycopy((int[]) s[1], 0, p, 0, p.length);
            System.arraycopy((int[]) s[2], 0, r, 0, r.length);
            System.arraycopy((long[]) s[3], 0, pending, 0, pending.length);
        }

        /** One tick; writes U = threshold + (P − R − ϑ)/units (so that U − ϑ is the integer distance) and where P or Q saturated. */
        float[] tick(float[] x, float[] uNow, boolean[] clippedNow) {
            float[] s = new float[q.length];
            for (int k = 0; k < q.length; k++) {
                int rNew = clamp(r[k] - leak(r[k], gammaShift));
                long qRaw = q[k] - leak(q[k], alphaShift) + pending[k];
                long pRaw = p[k] - leak(p[k], betaShift) + q[k];
                int qNew = clamp(qRaw);
                int pNew = clamp(pRaw);
                clippedNow[k] = qRaw != qNew || pRaw != pNew;
                uNow[k] = threshold + (float) ((pNew - (long) rNew - theta) / (double) integerUnits);
                if (pNew >= (long) theta + rNew) {
                    s[k] = 1f;
                    rNew = clamp((long) rNew + jump);
                }
                p[k] = pNew;
                q[k] = qNew;
                r[k] = rNew;
                pending[k] = Math.round((double) x[k] * integerUnits); // exact for inputs on the integer grid
            }
            return s;
        }

        private static long leak(long v, int k) {
            if (v == 0) {
                return 0;
            }
            long m = Math.max(1, Math.abs(v) >> k);
            return v > 0 ? m : -m;
        }

        private static int clamp(long v) {
            return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
    }
}
