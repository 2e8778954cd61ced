package org.spikecore.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Format;
import org.spikecore.memory.Encoding;
import org.spikecore.memory.EncodingCost;
import org.spikecore.memory.LayerShape;
import org.spikecore.memory.RegionCost;
import org.spikecore.memory.RegionCount;
import org.spikecore.memory.SynapseEncoding;
import org.spikecore.model.ArraySource;
import org.spikecore.model.Connectivity;
import org.spikecore.model.ConvConnectivity;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.Node;
import org.spikecore.model.NeuronPresets;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;
import org.spikecore.model.SparseConnectivity;

/** The engine runs each projection in its memory organization: same spikes, counts as the closed form says. */
class MemoryOrganizationRunTest {

    private static final int TICKS = 40;
    private static final Format W6 = new Format(6, 0, true);

    /** Random input spikes: each of {@code size} sources spikes with probability 0.2 per tick. */
    private static ArraySource input(int size) {
        List<int[]> ev = new ArrayList<>();
        for (int t = 0; t < TICKS; t++) {
            for (int i = 0; i < size; i++) {
                if (CounterRng.uniform(17, 1, t, i) < 0.2) {
                    ev.add(new int[] {t, i});
                }
            }
        }
        return new ArraySource("in", size, ev.stream().mapToInt(e -> e[0]).toArray(), ev.stream().mapToInt(e -> e[1]).toArray());
    }

    /** m non-zero weights in every row of a pre × post matrix, listed as sparse synapses. */
    private static SparseConnectivity uniformRows(int pre, int post, int m) {
        int[] ps = new int[pre * m];
        int[] qs = new int[pre * m];
        int[] ws = new int[pre * m];
        int n = 0;
        for (int i = 0; i < pre; i++) {
            java.util.TreeSet<Integer> cols = new java.util.TreeSet<>();
            int d = 0;
            while (cols.size() < m) {
                cols.add(CounterRng.belowBound(CounterRng.bits(5, i, 0, d++), post));
            }
            for (int j : cols) {
                ps[n] = i;
                qs[n] = j;
                ws[n++] = 1 + CounterRng.belowBound(CounterRng.bits(5, i, 1, j), 30);
            }
        }
        return new SparseConnectivity(pre, post, ps, qs, ws);
    }

    private record Run(List<String> spikes, RunCounters counters, long inputSpikes) {
    }

    private static Run run(Connectivity c, SynapseEncoding e) {
        List<Node> nodes = List.of(input(c.preSize()), new Population("out", c.postSize(), NeuronPresets.lif(3, 60, true)));
        Network net = new Network(nodes, List.of(new Projection("w", "in", "out", c, W6, 0, 1, 1.0).withEncoding(e)));
        try (Simulation sim = new Simulation(net, 3, 1, false)) {
            SpikeRecorder rec = sim.recordSpikes("out");
            sim.run(TICKS + 1);
            RunCounters counters = sim.counters();
            List<String> spikes = new ArrayList<>();
            for (int k = 0; k < rec.size(); k++) {
                spikes.add(rec.ticks()[k] + ":" + rec.neurons()[k]);
            }
            return new Run(spikes, counters, counters.spikesPerNode().get("in"));
        }
    }

    /** Measured reads of every region equal input spikes × the closed form's forward reads. */
    private static void assertMeasuredIsClosedForm(Run r, List<RegionCost> closed, String what) {
        assertThat(r.counters().memories()).singleElement().satisfies(m -> {
            assertThat(m.regions()).extracting(x -> x.region().name()).as(what)
                    .containsExactlyElementsOf(closed.stream().map(RegionCost::name).toList());
            for (int k = 0; k < closed.size(); k++) {
                RegionCount measured = m.regions().get(k);
                RegionCost c = closed.get(k);
                assertThat(measured.region().words()).as("%s %s capacity", what, c.name()).isEqualTo(c.words());
                assertThat(measured.region().wordBits()).as("%s %s width", what, c.name()).isEqualTo(c.wordBits());
                assertThat((double) measured.reads()).as("%s %s reads", what, c.name())
                        .isEqualTo(r.inputSpikes() * c.forwardReads());
                assertThat(measured.writes()).isZero();
            }
        });
    }

