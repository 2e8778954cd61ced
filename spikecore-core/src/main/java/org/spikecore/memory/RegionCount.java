package org.spikecore.memory;

/**
 * What one physical memory of an encoding did in a run: the memory (name, word width, capacity)
 * and the words read and written.
 *
 * @param region the memory
 * @param reads  words read
 * @param writes words written
 */
public record RegionCount(MemoryRegion region, long reads, long writes) {
}
