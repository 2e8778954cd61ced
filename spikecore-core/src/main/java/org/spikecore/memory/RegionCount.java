package org.spikecore.memory;

/**
 * What one physical memory of an encoding did in a run: the memory (name, word width, capacity)
 * and the words read and written.
 *
 * @param region the memory
 * @param reads  words read
 * @param writes words written
 * @param learningReads  of the reads, those a learning rule made
 * @param learningWrites of the writes, those a learning rule made
 */
public record RegionCount(MemoryRegion region, long reads, long writes, long learningReads, long learningWrites) {
    public RegionCount {
        if (learningReads < 0 || learningReads > reads || learningWrites < 0 || learningWrites > writes) {
            throw new IllegalArgumentException("learning accesses " + learningReads + "/" + learningWrites
                    + " must lie within the memory's " + reads + " reads / " + writes + " writes");
        }
    }

    /** Counts with no learning share. */
    public RegionCount(MemoryRegion region, long reads, long writes) {
        this(region, reads, writes, 0, 0);
    }
}
