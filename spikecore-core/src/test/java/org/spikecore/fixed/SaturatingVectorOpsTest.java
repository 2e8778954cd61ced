package org.spikecore.fixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Vector API kernels against the scalar reference, bit for bit. */
class SaturatingVectorOpsTest {

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) CounterRng.bits(seed, 1, 0, i);
        }
        b[0] = Byte.MIN_VALUE;
        if (n > 1) {
            b[1] = Byte.MAX_VALUE;
        }
        return b;
    }

    private static int[] randomInts(int n, long seed, int lo, int hi) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            long r = CounterRng.bits(seed, 2, 0, i);
            a[i] = switch ((int) (r & 7)) {
                case 0 -> lo;
                case 1 -> hi;
                case 2 -> 0;
                case 3 -> (r & 8) == 0 ? -1 : 1;
                default -> (int) (lo + Long.remainderUnsigned(r >>> 4, (long) hi - lo + 1));
            };
        }
        return a;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 15, 16, 17, 31, 33, 64, 100, 1000})
    void addInt8IntoIntMatchesScalar(int n) {
        for (int[] bounds : new int[][] {{-32768, 32767}, {Integer.MIN_VALUE, Integer.MAX_VALUE}, {-100, 50}}) {
            byte[] w = randomBytes(n + 5, n);
            int[] acc = randomInts(n + 3, n, bounds[0], bounds[1]);
            int[] scalar = acc.clone();
            int[] vector = acc.clone();
            SaturatingOps.addInt8(w, 5, scalar, 3, n, bounds[0], bounds[1]);
            SaturatingVectorOps.addInt8(w, 5, vector, 3, n, bounds[0], bounds[1]);
            assertThat(vector).isEqualTo(scalar);
            if (n > 0) {
                assertThat(scalar[3]).isBetween(bounds[0], bounds[1]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 31, 32, 33, 63, 64, 65, 257})
    void addInt8IntoShortMatchesScalar(int n) {
        byte[] w = randomBytes(n + 2, 100 + n);
        int[] init = randomInts(n + 1, 100 + n, -32768, 32767);
        short[] acc = new short[n + 1];
        for (int i = 0; i < acc.length; i++) {
            acc[i] = (short) init[i];
        }
        for (int[] bounds : new int[][] {{-32768, 32767}, {-1000, 1000}}) {
            short[] scalar = acc.clone();
            short[] vector = acc.clone();
            SaturatingOps.addInt8(w, 2, scalar, 1, n, bounds[0], bounds[1]);
            SaturatingVectorOps.addInt8(w, 2, vector, 1, n, bounds[0], bounds[1]);
            assertThat(vector).isEqualTo(scalar);
        }
        assertThatThrownBy(() -> SaturatingVectorOps.addInt8(w, 0, acc, 0, 0, -40000, 0))
                .hasMessageContaining("16-bit accumulator bounds");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 5, 8, 15, 16, 30, 31, 32, 40, 62})
    void decayMatchesScalarForEveryShift(int k) {
        int n = 301;
        int[] x = randomInts(n, k, Integer.MIN_VALUE, Integer.MAX_VALUE);
        x[0] = Integer.MIN_VALUE;
        x[1] = Integer.MAX_VALUE;
        int[] scalar = x.clone();
        int[] vector = x.clone();
        SaturatingOps.decay(scalar, 1, n - 1, k);
        SaturatingVectorOps.decay(vector, 1, n - 1, k);
        assertThat(vector).isEqualTo(scalar);
        int[] whole = x.clone();
        int[] wholeScalar = x.clone();
        SaturatingOps.decay(wholeScalar, 0, n, k);
        SaturatingVectorOps.decay(whole, 0, n, k);
        assertThat(whole).isEqualTo(wholeScalar);
        assertThat(wholeScalar[0]).isEqualTo(Fixed.decay(Integer.MIN_VALUE, k));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 100, 500})
    void addInt16MatchesScalar(int n) {
        short[] w = new short[n + 3];
        for (int i = 0; i < w.length; i++) {
            w[i] = (short) CounterRng.bits(n, 9, 0, i);
        }
        int[] acc = randomInts(n + 1, n, -1 << 28, 1 << 28);
        int[] scalar = acc.clone();
        int[] vector = acc.clone();
        SaturatingOps.addInt16(w, 3, scalar, 1, n);
        SaturatingVectorOps.addInt16(w, 3, vector, 1, n);
        assertThat(vector).isEqualTo(scalar);
    }
}
