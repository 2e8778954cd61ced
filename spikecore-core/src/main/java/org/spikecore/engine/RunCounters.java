package org.spikecore.engine;

import java.util.List;
import java.util.Map;
import org.spikecore.memory.RegionCount;

/**
 * What a run did: ticks, synaptic operations (deliveries of non-zero weights), neuron updates,
 * spikes per node, and word reads/writes per synapse memory (one memory per projection and core).
 *
 * @param ticks          ticks simulated
 * @param synOps         synaptic operations
 * @param neuronUpdates  neuron updates (neurons × ticks)
 * @param spikesPerNode  spikes per node name, in network order
 * @param memories       per synapse memory: projection, core, reads, writes, storage bits, regions
 */
public record RunCounters(long ticks, long synOps, long neuronUpdates, Map<String, Long> spikesPerNode,
        List<MemoryCount> memories) {

    /**
     * The counts of one synapse memory: totals, its organization, and per physical memory (region)
     * its word width, capacity, reads and writes, which an energy model prices.
     */
    public record MemoryCount(String projection, int core, long wordReads, long wordWrites, long storageBits,
            String encoding, List<RegionCount> regions) {
        public MemoryCount {
            regions = List.copyOf(regions);
        }
    }

    /** Total spikes of all nodes. */
    public long totalSpikes() {
        return spikesPerNode.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Total word reads over all synapse memories. */
    public long totalWordReads() {
        return memories.stream().mapToLong(MemoryCount::wordReads).sum();
    }

    /** Total storage of all synapse memories in bits. */
    public long totalStorageBits() {
        return memories.stream().mapToLong(MemoryCount::storageBits).sum();
    }
}
