package org.spikecore.memory;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.fixed.Format;

/**
 * The pointer-based encodings of an arbitrary sparse matrix: {@link Encoding#PB_BMP},
 * {@link Encoding#PB_CSR} and {@link Encoding#DUAL} (layouts and access rules in
 * {@link EncodingCost}). The synapses themselves are held in row and column order on the JVM side;
 * what differs between the encodings is the layout they model, hence their capacities and the words
 * each access is counted as reading and writing. Pointer tables have words one pointer wide. A search
 * of a row's indices is counted at its worst case, ⌈log2(row length + 1)⌉ index words, or as a scan
 * of the row's index words where that reads fewer, as the closed form does. A column access
 * searches every row: in a matrix without structure (an FC layer) every row is a fan-in row.
 */
public final class PackedSynapseMemory implements SynapseMemory {

    private final Encoding encoding;
    private final int pre;
    private final int post;
    private final Format format;
    private final int wordBits;
    private final int[] rowStart;
    private final int[] rowPost;
    private final short[] rowWeight;
    private final int[] colStart;
    private final int[] colPre;
    /** For each column-ordered synapse, its slot in row order. */
    private final int[] colSlot;
    private final AccessCounter counter;
    private final int pointerBits;
    private final int indexBits;
    private final int colIndexBits;
    private long nonZero;

    /** Regions, by index in the counter. */
    private final int ptr;
    private final int bitmap;
    private final int idx;
    private final int wts;
    private final int colPtr;
    private final int colIdx;
    private final int colWts;

