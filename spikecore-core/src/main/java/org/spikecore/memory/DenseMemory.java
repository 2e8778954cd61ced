package org.spikecore.memory;

import java.util.List;
import org.spikecore.fixed.Format;
import org.spikecore.fixed.SaturatingVectorOps;

/**
 * Dense crossbar: every (pre, post) pair has a weight slot.
 *
 * <p>Layout: one region {@code weights}, row-major, {@code wordBits}-bit words each packing
 * {@code k = wordBits / weightBits} weights; a row of {@code postCount} weights spans
 * {@code ceil(postCount / k)} words and starts on a word boundary. A forward access reads the
 * row's words; a backward access reads one word per row (the word that holds column
 * {@code post}); a point read is one word; an update is one read and one write.
 */
public final class DenseMemory implements SynapseMemory {

    private static final int WEIGHTS = 0;

    private final int pre;
    private final int post;
    private final Format format;
    private final short[] weights;
    private final int rowWords;
    private final AccessCounter counter;
    private long nonZero;
    /** Non-zero weights per row, kept current by set and update. */
    private final int[] rowNonZero;
    /**
     * Per column: the last {@link #normalizeColumns} (with {@link #settledTotal} and
     * {@link #settledMinWeight}) wrote none of its weights, and no weight of it has been written
     * since, so normalising it again with the same parameters would write nothing either.
     */
    private final boolean[] columnSettled;
    private long settledTotal;
    private int settledMinWeight;

    /** An all-zero crossbar. {@code wordBits} must hold at least one weight. */
    public DenseMemory(int pre, int post, Format format, int wordBits) {
        if (pre < 1 || post < 1) {
            throw new IllegalArgumentException("crossbar shape must be positive, got " + pre + "x" + post);
        }
        if (format.bits() > 16) {
            throw new IllegalArgumentException("crossbar weights must be at most 16 bits, got " + format);
        }
        if (wordBits < format.bits()) {
            throw new IllegalArgumentException(
                    "a " + wordBits + "-bit word cannot hold a " + format.bits() + "-bit weight");
        }
        this.pre = pre;
        this.post = post;
        this.format = format;
        this.weights = new short[Math.multiplyExact(pre, post)];
        this.rowNonZero = new int[pre];
        this.columnSettled = new boolean[post];
        int perWord = wordBits / format.bits();
        this.rowWords = (post + perWord - 1) / perWord;
        this.counter = new AccessCounter(List.of(new MemoryRegion("weights", wordBits, (long) rowWords * pre)));
    }

    /** A crossbar holding {@code w[pre][post]} (raw values, checked against the format). */
    public static DenseMemory of(int[][] w, Format format, int wordBits) {
        DenseMemory m = new DenseMemory(w.length, w[0].length, format, wordBits);
        for (int i = 0; i < w.length; i++) {
            if (w[i].length != m.post) {
                throw new IllegalArgumentException("weight row " + i + " has " + w[i].length + " columns, expected " + m.post);
            }
            for (int j = 0; j < m.post; j++) {
                m.set(i, j, w[i][j]);
            }
        }
        return m;
    }

