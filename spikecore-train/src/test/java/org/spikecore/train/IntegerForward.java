package org.spikecore.train;

/**
 * The test oracle of the engine-exact forward pass: the trained pattern-retention network's forward pass in the arithmetic of the bit-accurate
 * engine, written here from the engine's documented semantics (package {@code org.spikecore.engine})
 * rather than by calling it, so that the two can be checked against each other. Integer weights
 * (16-bit), Q/P/R states in 16 bits updated last to first each tick:
 * <pre>
 * R' = R − leak(R, 3)
 * Q' = Q − leak(Q, 2) + Σ_j w_ij·s_j(t−1)          (spikes arrive one tick after they are emitted)
 * P' = P − leak(P, 3) + Q                           (the previous tick's Q)
 * spike when P' ≥ θ + R', then R' += jump          (leak(x, k) = sign(x)·max(1, |x| >> k), 0 at 0)
 * </pre>
 * every sum saturating to 16 bits. The trainer's own integer pass ({@code Qpr} with integer units)
 * and the engine must both reproduce it bit for bit ({@code DeploymentTest}).
 */
final class IntegerForward {

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

    /**
     * Runs one layer of integer weights by input ({@code wt[j·out + i]}) over {@code steps} ticks:
     * {@code spikesIn[t·in + j]} are the spikes the pre layer emitted at tick t; returns this layer's
     * spikes (T × out) by the tick they are emitted.
     */
    static float[] layer(int[] wt, int in, int out, float[] spikesIn, int steps, int alphaShift, int betaShift, int gammaShift,
            int threshold, int jump) {
        int[] p = new int[out];
        int[] q = new int[out];
        int[] r = new int[out];
        float[] spikes = new float[steps * out];
        int[] active = new int[in];
        long[] input = new long[out];
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

    /** The output spikes (T × outputs) of {@code task}'s network in integer arithmetic at {@code units} per 1.0. */
    static float[] run(PatternRetention task, int units) {
        PatternRetention.Config c = task.config();
        int threshold = Math.round(PatternRetention.THRESHOLD * units);
        int jump = Math.round(PatternRetention.DELTA / PatternRetention.GAMMA * units); // added at the spike, decayed once before use
        float[] hidden = layer(EngineDeployment.toInteger(task.hiddenWeights(), units), c.inputs(), c.hidden(), task.input(), c.steps(),
                2, 3, 3, threshold, jump);
        return layer(EngineDeployment.toInteger(task.outputWeights(), units), c.hidden(), c.outputs(), hidden, c.steps(), 2, 3, 3,
                threshold, jump);
    }
}
