package org.spikecore.cli.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikecore.data.LabeledImages;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.learn.Plasticity;
import org.spikecore.model.Network;
import org.spikecore.model.Population;
import org.spikecore.model.Reset;

class DiehlCookExperimentTest {

    @TempDir
    Path dir;

    private static LabeledImages images(int[] labels) {
        byte[][] pixels = new byte[labels.length][4];
        return new LabeledImages(2, 2, 3, pixels, labels);
    }

    @Test
    void eachNeuronTakesTheClassOfItsHighestMeanResponse() {
        // two images of class 0, one of class 1, none of class 2
        LabeledImages img = images(new int[] {0, 0, 1});
        int[][] counts = {{4, 0, 1}, {2, 0, 1}, {0, 5, 2}};
        // neuron 0: means 3 / 0 → 0; neuron 1: 0 / 5 → 1; neuron 2: 1 / 2 → 1
        assertThat(DiehlCookExperiment.assign(counts, img, 3)).containsExactly(0, 1, 1);
    }

    @Test
    void anImageGetsTheClassWhoseNeuronsAnswerMostOnAverage() {
        int[] assignment = {0, 1, 1, 2};
        // class 0: 3 / 1 = 3; class 1: (4 + 0) / 2 = 2; class 2: 0
        assertThat(DiehlCookExperiment.predict(new int[] {3, 4, 0, 0}, assignment, 3)).isZero();
        assertThat(DiehlCookExperiment.predict(new int[] {1, 4, 2, 0}, assignment, 3)).isEqualTo(1);
        assertThat(DiehlCookExperiment.predict(new int[4], assignment, 3)).isZero(); // silence: the lowest class
    }

    @Test
    void theLearningNetworkAdaptsThresholdsAndTheFrozenCopyDoesNot() {
        int[] all = DiehlCookNetwork.initialWeights(784, 100, 5);
        assertThat(java.util.Arrays.stream(all).summaryStatistics()).satisfies(st -> {
            assertThat(st.getMin()).isEqualTo(1);
            assertThat(st.getMax()).isEqualTo(DiehlCookNetwork.INITIAL_WEIGHT_MAX);
            assertThat(st.getAverage()).isBetween(38.5, 39.5); // uniform on 1..77
        });
        int[] w = DiehlCookNetwork.initialWeights(4, 3, 5);
        Network learning = DiehlCookNetwork.build(4, 3, w, true, 13);
        Network frozen = DiehlCookNetwork.build(4, 3, w, false, 13);
        Population exc = (Population) learning.nodes().get(learning.nodeIndex(DiehlCookNetwork.EXC));
        Population still = (Population) frozen.nodes().get(frozen.nodeIndex(DiehlCookNetwork.EXC));
        assertThat(exc.model().states().get(1).reset()).isEqualTo(Reset.add(13));
        assertThat(still.model().states().get(1).reset()).isEqualTo(Reset.keep());
        assertThat(learning.projections().getFirst().plasticity()).isInstanceOf(Plasticity.Rule.class);
        assertThat(frozen.projections().getFirst().plasticity()).isInstanceOf(Plasticity.None.class);
    }

    @Test
    void aPresentationWithTooFewSpikesIsShownAgainAtAHigherRate() {
        // a blank image evokes nothing: it is shown 1 + MAX_RAISES times, each 350 + 150 ticks
        LabeledImages blank = images(new int[] {0});
        Network net = DiehlCookNetwork.build(4, 3, DiehlCookNetwork.initialWeights(4, 3, 5), false, 0);
        try (Simulation sim = new Simulation(net, 1, 1, true)) {
            SpikeRecorder exc = sim.recordSpikes(DiehlCookNetwork.EXC);
            DiehlCookExperiment.Response r = DiehlCookExperiment.present(sim, exc, blank, 0,
                    new DiehlCookExperiment.Schedule(350, 150), 3);
            assertThat(r.raises()).isEqualTo(DiehlCookExperiment.MAX_RAISES);
            assertThat(r.counts()).containsOnly(0);
            assertThat(sim.tick()).isEqualTo((1 + DiehlCookExperiment.MAX_RAISES) * 500);
        }
    }

    @Test
    void aBinaryOneAddsWhatAn8BitWeightOf128AddsAndTheInhibitionIsUnchanged() {
        int inputs = 30;
        int neurons = 6;
        int[] bits = DiehlCookNetwork.initialBinaryWeights(inputs, neurons, 3);
        int[] scaled = java.util.Arrays.stream(bits).map(b -> b << DiehlCookNetwork.BINARY_SHIFT).toArray();
        Network binary = DiehlCookNetwork.build(inputs, neurons, bits, false, 0, DiehlCookNetwork.InputSynapses.BINARY);
        Network eightBit = DiehlCookNetwork.build(inputs, neurons, scaled, false, 0);
        double[] p = new double[inputs];
        java.util.Arrays.fill(p, 0.3);
        int[][] spikes = new int[2][];
        int k = 0;
        for (Network net : new Network[] {binary, eightBit}) {
            try (Simulation sim = new Simulation(net, 9, 1, true)) {
                SpikeRecorder exc = sim.recordSpikes(DiehlCookNetwork.EXC);
                sim.setSpikeProbabilities(DiehlCookNetwork.INPUT, p);
                sim.run(400);
                spikes[k++] = java.util.stream.IntStream.range(0, exc.size()).map(i -> exc.ticks()[i] * neurons + exc.neurons()[i])
                        .toArray();
            }
        }
        assertThat(spikes[0]).isEqualTo(spikes[1]).hasSizeGreaterThan(20);
        assertThat(DiehlCookNetwork.InputSynapses.BINARY.lateralWeight() << DiehlCookNetwork.BINARY_SHIFT)
                .isEqualTo(DiehlCookNetwork.INH_EXC_WEIGHT);
        assertThat(binary.projections().getFirst().weightFormat().bits()).isEqualTo(1);
    }

