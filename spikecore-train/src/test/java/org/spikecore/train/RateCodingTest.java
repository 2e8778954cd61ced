package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateCodingTest {

    private static float[] encode(float[] x, float maxRate, int steps, long seed, long stream, long firstStep) {
        float[] out = new float[steps * x.length];
        RateCoding.encode(x, maxRate, steps, seed, stream, firstStep, out);
        return out;
    }

    @Test
    void eachInputSpikesWithItsProbabilityPerStep() {
        float[] x = {0f, 0.1f, 0.5f, 1f};
        int steps = 20_000;
        float[] s = encode(x, 0.8f, steps, 7, 3, 0);
        for (int k = 0; k < x.length; k++) {
            int spikes = 0;
            for (int t = 0; t < steps; t++) {
                assertThat(s[t * x.length + k]).isIn(0f, 1f);
                spikes += (int) s[t * x.length + k];
            }
            double p = 0.8 * x[k];
            // within 4.5 standard deviations of the binomial mean
            assertThat((double) spikes).isCloseTo(p * steps, org.assertj.core.data.Offset.offset(4.5 * Math.sqrt(steps * p * (1 - p)) + 1e-9));
        }
    }

    @Test
    void spikesDependOnlyOnTheKey() {
        float[] x = new float[50];
        java.util.Arrays.fill(x, 0.4f);
        float[] a = encode(x, 1f, 30, 11, 5, 60);
        assertThat(encode(x, 1f, 30, 11, 5, 60)).isEqualTo(a);
        assertThat(encode(x, 1f, 30, 11, 6, 60)).isNotEqualTo(a); // another sample
        assertThat(encode(x, 1f, 30, 11, 5, 90)).isNotEqualTo(a); // another epoch
        // steps 60..89 starting at 60 are steps 10..29 of a run starting at 50
        float[] b = encode(x, 1f, 30, 11, 5, 50);
        assertThat(java.util.Arrays.copyOfRange(a, 0, 20 * 50)).isEqualTo(java.util.Arrays.copyOfRange(b, 10 * 50, 30 * 50));
    }

    @Test
    void rejectsABadRateOrOutputSize() {
        assertThatThrownBy(() -> encode(new float[2], 1.5f, 3, 1, 1, 0)).hasMessageContaining("must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> RateCoding.encode(new float[2], 1f, 3, 1, 1, 0, new float[5]))
                .hasMessageContaining("needs 6 values, got 5");
    }
}
