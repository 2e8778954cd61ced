package org.spikecore.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Format;

/** The closed-form counts against the instantiated memories' counters, and hand-computed layouts. */
class EncodingCostTest {

    /** A pre×post matrix with exactly m non-zero weights in every row, at random columns. */
    private static int[][] uniformRows(int pre, int post, int m, long seed) {
        int[] ps = new int[pre * m];
        int[] qs = new int[pre * m];
        int[] ws = new int[pre * m];
        int n = 0;
        for (int i = 0; i < pre; i++) {
            java.util.TreeSet<Integer> cols = new java.util.TreeSet<>();
            int d = 0;
            while (cols.size() < m) {
                cols.add(CounterRng.belowBound(CounterRng.bits(seed, i, 0, d++), post));
            }
            for (int j : cols) {
                ps[n] = i;
                qs[n] = j;
                ws[n++] = 1 + CounterRng.belowBound(CounterRng.bits(seed, i, 1, j), 30);
            }
        }
        return new int[][] {ps, qs, ws};
    }

    private static RegionCost region(List<RegionCost> rs, String name) {
        return rs.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void crossbarCountsByHand() {
        // 784 x 128 at 4 bits in 64-bit words: 16 weights a word, 8 words a row
        List<RegionCost> r = EncodingCost.regions(Encoding.CROSSBAR, new LayerShape.Fc(784, 128), 4, 0.5, 64);
        assertThat(r).singleElement().satisfies(w -> {
            assertThat(w.words()).isEqualTo(784 * 8);
            assertThat(w.forwardReads()).isEqualTo(8);
            assertThat(w.backwardReads()).isEqualTo(784);
            assertThat(w.updateReads()).isEqualTo(784 * 8);
        });
        DenseMemory d = new DenseMemory(784, 128, new Format(4, 0, true), 64);
        d.forward(3, (p, q, w) -> { });
        d.backward(5, (p, q, w) -> { });
        assertThat(d.counter().reads(0)).isEqualTo(8 + 784);
        assertThat(d.storageBits()).isEqualTo(784 * 8 * 64);
    }

    @Test
    void pointerEncodingsCountAsTheClosedFormSays() {
        int pre = 40;
        int post = 128; // a multiple of the word width, so the average bitmap prefix is exact
        int m = 24;
        int w = 32;
        Format f = new Format(6, 0, true);
        int[][] s = uniformRows(pre, post, m, 9);
        LayerShape shape = new LayerShape.Fc(pre, post);
        double density = m / (double) post;
        for (Encoding e : List.of(Encoding.PB_BMP, Encoding.PB_CSR, Encoding.DUAL)) {
            PackedSynapseMemory mem = new PackedSynapseMemory(e, pre, post, f, w, s[0], s[1], s[2]);
            List<RegionCost> closed = EncodingCost.regions(e, shape, 6, density, w);
            for (int r = 0; r < mem.counter().regions().size(); r++) {
                MemoryRegion region = mem.counter().regions().get(r);
                assertThat(region.words()).as("%s %s capacity", e, region.name())
                        .isEqualTo(region(closed, region.name()).words());
            }
            for (int i = 0; i < pre; i++) {
                mem.forward(i, (p, q, x) -> { });
            }
            for (int r = 0; r < mem.counter().regions().size(); r++) {
                String name = mem.counter().regions().get(r).name();
                assertThat((double) mem.counter().reads(r)).as("%s %s forward", e, name)
                        .isEqualTo(pre * region(closed, name).forwardReads());
            }
            mem.counter().reset();
            for (int j = 0; j < post; j++) {
                mem.backward(j, (p, q, x) -> { });
            }
            for (int r = 0; r < mem.counter().regions().size(); r++) {
                String name = mem.counter().regions().get(r).name();
                if (e == Encoding.DUAL && name.startsWith("col-") && !name.equals("col-pointers")) {
                    continue; // per-column lengths vary; their sum is checked below
                }
                assertThat((double) mem.counter().reads(r)).as("%s %s backward", e, name)
                        .isEqualTo(post * region(closed, name).backwardReads());
            }
        }
    }

    @Test
    void convKernelEncodingsCountAsTheClosedFormSays() {
        LayerShape.Conv shape = new LayerShape.Conv(6, 6, 4, 8, 3);
        int[] kernel = new int[(int) shape.distinctWeights()];
        java.util.Arrays.fill(kernel, 3);
        for (Encoding e : List.of(Encoding.PB_BMP, Encoding.PB_CSR, Encoding.CONV_FUNC, Encoding.CONV_FUNC_BMP,
                Encoding.CONV_FUNC_ROWCOL)) {
            ConvKernelMemory mem = new ConvKernelMemory(e, shape, new Format(4, 0, true), 64, kernel);
            List<RegionCost> closed = EncodingCost.regions(e, shape, 4, 1.0, 64);
            mem.forward(10, (p, q, x) -> { });
            // one interior post per output channel: the average over channels is the closed form's
            for (int o = 0; o < 8; o++) {
                mem.backward((o * 6 + 2) * 6 + 3, (p, q, x) -> { });
            }
            assertThat(mem.counter().regions()).hasSameSizeAs(closed);
            for (int r = 0; r < closed.size(); r++) {
                RegionCost c = closed.get(r);
                assertThat(mem.counter().regions().get(r).words()).as("%s %s capacity", e, c.name()).isEqualTo(c.words());
                assertThat(mem.counter().regions().get(r).wordBits()).as("%s %s width", e, c.name()).isEqualTo(c.wordBits());
                assertThat((double) mem.counter().reads(r)).as("%s %s", e, c.name())
                        .isCloseTo(c.forwardReads() + 8 * c.backwardReads(), org.assertj.core.api.Assertions.within(1e-9));
            }
        }
        // conv-func: 8 outputs x 9 weights of 4 bits = 72 weights, 16 a word → 5 words forward; 4 blocks of 9 → 4 x 1 backward
        RegionCost k = EncodingCost.regions(Encoding.CONV_FUNC, shape, 4, 1.0, 64).get(0);
        assertThat(k.forwardReads()).isEqualTo(5);
        assertThat(k.backwardReads()).isEqualTo(4);
        assertThat(k.words()).isEqualTo(4 * 5);
        // pb-csr over the kernel: 4 rows; a backward access searches each row once (bisect 72 indices of 7 bits: 7
        // probes, fewer than the 8 words a scan reads) and scans the block's 9 indices (1 word)
        RegionCost idx = EncodingCost.regions(Encoding.PB_CSR, shape, 4, 1.0, 64).get(1);
        assertThat(idx.backwardReads()).isEqualTo(4 * (7 + 1));
        // the kernel, not the expanded 144 x 288 matrix, is stored
        assertThat(EncodingCost.regions(Encoding.PB_BMP, shape, 4, 1.0, 64).get(1).words()).isEqualTo(4 * 2);
    }

    @Test
    void searchesScanWhereAScanReadsFewerWords() {
        // 6 indices of 7 bits fit one 64-bit word: a scan reads 1 word, a bisection 3
        assertThat(EncodingCost.searchWords(6, 7, 64)).isEqualTo(1);
        assertThat(EncodingCost.searchWords(100, 7, 64)).isEqualTo(7);
        assertThat(EncodingCost.averagePrefixWords(128, 64)).isEqualTo(1.5);
        // pointer tables are one pointer wide, so data words narrower than a pointer work
        List<RegionCost> r = EncodingCost.regions(Encoding.PB_CSR, new LayerShape.Fc(784, 128), 4, 0.5, 8);
        assertThat(r.get(0).wordBits()).isEqualTo(Packing.bitsFor(784 * 64));
        assertThat(r.get(2).wordBits()).isEqualTo(8);
    }

    @Test
    void badParametersAreNamed() {
        LayerShape fc = new LayerShape.Fc(10, 10);
        assertThatThrownBy(() -> EncodingCost.regions(Encoding.CROSSBAR, fc, 0, 0.5, 64)).hasMessageContaining("weight bits");
        assertThatThrownBy(() -> EncodingCost.regions(Encoding.CROSSBAR, fc, 4, 0, 64)).hasMessageContaining("density must be in (0, 1]");
        assertThatThrownBy(() -> EncodingCost.regions(Encoding.CROSSBAR, fc, 4, 1.5, 64)).hasMessageContaining("density");
        assertThatThrownBy(() -> EncodingCost.regions(Encoding.CONV_FUNC, fc, 4, 0.5, 64)).hasMessageContaining("needs a conv layer");
        assertThatThrownBy(() -> EncodingCost.regions(Encoding.CROSSBAR, new LayerShape.Conv(8, 8, 2, 2, 3), 4, 0.5, 64))
                .hasMessageContaining("needs an fc layer");
        assertThatThrownBy(() -> LayerShape.parse("fc:2147483647x2147483647")).hasMessageContaining("at most 2^40");
        assertThatThrownBy(() -> LayerShape.parse("conv:46341x46341x2-1k3")).hasMessageContaining("too large");
        assertThatThrownBy(() -> EncodingCost.regions(Encoding.CROSSBAR, fc, 70, 0.5, 64)).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> Encoding.fromName("csr2")).hasMessageContaining("unknown encoding 'csr2'");
        assertThatThrownBy(() -> LayerShape.parse("fc:784")).hasMessageContaining("is not fc:PRExPOST");
        assertThatThrownBy(() -> LayerShape.parse("conv:28x28x32-32k4")).hasMessageContaining("kernel must be odd");
        assertThat(LayerShape.parse("conv:28x28x32-32k3")).isEqualTo(new LayerShape.Conv(28, 28, 32, 32, 3));
        assertThat(LayerShape.parse("fc:784x128").fanIn()).isEqualTo(784);
    }
}
