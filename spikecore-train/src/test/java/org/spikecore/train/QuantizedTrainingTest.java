package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class QuantizedTrainingTest {

    private static final PatternRetention.Config SMALL = new PatternRetention.Config(60, 40, 24, 30, 0.05, 10f, 3e-3f, 0.8f, 0.3);

    private static byte[] state(PatternRetention p) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        p.writeState(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    @Test
    void weightQuantizationUsesThePowerOfTwoGridAndTernaryAtTwoBits() {
        Wage two = new Wage(2, 0, 0, 0);
        float[] master = {0.3f, -0.05f, 0.12f, -0.9f, 0.0f};
        float[] q = new float[master.length];
        two.quantizeWeights(master, q);
        // scale 1 (max 0.9 → 2^0), grid 0.5, clipped to ±0.5: ternary
        assertThat(q).containsExactly(0.5f, -0.0f, 0.0f, -0.5f, 0.0f);
        Wage eight = new Wage(8, 0, 0, 0);
        eight.quantizeWeights(master, q);
        assertThat(q[0]).isEqualTo(Math.round(0.3f * 128) / 128f);
        assertThat(new Wage(0, 6, 0, 0).quantizeState(10f)).isEqualTo(8f - 0.25f); // clipped below +8 on a 1/4 grid
        assertThat(new Wage(0, 6, 0, 0).statePasses(10f)).isFalse();
        assertThatThrownBy(() -> new Wage(1, 0, 0, 0)).hasMessageContaining("weight bits must be 2..16");
        assertThat(new Wage(8, 10, 8, 0).formats()).containsExactly(
                java.util.Map.entry("weights", org.spikecore.fixed.Format.signedQ(8, 7)),
                java.util.Map.entry("states", org.spikecore.fixed.Format.signedQ(10, 6)),
                java.util.Map.entry("errors", org.spikecore.fixed.Format.signedQ(8, 7)));
        assertThat(Wage.FLOAT.formats()).isEmpty();
    }

    @Test
    void theLeastErrorScaleClipsAFewWeightsForAFinerGridAndKeepsTernaryWeightsAlive() {
        float[] w = PatternRetention.gaussianWeights(700, 40, 0.3, 9, 1); // N(0, σ²), σ = 0.3/sqrt(700)
        float[] max = new float[w.length];
        float[] mse = new float[w.length];
        for (int bits : new int[] {2, 4, 8}) {
            new Wage(bits, 0, 0, 0).quantizeWeights(w, max);
            Wage least = new Wage(bits, 0, 0, 0, Wage.WeightScale.MSE);
            least.quantizeWeights(w, mse);
            assertThat(squaredError(w, mse)).as("%d bits", bits).isLessThanOrEqualTo(squaredError(w, max));
            float ratio = Wage.powerOfTwoScale(w) / least.leastErrorScale(w);
            assertThat(Integer.bitCount((int) ratio)).isEqualTo(1); // a power of two at or below the max rule's
            if (bits == 2) {
                // the max rule's ternary levels sit above most weights; the least-error scale keeps about half
                assertThat(zeros(max)).isGreaterThan(0.8);
                assertThat(zeros(mse)).isBetween(0.3, 0.6);
            }
        }
    }

    private static double squaredError(float[] a, float[] b) {
        double e = 0;
        for (int i = 0; i < a.length; i++) {
            e += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return e;
    }

    private static double zeros(float[] a) {
        int z = 0;
        for (float x : a) {
            z += x == 0f ? 1 : 0;
        }
        return z / (double) a.length;
    }

    @Test
    void stochasticGradientRoundingIsUnbiasedAndRepeatable() {
        Wage w = new Wage(0, 0, 0, 4);
        int n = 100_000;
        float[] g = new float[n];
        java.util.Arrays.fill(g, 0.3f);
        g[0] = 1f; // scale 1, grid 1/8: 0.3 lies between 0.25 and 0.375
        float[] again = g.clone();
        w.quantizeGradients(g, 5, 3, 1);
        w.quantizeGradients(again, 5, 3, 1);
        assertThat(g).isEqualTo(again);
        double mean = 0;
        for (int i = 1; i < n; i++) {
            assertThat(g[i]).isIn(0.25f, 0.375f);
            mean += g[i];
        }
        mean /= n - 1;
        assertThat(mean).isBetween(0.3 - 0.002, 0.3 + 0.002);
    }

    @Test
    void resumingFromACheckpointReachesTheSameBitsAsAnUninterruptedRun() throws IOException {
        Wage wage = new Wage(4, 8, 8, 6); // stochastic gradient rounding included
        PatternRetention straight = new PatternRetention(SMALL, 11, wage);
        for (int e = 0; e < 12; e++) {
            straight.trainEpoch();
        }
        PatternRetention first = new PatternRetention(SMALL, 11, wage);
        for (int e = 0; e < 5; e++) {
            first.trainEpoch();
        }
        byte[] saved = state(first);
        // the process "dies": a fresh task reads the checkpoint and carries on
        PatternRetention resumed = new PatternRetention(SMALL, 11, wage);
        resumed.readState(new DataInputStream(new ByteArrayInputStream(saved)));
        assertThat(resumed.epoch()).isEqualTo(5);
        for (int e = 5; e < 12; e++) {
            resumed.trainEpoch();
        }
        assertThat(state(resumed)).isEqualTo(state(straight));
        assertThat(resumed.lastOutput()).isEqualTo(straight.lastOutput());
        PatternRetention other = new PatternRetention(new PatternRetention.Config(61, 40, 24, 30, 0.05, 10f, 3e-3f, 0.8f, 0.3), 11);
        assertThatThrownBy(() -> other.readState(new DataInputStream(new ByteArrayInputStream(saved))))
                .hasMessageContaining("values where this model has");
    }

    @Test
    void twoBitWeightsAreMostlyZeroWhileFloatWeightsAreNot() {
        PatternRetention ternary = new PatternRetention(SMALL, 3, new Wage(2, 8, 8, 8));
        PatternRetention full = new PatternRetention(SMALL, 3);
        ternary.trainEpoch();
        full.trainEpoch();
        assertThat(ternary.zeroWeightFractions()[0]).isGreaterThan(0.3);
        assertThat(full.zeroWeightFractions()[0]).isZero();
    }
}
