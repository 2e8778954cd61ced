package org.spikecore.io.npy;

/** The element types spikecore reads and writes, by their NumPy type character and size. */
public enum NpyType {
    BOOL('b', 1),
    UINT8('u', 1),
    INT8('i', 1),
    INT16('i', 2),
    INT32('i', 4),
    INT64('i', 8),
    FLOAT32('f', 4),
    FLOAT64('f', 8);

    private final char kind;
    private final int size;

    NpyType(char kind, int size) {
        this.kind = kind;
        this.size = size;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    /** NumPy's type code without the byte order, e.g. {@code f4}. */
    public String code() {
        return kind + Integer.toString(size);
    }

    /** The type with NumPy kind {@code kind} and {@code size} bytes, or null when spikecore does not handle it. */
    static NpyType of(char kind, int size) {
        for (NpyType t : values()) {
            if (t.kind == kind && t.size == size) {
                return t;
            }
        }
        return null;
    }

    /** Whether {@code v} is a value of this type (integral and in range, 0/1 for bool). */
    boolean holds(double v) {
        return switch (this) {
            case BOOL -> v == 0 || v == 1;
            case UINT8 -> v == Math.rint(v) && v >= 0 && v <= 255;
            case INT8 -> v == Math.rint(v) && v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
            case INT16 -> v == Math.rint(v) && v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
            case INT32 -> v == Math.rint(v) && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            case INT64 -> v == Math.rint(v) && Math.abs(v) <= Npy.EXACT_LONG;
            case FLOAT32 -> Double.isNaN(v) || (double) (float) v == v;
            case FLOAT64 -> true;
        };
    }
}
