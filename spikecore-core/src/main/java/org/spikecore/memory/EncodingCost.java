package org.spikecore.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The closed-form memory layout and access counts of an encoding for a layer: what
 * {@code spikecore cost} prices. The instantiable memories ({@link DenseMemory},
 * {@link PackedSynapseMemory}, {@link ConvKernelMemory}) count their accesses by the same rules,
 * and the tests check that they agree on concrete matrices.
 *
 * <p><b>The stored matrix.</b> An FC layer stores its P×Q matrix: rows are pre neurons. A conv
 * layer stores its weight-shared kernel, as a chip does: rows are the Cin input channels, columns
 * the Cout·k² positions (output channel, dy, dx); a spike of pre (c, y, x) reads row c and computes
 * its targets. The <em>fan-in rows</em> of a column are the rows that can hold it: all P rows of an
 * FC layer; for a conv post neuron, the Cin kernel rows, where its Cin·k² pre neurons find one k×k
 * block of columns each row (searched once a row, then scanned).
 *
 * <p><b>Word widths, per memory.</b> A pointer table has words one pointer wide
 * (⌈log2(N+1)⌉ bits: a pointer is read alone); index, bitmap, weight and kernel memories have
 * words of {@code wordBits} (w), b-bit fields packed ⌊w/b⌋ a word, never straddling words. A
 * column access reads one word of the weight memory per weight it needs, from that memory.
 *
 * <p>Conventions: b = weight bits, d = fraction of non-zero weights, rn = d·(row length) non-zero
 * weights a row, F = fan-in rows, N = non-zero weights stored.
 * <ul>
 * <li><b>crossbar</b> (FC): weights P·⌈Q/⌊w/b⌋⌉ words. Forward reads the row's words, backward one
 * word per row, the update pass reads and writes every word.</li>
 * <li><b>pb-bmp</b>: pointers (one per row), a bitmap per row (row-aligned), the non-zero weights
 * packed. Forward: 1 pointer, the row's bitmap words, the row's weight words. Backward (FC; conv in
 * {@code kernelMatrix}): per fan-in row 1 pointer and the bitmap words up to the column (to count the weight's offset; averaged over
 * the columns), plus one weight word per non-zero found (d·F).</li>
 * <li><b>pb-csr</b>: pointers (rows + 1), column indices (⌈log2 columns⌉ bits) and weights, packed.
 * Forward: 2 pointers, the row's index and weight words. Backward: per fan-in row 2 pointers and a
 * search of its indices — a binary search, ⌈log2(rn+1)⌉ index words, or a linear scan of the row's
 * index words where that reads fewer (a chip scans a row that fits a word or two) — plus d·F weight
 * words.</li>
 * <li><b>dual</b> (FC): pb-csr plus its transpose (CSC); backward uses the CSC like forward uses the
 * CSR; the update pass writes both weight copies.</li>
 * <li><b>conv-func</b>: the kernel (Cout·Cin·k² weights) stored once as [Cin][Cout][k][k]; forward
 * reads the Cout·k² weights of the spike's input channel, backward one k×k block per input channel
 * (Cin blocks); targets and sources are computed (one address add per synapse).</li>
 * <li><b>conv-func-bmp</b>: as conv-func with a bitmap of the non-zero kernel weights, only those
 * stored, and a pointer per (Cin, Cout) block; accesses read the block pointers and bitmaps they
 * need and only non-zero weights.</li>
 * <li><b>conv-func-rowcol</b>: only the non-zero kernel weights, each with its (dy, dx) offsets
 * (2·⌈log2 k⌉ bits), and a pointer per (Cin, Cout) block (Cin·Cout + 1); forward reads the
 * channel's Cout + 1 block pointers, its offsets and weights; backward per input channel 2 block
 * pointers, the block's offsets and weights.</li>
 * </ul>
 * Every encoding's update pass reads its whole structure once and writes its weights once.
 */
public final class EncodingCost {

    private EncodingCost() {
    }

