package org.spikecore.memory;

/**
 * One memory of an encoding with its access counts, in words of its own width: per forward access
 * (one pre-synaptic spike), per backward access (one post-synaptic error event) and per full
 * weight-update pass (one training iteration). Counts are expectations for the given density.
 *
 * @param name          the memory, e.g. {@code weights}, {@code bitmap}
 * @param wordBits      word width
 * @param words         capacity in words
 * @param forwardReads  words read per forward access
 * @param backwardReads words read per backward access
 * @param updateReads   words read per update pass
 * @param updateWrites  words written per update pass
 */
public record RegionCost(String name, int wordBits, long words, double forwardReads, double backwardReads,
        double updateReads, double updateWrites) {

    public long capacityBits() {
        return words * wordBits;
    }
}
