package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikecore.fixed.CounterRng;

/** The Vector API float kernels against their scalar references, bit for bit. */
class FloatOpsTest {

    private static float[] random(int n, long seed) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) CounterRng.gaussian(seed, 0, 0, i) * (i % 7 == 0 ? 1e3f : 1f);
        }
        return a;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 15, 16, 17, 250, 700, 1001})
    void dotEqualsTheStripedScalarReference(int n) {
        float[] a = random(n + 3, n);
        float[] b = random(n + 5, n + 100);
        assertThat(Float.floatToIntBits(FloatOps.dot(a, 3, b, 5, n)))
                .isEqualTo(Float.floatToIntBits(FloatOps.dotScalar(a, 3, b, 5, n)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 8, 13, 400})
    void axpyEqualsScalar(int n) {
        float[] x = random(n + 1, 3);
        float[] y1 = random(n + 2, 4);
        float[] y2 = y1.clone();
        FloatOps.axpy(0.37f, x, 1, y1, 2, n);
        FloatOps.axpyScalar(0.37f, x, 1, y2, 2, n);
        assertThat(y1).isEqualTo(y2);
    }
}
