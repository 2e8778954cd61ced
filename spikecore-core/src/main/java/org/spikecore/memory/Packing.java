package org.spikecore.memory;

/** Word packing arithmetic shared by every layout: how many w-bit words n fields of b bits take. */
public final class Packing {

    private Packing() {
    }

    /** Fields of {@code bits} that fit one {@code wordBits} word (fields never straddle words). */
    public static int perWord(int bits, int wordBits) {
        if (bits < 1 || bits > wordBits) {
            throw new IllegalArgumentException("a " + bits + "-bit field does not fit a " + wordBits + "-bit word");
        }
        return wordBits / bits;
    }

    /** Words holding {@code n} fields of {@code bits} bits, packed from a word boundary. */
    public static long words(double n, int bits, int wordBits) {
        return (long) Math.ceil(n / perWord(bits, wordBits) - 1e-9);
    }

    /** Bits needed to store values {@code 0..maxValue} (at least 1). */
    public static int bitsFor(long maxValue) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(0, maxValue)));
    }
}
