package org.spikecore.train;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float32 kernels for training, allocation-free over caller arrays. Reductions have one fixed
 * order so the Vector API version and the scalar reference give the same bits: a dot product keeps
 * {@link #STRIPES} partial sums (element i goes to sum i mod 8), adds the tail to stripe i mod 8 as
 * well, then adds the stripes pairwise (0+4, 1+5, 2+6, 3+7, then 0+2, 1+3, then 0+1). Element-wise
 * kernels ({@link #axpy}, {@link #gatherAxpy}, {@link #fusedMatrixAccumulate}) fix the order of the
 * terms of each element (the order of the calls they replace), whatever the vector width. Tested in
 * {@code FloatOpsTest}.
 */
public final class FloatOps {

    /** Partial sums of a dot product: the lanes of a 256-bit float vector. */
    public static final int STRIPES = 8;

    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    /** The widest vectors of this machine, for the element-wise kernels (their bits do not depend on the width). */
    private static final VectorSpecies<Float> WIDE = FloatVector.SPECIES_PREFERRED;

    private FloatOps() {
    }

    /** Scalar reference of {@link #dot}. */
    public static float dotScalar(float[] a, int aOff, float[] b, int bOff, int n) {
        float[] s = new float[STRIPES];
        for (int i = 0; i < n; i++) {
            s[i % STRIPES] += a[aOff + i] * b[bOff + i];
        }
        return reduce(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
    }

    private static float reduce(float s0, float s1, float s2, float s3, float s4, float s5, float s6, float s7) {
        float t0 = s0 + s4;
        float t1 = s1 + s5;
        float t2 = s2 + s6;
        float t3 = s3 + s7;
        float u0 = t0 + t2;
        float u1 = t1 + t3;
        return u0 + u1;
    }

    /** {@code Σ a[aOff+i]·b[bOff+i]} in the fixed striped order (no fused multiply-add, as the reference). */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        if (n < SHORT_DOT) {
            return dotShort(a, aOff, b, bOff, n);
        }
        FloatVector acc = FloatVector.zero(F8);
        int i = 0;
        int bound = n - n % STRIPES;
        for (; i < bound; i += STRIPES) {
            acc = acc.add(FloatVector.fromArray(F8, a, aOff + i).mul(FloatVector.fromArray(F8, b, bOff + i)));
        }
        float[] s = new float[STRIPES];
        acc.intoArray(s, 0);
        for (; i < n; i++) {
            s[i % STRIPES] += a[aOff + i] * b[bOff + i];
        }
        return reduce(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
    }

    /** Below this length {@link #dot} keeps its stripes in locals: no vector set-up, no array. */
    static final int SHORT_DOT = 32;

    /** The striped order with the eight partial sums in locals (short vectors, e.g. a 10-class output layer). */
    static float dotShort(float[] a, int aOff, float[] b, int bOff, int n) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        float s4 = 0f;
        float s5 = 0f;
        float s6 = 0f;
        float s7 = 0f;
        int i = 0;
        for (; i + STRIPES <= n; i += STRIPES) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
            s4 += a[aOff + i + 4] * b[bOff + i + 4];
            s5 += a[aOff + i + 5] * b[bOff + i + 5];
            s6 += a[aOff + i + 6] * b[bOff + i + 6];
            s7 += a[aOff + i + 7] * b[bOff + i + 7];
        }
        int r = n - i; // the tail goes to stripes 0 .. r−1
        if (r > 0) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        if (r > 1) {
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
        }
        if (r > 2) {
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
        }
        if (r > 3) {
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
        }
        if (r > 4) {
            s4 += a[aOff + i + 4] * b[bOff + i + 4];
        }
        if (r > 5) {
            s5 += a[aOff + i + 5] * b[bOff + i + 5];
        }
        if (r > 6) {
            s6 += a[aOff + i + 6] * b[bOff + i + 6];
        }
        return reduce(s0, s1, s2, s3, s4, s5, s6, s7);
    }

    /** {@code y[yOff+i] += alpha·x[xOff+i]} (multiply then add, rounded twice, as the scalar form). */
    public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        int bound = n - n % STRIPES;
        for (; i < bound; i += STRIPES) {
            FloatVector.fromArray(F8, x, xOff + i).mul(alpha).add(FloatVector.fromArray(F8, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    /** Scalar reference of {@link #axpy}. */
    public static void axpyScalar(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    /**
     * {@code y[yOff+i] = fma(alpha, x[xOff+i], y[yOff+i])}, one rounding per element: the scalar
     * reference of {@link #fusedMatrixAccumulate}.
     */
    public static void fusedAxpyScalar(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    /**
     * {@code y[r] += Σ_i a[r·inner + i]·x[i]} for the {@code rows} rows of y ({@code y[r·n + k]}) and
     * the {@code inner} rows of x ({@code x[i·n + k]}): a matrix product, each term one fused
     * multiply-add in the order i = 0, 1, ... — the bits of {@link #fusedAxpyScalar}{@code (a[r·inner + i], x, i·n, y, r·n, n)}
     * called for i in order, row by row. Four rows and two vectors of y stay in registers over the
     * whole sum, so each chunk of x is read once per four rows.
     */
    public static void fusedMatrixAccumulate(float[] a, int rows, int inner, float[] x, int n, float[] y) {
        int lanes = WIDE.length();
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int a0 = r * inner;
            int a1 = a0 + inner;
            int a2 = a1 + inner;
            int a3 = a2 + inner;
            int y0 = r * n;
            int y1 = y0 + n;
            int y2 = y1 + n;
            int y3 = y2 + n;
            int k = 0;
            for (; k + 2 * lanes <= n; k += 2 * lanes) {
                int kb = k + lanes;
                FloatVector s00 = FloatVector.fromArray(WIDE, y, y0 + k);
                FloatVector s01 = FloatVector.fromArray(WIDE, y, y0 + kb);
                FloatVector s10 = FloatVector.fromArray(WIDE, y, y1 + k);
                FloatVector s11 = FloatVector.fromArray(WIDE, y, y1 + kb);
                FloatVector s20 = FloatVector.fromArray(WIDE, y, y2 + k);
                FloatVector s21 = FloatVector.fromArray(WIDE, y, y2 + kb);
                FloatVector s30 = FloatVector.fromArray(WIDE, y, y3 + k);
                FloatVector s31 = FloatVector.fromArray(WIDE, y, y3 + kb);
                for (int i = 0; i < inner; i++) {
                    FloatVector x0 = FloatVector.fromArray(WIDE, x, i * n + k);
                    FloatVector x1 = FloatVector.fromArray(WIDE, x, i * n + kb);
                    FloatVector b0 = FloatVector.broadcast(WIDE, a[a0 + i]);
                    s00 = x0.lanewise(VectorOperators.FMA, b0, s00);
                    s01 = x1.lanewise(VectorOperators.FMA, b0, s01);
                    FloatVector b1 = FloatVector.broadcast(WIDE, a[a1 + i]);
                    s10 = x0.lanewise(VectorOperators.FMA, b1, s10);
                    s11 = x1.lanewise(VectorOperators.FMA, b1, s11);
                    FloatVector b2 = FloatVector.broadcast(WIDE, a[a2 + i]);
                    s20 = x0.lanewise(VectorOperators.FMA, b2, s20);
                    s21 = x1.lanewise(VectorOperators.FMA, b2, s21);
                    FloatVector b3 = FloatVector.broadcast(WIDE, a[a3 + i]);
                    s30 = x0.lanewise(VectorOperators.FMA, b3, s30);
                    s31 = x1.lanewise(VectorOperators.FMA, b3, s31);
                }
                s00.intoArray(y, y0 + k);
                s01.intoArray(y, y0 + kb);
                s10.intoArray(y, y1 + k);
                s11.intoArray(y, y1 + kb);
                s20.intoArray(y, y2 + k);
                s21.intoArray(y, y2 + kb);
                s30.intoArray(y, y3 + k);
                s31.intoArray(y, y3 + kb);
            }
            for (int rr = r; rr < r + 4; rr++) {
                fusedRowTail(a, rr * inner, inner, x, n, y, rr * n, k);
            }
        }
        for (; r < rows; r++) {
            fusedRowTail(a, r * inner, inner, x, n, y, r * n, 0);
        }
    }

    /** Columns {@code [from, n)} of one row of {@link #fusedMatrixAccumulate}: a vector at a time, then scalars. */
    private static void fusedRowTail(float[] a, int aOff, int inner, float[] x, int n, float[] y, int yOff, int from) {
        int lanes = WIDE.length();
        int k = from;
        for (; k + lanes <= n; k += lanes) {
            FloatVector s = FloatVector.fromArray(WIDE, y, yOff + k);
            for (int i = 0; i < inner; i++) {
                s = FloatVector.fromArray(WIDE, x, i * n + k).lanewise(VectorOperators.FMA, FloatVector.broadcast(WIDE, a[aOff + i]), s);
            }
            s.intoArray(y, yOff + k);
        }
        for (; k < n; k++) {
            float s = y[yOff + k];
            for (int i = 0; i < inner; i++) {
                s = Math.fma(a[aOff + i], x[i * n + k], s);
            }
            y[yOff + k] = s;
        }
    }

    /**
     * {@code y[yOff + k] += Σ_c scales[c]·rows[offsets[c] + k]} for k &lt; n, c = from … from+count−1 in order,
     * each term a multiply then an add (rounded twice): the bits of {@link #axpy}{@code (scales[c], rows, offsets[c], y, yOff, n)}
     * called for c in order. The gather of the rows of the active (non-zero) inputs: four vectors of
     * y stay in registers while the rows are added.
     */
    public static void gatherAxpy(float[] scales, int[] offsets, int from, int count, float[] rows, float[] y, int yOff, int n) {
        int end = from + count;
        int lanes = WIDE.length();
        int k = 0;
        for (; k + 4 * lanes <= n; k += 4 * lanes) {
            int k1 = k + lanes;
            int k2 = k1 + lanes;
            int k3 = k2 + lanes;
            FloatVector s0 = FloatVector.fromArray(WIDE, y, yOff + k);
            FloatVector s1 = FloatVector.fromArray(WIDE, y, yOff + k1);
            FloatVector s2 = FloatVector.fromArray(WIDE, y, yOff + k2);
            FloatVector s3 = FloatVector.fromArray(WIDE, y, yOff + k3);
            for (int c = from; c < end; c++) {
                int o = offsets[c];
                float a = scales[c];
                s0 = FloatVector.fromArray(WIDE, rows, o + k).mul(a).add(s0);
                s1 = FloatVector.fromArray(WIDE, rows, o + k1).mul(a).add(s1);
                s2 = FloatVector.fromArray(WIDE, rows, o + k2).mul(a).add(s2);
                s3 = FloatVector.fromArray(WIDE, rows, o + k3).mul(a).add(s3);
            }
            s0.intoArray(y, yOff + k);
            s1.intoArray(y, yOff + k1);
            s2.intoArray(y, yOff + k2);
            s3.intoArray(y, yOff + k3);
        }
        for (; k + lanes <= n; k += lanes) {
            FloatVector s = FloatVector.fromArray(WIDE, y, yOff + k);
            for (int c = from; c < end; c++) {
                s = FloatVector.fromArray(WIDE, rows, offsets[c] + k).mul(scales[c]).add(s);
            }
            s.intoArray(y, yOff + k);
        }
        for (; k < n; k++) {
            float s = y[yOff + k];
            for (int c = from; c < end; c++) {
                s += scales[c] * rows[offsets[c] + k];
            }
            y[yOff + k] = s;
        }
    }

    /** Sum of squares, striped like {@link #dot}. */
    public static float sumOfSquares(float[] a, int off, int n) {
        return dot(a, off, a, off, n);
    }

    static {
        if (F8.length() != STRIPES) {
            throw new IllegalStateException("expected 8 float lanes in a 256-bit vector");
        }
    }

    /** The number of non-zero entries of {@code x} (spikes, error events). */
    public static long nonZeros(float[] x) {
        long n = 0;
        for (float v : x) {
            if (v != 0f) {
                n++;
            }
        }
        return n;
    }
}