    /** Regions and counts of {@code encoding} for {@code shape} with b-bit weights, density d, w-bit data words. */
    public static List<RegionCost> regions(Encoding encoding, LayerShape shape, int weightBits, double density,
            int wordBits) {
        if (weightBits < 1) {
            throw new IllegalArgumentException("weight bits must be at least 1, got " + weightBits);
        }
        if (!(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("density must be in (0, 1], got " + density);
        }
        if (!encoding.appliesTo(shape)) {
            throw new IllegalArgumentException("encoding " + encoding.cliName() + " needs "
                    + (encoding.convolutionOnly() ? "a conv" : "an fc") + " layer, got " + shape.label());
        }
        Packing.perWord(weightBits, wordBits); // validates b <= w
        int w = wordBits;
        int b = weightBits;
        List<RegionCost> out = new ArrayList<>();
        switch (shape) {
            case LayerShape.Fc fc -> stored(out, encoding, fc.pre(), fc.post(), fc.pre(), b, density, w);
            case LayerShape.Conv c -> {
                int kk = c.k() * c.k();
                switch (encoding) {
                    case PB_BMP, PB_CSR -> kernelMatrix(out, encoding, c, b, density, w);
                    case CONV_FUNC -> {
                        long kernelWords = c.inChannels() * Packing.words((long) c.outChannels() * kk, b, w);
                        out.add(new RegionCost("kernel", w, kernelWords, Packing.words((long) c.outChannels() * kk, b, w),
                                c.inChannels() * Packing.words(kk, b, w), kernelWords, kernelWords));
                    }
                    case CONV_FUNC_BMP -> {
                        long blocks = (long) c.inChannels() * c.outChannels();
                        double nnzKernel = density * shape.distinctWeights();
                        int pb = Packing.bitsFor((long) Math.ceil(nnzKernel));
                        long bitmapWords = Packing.words(shape.distinctWeights(), 1, w);
                        long weightWords = Packing.words(nnzKernel, b, w);
                        out.add(new RegionCost("block-pointers", pb, blocks, 1, c.inChannels(), blocks, 0));
                        out.add(new RegionCost("kernel-bitmap", w, bitmapWords, Packing.words((long) c.outChannels() * kk, 1, w),
                                c.inChannels() * Packing.words(kk, 1, w), bitmapWords, 0));
                        out.add(new RegionCost("kernel", w, weightWords, Packing.words(density * c.outChannels() * kk, b, w),
                                c.inChannels() * Packing.words(density * kk, b, w), weightWords, weightWords));
                    }
                    case CONV_FUNC_ROWCOL -> {
                        long blocks = (long) c.inChannels() * c.outChannels();
                        double nnzKernel = density * shape.distinctWeights();
                        int pb = Packing.bitsFor((long) Math.ceil(nnzKernel));
                        int ob = offsetBits(c.k());
                        long offsetWords = Packing.words(nnzKernel, ob, w);
                        long weightWords = Packing.words(nnzKernel, b, w);
                        out.add(new RegionCost("block-pointers", pb, blocks + 1, c.outChannels() + 1, 2.0 * c.inChannels(),
                                blocks + 1, 0));
                        out.add(new RegionCost("offsets", w, offsetWords, Packing.words(density * c.outChannels() * kk, ob, w),
                                c.inChannels() * Packing.words(density * kk, ob, w), offsetWords, 0));
                        out.add(new RegionCost("kernel", w, weightWords, Packing.words(density * c.outChannels() * kk, b, w),
                                c.inChannels() * Packing.words(density * kk, b, w), weightWords, weightWords));
                    }
                    case CROSSBAR, DUAL -> throw new AssertionError("checked by appliesTo");
                }
            }
        }
        return out;
    }

    /** Bits of one (dy, dx) offset pair of a k×k kernel. */
    static int offsetBits(int k) {
        return 2 * Packing.bitsFor(k - 1L);
    }

    /** Average words read to reach column j of a row of {@code columns} bits in w-bit words: mean of ⌊j/w⌋ + 1. */
    static double averagePrefixWords(long columns, int w) {
        long full = columns / w;
        long rest = columns % w;
        // columns 0..full·w−1 contribute w·(1 + 2 + … + full); the last partial word (full + 1) each
        double sum = w * (full * (full + 1) / 2.0) + rest * (full + 1.0);
        return sum / columns;
    }

    /** Index words a column search of a row with {@code rowNnz} stored indices reads: bisect or scan, the fewer. */
    static double searchWords(double rowNnz, int indexBits, int w) {
        double bisect = Math.ceil(Math.log(rowNnz + 1) / Math.log(2) - 1e-9);
        return Math.min(bisect, Packing.words(rowNnz, indexBits, w));
    }

    /**
     * A stored matrix of {@code rows} × {@code cols} (row = pre neuron of an FC layer, or input
     * channel of a conv kernel), whose column access searches {@code fanInRows} rows.
     */
    private static void stored(List<RegionCost> out, Encoding encoding, long rows, long cols, long fanInRows, int b,
            double density, int w) {
        double rowNnz = density * cols;
        double colHits = density * fanInRows;
        double n = rows * rowNnz;
        int pb = Packing.bitsFor((long) Math.ceil(n));
        long weightWords = Packing.words(n, b, w);
        long rowWeightWords = Packing.words(rowNnz, b, w);
        switch (encoding) {
            case CROSSBAR -> {
                long rowWords = Packing.words(cols, b, w);
                long words = rows * rowWords;
                out.add(new RegionCost("weights", w, words, rowWords, fanInRows, words, words));
            }
            case PB_BMP -> {
                long rowBitmapWords = Packing.words(cols, 1, w);
                out.add(new RegionCost("pointers", pb, rows, 1, fanInRows, rows, 0));
                out.add(new RegionCost("bitmap", w, rows * rowBitmapWords, rowBitmapWords,
                        fanInRows * averagePrefixWords(cols, w), rows * rowBitmapWords, 0));
                out.add(new RegionCost("weights", w, weightWords, rowWeightWords, colHits, weightWords, weightWords));
            }
            case PB_CSR, DUAL -> {
                int ib = Packing.bitsFor(cols - 1);
                long idxWords = Packing.words(n, ib, w);
                boolean dual = encoding == Encoding.DUAL;
                out.add(new RegionCost("pointers", pb, rows + 1, 2, dual ? 0 : 2.0 * fanInRows, rows + 1, 0));
                out.add(new RegionCost("indices", w, idxWords, Packing.words(rowNnz, ib, w),
                        dual ? 0 : fanInRows * searchWords(rowNnz, ib, w), idxWords, 0));
                out.add(new RegionCost("weights", w, weightWords, rowWeightWords, dual ? 0 : colHits, weightWords,
                        weightWords));
                if (dual) {
                    int cib = Packing.bitsFor(rows - 1);
                    long colIdxWords = Packing.words(n, cib, w);
                    out.add(new RegionCost("col-pointers", pb, cols + 1, 0, 2, cols + 1, 0));
                    out.add(new RegionCost("col-indices", w, colIdxWords, 0, Packing.words(colHits, cib, w), colIdxWords, 0));
                    out.add(new RegionCost("col-weights", w, weightWords, 0, Packing.words(colHits, b, w), weightWords,
                            weightWords));
                }
            }
            case CONV_FUNC, CONV_FUNC_BMP, CONV_FUNC_ROWCOL -> throw new AssertionError("conv-only encodings store a kernel");
        }
    }

    /**
     * A conv kernel stored as a pointer-encoded matrix: a row per input channel, a column per (cout,
     * dy, dx). A backward access for output channel o needs the k×k block of columns (o, ·, ·) of
     * every row (its Cin·k² fan-in pre neurons look in their channel's row, the k² of a channel for
     * that one block): per row, pb-bmp reads 1 pointer and the bitmap words up to the block's end
     * (to count the offset of its first weight), pb-csr 2 pointers, a search for the block's first
     * column and a scan of the block's index words; both then read the block's weight words.
     */
    private static void kernelMatrix(List<RegionCost> out, Encoding encoding, LayerShape.Conv c, int b, double density,
            int w) {
        int kk = c.k() * c.k();
        long rows = c.inChannels();
        long cols = (long) c.outChannels() * kk;
        double rowNnz = density * cols;
        double blockNnz = density * kk;
        double n = rows * rowNnz;
        int pb = Packing.bitsFor((long) Math.ceil(n));
        long weightWords = Packing.words(n, b, w);
        double blockWeightWords = rows * Packing.words(blockNnz, b, w);
        if (encoding == Encoding.PB_BMP) {
            long rowBitmapWords = Packing.words(cols, 1, w);
            out.add(new RegionCost("pointers", pb, rows, 1, rows, rows, 0));
            out.add(new RegionCost("bitmap", w, rows * rowBitmapWords, rowBitmapWords,
                    rows * blockEndWords(c.outChannels(), kk, w), rows * rowBitmapWords, 0));
            out.add(new RegionCost("weights", w, weightWords, Packing.words(rowNnz, b, w), blockWeightWords, weightWords,
                    weightWords));
        } else {
            int ib = Packing.bitsFor(cols - 1);
            long idxWords = Packing.words(n, ib, w);
            out.add(new RegionCost("pointers", pb, rows + 1, 2, 2.0 * rows, rows + 1, 0));
            out.add(new RegionCost("indices", w, idxWords, Packing.words(rowNnz, ib, w),
                    rows * (searchWords(rowNnz, ib, w) + Packing.words(blockNnz, ib, w)), idxWords, 0));
            out.add(new RegionCost("weights", w, weightWords, Packing.words(rowNnz, b, w), blockWeightWords, weightWords,
                    weightWords));
        }
    }

    /** Bitmap words from a row's start to the end of block o (k² bits), averaged over the blocks. */
    static double blockEndWords(int blocks, int kk, int w) {
        double sum = 0;
        for (int o = 0; o < blocks; o++) {
            sum += ((long) (o + 1) * kk - 1) / w + 1;
        }
        return sum / blocks;
    }

    /**
     * Address additions per forward and backward access: a conv layer's targets and sources are
     * computed from the kernel position under every encoding (one add per synapse reached; conv-func
     * walks every kernel position, the others only the non-zero ones). An FC layer stores its targets.
     */
    public static double addressOpsPerAccess(Encoding encoding, LayerShape shape, double density, boolean forward) {
        if (!(shape instanceof LayerShape.Conv)) {
            return 0;
        }
        double all = forward ? shape.fanOut() : shape.fanIn();
        return encoding == Encoding.CONV_FUNC ? all : density * all;
    }
}
