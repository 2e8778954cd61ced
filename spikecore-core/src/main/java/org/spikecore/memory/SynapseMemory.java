package org.spikecore.memory;

import org.spikecore.fixed.Format;

/**
 * The synapse memory of one projection (pre population → post population): the only way the
 * engine and the learning rules reach weights, so that every access is counted in words of the
 * encoding's own widths.
 *
 * <p>Semantics shared by every encoding: a synapse is a (pre, post) pair the encoding stores;
 * accesses visit stored synapses whose weight is non-zero in increasing index order (a crossbar
 * stores every pair but delivers only non-zero weights, which is what an accumulate does). Weights
 * are raw integers of {@link #weightFormat()}; updates saturate into it.
 */
public interface SynapseMemory {

    /** Number of pre-synaptic neurons (rows). */
    int preCount();

    /** Number of post-synaptic neurons (columns). */
    int postCount();

    /** The format of a stored weight. */
    Format weightFormat();

    /** Number of stored synapses with non-zero weight. */
    long nonZeroCount();

    /** Forward access: every non-zero synapse of {@code pre}, in increasing post order. */
    void forward(int pre, SynapseVisitor visitor);

    /** Backward (transposed) access: every non-zero synapse into {@code post}, increasing pre order. */
    void backward(int post, SynapseVisitor visitor);

    /**
     * {@link #forward} over every stored synapse of {@code pre}, zero weights included, with the
     * same counts: the walk of a rule that grows synapses from 0 (a binary synapse switching on).
     */
    void forwardStored(int pre, SynapseVisitor visitor);

    /** {@link #backward} over every stored synapse into {@code post}, zero weights included, with the same counts. */
    void backwardStored(int post, SynapseVisitor visitor);

    /**
     * Forward access that adds each non-zero weight of {@code pre} into {@code acc[accOffset + post]}
     * (exact 32-bit sums; callers bound fan-in so they cannot overflow) and returns how many were
     * added. Same counts as {@link #forward}; encodings override it with a tight loop.
     */
    default int accumulateForward(int pre, int[] acc, int accOffset) {
        int[] n = {0};
        forward(pre, (p, post, w) -> {
            acc[accOffset + post] += w;
            n[0]++;
        });
        return n[0];
    }

    /**
     * Forward access of {@code pre} (the same counts as {@link #forward}) that reports only the
     * listed posts: {@code weights[k]} becomes the weight of {@code (pre, posts[k])} when it is
     * stored and non-zero, else 0, for {@code k < n}; {@code posts} is strictly increasing.
     * Encodings override it to look the n posts up instead of walking the row.
     */
    default void forwardSelected(int pre, int[] posts, int n, int[] weights) {
        java.util.Arrays.fill(weights, 0, n, 0);
        int[] k = {0};
        forward(pre, (p, post, w) -> {
            while (k[0] < n && posts[k[0]] < post) {
                k[0]++;
            }
            if (k[0] < n && posts[k[0]] == post) {
                weights[k[0]] = w;
            }
        });
    }

    /**
     * The updates {@code (pre, posts[k], deltas[k])} for {@code k < n}, in that order, each exactly
     * as {@link #update} (saturating, counted as one read-modify-write each); encodings override it
     * to count the n accesses at once.
     */
    default void updateRow(int pre, int[] posts, int[] deltas, int n) {
        for (int k = 0; k < n; k++) {
            update(pre, posts[k], deltas[k]);
        }
    }

    /** The raw weight of (pre, post), 0 when not stored. Counted as a random read. */
    int weight(int pre, int post);

    /**
     * Adds {@code delta} to the weight of (pre, post), saturating into the weight format; counted
     * as a read-modify-write. A pair the encoding does not store is an error.
     */
    void update(int pre, int post, int delta);

    /** The access counts of this memory. */
    AccessCounter counter();

    /** Total storage in bits over all regions. */
    default long storageBits() {
        long s = 0;
        for (MemoryRegion r : counter().regions()) {
            s += r.bits();
        }
        return s;
    }
}
