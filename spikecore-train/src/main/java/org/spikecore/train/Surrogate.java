package org.spikecore.train;

/**
 * The derivative that stands in for the spike's Heaviside step in the backward pass, as a
 * function of the distance {@code x = U − ϑ} to the threshold, with steepness {@code beta}.
 *
 * @param kind the shape
 * @param beta the steepness (SuperSpike's β; REFERENCES §1 reports β = 10 learns the pattern task
 *             and β = 100 with large initial weights does not)
 */
public record Surrogate(Kind kind, float beta) {

    /** Surrogate shapes. */
    public enum Kind {
        /** SuperSpike (Zenke &amp; Ganguli 2018): {@code 1/(β|x| + 1)²}. */
        SUPERSPIKE,
        /** Derivative of the fast sigmoid {@code βx/(1 + β|x|)}: {@code β/(β|x| + 1)²} (peak β). */
        FAST_SIGMOID,
        /** Arctan: {@code 1/(1 + (πβx/2)²)}. */
        ARCTAN,
        /** Boxcar: 1 where {@code |x| < 1/(2β)}, else 0. */
        BOXCAR
    }

    public Surrogate {
        if (!(beta > 0)) {
            throw new IllegalArgumentException("surrogate steepness must be positive, got " + beta);
        }
    }

    /** The pseudo-derivative at {@code x}. */
    public float derivative(float x) {
        float ax = Math.abs(x);
        return switch (kind) {
            case SUPERSPIKE -> {
                float d = beta * ax + 1f;
                yield 1f / (d * d);
            }
            case FAST_SIGMOID -> {
                float d = beta * ax + 1f;
                yield beta / (d * d);
            }
            case ARCTAN -> {
                float z = (float) (Math.PI / 2) * beta * x;
                yield 1f / (1f + z * z);
            }
            case BOXCAR -> ax < 0.5f / beta ? 1f : 0f;
        };
    }

    /** SuperSpike with steepness β. */
    public static Surrogate superSpike(float beta) {
        return new Surrogate(Kind.SUPERSPIKE, beta);
    }
}