    /** The encoding of the stored pairs {@code (pres[k], posts[k])} with raw weights {@code w[k]} (pairs unique). */
    public PackedSynapseMemory(Encoding encoding, int pre, int post, Format format, int wordBits, int[] pres, int[] posts,
            int[] w) {
        if (encoding != Encoding.PB_BMP && encoding != Encoding.PB_CSR && encoding != Encoding.DUAL) {
            throw new IllegalArgumentException("PackedSynapseMemory models pb-bmp, pb-csr and dual, not " + encoding.cliName());
        }
        Packing.perWord(format.bits(), wordBits);
        this.encoding = encoding;
        this.pre = pre;
        this.post = post;
        this.format = format;
        this.wordBits = wordBits;
        CsrMemory rows = new CsrMemory(pre, post, format, pres, posts, w); // validates and sorts
        int n = pres.length;
        rowStart = new int[pre + 1];
        rowPost = new int[n];
        rowWeight = new short[n];
        int s = 0;
        for (int i = 0; i < pre; i++) {
            rowStart[i] = s;
            int[] slot = {s};
            int row = i;
            rows.forwardAll(i, (p, q, weight) -> {
                rowPost[slot[0]] = q;
                rowWeight[slot[0]++] = (short) weight;
            });
            s += rows.rowLength(row);
        }
        rowStart[pre] = s;
        rows.counter().reset();
        colStart = new int[post + 1];
        for (int k = 0; k < n; k++) {
            colStart[rowPost[k] + 1]++;
        }
        for (int j = 0; j < post; j++) {
            colStart[j + 1] += colStart[j];
        }
        colPre = new int[n];
        colSlot = new int[n];
        int[] fill = colStart.clone();
        for (int i = 0; i < pre; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                int c = fill[rowPost[k]]++;
                colPre[c] = i;
                colSlot[c] = k;
            }
        }
        for (short x : rowWeight) {
            nonZero += x != 0 ? 1 : 0;
        }
        pointerBits = Packing.bitsFor(n);
        indexBits = Packing.bitsFor(post - 1L);
        colIndexBits = Packing.bitsFor(pre - 1L);
        int b = format.bits();
        List<MemoryRegion> regions = new ArrayList<>();
        int next = 0;
        int ptrR = -1;
        int bmpR = -1;
        int idxR = -1;
        int colPtrR = -1;
        int colIdxR = -1;
        int colWtsR = -1;
        if (encoding == Encoding.PB_BMP) {
            regions.add(new MemoryRegion("pointers", pointerBits, pre));
            ptrR = next++;
            regions.add(new MemoryRegion("bitmap", wordBits, (long) pre * Packing.words(post, 1, wordBits)));
            bmpR = next++;
        } else {
            regions.add(new MemoryRegion("pointers", pointerBits, pre + 1L));
            ptrR = next++;
            regions.add(new MemoryRegion("indices", wordBits, Packing.words(n, indexBits, wordBits)));
            idxR = next++;
        }
        regions.add(new MemoryRegion("weights", wordBits, Packing.words(n, b, wordBits)));
        int wtsR = next++;
        if (encoding == Encoding.DUAL) {
            regions.add(new MemoryRegion("col-pointers", pointerBits, post + 1L));
            colPtrR = next++;
            regions.add(new MemoryRegion("col-indices", wordBits, Packing.words(n, colIndexBits, wordBits)));
            colIdxR = next++;
            regions.add(new MemoryRegion("col-weights", wordBits, Packing.words(n, b, wordBits)));
            colWtsR = next++;
        }
        ptr = ptrR;
        bitmap = bmpR;
        idx = idxR;
        wts = wtsR;
        colPtr = colPtrR;
        colIdx = colIdxR;
        colWts = colWtsR;
        counter = new AccessCounter(regions);
    }

    public Encoding encoding() {
        return encoding;
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

    private int rowLength(int i) {
        return rowStart[i + 1] - rowStart[i];
    }

    private void countForward(int i) {
        int len = rowLength(i);
        if (encoding == Encoding.PB_BMP) {
            counter.read(ptr, 1);
            counter.read(bitmap, Packing.words(post, 1, wordBits));
        } else {
            counter.read(ptr, 2);
            counter.read(idx, Packing.words(len, indexBits, wordBits));
        }
        counter.read(wts, Packing.words(len, format.bits(), wordBits));
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
        countForward(i);
        for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
            if (zeros || rowWeight[k] != 0) {
                visitor.visit(i, rowPost[k], rowWeight[k]);
            }
        }
    }

    @Override
    public int accumulateForward(int i, int[] acc, int accOffset) {
        countForward(i);
        int n = 0;
        for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
            int w = rowWeight[k];
            acc[accOffset + rowPost[k]] += w;
            n += w != 0 ? 1 : 0;
        }
        return n;
    }

    /** Counts locating (i, j) in row i, as a backward access or a point update does. */
    private void countLocate(int i, int j) {
        if (encoding == Encoding.PB_BMP) {
            counter.read(ptr, 1);
            counter.read(bitmap, j / wordBits + 1);
        } else {
            counter.read(ptr, 2);
            counter.read(idx, (long) EncodingCost.searchWords(rowLength(i), indexBits, wordBits));
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
        if (encoding == Encoding.DUAL) {
            int len = colStart[j + 1] - colStart[j];
            counter.read(colPtr, 2);
            counter.read(colIdx, Packing.words(len, colIndexBits, wordBits));
            counter.read(colWts, Packing.words(len, format.bits(), wordBits));
        } else {
            for (int i = 0; i < pre; i++) {
                countLocate(i, j);
            }
            counter.read(wts, colStart[j + 1] - colStart[j]);
        }
        for (int c = colStart[j]; c < colStart[j + 1]; c++) {
            int w = rowWeight[colSlot[c]];
            if (zeros || w != 0) {
                visitor.visit(colPre[c], j, w);
            }
        }
    }

    private int slot(int i, int j) {
        int lo = rowStart[i];
        int hi = rowStart[i + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (rowPost[mid] < j) {
                lo = mid + 1;
            } else if (rowPost[mid] > j) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    @Override
    public int weight(int i, int j) {
        countLocate(i, j);
        int k = slot(i, j);
        if (k < 0) {
            return 0;
        }
        counter.read(wts, 1);
        return rowWeight[k];
    }

    @Override
    public void update(int i, int j, int delta) {
        int k = slot(i, j);
        if (k < 0) {
            throw new IllegalArgumentException("synapse " + i + " -> " + j + " is not stored in this " + encoding.cliName()
                    + " memory");
        }
        countLocate(i, j);
        counter.read(wts, 1);
        counter.write(wts, 1);
        if (encoding == Encoding.DUAL) {
            // the transposed copy is located by its own column pointers and indices and written too
            counter.read(colPtr, 2);
            counter.read(colIdx, (long) EncodingCost.searchWords(colStart[j + 1] - colStart[j], colIndexBits, wordBits));
            counter.write(colWts, 1);
        }
        int old = rowWeight[k];
        int now = format.saturate((long) old + delta);
        rowWeight[k] = (short) now;
        nonZero += (now != 0 ? 1 : 0) - (old != 0 ? 1 : 0);
    }

    @Override
    public AccessCounter counter() {
        return counter;
    }
}