    /** Sets a weight without counting an access (initialisation, loading). */
    public void set(int i, int j, int raw) {
        if (!format.contains(raw)) {
            throw new IllegalArgumentException(
                    "weight (" + i + ", " + j + ") = " + raw + " is outside " + format + " [" + format.min() + ", " + format.max() + "]");
        }
        int k = i * post + j;
        int change = (raw != 0 ? 1 : 0) - (weights[k] != 0 ? 1 : 0);
        weights[k] = (short) raw;
        columnSettled[j] = false;
        nonZero += change;
        rowNonZero[i] += change;
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

    @Override
    public void forward(int i, SynapseVisitor visitor) {
        forward(i, visitor, false);
    }

    @Override
    public void forwardStored(int i, SynapseVisitor visitor) {
        forward(i, visitor, true);
    }

    private void forward(int i, SynapseVisitor visitor, boolean zeros) {
        counter.read(WEIGHTS, rowWords);
        int base = i * post;
        for (int j = 0; j < post; j++) {
            int w = weights[base + j];
            if (zeros || w != 0) {
                visitor.visit(i, j, w);
            }
        }
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
        counter.read(WEIGHTS, pre);
        for (int i = 0; i < pre; i++) {
            int w = weights[i * post + j];
            if (zeros || w != 0) {
                visitor.visit(i, j, w);
            }
        }
    }

    @Override
    public int accumulateForward(int i, int[] acc, int accOffset) {
        counter.read(WEIGHTS, rowWords);
        SaturatingVectorOps.addInt16(weights, i * post, acc, accOffset, post);
        return rowNonZero[i];
    }

    @Override
    public void forwardSelected(int i, int[] posts, int n, int[] row) {
        counter.read(WEIGHTS, rowWords);
        int base = i * post;
        for (int k = 0; k < n; k++) {
            row[k] = weights[base + posts[k]];
        }
    }

    @Override
    public void updateRow(int i, int[] posts, int[] deltas, int n) {
        counter.read(WEIGHTS, n);
        counter.write(WEIGHTS, n);
        int base = i * post;
        int change = 0;
        for (int k = 0; k < n; k++) {
            int idx = base + posts[k];
            int old = weights[idx];
            int now = format.saturate((long) old + deltas[k]);
            weights[idx] = (short) now;
            columnSettled[posts[k]] = false;
            change += (now != 0 ? 1 : 0) - (old != 0 ? 1 : 0);
        }
        nonZero += change;
        rowNonZero[i] += change;
    }

    @Override
    public int weight(int i, int j) {
        counter.read(WEIGHTS, 1);
        return weights[i * post + j];
    }

    @Override
    public void update(int i, int j, int delta) {
        counter.read(WEIGHTS, 1);
        counter.write(WEIGHTS, 1);
        int k = i * post + j;
        int old = weights[k];
        int now = format.saturate((long) old + delta);
        weights[k] = (short) now;
        columnSettled[j] = false;
        int change = (now != 0 ? 1 : 0) - (old != 0 ? 1 : 0);
        nonZero += change;
        rowNonZero[i] += change;
    }

    /**
     * Weight normalisation: each column {@code j} whose weights sum to {@code S > 0} has every
     * non-zero weight {@code w} set to {@code max(minWeight, round(w·total/S))} (saturated to the
     * format). The same bits and the same counts as walking each column with {@link #backward} and
     * writing each changed weight with {@link #update} (the engine's scalar reference): one word read
     * per row and column, one read and one write per changed weight. A column that the last
     * normalisation with the same parameters left as it was, and that nothing has written since, is
     * a fixed point and is skipped (its reads still counted): in Diehl &amp; Cook's training only the
     * columns of the neurons that learned since the last image are visited. When the format has
     * fewer values than a column has rows (8-bit weights, 784 rows), each new value of each weight
     * value is computed once per column, by the same expression, and looked up for the other weights
     * that hold it.
     */
    public void normalizeColumns(long total, int minWeight) {
        counter.read(WEIGHTS, (long) pre * post);
        if (total != settledTotal || minWeight != settledMinWeight) {
            java.util.Arrays.fill(columnSettled, false);
            settledTotal = total;
            settledMinWeight = minWeight;
        }
        int levels = format.max() - format.min() + 1;
        boolean lookUp = levels <= pre;
        // per weight value of this column: the encoded new weight, or NOT_SCALED until first needed
        int[] scaledOf = lookUp ? new int[levels] : null;
        long changed = 0;
        for (int j = 0; j < post; j++) {
            if (columnSettled[j]) {
                continue;
            }
            long sum = 0;
            for (int i = 0; i < pre; i++) {
                sum += weights[i * post + j];
            }
            long before = changed;
            if (sum > 0) {
                if (lookUp) {
                    java.util.Arrays.fill(scaledOf, NOT_SCALED);
                }
                for (int i = 0; i < pre; i++) {
                    int k = i * post + j;
                    int old = weights[k];
                    if (old == 0) {
                        continue;
                    }
                    int written;
                    if (lookUp) {
                        written = scaledOf[old - format.min()];
                        if (written == NOT_SCALED) {
                            written = normalised(old, total, sum, minWeight);
                            scaledOf[old - format.min()] = written;
                        }
                    } else {
                        written = normalised(old, total, sum, minWeight);
                    }
                    if ((written & 1) != 0) {
                        int now = written >> 1;
                        weights[k] = (short) now;
                        int change = (now != 0 ? 1 : 0) - 1;
                        nonZero += change;
                        rowNonZero[i] += change;
                        changed++;
                    }
                }
            }
            columnSettled[j] = changed == before;
        }
        counter.read(WEIGHTS, changed);
        counter.write(WEIGHTS, changed);
    }

    /** Marks a weight value whose normalised value is not computed yet (no 16-bit weight encodes to it). */
    private static final int NOT_SCALED = Integer.MIN_VALUE;

    /**
     * What the reference does to weight {@code old} in a column summing to {@code sum}: it writes
     * {@code max(minWeight, round(old·total/sum))} as a delta through {@link #update} when the delta
     * is not 0, a counted write even where saturation leaves the value as it was. Encoded as
     * {@code newValue << 1 | written}.
     */
    private int normalised(int old, long total, long sum, int minWeight) {
        long scaled = Math.max(minWeight, Math.round((double) old * total / sum));
        int delta = (int) (scaled - old);
        return delta == 0 ? old << 1 : format.saturate((long) old + delta) << 1 | 1;
    }

    @Override
    public AccessCounter counter() {
        return counter;
    }
}
