package org.spikecore.memory;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.fixed.Format;

/**
 * Functional encodings of a stride-1, same-padded convolution ({@link Encoding#CONV_FUNC} and
 * {@link Encoding#CONV_FUNC_BMP}): the kernel {@code K[cin][cout][dy][dx]} is stored once and the
 * synapses are computed. Neuron indices are channel-major, {@code (c·H + y)·W + x}; with
 * {@code r = k/2}, pre {@code (c, y, x)} reaches post {@code (o, y − dy + r, x − dx + r)} through
 * {@code K[c][o][dy][dx]} (forward: {@code post = pre + offset}), and post {@code (o, Y, X)} is
 * reached from pre {@code (c, Y + dy − r, X + dx − r)} (backward: {@code pre = post − offset}).
 *
 * <p>Layout and counts as in {@link EncodingCost}: conv-func packs the kernel per input channel
 * ({@code Cout·k²} weights, word-aligned per channel); a forward access reads its channel's words,
 * a backward access one k×k block per input channel. conv-func-bmp adds a pointer per (cin, cout)
 * block and a bitmap of non-zero kernel weights, stores only non-zero weights, and reads only those.
 * Updating a weight updates the shared kernel element, so every synapse that shares it changes.
 */
public final class ConvFunctionalMemory implements SynapseMemory {

    private final boolean bitmap;
    private final LayerShape.Conv shape;
    private final Format format;
    private final int wordBits;
    private final int[] kernel; // [cin][cout][dy][dx]
    private final AccessCounter counter;
    private final int kk;
    private final int blockPointerBits;

    /** A functional conv memory with raw kernel weights {@code kernel[((c·Cout + o)·k + dy)·k + dx]}. */
    public ConvFunctionalMemory(Encoding encoding, LayerShape.Conv shape, Format format, int wordBits, int[] kernel) {
        if (!encoding.convolutionOnly()) {
            throw new IllegalArgumentException("ConvFunctionalMemory models conv-func and conv-func-bmp, not " + encoding.cliName());
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
        this.bitmap = encoding == Encoding.CONV_FUNC_BMP;
        this.shape = shape;
        this.format = format;
        this.wordBits = wordBits;
        this.kernel = kernel.clone();
        this.kk = shape.k() * shape.k();
        long nonZero = nonZeroKernel();
        this.blockPointerBits = Packing.bitsFor(nonZero);
        int b = format.bits();
        List<MemoryRegion> regions = new ArrayList<>();
        if (bitmap) {
            long blocks = (long) shape.inChannels() * shape.outChannels();
            regions.add(new MemoryRegion("block-pointers", wordBits, Packing.words(blocks, blockPointerBits, wordBits)));
            regions.add(new MemoryRegion("kernel-bitmap", wordBits, Packing.words(shape.distinctWeights(), 1, wordBits)));
            regions.add(new MemoryRegion("kernel", wordBits, Packing.words(nonZero, b, wordBits)));
        } else {
            regions.add(new MemoryRegion("kernel", wordBits,
                    shape.inChannels() * Packing.words((long) shape.outChannels() * kk, b, wordBits)));
        }
        this.counter = new AccessCounter(regions);
    }

    private long nonZeroKernel() {
        long n = 0;
        for (int w : kernel) {
            n += w != 0 ? 1 : 0;
        }
        return n;
    }

    private int kernelIndex(int c, int o, int dy, int dx) {
        return ((c * shape.outChannels() + o) * shape.k() + dy) * shape.k() + dx;
    }

    private long nonZeroIn(int from, int count) {
        long n = 0;
        for (int i = from; i < from + count; i++) {
            n += kernel[i] != 0 ? 1 : 0;
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

    @Override
    public void forward(int pre, SynapseVisitor visitor) {
        int h = shape.height();
        int wd = shape.width();
        int c = pre / (h * wd);
        int y = pre / wd % h;
        int x = pre % wd;
        int r = shape.k() / 2;
        int slice = shape.outChannels() * kk;
        int b = format.bits();
        if (bitmap) {
            counter.read(0, 1);
            counter.read(1, Packing.words(slice, 1, wordBits));
            counter.read(2, Packing.words(nonZeroIn(kernelIndex(c, 0, 0, 0), slice), b, wordBits));
        } else {
            counter.read(0, Packing.words(slice, b, wordBits));
        }
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

    @Override
    public void backward(int post, SynapseVisitor visitor) {
        int o = post / (shape.height() * shape.width());
        int b = format.bits();
        if (bitmap) {
            counter.read(0, shape.inChannels());
            counter.read(1, (long) shape.inChannels() * Packing.words(kk, 1, wordBits));
            for (int c = 0; c < shape.inChannels(); c++) {
                counter.read(2, Packing.words(nonZeroIn(kernelIndex(c, o, 0, 0), kk), b, wordBits));
            }
        } else {
            counter.read(0, (long) shape.inChannels() * Packing.words(kk, b, wordBits));
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

    @Override
    public int weight(int pre, int post) {
        int k = kernelIndexOf(pre, post);
        counter.read(counter.regions().size() - 1, 1);
        return k < 0 ? 0 : kernel[k];
    }

    @Override
    public void update(int pre, int post, int delta) {
        int k = kernelIndexOf(pre, post);
        if (k < 0 || (bitmap && kernel[k] == 0)) {
            throw new IllegalArgumentException("synapse " + pre + " -> " + post + " is not stored in this "
                    + (bitmap ? "conv-func-bmp" : "conv-func") + " memory");
        }
        int weights = counter.regions().size() - 1;
        if (bitmap) {
            counter.read(0, 1);
            counter.read(1, 1);
        }
        counter.read(weights, 1);
        counter.write(weights, 1);
        kernel[k] = format.saturate((long) kernel[k] + delta);
    }

    @Override
    public AccessCounter counter() {
        return counter;
    }
}