    @Test
    void binaryWeightsStartAtAFifthOnesLearnByStochasticBinaryStdpAndTakeAnEighthOfTheMemory() {
        int[] w = DiehlCookNetwork.initialBinaryWeights(784, 100, 5);
        double ones = java.util.Arrays.stream(w).sum() / (double) w.length;
        assertThat(ones).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.005));
        Network learning = DiehlCookNetwork.build(784, 100, w, true, 13, DiehlCookNetwork.InputSynapses.BINARY);
        Plasticity p = learning.projections().getFirst().plasticity();
        assertThat(((Plasticity.Rule) p).rule()).isInstanceOf(org.spikecore.learn.StochasticBinaryStdp.class);
        assertThat(DiehlCookNetwork.InputSynapses.BINARY.normalised()).isFalse();
        Map<String, Object> m = DiehlCookExperiment.kernelMemory(784, 100, DiehlCookNetwork.InputSynapses.BINARY, w);
        assertThat(m).containsEntry("bits", 78_400L).containsEntry("eight_bit_bits", 627_200L)
                .containsEntry("compression_vs_8_bit", 8.0).containsEntry("compression_vs_32_bit", 32.0)
                // rows of 100 weights in 64-bit words: 2 words of 1-bit weights, 13 of 8-bit ones
                .containsEntry("crossbar_storage_bits", 784L * 2 * 64).containsEntry("eight_bit_crossbar_storage_bits", 784L * 13 * 64);
        assertThatThrownBy(() -> DiehlCookNetwork.InputSynapses.ofBits(4)).hasMessageContaining("--weight-bits must be 1")
                .hasMessageContaining("got 4");
    }

    /**
     * The fast paths (vector neuron update, vector source draws, row-wise learner) against the scalar
     * reference on the learning network and the experiment's schedule: normalisation, presentation,
     * silent rest, image after image; every state of every neuron equal after every tick, the
     * weights, the spikes and every counted memory access equal after every image.
     */
    @Test
    void theFastPathsTrainTheNetworkToTheScalarReferencesBitsStateByState() {
        int inputs = 49;
        int neurons = 20;
        Network net = DiehlCookNetwork.build(inputs, neurons, DiehlCookNetwork.initialWeights(inputs, neurons, 7), true, 64);
        long excSpikes = 0;
        try (Simulation scalar = new Simulation(net, 11, 1, false); Simulation fast = new Simulation(net, 11, 1, true)) {
            for (int image = 0; image < 6; image++) {
                double[] p = new double[inputs];
                for (int k = 0; k < inputs; k++) {
                    p[k] = org.spikecore.fixed.CounterRng.uniform(image, 1, 0, k) < 0.4 ? 0.25 : 0; // a sparse bright image
                }
                for (Simulation sim : new Simulation[] {scalar, fast}) {
                    sim.normalizeIncoming(DiehlCookNetwork.INPUT_EXC, DiehlCookExperiment.NORMALISED_TOTAL, 1);
                }
                for (int tick = 0; tick < 120; tick++) {
                    if (tick == 0 || tick == 70) { // shown for 70 ticks, then 50 silent ones
                        double[] rates = tick == 0 ? p : new double[inputs];
                        scalar.setSpikeProbabilities(DiehlCookNetwork.INPUT, rates);
                        fast.setSpikeProbabilities(DiehlCookNetwork.INPUT, rates);
                    }
                    scalar.run(1);
                    fast.run(1);
                    for (int j = 0; j < neurons; j++) {
                        for (int k = 0; k < 2; k++) {
                            assertThat(fast.state(DiehlCookNetwork.EXC, j, k)).as("image %d tick %d exc %d state %d", image, tick, j, k)
                                    .isEqualTo(scalar.state(DiehlCookNetwork.EXC, j, k));
                        }
                        assertThat(fast.state(DiehlCookNetwork.INH, j, 0)).as("image %d tick %d inh %d", image, tick, j)
                                .isEqualTo(scalar.state(DiehlCookNetwork.INH, j, 0));
                    }
                }
                assertThat(fast.counters()).as("image %d", image).isEqualTo(scalar.counters());
                for (int pre = 0; pre < inputs; pre++) {
                    for (int post = 0; post < neurons; post++) {
                        assertThat(fast.weight(DiehlCookNetwork.INPUT_EXC, pre, post))
                                .isEqualTo(scalar.weight(DiehlCookNetwork.INPUT_EXC, pre, post));
                    }
                }
            }
            excSpikes = scalar.counters().spikesPerNode().get(DiehlCookNetwork.EXC);
            assertThat(fast.counters()).isEqualTo(scalar.counters());
        }
        assertThat(excSpikes).as("the neurons spike and learn").isGreaterThan(30);
    }

    @Test
    void unknownDatasetAndOptionsAreNamed() {
        DiehlCookExperiment e = new DiehlCookExperiment();
        PrintWriter out = new PrintWriter(new StringWriter());
        assertThatThrownBy(() -> e.run(Map.of("dataset", "cifar"), dir, 1, out)).hasMessageContaining("--dataset")
                .hasMessageContaining("cifar");
        assertThatThrownBy(() -> e.run(Map.of("rule", "x"), dir, 1, out)).hasMessageContaining("no option --rule");
    }
}
