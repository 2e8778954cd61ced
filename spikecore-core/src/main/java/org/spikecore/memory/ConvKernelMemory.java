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

    /**
     * The convolution: {@code inChannels × height × width} in, {@code outChannels} k×k kernels,
     * stride and zero padding; post {@code (o, Y, X)} receives pre {@code (c, Y·stride − padding + dy,
     * X·stride − padding + dx)} through {@code K[c][o][dy][dx]}.
     */
    public record Geometry(int inChannels, int height, int width, int outChannels, int k, int stride, int padding) {
        public Geometry {
            if (inChannels < 1 || height < 1 || width < 1 || outChannels < 1 || k < 1 || stride < 1 || padding < 0
                    || height + 2 * padding < k || width + 2 * padding < k) {
                throw new IllegalArgumentException("conv geometry does not fit: in " + inChannels + "x" + height + "x" + width
                        + ", out " + outChannels + ", kernel " + k + ", stride " + stride + ", padding " + padding);
            }
        }

        /** The stride-1, same-padded convolution of a cost shape. */
        public static Geometry of(LayerShape.Conv c) {
            return new Geometry(c.inChannels(), c.height(), c.width(), c.outChannels(), c.k(), 1, c.k() / 2);
        }

        public int outHeight() {
            return (height + 2 * padding - k) / stride + 1;
        }

        public int outWidth() {
            return (width + 2 * padding - k) / stride + 1;
        }

        public int pre() {
            return inChannels * height * width;
        }

        public int post() {
            return outChannels * outHeight() * outWidth();
        }
    }

    private final Encoding encoding;
    private final Geometry g;
    private final int postLo;
    private final int postLen;
    /** The output channels this memory stores: {@code firstOut .. firstOut + outChannels − 1}. */
    private final int firstOut;
    private final int outChannels;
    private final Format format;
    private final int wordBits;
    private final int[] kernel; // [cin][local cout][dy][dx]
    private final boolean[] stored;
    private final AccessCounter counter;
    private final int kk;
    private final int columns;
    private final int indexBits;
    private final int offsetBits;

    /** A memory of a stride-1 same-padded {@code shape} with raw kernel weights {@code kernel[((c·Cout + o)·k + dy)·k + dx]}. */
    public ConvKernelMemory(Encoding encoding, LayerShape.Conv shape, Format format, int wordBits, int[] kernel) {
        this(encoding, Geometry.of(shape), 0, shape.post(), format, wordBits, kernel);
    }

    /**
     * A memory of the posts {@code postLo .. postLo + postLen − 1} of convolution {@code g} (local
     * post indices from 0), storing the kernel of the output channels they belong to; {@code kernel}
     * holds every output channel, {@code [c][o][dy][dx]}.
     */
    public ConvKernelMemory(Encoding encoding, Geometry g, int postLo, int postLen, Format format, int wordBits, int[] kernel) {
        if (encoding == Encoding.CROSSBAR || encoding == Encoding.DUAL) {
            throw new IllegalArgumentException("a conv kernel cannot be stored as " + encoding.cliName());
        }
        long distinct = (long) g.inChannels() * g.outChannels() * g.k() * g.k();
        if (kernel.length != distinct) {
            throw new IllegalArgumentException("kernel of " + g + " needs " + distinct + " weights, got " + kernel.length);
        }
        if (postLo < 0 || postLen < 1 || postLo + postLen > g.post()) {
            throw new IllegalArgumentException("posts " + postLo + ".." + (postLo + postLen - 1) + " are outside the "
                    + g.post() + " of " + g);
        }
        for (int i = 0; i < kernel.length; i++) {
            if (!format.contains(kernel[i])) {
                throw new IllegalArgumentException("kernel weight " + i + " = " + kernel[i] + " is outside " + format);
            }
        }
        Packing.perWord(format.bits(), wordBits);
        this.encoding = encoding;
        this.g = g;
        this.postLo = postLo;
        this.postLen = postLen;
        int plane = g.outHeight() * g.outWidth();
        this.firstOut = postLo / plane;
        this.outChannels = (postLo + postLen - 1) / plane - firstOut + 1;
        this.format = format;
        this.wordBits = wordBits;
        this.kk = g.k() * g.k();
        this.columns = outChannels * kk;
        this.kernel = new int[g.inChannels() * columns];
        for (int c = 0; c < g.inChannels(); c++) {
            System.arraycopy(kernel, (c * g.outChannels() + firstOut) * kk, this.kernel, c * columns, columns);
        }
        this.stored = new boolean[this.kernel.length];
        long n = 0;
        for (int i = 0; i < this.kernel.length; i++) {
            stored[i] = encoding == Encoding.CONV_FUNC || this.kernel[i] != 0;
            n += stored[i] ? 1 : 0;
        }
        this.indexBits = Packing.bitsFor(columns - 1L);
        this.offsetBits = EncodingCost.offsetBits(g.k());
        int pb = Packing.bitsFor(n);
        int b = format.bits();
        int cin = g.inChannels();
        long blocks = (long) cin * outChannels;
        long all = this.kernel.length;
        List<MemoryRegion> regions = new ArrayList<>();
        switch (encoding) {
            case CONV_FUNC -> regions.add(new MemoryRegion("kernel", wordBits, cin * Packing.words(columns, b, wordBits)));
            case CONV_FUNC_BMP -> {
                regions.add(new MemoryRegion("block-pointers", pb, blocks));
                regions.add(new MemoryRegion("kernel-bitmap", wordBits, Packing.words(all, 1, wordBits)));
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

    /** Index of K[c][local o][dy][dx]. */
    private int kernelIndex(int c, int o, int dy, int dx) {
        return ((c * outChannels + o) * g.k() + dy) * g.k() + dx;
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
        return g.pre();
    }

    @Override
    public int postCount() {
        return postLen;
    }

    @Override
    public Format weightFormat() {
        return format;
    }

    @Override
    public long nonZeroCount() {
        long n = 0;
        for (int j = 0; j < postLen; j++) {
            int[] c = {0};
            visitSources(j, (p, q, w) -> c[0]++, false);
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
                counter.read(0, outChannels + 1L);
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
        forward(pre, visitor, false);
    }

    @Override
    public void forwardStored(int pre, SynapseVisitor visitor) {
        forward(pre, visitor, true);
    }

    /** The synapses of {@code pre}: the non-zero ones, or with {@code zeros} every stored kernel element's. */
    private void forward(int pre, SynapseVisitor visitor, boolean zeros) {
        int c = pre / (g.height() * g.width());
        countForward(c);
        int y = pre / g.width() % g.height();
        int x = pre % g.width();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int s = g.stride();
        for (int o = 0; o < outChannels; o++) {
            for (int dy = g.k() - 1; dy >= 0; dy--) {
                int ty = y + g.padding() - dy;
                if (ty < 0 || ty % s != 0 || ty / s >= oh) {
                    continue;
                }
                for (int dx = g.k() - 1; dx >= 0; dx--) {
                    int tx = x + g.padding() - dx;
                    if (tx < 0 || tx % s != 0 || tx / s >= ow) {
                        continue;
                    }
                    int k = kernelIndex(c, o, dy, dx);
                    int w = kernel[k];
                    int post = ((firstOut + o) * oh + ty / s) * ow + tx / s - postLo;
                    if ((zeros ? stored[k] : w != 0) && post >= 0 && post < postLen) {
                        visitor.visit(pre, post, w);
                    }
                }
            }
        }
    }

    @Override
    public int accumulateForward(int pre, int[] acc, int accOffset) {
        if (g.stride() != 1) {
            int[] n = {0};
            forward(pre, (p, post, w) -> {
                acc[accOffset + post] += w;
                n[0]++;
            });
            return n[0];
        }
        int c = pre / (g.height() * g.width());
        countForward(c);
        // stride 1: the kernel rows and columns that land inside the output, without a test per position
        int y = pre / g.width() % g.height() + g.padding();
        int x = pre % g.width() + g.padding();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int k = g.k();
        int dyLo = Math.max(0, y - oh + 1);
        int dyHi = Math.min(k - 1, y);
        int dxLo = Math.max(0, x - ow + 1);
        int dxHi = Math.min(k - 1, x);
        int plane = oh * ow;
        int n = 0;
        for (int o = 0; o < outChannels; o++) {
            int base = (firstOut + o) * plane - postLo;
            boolean inside = base >= 0 && base + plane <= postLen;
            for (int dy = dyLo; dy <= dyHi; dy++) {
                int row = base + (y - dy) * ow + x;
                int kRow = kernelIndex(c, o, dy, 0);
                for (int dx = dxLo; dx <= dxHi; dx++) {
                    int post = row - dx;
                    if (inside || (post >= 0 && post < postLen)) {
                        int w = kernel[kRow + dx];
                        acc[accOffset + post] += w;
                        n += w != 0 ? 1 : 0;
                    }
                }
            }
        }
        return n;
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
        countBackward(post);
        visitSources(post, visitor, false);
    }

    @Override
    public void backwardStored(int post, SynapseVisitor visitor) {
        countBackward(post);
        visitSources(post, visitor, true);
    }

    private void countBackward(int post) {
        int o = (post + postLo) / (g.outHeight() * g.outWidth()) - firstOut;
        int b = format.bits();
        int cin = g.inChannels();
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
    }

    private void visitSources(int post, SynapseVisitor visitor, boolean zeros) {
        int global = post + postLo;
        int plane = g.outHeight() * g.outWidth();
        int o = global / plane - firstOut;
        int y = global / g.outWidth() % g.outHeight();
        int x = global % g.outWidth();
        for (int c = 0; c < g.inChannels(); c++) {
            for (int dy = 0; dy < g.k(); dy++) {
                int sy = y * g.stride() - g.padding() + dy;
                if (sy < 0 || sy >= g.height()) {
                    continue;
                }
                for (int dx = 0; dx < g.k(); dx++) {
                    int sx = x * g.stride() - g.padding() + dx;
                    if (sx < 0 || sx >= g.width()) {
                        continue;
                    }
                    int k = kernelIndex(c, o, dy, dx);
                    int w = kernel[k];
                    if (zeros ? stored[k] : w != 0) {
                        visitor.visit((c * g.height() + sy) * g.width() + sx, post, w);
                    }
                }
            }
        }
    }

    /** Kernel index of the synapse (pre, local post), or −1 when they are not connected. */
    private int kernelIndexOf(int pre, int post) {
        int global = post + postLo;
        int c = pre / (g.height() * g.width());
        int o = global / (g.outHeight() * g.outWidth()) - firstOut;
        // sy = Y·s − p + dy  ⇒  dy = sy − Y·s + p
        int dy = (pre / g.width() % g.height()) - (global / g.outWidth() % g.outHeight()) * g.stride() + g.padding();
        int dx = (pre % g.width()) - (global % g.outWidth()) * g.stride() + g.padding();
        if (dy < 0 || dy >= g.k() || dx < 0 || dx >= g.k()) {
            return -1;
        }
        return kernelIndex(c, o, dy, dx);
    }

    /** Number of distinct weights of the whole convolution (every output channel), the range of {@link #sharedIndex}. */
    public int sharedCount() {
        return g.inChannels() * g.outChannels() * kk;
    }

    /**
     * The kernel weight that synapse (pre, local post) shares with the other positions, as an index
     * into the whole convolution's {@code [c][o][dy][dx]} kernel (the same in every memory of the
     * convolution's slices), or −1 when they are not connected. Address arithmetic, not counted.
     */
    public int sharedIndex(int pre, int post) {
        int k = kernelIndexOf(pre, post);
        if (k < 0) {
            return -1;
        }
        int c = k / columns;
        int rest = k % columns;
        return (c * g.outChannels() + firstOut + rest / kk) * kk + rest % kk;
    }

    /**
     * Adds {@code delta} to shared kernel weight {@code shared} ({@link #sharedIndex}), saturating
     * once into the weight format, when this memory holds its output channel; counted as one
     * read-modify-write of the element. Returns whether this memory holds it.
     */
    public boolean updateShared(int shared, long delta) {
        int perIn = g.outChannels() * kk;
        int c = shared / perIn;
        int o = shared % perIn / kk - firstOut;
        if (shared < 0 || shared >= sharedCount() || o < 0 || o >= outChannels) {
            return false;
        }
        int k = (c * outChannels + o) * kk + shared % kk;
        if (!stored[k]) {
            throw new IllegalArgumentException("kernel weight " + shared + " is not stored in this " + encoding.cliName() + " memory");
        }
        countPoint(k);
        int weights = counter.regions().size() - 1;
        counter.read(weights, 1);
        counter.write(weights, 1);
        kernel[k] = format.saturate(kernel[k] + delta);
        return true;
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
