package org.spikecore.memory;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.fixed.Format;

/**
 * The weight-shared encodings of a stride-1, same-padded convolution: the kernel
 * {@code K[cin][cout][dy][dx]} is stored once and the synapses are computed. Neuron indices are
 * channel-major, {@code (c·H + y)·W + x}; with {@code r = k/2}, pre {@code (c, y, x)} reaches post
 * {@code (o, y − dy + r, x − dx + r)} through {@code K[c][o][dy][dx]} (forward: {@code post = pre +
 * offset}), and post {@code (o, Y, X)} is reached from pre {@code (c, Y + dy − r, X + dx − r)}
 * (backward: {@code pre = post − offset}).
 *
 * <p>Layouts and counts as in {@link EncodingCost}: the functional encodings (conv-func,
 * conv-func-bmp, conv-func-rowcol) find a backward access's weights by address arithmetic, one
 * k×k block per input channel; the pointer encodings (pb-bmp, pb-csr) store the kernel as a matrix
 * with a row per input channel and a column per (cout, dy, dx), and find a backward access's block of
 * columns by searching each row (one pointer and the bitmap prefix up to the block, or two pointers,
 * an index search for the block's first column and a scan of the block). The sparse layouts store the kernel weights non-zero at
 * construction; updating a weight updates the shared kernel element, so every synapse that shares
 * it changes.
 */
public final class ConvKernelMemory implements SynapseMemory {

    private final Encoding encoding;
    private final LayerShape.Conv shape;
    private final Format format;
    private final int wordBits;
    private final int[] kernel; // [cin][cout][dy][dx]
    private final boolean[] stored;
    private final AccessCounter counter;
    private final int kk;
    private final int columns;
    private final int indexBits;
    private final int offsetBits;

    /** A memory of {@code encoding} with raw kernel weights {@code kernel[((c·Cout + o)·k + dy)·k + dx]}. */
    public ConvKernelMemory(Encoding encoding, LayerShape.Conv shape, Format format, int wordBits, int[] kernel) {
        if (!encoding.appliesTo(shape)) {
            throw new IllegalArgumentException("a conv kernel cannot be stored as " + encoding.cliName());
        }
        if (kernel.length != shape.distinctWeights()) {
            throw new IllegalArgumentException("kernel of " + shape.label() + " needs " + shape.distinctWeights()
                    + " weights, got " + kernel.length);
        }
        for (int i = 0; i < kernel.length; i++) {
            if (!format.contains(kernel[i])) {
                throw new IllegalArgumentException("kernel weight " + i + " = " + kernel[i] + " is outside " + format);
            }
        }
        Packing.perWord(format.bits(), wordBits);
        this.encoding = encoding;
        this.shape = shape;
        this.format = format;
        this.wordBits = wordBits;
        this.kernel = kernel.clone();
        this.kk = shape.k() * shape.k();
        this.columns = shape.outChannels() * kk;
        this.stored = new boolean[kernel.length];
        long n = 0;
        for (int i = 0; i < kernel.length; i++) {
            stored[i] = encoding == Encoding.CONV_FUNC || kernel[i] != 0;
            n += stored[i] ? 1 : 0;
        }
        this.indexBits = Packing.bitsFor(columns - 1L);
        this.offsetBits = EncodingCost.offsetBits(shape.k());
        int pb = Packing.bitsFor(n);
        int b = format.bits();
        int cin = shape.inChannels();
        long blocks = (long) cin * shape.outChannels();
        List<MemoryRegion> regions = new ArrayList<>();
        switch (encoding) {
            case CONV_FUNC -> regions.add(new MemoryRegion("kernel", wordBits, cin * Packing.words(columns, b, wordBits)));
            case CONV_FUNC_BMP -> {
                regions.add(new MemoryRegion("block-pointers", pb, blocks));
                regions.add(new MemoryRegion("kernel-bitmap", wordBits, Packing.words(shape.distinctWeights(), 1, wordBits)));
                regions.add(new MemoryRegion("kernel", wordBits, Packing.words(n, b, wordBits)));
            }
            case CONV_FUNC_ROWCOL -> {
                regions.add(new MemoryRegion("block-pointers", pb, blocks + 1));
                regions.add(new MemoryRegion("offsets", wordBits, Packing.words(n, offsetBits, wordBits)));
                regions.add(new MemoryRegion("kernel", wordBits, Packing.words(n, b, wordBits)));
            }
            case PB_BMP -> {
                regions.add(new MemoryRegion("pointers", pb, cin));
                regions.add(new MemoryRegion("bitmap", wordBits, cin * Packing.words(columns, 1, wordBits)));
                regions.add(new MemoryRegion("weights", wordBits, Packing.words(n, b, wordBits)));
            }
            case PB_CSR -> {
                regions.add(new MemoryRegion("pointers", pb, cin + 1L));
                regions.add(new MemoryRegion("indices", wordBits, Packing.words(n, indexBits, wordBits)));
                regions.add(new MemoryRegion("weights", wordBits, Packing.words(n, b, wordBits)));
            }
            case CROSSBAR, DUAL -> throw new AssertionError("refused by appliesTo");
        }
        this.counter = new AccessCounter(regions);
    }

