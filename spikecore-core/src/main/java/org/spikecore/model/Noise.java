package org.spikecore.model;

/** The noise η added to a state every tick; every kind has mean zero. */
public sealed interface Noise {

    /** No noise. */
    record None() implements Noise {
    }

    /**
     * Uniform integer noise of about {@code bits} bits: {@code s + c} with {@code s} uniform in
     * {@code [−2^(bits−1), 2^(bits−1))} and {@code c} a fair coin in {0, 1}, so the values span
     * {@code [−2^(bits−1), 2^(bits−1)]}, the distribution is symmetric and its mean is exactly 0
     * (the plain {@code s} alone would have mean −½ and drift an integrator by half a unit a tick).
     * Variance {@code 4^bits/12 + 1/6}.
     */
    record Uniform(int bits) implements Noise {
        public Uniform {
            if (bits < 1 || bits > 30) {
                throw new IllegalArgumentException("uniform noise width must be 1..30 bits, got " + bits);
            }
        }
    }

    /**
     * Gaussian noise {@code σ·N(0, 1)} as NSAT adds it ({@code integrate_nsat}): the state becomes
     * the C truncation toward zero of {@code x + σ·z}.
     */
    record Gaussian(int sigma) implements Noise {
        public Gaussian {
            if (sigma < 1 || sigma > 1 << 20) {
                throw new IllegalArgumentException("Gaussian noise sigma must be 1..2^20 units, got " + sigma);
            }
        }
    }

    static Noise none() {
        return new None();
    }
}
