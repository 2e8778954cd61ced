package org.spikecore.train;

/**
 * A dense layer of Q/P/R trace neurons (REFERENCES §1) in float32, run over a whole sequence:
 * <pre>
 * q(t+1) = α·q(t) + s_in(t),  p(t+1) = β·p(t) + q(t)       (pre-synaptic traces, one per input)
 * U(t) = W·p(t) − δ·r(t),     s(t) = Θ(U(t) − ϑ),  r(t+1) = γ·r(t) + s(t)
 * </pre>
 * Backward is exact BPTT through the linear traces with the surrogate in place of Θ' and the
 * refractory path r detached (the SuperSpike form ∂L/∂W_ij = Σ_t P_j(t)·σ'(U_i(t))·E_i(t)).
 * Arrays are time-major: {@code x[t*n + i]}.
 *
 * <p>With {@link #setIntegerArithmetic} the forward pass runs in the bit-accurate engine's integer
 * arithmetic instead ({@link IntegerForward#layer}: weights rounded to integer units, the weighted
 * input filtered at the post neuron by shift leaks, 16-bit saturating states), so the spikes the
 * layer trains on are the spikes the deployed network emits. The backward pass is the same
 * straight-through BPTT, on the integer weights and the float pre-synaptic traces: in exact
 * arithmetic the engine's membrane trace is {@code W·p(t)}, the quantity differentiated here.
 */
public final class TraceLayer {

    final int in;
    final int out;
    final float[] weights; // out x in, row-major
    final float alpha;
    final float beta;
    final float gamma;
    final float delta;
    final float threshold;
    private final Surrogate surrogate;
    private Wage wage = Wage.FLOAT;
    private int integerUnits; // 0: float forward pass

    // saved by forward for backward
    private int steps;
    private float[] traces; // T x in : p(t)
    private float[] distance; // T x out : U(t) − ϑ, NaN where the state was clipped

    public TraceLayer(int in, int out, float[] weights, float alpha, float beta, float gamma, float delta, float threshold,
            Surrogate surrogate) {
        if (weights.length != in * out) {
            throw new IllegalArgumentException("layer " + in + "->" + out + " needs " + in * out + " weights, got " + weights.length);
        }
        this.in = in;
        this.out = out;
        this.weights = weights;
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.delta = delta;
        this.threshold = threshold;
        this.surrogate = surrogate;
    }

    public float[] weights() {
        return weights;
    }

    /** Quantizes states and errors of later passes by {@code w} (weights and gradients are the caller's). */
    public void setQuantization(Wage w) {
        this.wage = w;
    }

    /**
     * Runs later forward passes in the engine's integer arithmetic at {@code unitsPerOne} units per
     * 1.0 (0: float). The decays must be of the form 1 − 2^−k (shifts) and states are the engine's
     * 16-bit words, so a state width of the quantizer does not apply.
     */
    public void setIntegerArithmetic(int unitsPerOne) {
        if (unitsPerOne < 0) {
            throw new IllegalArgumentException("units per 1.0 must be positive (or 0 for float), got " + unitsPerOne);
        }
        if (unitsPerOne > 0) {
            IntegerForward.leakShift(alpha);
            IntegerForward.leakShift(beta);
            IntegerForward.leakShift(gamma);
        }
        this.integerUnits = unitsPerOne;
    }

    /** Runs the layer over {@code steps} steps of input spikes (T x in, 0/1) and returns its spikes (T x out). */
    public float[] forward(float[] spikesIn, int steps) {
        this.steps = steps;
        traces = new float[steps * in];
        distance = new float[steps * out];
        float[] q = new float[in];
        float[] p = new float[in];
        boolean integer = integerUnits > 0;
        for (int t = 0; t < steps; t++) {
            System.arraycopy(p, 0, traces, t * in, in);
            for (int j = 0; j < in; j++) {
                float sIn = spikesIn[t * in + j];
                float newP = beta * p[j] + q[j];
                q[j] = alpha * q[j] + sIn;
                p[j] = newP;
            }
        }
        if (integer) {
            int[] w = IntegerForward.toInteger(weights, integerUnits);
            for (int k = 0; k < w.length; k++) {
                weights[k] = w[k] / (float) integerUnits; // exact: backward sees the weights the forward used
            }
            return IntegerForward.layer(w, in, out, spikesIn, steps, IntegerForward.leakShift(alpha),
                    IntegerForward.leakShift(beta), IntegerForward.leakShift(gamma), Math.round(threshold * integerUnits),
                    Math.round(delta / gamma * integerUnits), distance, integerUnits);
        }
        float[] spikes = new float[steps * out];
        float[] r = new float[out];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < out; i++) {
                float raw = FloatOps.dot(weights, i * in, traces, t * in, in) - delta * r[i];
                float u = wage.quantizeState(raw);
                distance[t * out + i] = wage.statePasses(raw) ? u - threshold : Float.NaN; // NaN marks a clipped state
                float s = u >= threshold ? 1f : 0f;
                spikes[t * out + i] = s;
                r[i] = gamma * r[i] + s;
            }
        }
        return spikes;
    }

    /**
     * Given dL/ds (T x out), accumulates dL/dW into {@code gradW} (out x in) and returns dL/ds_in
     * (T x in), or null when {@code needInputGradient} is false (the first layer).
     */
    public float[] backward(float[] gradSpikes, float[] gradW, boolean needInputGradient) {
        float[] gradU = new float[steps * out];
        for (int k = 0; k < gradU.length; k++) {
            float g = gradSpikes[k];
            float d = distance[k];
            gradU[k] = g == 0f || Float.isNaN(d) ? 0f : g * surrogate.derivative(d);
        }
        wage.quantizeErrors(gradU, out); // each step's errors under their own scale
        // dL/dW = Σ_t gradU(t) ⊗ p(t)
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < out; i++) {
                float g = gradU[t * out + i];
                if (g != 0f) {
                    FloatOps.axpy(g, traces, t * in, gradW, i * in, in);
                }
            }
        }
        if (!needInputGradient) {
            return null;
        }
        // dL/dp(t) = W^T gradU(t); adjoint of the traces backwards in time:
        // lp(t) = dL/dp(t) + β·lp(t+1);  lq(t) = lp(t+1) + α·lq(t+1);  dL/ds_in(t) = lq(t+1)
        float[] gradIn = new float[steps * in];
        float[] gp = new float[in];
        float[] lpNext = new float[in];
        float[] lqNext = new float[in];
        for (int t = steps - 1; t >= 0; t--) {
            java.util.Arrays.fill(gp, 0f);
            for (int i = 0; i < out; i++) {
                float g = gradU[t * out + i];
                if (g != 0f) {
                    FloatOps.axpy(g, weights, i * in, gp, 0, in);
                }
            }
            for (int j = 0; j < in; j++) {
                gradIn[t * in + j] = lqNext[j];
                float lp = gp[j] + beta * lpNext[j];
                float lq = lpNext[j] + alpha * lqNext[j];
                lpNext[j] = lp;
                lqNext[j] = lq;
            }
        }
        return gradIn;
    }
}
