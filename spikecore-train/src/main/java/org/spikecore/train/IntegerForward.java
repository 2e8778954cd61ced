package org.spikecore.train;

/**
 * The trained pattern-retention network's forward pass in the arithmetic of the bit-accurate
 * engine, written here from the engine's documented semantics (package {@code org.spikecore.engine})
 * rather than by calling it, so that the two can be checked against each other. Integer weights
 * (16-bit), Q/P/R states in 16 bits updated last to first each tick:
 * <pre>
 * R' = R − leak(R, 3)
 * Q' = Q − leak(Q, 2) + Σ_j w_ij·s_j(t−1)          (spikes arrive one tick after they are emitted)
 * P' = P − leak(P, 3) + Q                           (the previous tick's Q)
 * spike when P' ≥ θ + R', then R' += jump          (leak(x, k) = sign(x)·max(1, |x| >> k), 0 at 0)
 * </pre>
 * every sum saturating to 16 bits.
 */
public final class IntegerForward {

    private static final int MIN = Short.MIN_VALUE;
    private static final int MAX = Short.MAX_VALUE;

    private IntegerForward() {
    }

    private static long leak(long x, int k) {
        if (x == 0) {
            return 0;
        }
        long m = Math.max(1, Math.abs(x) >> k);
        return x > 0 ? m : -m;
    }

    private static int clamp(long v) {
        return (int) Math.max(MIN, Math.min(MAX, v));
    }

    /** The shift k of a decay 1 − 2^−k (the engine's multiplierless leak); rejects other decays. */
    static int leakShift(float decay) {
        for (int k = 1; k < 16; k++) {
            if (decay == 1f - (float) Math.pow(2, -k)) {
                return k;
            }
        }
        throw new IllegalArgumentException("decay " + decay + " is not 1 − 2^−k, so the engine's shift leak cannot run it");
    }

    /**
     * Runs one layer over {@code steps} ticks: {@code spikesIn[t·in + j]} are the spikes the pre layer
     * emitted at tick t; returns this layer's spikes (T × out) by the tick they are emitted. When
     * {@code distance} is not null it receives, per tick and neuron, {@code (P − R − θ)/units} (the
     * distance to threshold the surrogate gradient reads), or NaN where P or Q saturated.
     */
    static float[] layer(int[] w, int in, int out, float[] spikesIn, int steps, int alphaShift, int betaShift, int gammaShift,
            int threshold, int jump, float[] distance, int units) {
        int[] p = new int[out];
        int[] q = new int[out];
        int[] r = new int[out];
        float[] spikes = new float[steps * out];
        int[] active = new int[in];
        long[] input = new long[out];
        int[] wt = new int[in * out]; // pre-major, so an active input adds one contiguous row
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) {
                wt[j * out + i] = w[i * in + j];
            }
        }
        for (int t = 0; t < steps; t++) {
            int n = 0;
            if (t > 0) {
                for (int j = 0; j < in; j++) {
                    if (spikesIn[(t - 1) * in + j] != 0f) {
                        active[n++] = j;
                    }
                }
            }
            java.util.Arrays.fill(input, 0L);
            for (int k = 0; k < n; k++) {
                int row = active[k] * out;
                for (int i = 0; i < out; i++) {
                    input[i] += wt[row + i];
                }
            }
            for (int i = 0; i < out; i++) {
                int rNew = clamp(r[i] - leak(r[i], gammaShift));
                long qRaw = q[i] - leak(q[i], alphaShift) + input[i];
                long pRaw = p[i] - leak(p[i], betaShift) + q[i];
                int qNew = clamp(qRaw);
                int pNew = clamp(pRaw);
                if (distance != null) {
                    boolean clipped = qRaw != qNew || pRaw != pNew;
                    distance[t * out + i] = clipped ? Float.NaN : (float) ((pNew - (long) rNew - threshold) / (double) units);
                }
                if (pNew >= (long) threshold + rNew) {
                    spikes[t * out + i] = 1f;
                    rNew = clamp((long) rNew + jump);
                }
                p[i] = pNew;
                q[i] = qNew;
                r[i] = rNew;
            }
        }
        return spikes;
    }

    /** Integer weights (out × in) of float weights at {@code units} per 1.0, saturated to 16 bits. */
    static int[] toInteger(float[] w, int units) {
        int[] x = new int[w.length];
        for (int k = 0; k < w.length; k++) {
            x[k] = clamp(Math.round(w[k] * units));
        }
        return x;
    }

    /** The output spikes (T × outputs) of {@code task}'s network in integer arithmetic at {@code units} per 1.0. */
    public static float[] run(PatternRetention task, int units) {
        PatternRetention.Config c = task.config();
        int threshold = Deployment.threshold(units);
        int jump = Deployment.jump(units);
        float[] hidden = layer(toInteger(task.hiddenWeights(), units), c.inputs(), c.hidden(), task.input(), c.steps(), 2, 3, 3,
                threshold, jump, null, units);
        return layer(toInteger(task.outputWeights(), units), c.hidden(), c.outputs(), hidden, c.steps(), 2, 3, 3, threshold, jump,
                null, units);
    }
}
