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
    void unknownDatasetAndOptionsAreNamed() {
        DiehlCookExperiment e = new DiehlCookExperiment();
        PrintWriter out = new PrintWriter(new StringWriter());
        assertThatThrownBy(() -> e.run(Map.of("dataset", "cifar"), dir, 1, out)).hasMessageContaining("--dataset")
                .hasMessageContaining("cifar");
        assertThatThrownBy(() -> e.run(Map.of("rule", "x"), dir, 1, out)).hasMessageContaining("no option --rule");
    }
}
