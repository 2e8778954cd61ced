package org.spikecore.memory;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.util.List;
import org.spikecore.fixed.Format;

/**
 * Compressed sparse rows: a pointer per row into parallel index and weight tables.
 *
 * <p>Layout: region {@code pointers} ({@code preCount + 1} words of 32 bits), region
 * {@code indices} (one post index per stored synapse, {@code ceil(log2 postCount)} bits, at least
 * 1), region {@code weights} (one weight per stored synapse, the weight format's width). A
 * forward access reads 2 pointers and the row's indices and weights; a backward access reads,
 * for every row, its 2 pointers and binary-searches the row's indices (one index read per probe)
 * and reads the weight when found; a point access is a row binary search; an update adds one
 * weight write.
 */
public final class CsrMemory implements SynapseMemory {

    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Short> SHORTS = VectorSpecies.of(short.class,
            VectorShape.forBitSize(INTS.length() * Short.SIZE));
    private static final int POINTERS = 0;
    private static final int INDICES = 1;
    private static final int WEIGHTS = 2;

    private final int pre;
    private final int post;
    private final Format format;
    private final int[] rowStart;
    private final int[] postIndex;
    private final short[] weights;
    private final AccessCounter counter;
    private long nonZero;

    /**
     * A CSR memory of the stored pairs {@code (pres[k], posts[k])} with weights {@code w[k]}; pairs
     * must be unique. Weights are raw values checked against the format.
     */
    public CsrMemory(int pre, int post, Format format, int[] pres, int[] posts, int[] w) {
        if (pre < 1 || post < 1) {
            throw new IllegalArgumentException("sparse shape must be positive, got " + pre + "x" + post);
        }
        if (pres.length != posts.length || pres.length != w.length) {
            throw new IllegalArgumentException("sparse synapse lists differ in length: " + pres.length + " pre, "
                    + posts.length + " post, " + w.length + " weights");
        }
        if (format.bits() > 16) {
            throw new IllegalArgumentException("sparse weights must be at most 16 bits, got " + format);
        }
        this.pre = pre;
        this.post = post;
        this.format = format;
        int n = pres.length;
        this.rowStart = new int[pre + 1];
        for (int k = 0; k < n; k++) {
            if (pres[k] < 0 || pres[k] >= pre || posts[k] < 0 || posts[k] >= post) {
                throw new IllegalArgumentException("synapse " + k + " (" + pres[k] + " -> " + posts[k]
                        + ") lies outside the " + pre + "x" + post + " projection");
            }
            if (!format.contains(w[k])) {
                throw new IllegalArgumentException("synapse " + k + " weight " + w[k] + " is outside " + format);
            }
            rowStart[pres[k] + 1]++;
        }
        for (int i = 0; i < pre; i++) {
            rowStart[i + 1] += rowStart[i];
        }
        this.postIndex = new int[n];
        this.weights = new short[n];
        int[] fill = rowStart.clone();
        for (int k = 0; k < n; k++) {
            int slot = fill[pres[k]]++;
            postIndex[slot] = posts[k];
            weights[slot] = (short) w[k];
            if (w[k] != 0) {
                nonZero++;
            }
        }
        for (int i = 0; i < pre; i++) {
            sortRow(rowStart[i], rowStart[i + 1]);
            for (int s = rowStart[i] + 1; s < rowStart[i + 1]; s++) {
                if (postIndex[s] == postIndex[s - 1]) {
                    throw new IllegalArgumentException("synapse " + i + " -> " + postIndex[s] + " is listed twice");
                }
            }
        }
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(post - 1));
        this.counter = new AccessCounter(List.of(new MemoryRegion("pointers", 32, pre + 1L),
                new MemoryRegion("indices", indexBits, n), new MemoryRegion("weights", format.bits(), n)));
    }

    private void sortRow(int from, int to) {
        // insertion sort keeps weights paired with indices; rows are short
        for (int s = from + 1; s < to; s++) {
            int idx = postIndex[s];
            short w = weights[s];
            int t = s - 1;
            while (t >= from && postIndex[t] > idx) {
                postIndex[t + 1] = postIndex[t];
                weights[t + 1] = weights[t];
                t--;
            }
            postIndex[t + 1] = idx;
            weights[t + 1] = w;
        }
    }

    @Override
    public int preCount() {
        return pre;
    }

    @Override
    public int postCount() {
        return post;
    }

    @Override
    public Format weightFormat() {
        return format;
    }

    @Override
    public long nonZeroCount() {
        return nonZero;
    }

    /** Stored synapses of row {@code i} (zero weights included). */
    public int rowLength(int i) {
        return rowStart[i + 1] - rowStart[i];
    }

    @Override
    public void forward(int i, SynapseVisitor visitor) {
        forward(i, visitor, false);
    }

    @Override
    public void forwardStored(int i, SynapseVisitor visitor) {
        forward(i, visitor, true);
    }

    private void forward(int i, SynapseVisitor visitor, boolean zeros) {
        int from = rowStart[i];
        int to = rowStart[i + 1];
        counter.read(POINTERS, 2);
        counter.read(INDICES, to - from);
        counter.read(WEIGHTS, to - from);
        for (int s = from; s < to; s++) {
            int w = weights[s];
            if (zeros || w != 0) {
                visitor.visit(i, postIndex[s], w);
            }
        }
    }

    /** Visits every stored synapse of row {@code i}, zero weights included, without counting. */
    void forwardAll(int i, SynapseVisitor visitor) {
        for (int s = rowStart[i]; s < rowStart[i + 1]; s++) {
            visitor.visit(i, postIndex[s], weights[s]);
        }
    }

    @Override
    public int accumulateForward(int i, int[] acc, int accOffset) {
        int from = rowStart[i];
        int to = rowStart[i + 1];
        counter.read(POINTERS, 2);
        counter.read(INDICES, to - from);
        counter.read(WEIGHTS, to - from);
        int n = 0;
        int s = from;
        // a row's posts are distinct, so a gather, add and scatter of a row's lanes adds each once
        for (int upper = to - INTS.length(); s <= upper; s += INTS.length()) {
            IntVector w = (IntVector) ShortVector.fromArray(SHORTS, weights, s).convertShape(VectorOperators.S2I, INTS, 0);
            IntVector.fromArray(INTS, acc, accOffset, postIndex, s).add(w).intoArray(acc, accOffset, postIndex, s);
            n += w.compare(VectorOperators.NE, 0).trueCount();
        }
        for (; s < to; s++) {
            int w = weights[s];
            acc[accOffset + postIndex[s]] += w;
            n += (w != 0) ? 1 : 0;
        }
        return n;
    }

    @Override
    public void backward(int j, SynapseVisitor visitor) {
        backward(j, visitor, false);
    }

    @Override
    public void backwardStored(int j, SynapseVisitor visitor) {
        backward(j, visitor, true);
    }

    private void backward(int j, SynapseVisitor visitor, boolean zeros) {
        for (int i = 0; i < pre; i++) {
            int s = find(i, j);
            if (s >= 0) {
                counter.read(WEIGHTS, 1);
                int w = weights[s];
                if (zeros || w != 0) {
                    visitor.visit(i, j, w);
                }
            }
        }
    }

    /** Slot of (i, j) by binary search over row i, counting pointer and index reads; -1 if absent. */
    private int find(int i, int j) {
        counter.read(POINTERS, 2);
        int lo = rowStart[i];
        int hi = rowStart[i + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            counter.read(INDICES, 1);
            int v = postIndex[mid];
            if (v < j) {
                lo = mid + 1;
            } else if (v > j) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    @Override
    public int weight(int i, int j) {
        int s = find(i, j);
        if (s < 0) {
            return 0;
        }
        counter.read(WEIGHTS, 1);
        return weights[s];
    }

    @Override
    public void update(int i, int j, int delta) {
        int s = find(i, j);
        if (s < 0) {
            throw new IllegalArgumentException("synapse " + i + " -> " + j + " is not stored in this sparse memory");
        }
        counter.read(WEIGHTS, 1);
        counter.write(WEIGHTS, 1);
        int old = weights[s];
        int now = format.saturate((long) old + delta);
        weights[s] = (short) now;
        nonZero += (now != 0 ? 1 : 0) - (old != 0 ? 1 : 0);
    }

    @Override
    public AccessCounter counter() {
        return counter;
    }
}
