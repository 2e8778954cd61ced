package org.spikecore.io.nir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikecore.io.npy.Npy;
import org.spikecore.io.npy.NpyArray;
import org.spikecore.io.npy.NpyType;
import org.spikecore.memory.LayerShape;

class NirCostTest {

    @Test
    void synapticOperationsAreEventsTimesNonZeroFanOut() {
        NirNode.NirGraph g = NirReader.read(NirFixtureTest.DIR.resolve("public_fc_lif.nir")).graph();
        NirSimulation sim = NirSimulation.compile(g, 1e-4, NirConvention.SNNTORCH);
        NpyArray in = Npy.read(NirFixtureTest.DIR.resolve("public_fc_lif_input.npy"));
        NirSimulation.Steps x = sim.steps(in);
        NirSimulation.Run run = sim.run(x.steps(), x.batch());
        List<NirCost.Layer> layers = NirCost.of(sim, run, 8, 40);
        assertThat(layers).extracting(NirCost.Layer::node).containsExactly("0", "2");
        double inputSpikes = Arrays.stream(in.values()).sum();
        long hiddenSpikes = run.nonZeros()[sim.order().indexOf("1")];
        assertThat(layers.get(0).eventsPerSample()).isEqualTo(inputSpikes / 8);
        assertThat(layers.get(0).synOpsPerSample()).isEqualTo(inputSpikes * 32 / 8);
        assertThat(layers.get(0).inputRate()).isEqualTo(inputSpikes / (8 * 40 * 64));
        assertThat(layers.get(1).synOpsPerSample()).isEqualTo(hiddenSpikes * 5 / 8.0);
        assertThat(layers.get(1).shape()).isEqualTo(new LayerShape.Fc(32, 5));
    }

    @Test
    void aConvolutionsFanOutCountsOnlyConnectionsInsideTheImageWithNonZeroWeights() {
        double[] w = new double[9];
        Arrays.fill(w, 1);
        w[0] = 0; // the top-left tap
        NirNode conv = new NirNode.Conv2d(new NpyArray(NpyType.FLOAT32, new int[] {1, 1, 3, 3}, w), List.of(1, 1), List.of(1, 1),
                List.of(1, 1), 1, new NpyArray(NpyType.FLOAT32, new int[] {1}, new double[1]), List.of());
        NirNode.NirGraph g = new NirNode.NirGraph(Map.of("input", new NirNode.Input(List.of(1, 3, 3)), "c", conv, "output",
                new NirNode.Output(List.of(1, 3, 3))), List.of(new NirNode.Edge("input", "c"), new NirNode.Edge("c", "output")));
        NirLayer layer = NirSimulation.compile(g, 1e-3, NirConvention.EULER).layers().get(1);
        // input (a, b) reaches the outputs around it (4 from a corner, 6 from an edge, 9 from the centre) but through the
        // zero top-left tap it would reach output (a+1, b+1), which exists for a, b <= 1
        assertThat(layer.connectionsPerInput()).containsExactly(3, 5, 4, 5, 8, 6, 4, 6, 4);
    }
}
