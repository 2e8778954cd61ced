package org.spikecore.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The closed-form memory layout and access counts of an encoding for a layer: what
 * {@code spikecore cost} prices. The instantiable memories ({@link DenseMemory},
 * {@link PackedSynapseMemory}) count their accesses by the same rules, and the tests check that
 * they agree on concrete matrices.
 *
 * <p>Conventions (w = word bits, b = weight bits, d = fraction of non-zero weights, P/Q = pre/post
 * neurons, fanOut/fanIn = structural synapses per pre/post neuron, nnz = d·fanOut per row and
 * d·fanIn per column, N = P·d·fanOut non-zero synapses):
 * <ul>
 * <li><b>crossbar</b>: weights P·⌈Q/⌊w/b⌋⌉ words. Forward reads the row's words, backward one word
 * per row, the update pass reads and writes every word.</li>
 * <li><b>pb-bmp</b>: pointers (one per row, ⌈log2(N+1)⌉ bits), a Q-bit bitmap per row (row-aligned),
 * the non-zero weights packed. Forward: 1 pointer word, the row's bitmap words, the row's weight
 * words. Backward for column j: per row 1 pointer word and the bitmap words up to j (to count the
 * offset; on average (⌈Q/w⌉+1)/2), plus one word per non-zero weight of the column.</li>
 * <li><b>pb-csr</b>: pointers (P+1), post indices (⌈log2 Q⌉ bits) and weights, packed. Forward:
 * 2 pointer words, the row's index and weight words. Backward: per row 2 pointer words and a binary
 * search of its indices (⌈log2(nnz+1)⌉ index words), plus one word per non-zero of the column.</li>
 * <li><b>dual</b>: pb-csr plus its transpose (CSC); backward uses the CSC like forward uses the CSR;
 * the update pass writes both weight copies.</li>
 * <li><b>conv-func</b>: the kernel (Cout·Cin·k² weights) stored once as [Cin][Cout][k][k]; forward
 * reads the Cout·k² weights of the spike's input channel, backward reads one k×k block per input
 * channel (Cin blocks); targets and sources are computed (one address add per synapse).</li>
 * <li><b>conv-func-bmp</b>: as conv-func with a bitmap of the non-zero kernel weights, only those
 * stored, and a pointer per (Cin, Cout) block; accesses read the block pointers and bitmaps they
 * need and only non-zero weights.</li>
 * </ul>
 * Every encoding's update pass reads its whole structure once and writes its weights once.
 */
public final class EncodingCost {

    private EncodingCost() {
    }

