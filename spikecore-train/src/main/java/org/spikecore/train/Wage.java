package org.spikecore.train;

import org.spikecore.fixed.CounterRng;

/**
 * WAGE-style quantization (Wu et al. 2018; REFERENCES §1) of weights, states, errors and gradients,
 * each to its own width; a width of 0 leaves that quantity in float32 ({@link #FLOAT} is full
 * precision).
 * <ul>
 * <li><b>Weights</b> (b ≥ 2 bits): scaled by the layer's power-of-two scale s, rounded to nearest on
 * the grid {@code σ = 2^(1−b)} and clipped to {@code [−1+σ, 1−σ]}: 2 bits give the ternary
 * {−s/2, 0, s/2}. The scale is {@code 2^⌈log2 max|W|⌉} ({@link WeightScale#MAX}, nothing clipped)
 * or the power of two, from that one down to 1/64 of it, whose quantized weights are nearest the
 * masters in squared error ({@link WeightScale#MSE}: a few large weights clipped for a finer grid).
 * Training keeps float master weights and runs the forward and backward
 * passes on the quantized copy (straight-through).</li>
 * <li><b>States</b> (membrane potential U): clipped to [−{@link #STATE_RANGE}, {@link #STATE_RANGE})
 * and rounded to nearest on the grid {@code 2·range/2^b}; the gradient is masked where U was
 * clipped.</li>
 * <li><b>Errors</b> (dL/dU): divided by the power-of-two of their largest magnitude and rounded to
 * nearest on the grid {@code 2^(1−b)}.</li>
 * <li><b>Gradients</b> (dL/dW): likewise scaled, then rounded <em>stochastically</em> with draws from
 * the counter-based generator keyed by (seed, epoch, layer, index), so runs repeat bit for bit.</li>
 * </ul>
 *
 * @param weightBits weight width, 0 = float
 * @param stateBits  state width, 0 = float
 * @param errorBits  error width, 0 = float
 * @param gradBits    gradient width, 0 = float
 * @param weightScale how the per-layer power-of-two weight scale is chosen
 */
public record Wage(int weightBits, int stateBits, int errorBits, int gradBits, WeightScale weightScale) {

    /** Full precision. */
    public static final Wage FLOAT = new Wage(0, 0, 0, 0);

    /** How a layer's power-of-two weight scale is chosen. */
    public enum WeightScale {
        /** The power of two at or above the largest magnitude: no weight is clipped. */
        MAX,
        /** The power of two (at most 6 halvings below MAX) with the least squared quantization error. */
        MSE
    }

    /** Widths with the {@link WeightScale#MAX} scale. */
    public Wage(int weightBits, int stateBits, int errorBits, int gradBits) {
        this(weightBits, stateBits, errorBits, gradBits, WeightScale.MAX);
    }

    /**
     * States are represented in [−8, 8). A narrower range masks the gradient of strongly inhibited
     * neurons, a wider one coarsens the grid; on the pattern task at 8 bits (1,500 epochs, mean Van
     * Rossum distance of the last 100 epochs against float's) ±8 ends 11 % above float, ±16 30 %,
     * and ±2 or ±4 about 50 %.
     */
    public static final float STATE_RANGE = 8f;

    public Wage {
        check("weight", weightBits, 2);
        check("state", stateBits, 2);
        check("error", errorBits, 2);
        check("gradient", gradBits, 2);
        java.util.Objects.requireNonNull(weightScale, "weightScale");
    }

    private static void check(String what, int bits, int min) {
        if (bits != 0 && (bits < min || bits > 16)) {
            throw new IllegalArgumentException(what + " bits must be " + min + "..16 (or 0 for float), got " + bits);
        }
    }

    /**
     * The named fixed-point formats of the four quantities, for reports: weights and errors and
     * gradients as signed fractions of their power-of-two scale (Q0.(b−1): b bits in (−1, 1)), states
     * as signed numbers in [−{@link #STATE_RANGE}, {@link #STATE_RANGE}) (Q3.(b−4); below 4 bits the
     * unit is 2^(4−b)); a quantity left in float is absent.
     */
    public java.util.Map<String, org.spikecore.fixed.Format> formats() {
        java.util.Map<String, org.spikecore.fixed.Format> f = new java.util.LinkedHashMap<>();
        if (weightBits > 0) {
            f.put("weights", org.spikecore.fixed.Format.signedQ(weightBits, weightBits - 1));
        }
        if (stateBits > 0) {
            f.put("states", org.spikecore.fixed.Format.signedQ(stateBits, Math.max(0, stateBits - 4)));
        }
        if (errorBits > 0) {
            f.put("errors", org.spikecore.fixed.Format.signedQ(errorBits, errorBits - 1));
        }
        if (gradBits > 0) {
            f.put("gradients", org.spikecore.fixed.Format.signedQ(gradBits, gradBits - 1));
        }
        return f;
    }

