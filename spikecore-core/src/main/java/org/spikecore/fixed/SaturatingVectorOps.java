package org.spikecore.fixed;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API versions of {@link SaturatingOps}, bit-for-bit equal to them (tested in
 * {@code SaturatingVectorOpsTest}). The main loop runs on the platform's preferred int shape;
 * the tail falls back to the scalar reference.
 */
public final class SaturatingVectorOps {

    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES_FOR_INTS =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(Math.max(64, INTS.vectorBitSize() / 4)));
    private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES_FOR_SHORTS =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(Math.max(64, SHORTS.vectorBitSize() / 2)));

    private SaturatingVectorOps() {
    }

    /** Vector form of {@link SaturatingOps#addInt8(byte[], int, int[], int, int, int, int)}. */
    public static void addInt8(byte[] w, int wOff, int[] acc, int accOff, int n, int lo, int hi) {
        int lanes = INTS.length();
        int i = 0;
        if (BYTES_FOR_INTS.length() >= lanes) {
            int bound = n - lanes + 1;
            for (; i < bound; i += lanes) {
                IntVector wv = (IntVector) ByteVector.fromArray(BYTES_FOR_INTS, w, wOff + i)
                        .convertShape(VectorOperators.B2I, INTS, 0);
                IntVector a = IntVector.fromArray(INTS, acc, accOff + i);
                a.add(wv).max(lo).min(hi).intoArray(acc, accOff + i);
            }
        }
        SaturatingOps.addInt8(w, wOff + i, acc, accOff + i, n - i, lo, hi);
    }

    /** Vector form of {@link SaturatingOps#addInt8(byte[], int, short[], int, int, int, int)}. */
    public static void addInt8(byte[] w, int wOff, short[] acc, int accOff, int n, int lo, int hi) {
        int lanes = SHORTS.length();
        int i = 0;
        SaturatingOps.checkShortBounds(lo, hi);
        if (BYTES_FOR_SHORTS.length() >= lanes) {
            int bound = n - lanes + 1;
            // Short lanes with a saturating add: as [lo, hi] lies inside the short range, clamping
            // the saturated sum gives the same value as clamping the exact sum.
            short slo = (short) lo;
            short shi = (short) hi;
            for (; i < bound; i += lanes) {
                ShortVector wv = (ShortVector) ByteVector.fromArray(BYTES_FOR_SHORTS, w, wOff + i)
                        .convertShape(VectorOperators.B2S, SHORTS, 0);
                ShortVector a = ShortVector.fromArray(SHORTS, acc, accOff + i);
                a.lanewise(VectorOperators.SADD, wv).max(slo).min(shi).intoArray(acc, accOff + i);
            }
        }
        SaturatingOps.addInt8(w, wOff + i, acc, accOff + i, n - i, lo, hi);
    }

    private static final VectorSpecies<Short> SHORTS_FOR_INTS =
            VectorSpecies.of(short.class, VectorShape.forBitSize(Math.max(64, INTS.vectorBitSize() / 2)));

    /** Vector form of {@link SaturatingOps#addInt16}. */
    public static void addInt16(short[] w, int wOff, int[] acc, int accOff, int n) {
        int lanes = INTS.length();
        int i = 0;
        if (SHORTS_FOR_INTS.length() == lanes) {
            int bound = n - lanes + 1;
            for (; i < bound; i += lanes) {
                IntVector wv = (IntVector) ShortVector.fromArray(SHORTS_FOR_INTS, w, wOff + i)
                        .convertShape(VectorOperators.S2I, INTS, 0);
                IntVector.fromArray(INTS, acc, accOff + i).add(wv).intoArray(acc, accOff + i);
            }
        }
        SaturatingOps.addInt16(w, wOff + i, acc, accOff + i, n - i);
    }

    /**
     * Vector form of {@link SaturatingOps#decay}: {@code x - sign(x)·max(1, |x| >> k)} lane-wise,
     * zero staying zero.
     */
    public static void decay(int[] x, int off, int n, int k) {
        if (k < 0 || k > 62) {
            throw new IllegalArgumentException("decay shift must be 0..62, got " + k);
        }
        int lanes = INTS.length();
        int i = 0;
        int bound = n - lanes + 1;
        if (k == 0) {
            // Every non-zero state leaks all of itself: the result is zero everywhere.
            java.util.Arrays.fill(x, off, off + n, 0);
            return;
        }
        if (k <= 31) {
            for (; i < bound; i += lanes) {
                IntVector v = IntVector.fromArray(INTS, x, off + i);
                // abs(MIN_VALUE) is MIN_VALUE, whose bits read unsigned are 2^31: a logical shift
                // by k >= 1 gives the right, positive magnitude.
                IntVector mag = v.abs().lanewise(VectorOperators.LSHR, k).max(1);
                VectorMask<Integer> neg = v.lt(0);
                VectorMask<Integer> zero = v.eq(0);
                IntVector leak = mag.blend(mag.neg(), neg).blend(0, zero);
                v.sub(leak).intoArray(x, off + i);
            }
        }
        SaturatingOps.decay(x, off + i, n - i, k);
    }
}