    @Test
    void everyFcEncodingDeliversTheSameSpikesAndCountsItsClosedForm() {
        SparseConnectivity c = uniformRows(64, 48, 12);
        Run reference = run(c, new SynapseEncoding.Default());
        assertThat(reference.spikes()).hasSizeGreaterThan(20);
        assertThat(reference.inputSpikes()).isGreaterThan(300);
        for (Encoding e : List.of(Encoding.CROSSBAR, Encoding.PB_BMP, Encoding.PB_CSR, Encoding.DUAL)) {
            for (int w : new int[] {16, 64}) {
                Run r = run(c, SynapseEncoding.of(e, w));
                assertThat(r.spikes()).as("%s %d", e, w).isEqualTo(reference.spikes());
                assertThat(r.counters().synOps()).isEqualTo(reference.counters().synOps());
                assertThat(r.counters().memories().get(0).encoding()).isEqualTo(e.cliName());
                assertMeasuredIsClosedForm(r, EncodingCost.regions(e, new LayerShape.Fc(64, 48), 6, 12 / 48.0, w), e + " " + w);
            }
        }
    }

    @Test
    void convolutionsStayWeightSharedAndCountTheirClosedForm() {
        int[] kernel = new int[3 * 2 * 9];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = 1 + CounterRng.belowBound(CounterRng.bits(8, 0, 0, i), 20);
        }
        ConvConnectivity conv = new ConvConnectivity(2, 8, 8, 3, 3, 1, 1, kernel);
        Run expanded = run(new SparseConnectivity(conv.preSize(), conv.postSize(), conv.synapses()[0], conv.synapses()[1],
                conv.synapses()[2]), new SynapseEncoding.Default());
        LayerShape.Conv shape = new LayerShape.Conv(8, 8, 2, 3, 3);
        for (Encoding e : List.of(Encoding.CONV_FUNC, Encoding.CONV_FUNC_BMP, Encoding.CONV_FUNC_ROWCOL, Encoding.PB_BMP,
                Encoding.PB_CSR)) {
            Run r = run(conv, SynapseEncoding.of(e, 32));
            assertThat(r.spikes()).as(e.cliName()).isEqualTo(expanded.spikes());
            assertThat(r.counters().synOps()).isEqualTo(expanded.counters().synOps());
            assertMeasuredIsClosedForm(r, EncodingCost.regions(e, shape, 6, 1.0, 32), e.cliName());
            // the kernel, not one synapse per pair
            assertThat(r.counters().totalStorageBits()).isLessThan(expanded.counters().totalStorageBits() / 10);
        }
        // the default organization of a convolution is the functional kernel
        assertThat(run(conv, new SynapseEncoding.Default()).counters().memories().get(0).regions())
                .extracting(x -> x.region().name()).containsExactly("kernel");
    }

    @Test
    void anEncodingThatCannotHoldTheConnectivityIsRefusedByName() {
        ConvConnectivity conv = new ConvConnectivity(1, 4, 4, 1, 3, 1, 1, new int[9]);
        DenseConnectivity dense = new DenseConnectivity(2, 2, new int[4]);
        assertThatThrownBy(() -> new Projection("p", "a", "b", conv, W6, 0, 1, 1.0).withEncoding(new SynapseEncoding.Crossbar(64)))
                .hasMessageContaining("projection p: encoding crossbar cannot hold a convolution");
        assertThatThrownBy(() -> new Projection("p", "a", "b", dense, W6, 0, 1, 1.0).withEncoding(new SynapseEncoding.ConvFunc(64)))
                .hasMessageContaining("encoding conv-func cannot hold");
        assertThatThrownBy(() -> new Projection("p", "a", "b", dense, Format.INT16, 0, 1, 1.0).withEncoding(new SynapseEncoding.PbBmp(8)))
                .hasMessageContaining("16-bit weights do not fit the 8-bit words");
    }
}