    /** Regions and counts of {@code encoding} for {@code shape} with b-bit weights, density d, w-bit words. */
    public static List<RegionCost> regions(Encoding encoding, LayerShape shape, int weightBits, double density,
            int wordBits) {
        if (weightBits < 1) {
            throw new IllegalArgumentException("weight bits must be at least 1, got " + weightBits);
        }
        if (!(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("density must be in (0, 1], got " + density);
        }
        if (encoding.convolutionOnly() && !(shape instanceof LayerShape.Conv)) {
            throw new IllegalArgumentException("encoding " + encoding.cliName() + " needs a conv layer, got " + shape.label());
        }
        Packing.perWord(weightBits, wordBits); // validates b <= w
        int w = wordBits;
        int b = weightBits;
        long p = shape.pre();
        long q = shape.post();
        double rowNnz = density * shape.fanOut();
        double colNnz = density * shape.fanIn();
        double n = p * rowNnz;
        List<RegionCost> out = new ArrayList<>();
        switch (encoding) {
            case CROSSBAR -> {
                long rowWords = Packing.words(q, b, w);
                long words = p * rowWords;
                out.add(new RegionCost("weights", w, words, rowWords, p, words, words));
            }
            case PB_BMP -> {
                int pb = Packing.bitsFor((long) Math.ceil(n));
                long ptrWords = Packing.words(p, pb, w);
                long rowBitmapWords = Packing.words(q, 1, w);
                long weightWords = Packing.words(n, b, w);
                out.add(new RegionCost("pointers", w, ptrWords, 1, p, ptrWords, 0));
                out.add(new RegionCost("bitmap", w, p * rowBitmapWords, rowBitmapWords, p * (rowBitmapWords + 1) / 2.0,
                        p * rowBitmapWords, 0));
                out.add(new RegionCost("weights", w, weightWords, Packing.words(rowNnz, b, w), colNnz, weightWords,
                        weightWords));
            }
            case PB_CSR, DUAL -> {
                int pb = Packing.bitsFor((long) Math.ceil(n));
                int ib = Packing.bitsFor(q - 1);
                long ptrWords = Packing.words(p + 1, pb, w);
                long idxWords = Packing.words(n, ib, w);
                long weightWords = Packing.words(n, b, w);
                double probes = Math.ceil(Math.log(rowNnz + 1) / Math.log(2));
                boolean dual = encoding == Encoding.DUAL;
                out.add(new RegionCost("pointers", w, ptrWords, 2, dual ? 0 : 2.0 * p, ptrWords, 0));
                out.add(new RegionCost("indices", w, idxWords, Packing.words(rowNnz, ib, w), dual ? 0 : p * probes, idxWords,
                        0));
                out.add(new RegionCost("weights", w, weightWords, Packing.words(rowNnz, b, w), dual ? 0 : colNnz,
                        weightWords, weightWords));
                if (dual) {
                    int cib = Packing.bitsFor(p - 1);
                    long colPtrWords = Packing.words(q + 1, pb, w);
                    long colIdxWords = Packing.words(n, cib, w);
                    out.add(new RegionCost("col-pointers", w, colPtrWords, 0, 2, colPtrWords, 0));
                    out.add(new RegionCost("col-indices", w, colIdxWords, 0, Packing.words(colNnz, cib, w), colIdxWords, 0));
                    out.add(new RegionCost("col-weights", w, weightWords, 0, Packing.words(colNnz, b, w), weightWords,
                            weightWords));
                }
            }
            case CONV_FUNC -> {
                LayerShape.Conv c = (LayerShape.Conv) shape;
                int kk = c.k() * c.k();
                long kernelWords = c.inChannels() * Packing.words((long) c.outChannels() * kk, b, w);
                out.add(new RegionCost("kernel", w, kernelWords, Packing.words((long) c.outChannels() * kk, b, w),
                        c.inChannels() * Packing.words(kk, b, w), kernelWords, kernelWords));
            }
            case CONV_FUNC_BMP -> {
                LayerShape.Conv c = (LayerShape.Conv) shape;
                int kk = c.k() * c.k();
                long blocks = (long) c.inChannels() * c.outChannels();
                double nnzKernel = density * shape.distinctWeights();
                int pb = Packing.bitsFor((long) Math.ceil(nnzKernel));
                long ptrWords = Packing.words(blocks, pb, w);
                long bitmapWords = Packing.words(shape.distinctWeights(), 1, w);
                long weightWords = Packing.words(nnzKernel, b, w);
                out.add(new RegionCost("block-pointers", w, ptrWords, 1, c.inChannels(), ptrWords, 0));
                out.add(new RegionCost("kernel-bitmap", w, bitmapWords, Packing.words((long) c.outChannels() * kk, 1, w),
                        c.inChannels() * Packing.words(kk, 1, w), bitmapWords, 0));
                out.add(new RegionCost("kernel", w, weightWords, Packing.words(density * c.outChannels() * kk, b, w),
                        c.inChannels() * Packing.words(density * kk, b, w), weightWords, weightWords));
            }
        }
        return out;
    }

    /** Address arithmetic operations per forward and backward access (functional encodings compute targets). */
    public static double addressOpsPerAccess(Encoding encoding, LayerShape shape, boolean forward) {
        if (!encoding.convolutionOnly()) {
            return 0;
        }
        return forward ? shape.fanOut() : shape.fanIn();
    }
}
