package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.data.LabeledImages;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.fixed.Format;
import org.spikecore.model.ArraySource;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;

class ErbpClassifierTest {

    private static ErbpClassifier.Config tiny(double probability) {
        return new ErbpClassifier.Config(List.of(16), 40, 10, 0.5, 0.25, probability, 9, 8, 40, 0, 0);
    }

    @Test
    void learnsTheRowImagesOnTheEngine() {
        LabeledImages train = RowImages.of(64, 255);
        LabeledImages test = RowImages.of(40, 255);
        ErbpClassifier erbp = new ErbpClassifier(tiny(1), 16, 4, 3);
        double before = erbp.evaluate(test).error();
        for (int e = 0; e < 3; e++) {
            erbp.trainEpoch(train, 32);
        }
        ErbpClassifier.Evaluation after = erbp.evaluate(test);
        assertThat(before).isGreaterThan(0.5);
        assertThat(after.error()).isLessThan(0.1);
        assertThat(erbp.trainingUpdates()).isPositive();
        assertThat(after.synOpsToFirstSpike()).isLessThan(after.synOps());
    }

    @Test
    void stochasticSynapsesLearnToo() {
        LabeledImages train = RowImages.of(64, 255);
        ErbpClassifier perbp = new ErbpClassifier(tiny(0.6), 16, 4, 3);
        for (int e = 0; e < 3; e++) {
            perbp.trainEpoch(train, 64);
        }
        double error = perbp.evaluate(RowImages.of(40, 255)).error();
        assertThat(error).isLessThan(0.25);
    }

    @Test
    void theSameSeedAndChunksGiveTheSameWeights() {
        LabeledImages train = RowImages.of(16, 255);
        ErbpClassifier a = new ErbpClassifier(tiny(1), 16, 4, 5);
        ErbpClassifier b = new ErbpClassifier(tiny(1), 16, 4, 5);
        a.trainEpoch(train, 8);
        b.trainEpoch(train, 8);
        assertThat(a.weights(0)).isEqualTo(b.weights(0));
        assertThat(a.weights(1)).isEqualTo(b.weights(1));
    }

    @Test
    void errorNeuronsRectifyLabelMinusPrediction() {
        // label 0 spikes every tick, prediction 0 never: only the (label − prediction) neuron of class 0 fires
        int ticks = 50;
        int[] t = new int[ticks];
        int[] n = new int[ticks];
        for (int k = 0; k < ticks; k++) {
            t[k] = k;
        }
        ArraySource label = new ArraySource("label", 2, t, n);
        int w = ErbpClassifier.ERROR_THRESHOLD;
        Network net = new Network(List.of(label, new Population("err", 4, ErbpClassifier.errorNeuron())),
                List.of(Projection.of("l", "label", "err", new DenseConnectivity(2, 4, new int[] {w, 0, -w, 0, 0, w, 0, -w}),
                        Format.INT8, 0)));
        try (Simulation sim = new Simulation(net, 1, 1, false)) {
            SpikeRecorder rec = sim.recordSpikes("err");
            sim.run(ticks);
            assertThat(rec.countsPerNeuron(4)).containsExactly(ticks - 1, 0, 0, 0);
            assertThat(sim.state("err", 2, 0)).isZero(); // floored, never negative
        }
    }

    @Test
    void backpropMacsAreTwicePerLayerProducts() {
        ErbpClassifier c = new ErbpClassifier(ErbpClassifier.Config.of(List.of(100), 1), 784, 10, 1);
        assertThat(c.backpropMacsPerSample()).isEqualTo(2L * (784 * 100 + 100 * 10));
        assertThat(ErbpClassifier.referenceSynOps(10, 5, 2, 3, 100, 10)).isEqualTo(10 * 100 + 5 * 10 + 2 * 2 * 10 + 3 * 110);
    }

    /** 8×8 images in 4 classes, class c lights rows 2c and 2c + 1. */
    private static LabeledImages bands(int n) {
        byte[][] pixels = new byte[n][64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            for (int k = 0; k < 16; k++) {
                pixels[i][labels[i] * 16 + k] = (byte) 255;
            }
        }
        return new LabeledImages(8, 8, 4, pixels, labels);
    }

    @Test
    void aWeightSharedConvLayerLearnsWithStochasticSynapses() {
        ErbpClassifier.Config conv = new ErbpClassifier.Config(List.of(), 40, 10, 0.5, 0.25, 0.6, 9, 8, 40, 0, 4);
        ErbpClassifier perbp = new ErbpClassifier(conv, 64, 4, 3);
        int[] kernel = perbp.weights(0);
        assertThat(kernel).hasSize(4 * 25); // one weight per kernel entry, not one per synapse
        assertThat(perbp.weights(1)).hasSize(4 * 4 * 4 * 4); // 4 maps of 4×4 → 4 outputs
        double before = perbp.evaluate(bands(40)).error();
        for (int e = 0; e < 3; e++) {
            perbp.trainEpoch(bands(64), 32);
        }
        assertThat(before).isGreaterThan(0.5);
        assertThat(perbp.evaluate(bands(40)).error()).isLessThan(0.25);
        assertThat(perbp.weights(0)).isNotEqualTo(kernel);
        assertThat(perbp.backpropMacsPerSample()).isEqualTo(2L * (64 * 25 + 64 * 4));
    }

    @Test
    void trainingCountsTheLearningAccessesApart() {
        ErbpClassifier erbp = new ErbpClassifier(tiny(1), 16, 4, 3);
        erbp.trainEpoch(RowImages.of(16, 255), 8);
        long reads = erbp.trainingMemoryCounts().stream().mapToLong(org.spikecore.memory.RegionCount::reads).sum();
        long learningReads = erbp.trainingMemoryCounts().stream().mapToLong(org.spikecore.memory.RegionCount::learningReads).sum();
        long learningWrites = erbp.trainingMemoryCounts().stream().mapToLong(org.spikecore.memory.RegionCount::learningWrites)
                .sum();
        assertThat(learningReads).isPositive().isLessThan(reads);
        assertThat(learningWrites).isGreaterThanOrEqualTo(erbp.trainingUpdates()); // every changed weight was written
    }

    @Test
    void theLearningRatesHalveEveryDecayPeriod() {
        ErbpClassifier.Config c = new ErbpClassifier.Config(List.of(16), 40, 10, 0.5, 0.25, 1, 11, 10, 40, 2, 0);
        assertThat(List.of(c.shift(false, 0), c.shift(false, 1), c.shift(false, 2), c.shift(true, 4))).containsExactly(11, 11, 12, 12);
        assertThat(tiny(1).shift(false, 7)).isEqualTo(9);
        assertThat(ErbpClassifier.Config.of(List.of(100), 1).hiddenShift()).isEqualTo(11);
        assertThat(ErbpClassifier.Config.of(List.of(100), 1).shiftDecayEpochs()).isEqualTo(2);
        assertThat(ErbpClassifier.Config.of(List.of(), 0.6, 8).hiddenShift()).isEqualTo(14); // a kernel sums its positions' updates
    }

    @Test
    void rejectsAConfigWithoutHiddenLayers() {
        assertThatThrownBy(() -> new ErbpClassifier.Config(List.of(), 40, 10, 0.5, 0.25, 1, 9, 8, 40, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hidden layer");
    }
}
