package org.spikecore.io.npy;

import java.util.Arrays;

/**
 * An n-dimensional array as a {@code .npy} file holds it: element type, shape and the values in C
 * order (last index fastest), as doubles (every supported type converts to a double exactly).
 *
 * @param type   element type (kept so a written file has the type it was read with)
 * @param shape  the dimensions, possibly none (a scalar)
 * @param values {@code shape}'s product values in C order
 */
public record NpyArray(NpyType type, int[] shape, double[] values) {

    public NpyArray {
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("npy shape " + Arrays.toString(shape) + " has a negative dimension");
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("npy shape " + Arrays.toString(shape) + " has more than 2^31 elements");
            }
        }
        if (n != values.length) {
            throw new IllegalArgumentException("npy shape " + Arrays.toString(shape) + " needs " + n + " values, got " + values.length);
        }
        for (double v : values) {
            if (!type.holds(v)) {
                throw new IllegalArgumentException("value " + v + " is not a " + type.name().toLowerCase());
            }
        }
    }

    /** A float32 array of {@code values} (each must be a float32 value). */
    public static NpyArray float32(int[] shape, double[] values) {
        return new NpyArray(NpyType.FLOAT32, shape, values);
    }

    /** The shape's copy. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Dimension {@code k}. */
    public int dim(int k) {
        return shape[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && a.type == type && Arrays.equals(a.shape, shape) && Arrays.equals(a.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "NpyArray[" + type.code() + " " + Arrays.toString(shape) + "]";
    }
}
