package org.spikecore.train.net;

import org.spikecore.train.Surrogate;

/**
 * The spike nonlinearity of a neuron layer as a function of {@code x = U − ϑ}: normally the step
 * Θ(x) forward and the surrogate's derivative backward. The smooth form replaces the step by
 * {@code ½ + ½·βx/(1 + β|x|)} (a fast sigmoid) and uses its exact derivative
 * {@code (β/2)/(1 + β|x|)²}, so that BPTT is the true gradient and can be checked against finite
 * differences ({@code SequentialTest}).
 *
 * @param surrogate the backward shape (and β of the smooth form)
 * @param smooth    smooth forward instead of the step
 */
public record SpikeFunction(Surrogate surrogate, boolean smooth) {

    public SpikeFunction {
        java.util.Objects.requireNonNull(surrogate, "surrogate");
    }

    /** The step forward with {@code surrogate} backward. */
    public static SpikeFunction step(Surrogate surrogate) {
        return new SpikeFunction(surrogate, false);
    }

    /** The smooth form with steepness β (for gradient checks). */
    public static SpikeFunction smooth(float beta) {
        return new SpikeFunction(Surrogate.superSpike(beta), true);
    }

    float forward(float x) {
        if (smooth) {
            float b = surrogate.beta();
            return 0.5f + 0.5f * b * x / (1f + b * Math.abs(x));
        }
        return x > 0 ? 1f : 0f;
    }

    float derivative(float x) {
        if (smooth) {
            float d = 1f + surrogate.beta() * Math.abs(x);
            return 0.5f * surrogate.beta() / (d * d);
        }
        return surrogate.derivative(x);
    }
}
