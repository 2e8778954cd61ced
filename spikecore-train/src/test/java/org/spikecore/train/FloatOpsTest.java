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
    @ValueSource(ints = {0, 1, 8, 13, 31, 32, 33, 64, 65, 500})
    void fusedMatrixAccumulateEqualsFusedAxpysInOrder(int n) {
        for (int rows : new int[] {1, 3, 4, 7, 16}) {
            int inner = 11;
            float[] a = random(rows * inner, 9 + rows);
            float[] x = random(inner * n, 10);
            float[] y1 = random(rows * n, 11);
            float[] y2 = y1.clone();
            FloatOps.fusedMatrixAccumulate(a, rows, inner, x, n, y1);
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < inner; i++) {
                    FloatOps.fusedAxpyScalar(a[r * inner + i], x, i * n, y2, r * n, n);
                }
            }
            assertThat(y1).as("%d rows", rows).isEqualTo(y2);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 8, 13, 31, 64, 65, 100, 500})
    void gatherAxpyEqualsAxpysInOrder(int n) {
        int count = 9;
        float[] rows = random(20 * n + 3, 12);
        int[] offsets = new int[count];
        float[] scales = new float[count];
        for (int c = 0; c < count; c++) {
            offsets[c] = ((c * 7) % 20) * n + (c % 3); // any rows, any order, unaligned
            scales[c] = c % 2 == 0 ? 1f : (float) CounterRng.gaussian(13, 0, 0, c);
        }
        float[] y1 = random(n + 4, 14);
        float[] y2 = y1.clone();
        FloatOps.gatherAxpy(scales, offsets, 2, count - 2, rows, y1, 4, n);
        for (int c = 2; c < count; c++) {
            FloatOps.axpyScalar(scales[c], rows, offsets[c], y2, 4, n);
        }
        assertThat(y1).isEqualTo(y2);
    }
}
