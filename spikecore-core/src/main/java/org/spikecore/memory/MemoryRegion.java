package org.spikecore.memory;

/**
 * One physical memory of an encoding (weights, pointers, bitmaps, indices): its word width and
 * its capacity in words. The energy model prices an access to it from these two numbers.
 *
 * @param name     what the memory holds, e.g. {@code "weights"}, {@code "pointers"}
 * @param wordBits width of one word in bits
 * @param words    capacity in words
 */
public record MemoryRegion(String name, int wordBits, long words) {
    public MemoryRegion {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("memory region needs a name");
        }
        if (wordBits < 1 || wordBits > 1024) {
            throw new IllegalArgumentException("memory " + name + ": word width must be 1..1024 bits, got " + wordBits);
        }
        if (words < 0) {
            throw new IllegalArgumentException("memory " + name + ": capacity must be >= 0 words, got " + words);
        }
    }

    /** Capacity in bits. */
    public long bits() {
        return words * wordBits;
    }
}
