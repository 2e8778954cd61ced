package org.spikecore.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.fixed.Format;
import org.spikecore.model.BernoulliSource;
import org.spikecore.model.ConvConnectivity;
import org.spikecore.model.CoreSlice;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.NeuronPresets;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;

/** Bad networks are rejected before a run, with a message naming the offending element. */
class NetworkValidationTest {

    private static final NeuronModel LIF = NeuronPresets.lif(3, 100, false);

    private static Projection dense(String name, String pre, String post, int rows, int cols, int w, int delay) {
        int[] ws = new int[rows * cols];
        java.util.Arrays.fill(ws, w);
        return new Projection(name, pre, post, new DenseConnectivity(rows, cols, ws), Format.INT8, 0, delay, 1.0);
    }

    @Test
    void delayOfZeroIsRejected() {
        assertThatThrownBy(() -> dense("p", "a", "b", 2, 2, 1, 0)).hasMessageContaining("projection p: delay must be 1..64");
    }

    @Test
    void weightOutsideItsFormatIsNamed() {
        List<org.spikecore.model.Node> nodes = List.of(new BernoulliSource("in", 2, 0.1), new Population("b", 2, LIF));
        assertThatThrownBy(() -> new Network(nodes, List.of(dense("p", "in", "b", 2, 2, 300, 1))))
                .hasMessageContaining("projection p: weight of synapse 0 -> 0 is 300, outside s8.0 [-128, 127]");
    }

    @Test
    void shapeMismatchIsNamed() {
        List<org.spikecore.model.Node> nodes = List.of(new BernoulliSource("in", 3, 0.1), new Population("b", 2, LIF));
        assertThatThrownBy(() -> new Network(nodes, List.of(dense("p", "in", "b", 2, 2, 1, 1))))
                .hasMessageContaining("projection p: connectivity is 2x2 but in -> b is 3x2");
    }

    @Test
    void unknownNodesTargetsAndStatesAreNamed() {
        List<org.spikecore.model.Node> nodes = List.of(new BernoulliSource("in", 2, 0.1), new Population("b", 2, LIF));
        assertThatThrownBy(() -> new Network(nodes, List.of(dense("p", "nope", "b", 2, 2, 1, 1))))
                .hasMessageContaining("projection p: no node named 'nope'");
        assertThatThrownBy(() -> new Network(nodes, List.of(dense("p", "b", "in", 2, 2, 1, 1))))
                .hasMessageContaining("target 'in' is a spike source");
        Projection wrongState = new Projection("q", "in", "b", new DenseConnectivity(2, 2, new int[4]), Format.INT8, 3, 1, 1.0);
        assertThatThrownBy(() -> new Network(nodes, List.of(wrongState)))
                .hasMessageContaining("projection q: target state 3 does not exist in model lif-zero of 1 states");
    }

    @Test
    void neuronLargerThanACoreIsRejected() {
        NeuronModel three = NeuronPresets.qpr(2, 3, 2, 100, 10);
        assertThatThrownBy(() -> new Network(List.of(new Population("big", 4, three)), List.of(), 2))
                .hasMessageContaining("population big: a neuron of 3 states does not fit a core of capacity 2");
    }

    @Test
    void inputThatCouldOverflowIsRejected() {
        int n = 70_000;
        int[] w = new int[n];
        java.util.Arrays.fill(w, 32767);
        Projection p = new Projection("huge", "in", "b", new DenseConnectivity(n, 1, w), Format.INT16, 0, 1, 1.0);
        assertThatThrownBy(() -> new Network(List.of(new BernoulliSource("in", n, 0.1), new Population("b", 1, LIF)), List.of(p)))
                .hasMessageContaining("exceeds 2^30");
    }

    @Test
    void duplicateNamesAndBadSourcesAreRejected() {
        assertThatThrownBy(() -> new Network(List.of(new Population("a", 1, LIF), new Population("a", 2, LIF)), List.of()))
                .hasMessageContaining("two nodes are named 'a'");
        assertThatThrownBy(() -> new BernoulliSource("s", 3, 1.5)).hasMessageContaining("source s: spike probability");
        assertThatThrownBy(() -> new org.spikecore.model.ArraySource("s", 2, new int[] {0, 0}, new int[] {1, 1}))
                .hasMessageContaining("neuron 1 spikes twice at tick 0");
    }

    @Test
    void placementSplitsPopulationsAcrossCoresByCapacity() {
        Network net = new Network(List.of(new Population("a", 5, LIF), new Population("b", 4, NeuronPresets.qpr(2, 3, 2, 1, 1))),
                List.of(), 6);
        assertThat(net.placement()).containsExactly(new CoreSlice(0, 0, 0, 5), new CoreSlice(1, 1, 0, 2),
                new CoreSlice(2, 1, 2, 2));
        assertThat(net.coreCount()).isEqualTo(3);
    }

    @Test
    void convolutionExpandsWithSharedWeightsAndPadding() {
        // 1 channel 3x3 input, 1 kernel 2x2 of weights 1,2,3,4, stride 1, no padding → 2x2 output
        ConvConnectivity c = new ConvConnectivity(1, 3, 3, 1, 2, 1, 0, new int[] {1, 2, 3, 4});
        assertThat(c.postSize()).isEqualTo(4);
        int[][] s = c.synapses();
        assertThat(s[0].length).isEqualTo(16);
        // output (1,1) = post 3 sees inputs 4,5,7,8 with weights 1,2,3,4
        StringBuilder seen = new StringBuilder();
        for (int k = 0; k < s[0].length; k++) {
            if (s[1][k] == 3) {
                seen.append(s[0][k]).append('=').append(s[2][k]).append(' ');
            }
        }
        assertThat(seen.toString().trim()).isEqualTo("4=1 5=2 7=3 8=4");
        ConvConnectivity padded = new ConvConnectivity(2, 4, 4, 3, 3, 2, 1, new int[3 * 2 * 9]);
        assertThat(padded.outHeight()).isEqualTo(2);
        assertThat(padded.maxFanIn()).isEqualTo(18);
        assertThatThrownBy(() -> new ConvConnectivity(1, 3, 3, 1, 2, 1, 0, new int[3])).hasMessageContaining("needs 4 weights");
    }

    @Test
    void countersCountDeliveriesSpikesAndMemoryReads() {
        // one source spiking every tick into 3 neurons with weights 1, 0, 2: two synaptic ops per tick
        int[] ticks = {0, 1, 2, 3};
        Network net = new Network(
                List.of(new org.spikecore.model.ArraySource("in", 1, ticks, new int[4]), new Population("b", 3, LIF)),
                List.of(new Projection("p", "in", "b", new DenseConnectivity(1, 3, new int[] {1, 0, 2}), Format.INT8, 0, 1, 1.0)));
        try (Simulation sim = new Simulation(net, 1, 1, true)) {
            sim.run(6);
            RunCounters c = sim.counters();
            assertThat(c.ticks()).isEqualTo(6);
            assertThat(c.synOps()).isEqualTo(8);
            assertThat(c.neuronUpdates()).isEqualTo(18);
            assertThat(c.spikesPerNode()).containsEntry("in", 4L).containsEntry("b", 0L);
            // crossbar row of 3 int8 weights fits one 64-bit word: one word read per delivered spike
            assertThat(c.memories()).singleElement().satisfies(m -> {
                assertThat(m.wordReads()).isEqualTo(4);
                assertThat(m.storageBits()).isEqualTo(64);
            });
        }
    }
}
