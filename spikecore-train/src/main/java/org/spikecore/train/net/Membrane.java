package org.spikecore.train.net;

import org.spikecore.train.FloatOps;
import org.spikecore.train.Wage;

/**
 * The membrane recursion and its adjoint shared by the neuron layers, for {@code n} neurons of a
 * group over {@code steps} steps. Forward, given the input current I[t]:
 * <pre>
 * SUBTRACT: U[t] = β·U[t−1] + I[t] − ϑ·s[t−1]      ZERO: U[t] = β·U[t−1]·(1 − s[t−1]) + I[t]
 * s[t] = f(U[t] − ϑ)
 * </pre>
 * Backward, steps T−1 down to 0, with g = dL/dU:
 * <pre>
 * dL/ds[t] = dy[t] + (from step t+1: the reset's dependence on s[t], unless detached; recurrence)
 * g[t] = dL/ds[t]·f'(U[t] − ϑ) + dL/dU[t] (loss on the membrane) + g[t+1]·∂U[t+1]/∂U[t]
 * ∂U[t+1]/∂U[t] = β (SUBTRACT) or β·(1 − s[t]) (ZERO);  dL/dI[t] = g[t]
 * </pre>
 * With a state width, U[t] is rounded to the state format before the spike and the next step read
 * it, and g[t] is 0 where U[t] was clipped; with an error width, g[t] is rounded per sample.
 */
final class Membrane {

    private final int n;
    private final int perSample;
    private final Wage wage;
    /** Per step, whether U was clipped to the state range (null without a state width). */
    private final boolean[][] clipped;
    private final float beta;
    private final float threshold;
    private final NeuronModule.Reset reset;
    private final boolean detachReset;
    private final SpikeFunction spike;
    final float[][] u;
    final float[][] s;
    private float[] gNext;
    /** dL/ds[t] contributions found while going back through step t+1 (reset, recurrence). */
    float[] dsFromNext;

    /** Membranes of {@code batch} samples of {@code perSample} neurons each. */
    Membrane(int batch, int perSample, int steps, float beta, float threshold, NeuronModule.Reset reset, boolean detachReset,
            SpikeFunction spike, Wage wage) {
        this.n = batch * perSample;
        this.perSample = perSample;
        this.wage = wage;
        this.clipped = wage.stateBits() == 0 ? null : new boolean[steps][];
        this.beta = beta;
        this.threshold = threshold;
        this.reset = reset;
        this.detachReset = detachReset;
        this.spike = spike;
        this.u = new float[steps][];
        this.s = new float[steps][];
        this.gNext = new float[n];
        this.dsFromNext = new float[n];
    }

    /** Non-zero quantized dL/dU of the backward steps so far ({@link NeuronModule.NeuronRunner#errorEvents}). */
    long errorEvents;

    /** Step t with input current {@code current}; returns the spikes. */
    float[] forward(int t, float[] current) {
        float[] uNow = new float[n];
        float[] sNow = new float[n];
        if (t > 0 && clipped == null && !spike.smooth() && reset == NeuronModule.Reset.SUBTRACT) {
            // the common case (float state, step spikes, subtracting reset) without per-neuron branches
            float[] uPrev = u[t - 1];
            float[] sPrev = s[t - 1];
            for (int k = 0; k < n; k++) {
                float v = beta * uPrev[k] + current[k] - threshold * sPrev[k];
                uNow[k] = v;
                sNow[k] = v - threshold > 0 ? 1f : 0f;
            }
        } else {
            forwardGeneral(t, current, uNow, sNow);
        }
        u[t] = uNow;
        s[t] = sNow;
        return sNow;
    }

    private void forwardGeneral(int t, float[] current, float[] uNow, float[] sNow) {
        float[] uPrev = t == 0 ? null : u[t - 1];
        float[] sPrev = t == 0 ? null : s[t - 1];
        boolean[] clippedNow = clipped == null ? null : new boolean[n];
        for (int k = 0; k < n; k++) {
            float up = uPrev == null ? 0f : uPrev[k];
            float sp = sPrev == null ? 0f : sPrev[k];
            float v = reset == NeuronModule.Reset.SUBTRACT ? beta * up + current[k] - threshold * sp
                    : beta * up * (1f - sp) + current[k];
            if (clippedNow != null) {
                clippedNow[k] = !wage.statePasses(v);
                v = wage.quantizeState(v);
            }
            uNow[k] = v;
            sNow[k] = spike.forward(v - threshold);
        }
        if (clipped != null) {
            clipped[t] = clippedNow;
        }
    }

    /** The state step t starts from: U and s of step t−1 (null at step 0). */
    Object stateBefore(int t) {
        return t == 0 ? null : new float[][] {u[t - 1], s[t - 1]}; // arrays of past steps are never written again
    }

    /** Puts back what {@link #stateBefore} gave at the same t. */
    void restoreBefore(int t, Object state) {
        if (t > 0) {
            float[][] us = (float[][]) state;
            u[t - 1] = us[0];
            s[t - 1] = us[1];
        }
    }

    /** Drops step t's membrane and spikes. */
    void forget(int t) {
        u[t] = null;
        s[t] = null;
        if (clipped != null) {
            clipped[t] = null;
        }
    }

    /** Step t going back; returns dL/dI[t] and leaves in {@link #dsFromNext} the reset's share of dL/ds[t−1]. */
    float[] backward(int t, float[] dy, float[] dMembrane) {
        float[] g = new float[n];
        float[] uNow = u[t];
        float[] sNow = s[t];
        for (int k = 0; k < n; k++) {
            float ds = dy[k] + dsFromNext[k];
            float carry = reset == NeuronModule.Reset.SUBTRACT ? beta : beta * (1f - sNow[k]);
            float gk = ds * spike.derivative(uNow[k] - threshold) + carry * gNext[k];
            if (dMembrane != null) {
                gk += dMembrane[k];
            }
            g[k] = clipped != null && clipped[t][k] ? 0f : gk;
        }
        wage.quantizeErrors(g, perSample);
        errorEvents += FloatOps.nonZeros(g);
        float[] dsPrev = new float[n];
        if (!detachReset && t > 0) {
            float[] uPrev = u[t - 1];
            for (int k = 0; k < n; k++) {
                dsPrev[k] = reset == NeuronModule.Reset.SUBTRACT ? -threshold * g[k] : -beta * uPrev[k] * g[k];
            }
        }
        dsFromNext = dsPrev;
        gNext = g;
        return g;
    }
}