    public Encoding encoding() {
        return encoding;
    }

    private int kernelIndex(int c, int o, int dy, int dx) {
        return ((c * shape.outChannels() + o) * shape.k() + dy) * shape.k() + dx;
    }

    private long storedIn(int from, int count) {
        long n = 0;
        for (int i = from; i < from + count; i++) {
            n += stored[i] ? 1 : 0;
        }
        return n;
    }

    @Override
    public int preCount() {
        return shape.pre();
    }

    @Override
    public int postCount() {
        return shape.post();
    }

    @Override
    public Format weightFormat() {
        return format;
    }

    @Override
    public long nonZeroCount() {
        long n = 0;
        for (int j = 0; j < shape.post(); j++) {
            int[] c = {0};
            visitSources(j, (p, q, w) -> c[0]++);
            n += c[0];
        }
        return n;
    }

    private void countForward(int c) {
        int b = format.bits();
        long rowStored = storedIn(c * columns, columns);
        switch (encoding) {
            case CONV_FUNC -> counter.read(0, Packing.words(columns, b, wordBits));
            case CONV_FUNC_BMP -> {
                counter.read(0, 1);
                counter.read(1, Packing.words(columns, 1, wordBits));
                counter.read(2, Packing.words(rowStored, b, wordBits));
            }
            case CONV_FUNC_ROWCOL -> {
                counter.read(0, shape.outChannels() + 1L);
                counter.read(1, Packing.words(rowStored, offsetBits, wordBits));
                counter.read(2, Packing.words(rowStored, b, wordBits));
            }
            case PB_BMP -> {
                counter.read(0, 1);
                counter.read(1, Packing.words(columns, 1, wordBits));
                counter.read(2, Packing.words(rowStored, b, wordBits));
            }
            case PB_CSR -> {
                counter.read(0, 2);
                counter.read(1, Packing.words(rowStored, indexBits, wordBits));
                counter.read(2, Packing.words(rowStored, b, wordBits));
            }
            case CROSSBAR, DUAL -> throw new AssertionError("refused by appliesTo");
        }
    }

    @Override
    public void forward(int pre, SynapseVisitor visitor) {
        int h = shape.height();
        int wd = shape.width();
        int c = pre / (h * wd);
        int y = pre / wd % h;
        int x = pre % wd;
        int r = shape.k() / 2;
        countForward(c);
        for (int o = 0; o < shape.outChannels(); o++) {
            for (int dy = shape.k() - 1; dy >= 0; dy--) {
                int ty = y - dy + r;
                if (ty < 0 || ty >= h) {
                    continue;
                }
                for (int dx = shape.k() - 1; dx >= 0; dx--) {
                    int tx = x - dx + r;
                    if (tx < 0 || tx >= wd) {
                        continue;
                    }
                    int w = kernel[kernelIndex(c, o, dy, dx)];
                    if (w != 0) {
                        visitor.visit(pre, (o * h + ty) * wd + tx, w);
                    }
                }
            }
        }
    }

    /** Counts locating kernel element (c, col) alone, as a pointer encoding does. */
    private void countLocate(int c, int col) {
        if (encoding == Encoding.PB_BMP) {
            counter.read(0, 1);
            counter.read(1, col / wordBits + 1);
        } else {
            counter.read(0, 2);
            counter.read(1, (long) EncodingCost.searchWords(storedIn(c * columns, columns), indexBits, wordBits));
        }
    }

