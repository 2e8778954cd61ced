package org.spikecore.train;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float32 kernels for training, allocation-free over caller arrays. Reductions have one fixed
 * order so the Vector API version and the scalar reference give the same bits: a dot product keeps
 * {@link #STRIPES} partial sums (element i goes to sum i mod 8), adds the tail to stripe i mod 8 as
 * well, then adds the stripes pairwise (0+4, 1+5, 2+6, 3+7, then 0+2, 1+3, then 0+1). Element-wise
 * kernels ({@link #axpy}, {@link #fusedAxpy}) have no order to fix. Tested in {@code FloatOpsTest}.
 */
public final class FloatOps {

    /** Partial sums of a dot product: the lanes of a 256-bit float vector. */
    public static final int STRIPES = 8;

    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;

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
     * {@code y[yOff+i] = fma(alpha, x[xOff+i], y[yOff+i])}: one rounding per element, so the
     * vector form and {@link #fusedAxpyScalar} (Math.fma) agree bit for bit.
     */
    public static void fusedAxpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        int bound = n - n % STRIPES;
        FloatVector a = FloatVector.broadcast(F8, alpha);
        for (; i < bound; i += STRIPES) {
            FloatVector.fromArray(F8, x, xOff + i).lanewise(VectorOperators.FMA, a, FloatVector.fromArray(F8, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    /**
     * Four {@link #fusedAxpy} calls sharing one {@code x} (a weight row) into four {@code y} rows:
     * {@code x} is read once per chunk instead of four times. Each {@code y} element gets the same
     * single fused multiply-add as with four separate calls, so the bits are the same.
     */
    public static void fusedAxpy4(float a0, float a1, float a2, float a3, float[] x, int xOff, float[] y, int y0, int y1,
            int y2, int y3, int n) {
        int i = 0;
        int bound = n - n % STRIPES;
        FloatVector v0 = FloatVector.broadcast(F8, a0);
        FloatVector v1 = FloatVector.broadcast(F8, a1);
        FloatVector v2 = FloatVector.broadcast(F8, a2);
        FloatVector v3 = FloatVector.broadcast(F8, a3);
        for (; i < bound; i += STRIPES) {
            FloatVector xv = FloatVector.fromArray(F8, x, xOff + i);
            xv.lanewise(VectorOperators.FMA, v0, FloatVector.fromArray(F8, y, y0 + i)).intoArray(y, y0 + i);
            xv.lanewise(VectorOperators.FMA, v1, FloatVector.fromArray(F8, y, y1 + i)).intoArray(y, y1 + i);
            xv.lanewise(VectorOperators.FMA, v2, FloatVector.fromArray(F8, y, y2 + i)).intoArray(y, y2 + i);
            xv.lanewise(VectorOperators.FMA, v3, FloatVector.fromArray(F8, y, y3 + i)).intoArray(y, y3 + i);
        }
        for (; i < n; i++) {
            float xi = x[xOff + i];
            y[y0 + i] = Math.fma(a0, xi, y[y0 + i]);
            y[y1 + i] = Math.fma(a1, xi, y[y1 + i]);
            y[y2 + i] = Math.fma(a2, xi, y[y2 + i]);
            y[y3 + i] = Math.fma(a3, xi, y[y3 + i]);
        }
    }

    /** Scalar reference of {@link #fusedAxpy}. */
    public static void fusedAxpyScalar(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
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
}
