package org.spikecore.memory;

import java.util.List;

/**
 * Word reads and writes per {@link MemoryRegion} of one synapse memory. Counting is by plain
 * array increments (no allocation), once per access rather than per synapse where the word
 * count is known in closed form. A counter belongs to one memory and one thread at a time; the
 * engine gives each core its own memories.
 *
 * <p>The accesses a learning rule makes are counted as well apart: between {@link #beginLearning()}
 * and {@link #endLearning()} every count also goes to the learning share ({@link #learningReads},
 * {@link #learningWrites}), so an energy model can price learning on its own. Marking copies one
 * count per region; the counting itself is unchanged.
 */
public final class AccessCounter {

    private final List<MemoryRegion> regions;
    private final long[] reads;
    private final long[] writes;
    private final long[] learningReads;
    private final long[] learningWrites;
    private final long[] markReads;
    private final long[] markWrites;
    private boolean learning;

    public AccessCounter(List<MemoryRegion> regions) {
        this.regions = List.copyOf(regions);
        this.reads = new long[regions.size()];
        this.writes = new long[regions.size()];
        this.learningReads = new long[regions.size()];
        this.learningWrites = new long[regions.size()];
        this.markReads = new long[regions.size()];
        this.markWrites = new long[regions.size()];
    }

    /** From now until {@link #endLearning()} the accesses are a learning rule's. */
    public void beginLearning() {
        if (learning) {
            throw new IllegalStateException("learning accesses are already being counted");
        }
        learning = true;
        System.arraycopy(reads, 0, markReads, 0, reads.length);
        System.arraycopy(writes, 0, markWrites, 0, writes.length);
    }

    /** Adds the accesses since {@link #beginLearning()} to the learning share. */
    public void endLearning() {
        if (!learning) {
            throw new IllegalStateException("endLearning without beginLearning");
        }
        learning = false;
        for (int i = 0; i < reads.length; i++) {
            learningReads[i] += reads[i] - markReads[i];
            learningWrites[i] += writes[i] - markWrites[i];
        }
    }

    /** Word reads of region {@code region} made by learning (a part of {@link #reads}). */
    public long learningReads(int region) {
        return learningReads[region];
    }

    /** Word writes of region {@code region} made by learning (a part of {@link #writes}). */
    public long learningWrites(int region) {
        return learningWrites[region];
    }

    public List<MemoryRegion> regions() {
        return regions;
    }

    /** Counts {@code words} word reads of region {@code region} (index into {@link #regions()}). */
    public void read(int region, long words) {
        reads[region] += words;
    }

    /** Counts {@code words} word writes of region {@code region}. */
    public void write(int region, long words) {
        writes[region] += words;
    }

    public long reads(int region) {
        return reads[region];
    }

    public long writes(int region) {
        return writes[region];
    }

    /** Index of the region with this name, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Total word reads over all regions. */
    public long totalReads() {
        long s = 0;
        for (long r : reads) {
            s += r;
        }
        return s;
    }

    /** Total word writes over all regions. */
    public long totalWrites() {
        long s = 0;
        for (long w : writes) {
            s += w;
        }
        return s;
    }

    /** The counts so far, one per region. */
    public List<RegionCount> snapshot() {
        List<RegionCount> out = new java.util.ArrayList<>(regions.size());
        for (int i = 0; i < regions.size(); i++) {
            out.add(new RegionCount(regions.get(i), reads[i], writes[i], learningReads[i], learningWrites[i]));
        }
        return List.copyOf(out);
    }

    /** Sets every count back to zero. */
    public void reset() {
        java.util.Arrays.fill(reads, 0);
        java.util.Arrays.fill(writes, 0);
        java.util.Arrays.fill(learningReads, 0);
        java.util.Arrays.fill(learningWrites, 0);
    }

    /** Adds another counter's counts (same regions) into this one: for merging per-thread counts. */
    public void add(AccessCounter other) {
        if (!other.regions.equals(regions)) {
            throw new IllegalArgumentException("cannot merge counters of different memories");
        }
        for (int i = 0; i < reads.length; i++) {
            reads[i] += other.reads[i];
            writes[i] += other.writes[i];
            learningReads[i] += other.learningReads[i];
            learningWrites[i] += other.learningWrites[i];
        }
    }
}
