package org.spikecore.fixed;

/**
 * A two's-complement (or unsigned) fixed-point number format: {@code bits} wide, of which
 * {@code fracBits} lie after the binary point. A raw integer {@code r} in this format stands
 * for the real number {@code r / 2^fracBits}.
 *
 * <p>Raw values are carried in Java {@code int}s, so {@code bits} is at most 32 for signed
 * and 31 for unsigned formats. Every operation that can leave the range saturates to
 * {@link #min()} / {@link #max()}; nothing wraps.
 *
 * @param bits     total width including the sign bit, 1..32 (unsigned: 1..31)
 * @param fracBits bits after the binary point, 0..bits (negative is not allowed)
 * @param signed   two's complement when true, unsigned otherwise
 */
public record Format(int bits, int fracBits, boolean signed) {

    /** 8-bit signed integers: NSAT weights. */
    public static final Format INT8 = new Format(8, 0, true);
    /** 16-bit signed integers: NSAT states. */
    public static final Format INT16 = new Format(16, 0, true);
    /** 24-bit signed integers: Loihi current and voltage. */
    public static final Format INT24 = new Format(24, 0, true);
    /** 32-bit signed integers: wide accumulators. */
    public static final Format INT32 = new Format(32, 0, true);

    public Format {
        int maxBits = signed ? 32 : 31;
        if (bits < 1 || bits > maxBits) {
            throw new IllegalArgumentException(
                    "format width must be 1.." + maxBits + " bits for a " + (signed ? "signed" : "unsigned")
                            + " format, got " + bits);
        }
        if (fracBits < 0 || fracBits > bits) {
            throw new IllegalArgumentException("fractional bits must be 0.." + bits + ", got " + fracBits);
        }
    }

    /** A signed integer format of the given width. */
    public static Format signedInt(int bits) {
        return new Format(bits, 0, true);
    }

    /** A signed format {@code Q(bits-fracBits-1).fracBits}. */
    public static Format signedQ(int bits, int fracBits) {
        return new Format(bits, fracBits, true);
    }

    /** Smallest raw value. */
    public int min() {
        return signed ? (int) -(1L << (bits - 1)) : 0;
    }

    /** Largest raw value. */
    public int max() {
        return (int) ((signed ? 1L << (bits - 1) : 1L << bits) - 1);
    }

    /** The real value of one raw unit, {@code 2^-fracBits}. */
    public double resolution() {
        return Math.scalb(1.0, -fracBits);
    }

    /** The real number a raw value stands for. */
    public double toDouble(long raw) {
        return Math.scalb((double) raw, -fracBits);
    }

    /** Whether a raw value lies inside this format's range. */
    public boolean contains(long raw) {
        return raw >= min() && raw <= max();
    }

    /** Clamps a raw value into the range. */
    public int saturate(long raw) {
        return (int) Math.max(min(), Math.min(max(), raw));
    }

    /**
     * The raw value nearest to {@code value} under {@code rounding} (stochastic rounding draws
     * its uniform from {@code randomBits}), saturated into the range. NaN is an error.
     */
    public int fromDouble(double value, Rounding rounding, long randomBits) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("cannot convert NaN to " + this);
        }
        double scaled = Math.scalb(value, fracBits);
        if (scaled >= max()) {
            return max();
        }
        if (scaled <= min()) {
            return min();
        }
        return saturate(rounding.roundToLong(scaled, randomBits));
    }

    /** {@link #fromDouble(double, Rounding, long)} with a deterministic rounding mode. */
    public int fromDouble(double value, Rounding rounding) {
        if (rounding == Rounding.STOCHASTIC) {
            throw new IllegalArgumentException("stochastic rounding needs random bits; use fromDouble(value, rounding, bits)");
        }
        return fromDouble(value, rounding, 0L);
    }

    @Override
    public String toString() {
        return (signed ? "s" : "u") + bits + "." + fracBits;
    }
}
