package org.spikecore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.fixed.Format;

/**
 * {@code forwardStored} and {@code backwardStored} visit every stored synapse, a zero weight
 * included (one stored as 0, and one that an update brought to 0), in the order of forward and
 * backward, with the same access counts; forward and backward still skip the zeros.
 */
class StoredWalkTest {

    private static final Format BIT = new Format(1, 0, false);
    // a 3 x 4 sparse pattern; (0, 2) and (2, 3) are stored zeros
    private static final int[] PRES = {0, 0, 1, 2, 2};
    private static final int[] POSTS = {1, 2, 0, 0, 3};
    private static final int[] W = {1, 0, 1, 1, 0};

    private static List<String> walk(SynapseMemory m, boolean stored, boolean forward) {
        List<String> out = new ArrayList<>();
        SynapseVisitor v = (p, q, w) -> out.add(p + ">" + q + "=" + w);
        int n = forward ? m.preCount() : m.postCount();
        for (int k = 0; k < n; k++) {
            if (forward && stored) {
                m.forwardStored(k, v);
            } else if (forward) {
                m.forward(k, v);
            } else if (stored) {
                m.backwardStored(k, v);
            } else {
                m.backward(k, v);
            }
        }
        return out;
    }

    private static long reads(SynapseMemory m, boolean stored, boolean forward) {
        m.counter().reset();
        walk(m, stored, forward);
        return m.counter().totalReads();
    }

    @Test
    void sparseEncodingsVisitTheirStoredZeros() {
        List<SynapseMemory> memories = List.of(new CsrMemory(3, 4, BIT, PRES, POSTS, W),
                new PackedSynapseMemory(Encoding.PB_BMP, 3, 4, BIT, 8, PRES, POSTS, W),
                new PackedSynapseMemory(Encoding.PB_CSR, 3, 4, BIT, 8, PRES, POSTS, W),
                new PackedSynapseMemory(Encoding.DUAL, 3, 4, BIT, 8, PRES, POSTS, W));
        for (SynapseMemory m : memories) {
            m.update(1, 0, -1); // (1, 0) becomes a stored 0
            assertThat(walk(m, true, true)).containsExactly("0>1=1", "0>2=0", "1>0=0", "2>0=1", "2>3=0");
            assertThat(walk(m, true, false)).containsExactly("1>0=0", "2>0=1", "0>1=1", "0>2=0", "2>3=0");
            assertThat(walk(m, false, true)).containsExactly("0>1=1", "2>0=1");
            assertThat(walk(m, false, false)).containsExactly("2>0=1", "0>1=1");
            assertThat(reads(m, true, true)).isEqualTo(reads(m, false, true));
            assertThat(reads(m, true, false)).isEqualTo(reads(m, false, false));
        }
    }

    @Test
    void aCrossbarStoresEveryPair() {
        DenseMemory m = DenseMemory.of(new int[][] {{0, 1}, {1, 0}}, BIT, 64);
        assertThat(walk(m, true, true)).containsExactly("0>0=0", "0>1=1", "1>0=1", "1>1=0");
        assertThat(walk(m, true, false)).containsExactly("0>0=0", "1>0=1", "0>1=1", "1>1=0");
        assertThat(walk(m, false, true)).containsExactly("0>1=1", "1>0=1");
        assertThat(reads(m, true, true)).isEqualTo(reads(m, false, true));
        assertThat(reads(m, true, false)).isEqualTo(reads(m, false, false));
    }

    @Test
    void aKernelVisitsItsStoredZerosAtEveryPosition() {
        // one channel, 3 x 3 input, 2 x 2 kernel {1, 0, 0, 1} (stride 1, no padding): 2 x 2 output
        ConvKernelMemory.Geometry g = new ConvKernelMemory.Geometry(1, 3, 3, 1, 2, 1, 0);
        for (Encoding e : List.of(Encoding.CONV_FUNC, Encoding.PB_CSR)) {
            ConvKernelMemory m = new ConvKernelMemory(e, g, 0, 4, BIT, 8, new int[] {1, 0, 0, 1});
            List<String> stored = walk(m, true, false);
            List<String> live = walk(m, false, false);
            assertThat(live).hasSize(8); // 2 non-zero kernel elements x 4 positions
            // the functional kernel stores all 4 elements, a pointer encoding the non-zero ones
            assertThat(stored).hasSize(e == Encoding.CONV_FUNC ? 16 : 8).containsAll(live);
            assertThat(walk(m, true, true)).hasSameSizeAs(stored);
            assertThat(reads(m, true, false)).isEqualTo(reads(m, false, false));
        }
    }
}
