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
    @ValueSource(ints = {0, 1, 7, 8, 9, 10, 15, 16, 17, 23, 31, 32, 33, 250, 700, 1001})
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

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 8, 13, 500})
    void fusedAxpyEqualsScalarFma(int n) {
        float[] x = random(n + 1, 5);
        float[] y1 = random(n + 2, 6);
        float[] y2 = y1.clone();
        FloatOps.fusedAxpy(-1.37f, x, 1, y1, 2, n);
        FloatOps.fusedAxpyScalar(-1.37f, x, 1, y2, 2, n);
        assertThat(y1).isEqualTo(y2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 8, 21, 500})
    void fusedAxpy4EqualsFourFusedAxpys(int n) {
        float[] x = random(n + 1, 7);
        float[] y1 = random(4 * n + 8, 8);
        float[] y2 = y1.clone();
        FloatOps.fusedAxpy4(0.5f, -2f, 1.25f, 3e-3f, x, 1, y1, 0, n + 1, 2 * n + 3, 3 * n + 5, n);
        FloatOps.fusedAxpyScalar(0.5f, x, 1, y2, 0, n);
        FloatOps.fusedAxpyScalar(-2f, x, 1, y2, n + 1, n);
        FloatOps.fusedAxpyScalar(1.25f, x, 1, y2, 2 * n + 3, n);
        FloatOps.fusedAxpyScalar(3e-3f, x, 1, y2, 3 * n + 5, n);
        assertThat(y1).isEqualTo(y2);
    }
}
