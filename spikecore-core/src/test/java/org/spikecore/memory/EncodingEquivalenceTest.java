package org.spikecore.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Format;
import org.spikecore.model.ConvConnectivity;

/** Every encoding returns the same synapses and weights as the dense crossbar, before and after updates. */
class EncodingEquivalenceTest {

    private static final Format W8 = Format.INT8;

    private static List<String> forwardAll(SynapseMemory m) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.preCount(); i++) {
            m.forward(i, (p, q, w) -> out.add(p + ">" + q + "=" + w));
        }
        return out;
    }

    private static List<String> backwardAll(SynapseMemory m) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < m.postCount(); j++) {
            m.backward(j, (p, q, w) -> out.add(p + ">" + q + "=" + w));
        }
        return out;
    }

    private static int[] accumulateAll(SynapseMemory m) {
        int[] acc = new int[m.postCount()];
        for (int i = 0; i < m.preCount(); i++) {
            m.accumulateForward(i, acc, 0);
        }
        return acc;
    }

    /**
     * CSR's row add (gathered, added and scattered a vector of lanes at a time, the rest one by
     * one) equals the row's synapses added one by one, at an offset, with the count of non-zero
     * weights it returns; rows of 0 to 70 synapses, 16-bit weights with zeros among them.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void csrRowAddEqualsTheSynapsesAddedOneByOne(long seed) {
        int pre = 71;
        int post = 300;
        List<int[]> syn = new ArrayList<>();
        for (int i = 0; i < pre; i++) {
            int j = CounterRng.belowBound(CounterRng.bits(seed, 4, i, 0), 5);
            for (int s = 0; s < i && j < post; s++, j += 1 + CounterRng.belowBound(CounterRng.bits(seed, 5, i, s), 4)) {
                int w = CounterRng.belowBound(CounterRng.bits(seed, 6, i, s), 9) == 0 ? 0
                        : CounterRng.belowBound(CounterRng.bits(seed, 7, i, s), 65536) - 32768;
                syn.add(new int[] {i, j, w});
            }
        }
        CsrMemory m = new CsrMemory(pre, post, Format.INT16, syn.stream().mapToInt(s -> s[0]).toArray(),
                syn.stream().mapToInt(s -> s[1]).toArray(), syn.stream().mapToInt(s -> s[2]).toArray());
        int offset = 7;
        int[] acc = new int[post + offset];
        int[] expected = new int[post + offset];
        for (int i = 0; i < pre; i++) {
            int[] count = {0};
            m.forward(i, (p, q, w) -> {
                expected[offset + q] += w;
                count[0]++;
            });
            assertThat(m.accumulateForward(i, acc, offset)).as("row %d", i).isEqualTo(count[0]);
            assertThat(acc).as("row %d", i).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void pointerEncodingsAgreeWithDenseOnRandomSparseMatrices(long seed) {
        int pre = 5 + CounterRng.belowBound(CounterRng.bits(seed, 0, 0, 0), 40);
        int post = 3 + CounterRng.belowBound(CounterRng.bits(seed, 0, 0, 1), 150);
        double density = CounterRng.uniform(seed, 0, 0, 2);
        List<int[]> syn = new ArrayList<>();
        DenseMemory dense = new DenseMemory(pre, post, W8, 64);
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                if (CounterRng.uniform(seed, 1, i, j) < density) {
                    int w = CounterRng.belowBound(CounterRng.bits(seed, 2, i, j), 255) - 127;
                    syn.add(new int[] {i, j, w});
                    dense.set(i, j, w);
                }
            }
        }
        int[] ps = syn.stream().mapToInt(s -> s[0]).toArray();
        int[] qs = syn.stream().mapToInt(s -> s[1]).toArray();
        int[] ws = syn.stream().mapToInt(s -> s[2]).toArray();
        List<SynapseMemory> encodings = List.of(new CsrMemory(pre, post, W8, ps, qs, ws),
                new PackedSynapseMemory(Encoding.PB_BMP, pre, post, W8, 32, ps, qs, ws),
                new PackedSynapseMemory(Encoding.PB_CSR, pre, post, W8, 64, ps, qs, ws),
                new PackedSynapseMemory(Encoding.DUAL, pre, post, W8, 16, ps, qs, ws));
        for (SynapseMemory m : encodings) {
            assertThat(forwardAll(m)).isEqualTo(forwardAll(dense));
            assertThat(backwardAll(m)).isEqualTo(backwardAll(dense));
            assertThat(accumulateAll(m)).isEqualTo(accumulateAll(dense));
            assertThat(m.nonZeroCount()).isEqualTo(dense.nonZeroCount());
        }
        // the same updates everywhere (saturating), then compare again
        for (int k = 0; k < syn.size(); k += 3) {
            int delta = CounterRng.belowBound(CounterRng.bits(seed, 3, 0, k), 200) - 100;
            int[] s = syn.get(k);
            dense.update(s[0], s[1], delta);
            for (SynapseMemory m : encodings) {
                m.update(s[0], s[1], delta);
            }
        }
        for (SynapseMemory m : encodings) {
            assertThat(forwardAll(m)).isEqualTo(forwardAll(dense));
            assertThat(backwardAll(m)).isEqualTo(backwardAll(dense));
            for (int[] s : syn) {
                assertThat(m.weight(s[0], s[1])).isEqualTo(dense.weight(s[0], s[1]));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void functionalConvEncodingsAgreeWithTheExpandedConvolution(long seed) {
        int h = 4 + (int) (seed % 3);
        int w = 5;
        int cin = 2;
        int cout = 3;
        int k = 3;
        LayerShape.Conv shape = new LayerShape.Conv(h, w, cin, cout, k);
        int[] kernel = new int[(int) shape.distinctWeights()];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = CounterRng.uniform(seed, 4, 0, i) < 0.4 ? 0 : CounterRng.belowBound(CounterRng.bits(seed, 5, 0, i), 200) - 100;
        }
        // the model's convolution takes [cout][cin][dy][dx]; the memory [cin][cout][dy][dx]
        int[] modelKernel = new int[kernel.length];
        for (int c = 0; c < cin; c++) {
            for (int o = 0; o < cout; o++) {
                System.arraycopy(kernel, (c * cout + o) * k * k, modelKernel, (o * cin + c) * k * k, k * k);
            }
        }
        int[][] expanded = new ConvConnectivity(cin, h, w, cout, k, 1, k / 2, modelKernel).synapses();
        DenseMemory dense = new DenseMemory(shape.pre(), shape.post(), W8, 64);
        for (int s = 0; s < expanded[0].length; s++) {
            dense.set(expanded[0][s], expanded[1][s], expanded[2][s]);
        }
        for (Encoding e : List.of(Encoding.CONV_FUNC, Encoding.CONV_FUNC_BMP, Encoding.CONV_FUNC_ROWCOL, Encoding.PB_BMP,
                Encoding.PB_CSR)) {
            ConvKernelMemory m = new ConvKernelMemory(e, shape, W8, 32, kernel);
            assertThat(forwardAll(m)).as(e.cliName()).isEqualTo(forwardAll(dense));
            assertThat(backwardAll(m)).as(e.cliName()).isEqualTo(backwardAll(dense));
            assertThat(accumulateAll(m)).isEqualTo(accumulateAll(dense));
        }
        // an update of a shared weight changes every synapse that shares it
        ConvKernelMemory m = new ConvKernelMemory(Encoding.CONV_FUNC, shape, W8, 32, kernel);
        int centre = (1 * w + 1); // pre (0, 1, 1); post (0, 1, 1) uses K[0][0][1][1]
        m.update(centre, centre, 7);
        int c11 = kernel[(0 * cout + 0) * 9 + 4];
        int expected = Format.INT8.saturate((long) c11 + 7);
        int other = 2 * w + 2; // pre (0,2,2) → post (0,2,2) shares K[0][0][1][1]
        assertThat(m.weight(other, other)).isEqualTo(expected);
        assertThatThrownBy(() -> m.update(0, shape.post() - 1, 1)).hasMessageContaining("is not stored");
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 4, 5})
    void kernelMemoriesOfAnyStridePaddingAndPostWindowMatchTheExpandedConvolution(long seed) {
        int cin = 2;
        int h = 7;
        int w = 6;
        int cout = 3;
        int k = 3;
        int stride = (int) (1 + seed % 2);
        int padding = (int) (seed % 3 == 0 ? 0 : 1);
        int[] modelKernel = new int[cout * cin * k * k];
        for (int i = 0; i < modelKernel.length; i++) {
            modelKernel[i] = CounterRng.uniform(seed, 6, 0, i) < 0.3 ? 0 : CounterRng.belowBound(CounterRng.bits(seed, 7, 0, i), 200) - 100;
        }
        ConvConnectivity conv = new ConvConnectivity(cin, h, w, cout, k, stride, padding, modelKernel);
        int[] kernel = new int[modelKernel.length];
        for (int c = 0; c < cin; c++) {
            for (int o = 0; o < cout; o++) {
                System.arraycopy(modelKernel, (o * cin + c) * k * k, kernel, (c * cout + o) * k * k, k * k);
            }
        }
        int[][] syn = conv.synapses();
        ConvKernelMemory.Geometry g = new ConvKernelMemory.Geometry(cin, h, w, cout, k, stride, padding);
        assertThat(g.post()).isEqualTo(conv.postSize());
        int lo = conv.postSize() / 3;
        int len = conv.postSize() / 2; // a window across output channels, as a core slice is
        DenseMemory dense = new DenseMemory(conv.preSize(), len, W8, 64);
        for (int s = 0; s < syn[0].length; s++) {
            if (syn[1][s] >= lo && syn[1][s] < lo + len) {
                dense.set(syn[0][s], syn[1][s] - lo, syn[2][s]);
            }
        }
        for (Encoding e : List.of(Encoding.CONV_FUNC, Encoding.CONV_FUNC_BMP, Encoding.CONV_FUNC_ROWCOL, Encoding.PB_BMP,
                Encoding.PB_CSR)) {
            ConvKernelMemory m = new ConvKernelMemory(e, g, lo, len, W8, 64, kernel);
            assertThat(forwardAll(m)).as(e.cliName()).isEqualTo(forwardAll(dense));
            assertThat(backwardAll(m)).as(e.cliName()).isEqualTo(backwardAll(dense));
            m.counter().reset();
            forwardAll(m);
            long forwardReads = m.counter().totalReads();
            m.counter().reset();
            assertThat(accumulateAll(m)).as(e.cliName()).isEqualTo(accumulateAll(dense));
            assertThat(m.counter().totalReads()).as("%s accumulate counts as forward", e.cliName()).isEqualTo(forwardReads);
            assertThat(m.nonZeroCount()).isEqualTo(dense.nonZeroCount());
        }
    }
}
