package org.spikecore.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.fixed.Format;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;
import org.spikecore.model.RateSource;
import org.spikecore.model.Reset;
import org.spikecore.model.StateSpec;
import org.spikecore.model.Threshold;

/** What a sample-by-sample experiment drives between samples: per-neuron rates, weight normalisation, set states. */
class SampleHooksTest {

    private static final NeuronModel IF = new NeuronModel("if", List.of(StateSpec.of("v", Format.INT16)
            .withReset(Reset.toValue(0)), StateSpec.of("theta", Format.INT16).withClamp(0, 100)), List.of(),
            Threshold.dynamic(1000, 1), 0);

    private static Network network(int[] weights) {
        return new Network(List.of(new RateSource("in", 3), new Population("out", 2, IF)),
                List.of(Projection.of("w", "in", "out", new DenseConnectivity(3, 2, weights), Format.INT16, 0)));
    }

    @Test
    void rateSourceNeuronsSpikeAtTheirOwnProbabilitySetBetweenSamples() {
        try (Simulation sim = new Simulation(network(new int[6]), 7, 1, false)) {
            SpikeRecorder in = sim.recordSpikes("in");
            sim.run(10);
            assertThat(in.size()).isZero(); // every rate starts at 0
            sim.setSpikeProbabilities("in", new double[] {1, 0, 0.25});
            in.clear();
            sim.run(4000);
            int[] counts = in.countsPerNeuron(3);
            assertThat(counts[0]).isEqualTo(4000);
            assertThat(counts[1]).isZero();
            assertThat(counts[2]).isBetween(900, 1100); // 1000 expected, sd ≈ 27
        }
        try (Simulation a = new Simulation(network(new int[6]), 7, 1, false)) {
            a.setSpikeProbabilities("in", new double[] {0.5, 0.5, 0.5});
            SpikeRecorder r = a.recordSpikes("in");
            a.run(100);
            try (Simulation b = new Simulation(network(new int[6]), 7, 1, true)) {
                b.setSpikeProbabilities("in", new double[] {0.5, 0.5, 0.5});
                SpikeRecorder s = b.recordSpikes("in");
                b.run(100);
                assertThat(s.ticks()).isEqualTo(r.ticks()); // keyed draws: the same spikes again
                assertThat(s.neurons()).isEqualTo(r.neurons());
            }
        }
    }

    @Test
    void rateSourceRejectsWrongProbabilities() {
        try (Simulation sim = new Simulation(network(new int[6]), 7, 1, false)) {
            assertThatThrownBy(() -> sim.setSpikeProbabilities("in", new double[] {0.1, 1.5, 0}))
                    .hasMessageContaining("neuron 1").hasMessageContaining("[0, 1]");
            assertThatThrownBy(() -> sim.setSpikeProbabilities("in", new double[2])).hasMessageContaining("has 3 neurons");
            assertThatThrownBy(() -> sim.setSpikeProbabilities("out", new double[2])).hasMessageContaining("not a rate source");
        }
    }

    @Test
    void normalisationScalesEachPostsWeightsToTheTotalThroughCountedUpdates() {
        // pre-major 3 x 2: post 0 has 10, 30, 0 (sum 40); post 1 has 1, 1, 2 (sum 4)
        try (Simulation sim = new Simulation(network(new int[] {10, 1, 30, 1, 0, 2}), 1, 1, false)) {
            long writesBefore = sim.counters().memories().getFirst().wordWrites();
            sim.normalizeIncoming("w", 20, 1);
            // post 0: 10·20/40 = 5, 30·20/40 = 15, a stored 0 stays 0; post 1: 1·20/4 = 5, 5, 2·20/4 = 10
            assertThat(new int[] {sim.weight("w", 0, 0), sim.weight("w", 1, 0), sim.weight("w", 2, 0)}).containsExactly(5, 15, 0);
            assertThat(new int[] {sim.weight("w", 0, 1), sim.weight("w", 1, 1), sim.weight("w", 2, 1)}).containsExactly(5, 5, 10);
            assertThat(sim.counters().memories().getFirst().wordWrites() - writesBefore).isEqualTo(5);
            sim.normalizeIncoming("w", 2, 1);
            // post 0: 5·2/20 = 0.5 → 1 (rounded half up), 15·2/20 = 1.5 → 2; post 1: 0.5, 0.5, 1 → 1, 1, 1 (floor 1)
            assertThat(new int[] {sim.weight("w", 0, 0), sim.weight("w", 1, 0)}).containsExactly(1, 2);
            assertThat(new int[] {sim.weight("w", 0, 1), sim.weight("w", 1, 1), sim.weight("w", 2, 1)}).containsExactly(1, 1, 1);
            assertThatThrownBy(() -> sim.normalizeIncoming("nope", 2, 1)).hasMessageContaining("'nope'");
        }
    }

    @Test
    void setStateWritesAStateClampedIntoItsRangeAndTheThresholdReadsIt() {
        try (Simulation sim = new Simulation(network(new int[] {600, 600, 0, 0, 0, 0}), 1, 1, false)) {
            sim.setState("out", 1, 1, 500);
            assertThat(sim.state("out", 1, 1)).isEqualTo(100); // theta's ceiling
            sim.setState("out", 0, 1, -5);
            assertThat(sim.state("out", 0, 1)).isZero();
            sim.setSpikeProbabilities("in", new double[] {1, 0, 0});
            SpikeRecorder out = sim.recordSpikes("out");
            sim.run(4);
            // 600 per tick from tick 1: neuron 0 (threshold 1000) fires at tick 2, neuron 1 (1100) too, both then every 2nd tick
            assertThat(out.countsPerNeuron(2)).containsExactly(1, 1);
            assertThatThrownBy(() -> sim.setState("out", 2, 0, 1)).hasMessageContaining("no neuron 2");
        }
    }
}