    public boolean isFloat() {
        return weightBits == 0 && stateBits == 0 && errorBits == 0 && gradBits == 0;
    }

    /** The widths for reports: {@code "float32"}, or {@code "W8 S8 E8 G8"} (0 for a quantity left in float). */
    public String widths() {
        return isFloat() ? "float32" : "W" + weightBits + " S" + stateBits + " E" + errorBits + " G" + gradBits;
    }

    /** The power of two at or above the largest magnitude (1 for an all-zero array). */
    static float powerOfTwoScale(float[] x) {
        return powerOfTwoScale(x, 0, x.length);
    }

    /** {@link #powerOfTwoScale(float[])} of {@code x[from, from + length)}. */
    private static float powerOfTwoScale(float[] x, int from, int length) {
        float m = 0f;
        for (int i = from; i < from + length; i++) {
            m = Math.max(m, Math.abs(x[i]));
        }
        return m == 0f ? 1f : (float) Math.pow(2, Math.ceil(Math.log(m) / Math.log(2)));
    }

    /** The quantized copy of master weights into {@code out}. */
    public void quantizeWeights(float[] master, float[] out) {
        if (weightBits == 0) {
            System.arraycopy(master, 0, out, 0, master.length);
            return;
        }
        float s = weightScale == WeightScale.MAX ? powerOfTwoScale(master) : leastErrorScale(master);
        float sigma = (float) Math.pow(2, 1 - weightBits);
        float lim = 1f - sigma;
        for (int i = 0; i < master.length; i++) {
            out[i] = quantizeWeight(master[i], s, sigma, lim);
        }
    }

    private static float quantizeWeight(float w, float s, float sigma, float lim) {
        float q = (float) Math.rint(w / s / sigma) * sigma;
        return Math.max(-lim, Math.min(lim, q)) * s;
    }

    /** The scale of {@link WeightScale#MSE}: ties go to the larger scale. */
    float leastErrorScale(float[] master) {
        float sigma = (float) Math.pow(2, 1 - weightBits);
        float lim = 1f - sigma;
        float best = powerOfTwoScale(master);
        double bestError = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= 6; k++) {
            float s = powerOfTwoScale(master) / (1 << k);
            double error = 0;
            for (float w : master) {
                double d = quantizeWeight(w, s, sigma, lim) - w;
                error += d * d;
            }
            if (error < bestError) {
                bestError = error;
                best = s;
            }
        }
        return best;
    }

    /** A membrane potential as the state format holds it. */
    public float quantizeState(float u) {
        if (stateBits == 0) {
            return u;
        }
        float step = 2 * STATE_RANGE / (1 << stateBits);
        float c = Math.max(-STATE_RANGE, Math.min(STATE_RANGE - step, u));
        return (float) Math.rint(c / step) * step;
    }

    /** Whether the straight-through gradient passes at this (pre-quantization) potential. */
    public boolean statePasses(float u) {
        return stateBits == 0 || (u >= -STATE_RANGE && u < STATE_RANGE);
    }

    /**
     * Errors in place, each consecutive run of {@code sliceLength} values under its own power-of-two
     * scale: one sample's or one time step's errors, as the backward pass produces them step by step.
     */
    public void quantizeErrors(float[] e, int sliceLength) {
        if (errorBits == 0) {
            return;
        }
        for (int from = 0; from < e.length; from += sliceLength) {
            quantizeErrors(e, from, sliceLength);
        }
    }

    /** Errors {@code e[from, from + length)} in place under their own power-of-two scale. */
    public void quantizeErrors(float[] e, int from, int length) {
        if (errorBits == 0) {
            return;
        }
        float s = powerOfTwoScale(e, from, length); // all zeros stay zeros under any scale
        float grid = (float) Math.pow(2, 1 - errorBits);
        for (int i = from; i < from + length; i++) {
            e[i] = (float) Math.rint(e[i] / s / grid) * grid * s;
        }
    }

    /** Gradients in place, stochastically rounded with draws keyed by (seed, epoch, layer, index). */
    public void quantizeGradients(float[] g, long seed, int epoch, int layer) {
        if (gradBits == 0) {
            return;
        }
        float s = powerOfTwoScale(g);
        float grid = (float) Math.pow(2, 1 - gradBits);
        long prefix = CounterRng.keyPrefix(seed, 300 + layer, epoch);
        for (int i = 0; i < g.length; i++) {
            double x = g[i] / s / grid;
            double floor = Math.floor(x);
            double up = CounterRng.toUnitDouble(CounterRng.bitsFromPrefix(prefix, i)) < x - floor ? 1 : 0;
            g[i] = (float) ((floor + up) * grid * s);
        }
    }
}