    @Override
    public void backward(int post, SynapseVisitor visitor) {
        int h = shape.height();
        int wd = shape.width();
        int o = post / (h * wd);
        int b = format.bits();
        int cin = shape.inChannels();
        switch (encoding) {
            case CONV_FUNC -> counter.read(0, cin * Packing.words(kk, b, wordBits));
            case CONV_FUNC_BMP -> {
                counter.read(0, cin);
                counter.read(1, cin * Packing.words(kk, 1, wordBits));
                for (int c = 0; c < cin; c++) {
                    counter.read(2, Packing.words(storedIn(kernelIndex(c, o, 0, 0), kk), b, wordBits));
                }
            }
            case CONV_FUNC_ROWCOL -> {
                counter.read(0, 2L * cin);
                for (int c = 0; c < cin; c++) {
                    long blockStored = storedIn(kernelIndex(c, o, 0, 0), kk);
                    counter.read(1, Packing.words(blockStored, offsetBits, wordBits));
                    counter.read(2, Packing.words(blockStored, b, wordBits));
                }
            }
            case PB_BMP, PB_CSR -> {
                for (int c = 0; c < cin; c++) {
                    long blockStored = storedIn(kernelIndex(c, o, 0, 0), kk);
                    if (encoding == Encoding.PB_BMP) {
                        counter.read(0, 1);
                        counter.read(1, ((long) (o + 1) * kk - 1) / wordBits + 1);
                    } else {
                        counter.read(0, 2);
                        counter.read(1, (long) EncodingCost.searchWords(storedIn(c * columns, columns), indexBits, wordBits)
                                + Packing.words(blockStored, indexBits, wordBits));
                    }
                    counter.read(2, Packing.words(blockStored, b, wordBits));
                }
            }
            case CROSSBAR, DUAL -> throw new AssertionError("refused by appliesTo");
        }
        visitSources(post, visitor);
    }

    private void visitSources(int post, SynapseVisitor visitor) {
        int h = shape.height();
        int wd = shape.width();
        int o = post / (h * wd);
        int y = post / wd % h;
        int x = post % wd;
        int r = shape.k() / 2;
        for (int c = 0; c < shape.inChannels(); c++) {
            for (int dy = 0; dy < shape.k(); dy++) {
                int sy = y + dy - r;
                if (sy < 0 || sy >= h) {
                    continue;
                }
                for (int dx = 0; dx < shape.k(); dx++) {
                    int sx = x + dx - r;
                    if (sx < 0 || sx >= wd) {
                        continue;
                    }
                    int w = kernel[kernelIndex(c, o, dy, dx)];
                    if (w != 0) {
                        visitor.visit((c * h + sy) * wd + sx, post, w);
                    }
                }
            }
        }
    }

    /** Kernel index of the synapse (pre, post), or −1 when they are not connected. */
    private int kernelIndexOf(int pre, int post) {
        int h = shape.height();
        int wd = shape.width();
        int r = shape.k() / 2;
        int c = pre / (h * wd);
        int o = post / (h * wd);
        // Y = y − dy + r  ⇒  dy = y − Y + r
        int dy = (pre / wd % h) - (post / wd % h) + r;
        int dx = (pre % wd) - (post % wd) + r;
        if (dy < 0 || dy >= shape.k() || dx < 0 || dx >= shape.k()) {
            return -1;
        }
        return kernelIndex(c, o, dy, dx);
    }

    /** Counts finding one stored kernel element by its known position (a point read or an update). */
    private void countPoint(int k) {
        int c = k / columns;
        int col = k % columns;
        switch (encoding) {
            case CONV_FUNC -> {
            }
            case CONV_FUNC_BMP -> {
                counter.read(0, 1);
                counter.read(1, 1);
            }
            case CONV_FUNC_ROWCOL -> counter.read(0, 2);
            case PB_BMP, PB_CSR -> countLocate(c, col);
            case CROSSBAR, DUAL -> throw new AssertionError("refused by appliesTo");
        }
    }

    @Override
    public int weight(int pre, int post) {
        int k = kernelIndexOf(pre, post);
        if (k >= 0) {
            countPoint(k);
        }
        if (k < 0 || !stored[k]) {
            return 0;
        }
        counter.read(counter.regions().size() - 1, 1);
        return kernel[k];
    }

    @Override
    public void update(int pre, int post, int delta) {
        int k = kernelIndexOf(pre, post);
        if (k < 0 || !stored[k]) {
            throw new IllegalArgumentException("synapse " + pre + " -> " + post + " is not stored in this "
                    + encoding.cliName() + " memory");
        }
        countPoint(k);
        int weights = counter.regions().size() - 1;
        counter.read(weights, 1);
        counter.write(weights, 1);
        kernel[k] = format.saturate((long) kernel[k] + delta);
    }

    @Override
    public AccessCounter counter() {
        return counter;
    }
}
