package org.spikecore.train;

/**
 * The Van Rossum distance between two spike rasters (T x n, time-major): both are filtered with a
 * first-order exponential kernel {@code x̃(t) = λ·x̃(t−1) + s(t)} and compared step by step,
 * {@code D = sqrt((1/τ)·Σ_t Σ_i (x̃ − ỹ)²)} with {@code τ = 1/(1 − λ)} steps (λ = 0.8: τ = 5 ms at
 * 1 ms steps, REFERENCES §1). The training loss is {@code L = ½·Σ (x̃ − ỹ)²}, whose gradient with
 * respect to the output spikes is the anti-causally filtered error.
 */
public final class VanRossum {

    private final float lambda;

    public VanRossum(float lambda) {
        if (!(lambda >= 0 && lambda < 1)) {
            throw new IllegalArgumentException("Van Rossum filter decay must be in [0, 1), got " + lambda);
        }
        this.lambda = lambda;
    }

    private float[] filter(float[] s, int steps, int n) {
        float[] f = new float[steps * n];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < n; i++) {
                float prev = t == 0 ? 0f : f[(t - 1) * n + i];
                f[t * n + i] = lambda * prev + s[t * n + i];
            }
        }
        return f;
    }

    /** The distance D between {@code output} and {@code target}. */
    public double distance(float[] output, float[] target, int steps, int n) {
        float[] a = filter(output, steps, n);
        float[] b = filter(target, steps, n);
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            sum += d * d;
        }
        return Math.sqrt(sum * (1 - lambda));
    }

    /** dL/ds for the loss ½·Σ(x̃ − ỹ)², written into a new T x n array. */
    public float[] gradient(float[] output, float[] target, int steps, int n) {
        float[] a = filter(output, steps, n);
        float[] b = filter(target, steps, n);
        float[] g = new float[steps * n];
        for (int i = 0; i < n; i++) {
            float acc = 0f;
            for (int t = steps - 1; t >= 0; t--) {
                acc = (a[t * n + i] - b[t * n + i]) + lambda * acc;
                g[t * n + i] = acc;
            }
        }
        return g;
    }
}
