package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spikecore.data.LabeledImages;
import org.spikecore.model.ArraySource;
import org.spikecore.model.Leak;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Reset;

class ClassifierDeploymentTest {

    private static LabeledImages rows(int n) {
        return RowImages.of(n, 200);
    }

    @Test
    void theDeployedNeuronIsTheTrainersLifInIntegerUnits() {
        ImageClassifier c = new ImageClassifier(new ImageClassifier.Config(6, 5, 4, 1e-2f, 0.8f, 1, Wage.FLOAT), 4, 4, 4, 3);
        NeuronModel m = ((org.spikecore.model.Population) ClassifierDeployment.toNetwork(c, rows(1), 4096).nodes().get(1)).model();
        assertThat(m.states()).hasSize(1);
        assertThat(m.states().get(0).leak()).isEqualTo(new Leak.Shift(3)); // beta 0.875
        assertThat(m.threshold().value()).isEqualTo(4097); // the float layer spikes when U > 1, the engine when v >= threshold
        // the engine subtracts before its next leak: theta / beta = 4681.14 units
        assertThat(m.states().get(0).reset()).isEqualTo(Reset.add(-4681));
    }

    @Test
    void theNetworkCarriesEachTestImagesSpikesInItsOwnWindow() {
        ImageClassifier c = new ImageClassifier(new ImageClassifier.Config(6, 5, 4, 1e-2f, 0.8f, 1, Wage.FLOAT), 4, 4, 4, 3);
        LabeledImages test = rows(3);
        Network net = ClassifierDeployment.toNetwork(c, test, 4096);
        ArraySource input = (ArraySource) net.nodes().get(0);
        int expected = 0;
        for (int i = 0; i < 3; i++) {
            float[] x = c.testInput(test, i);
            for (int t = 0; t < 5; t++) {
                for (int k = 0; k < 16; k++) {
                    expected += x[t * 16 + k] != 0f ? 1 : 0;
                }
            }
        }
        assertThat(input.ticks()).hasSize(expected);
        for (int e = 0; e < input.ticks().length; e++) {
            int window = input.ticks()[e] / 7; // steps + 2 ticks per image
            int t = input.ticks()[e] % 7;
            assertThat(t).isLessThan(5);
            assertThat(c.testInput(test, window)[t * 16 + input.neurons()[e]]).isEqualTo(1f);
        }
        assertThat(net.projections()).hasSize(2);
    }

    @Test
    void aTrainedClassifierKeepsItsAccuracyAndItsDecisionsOnTheEngine() {
        for (Wage wage : new Wage[] {Wage.FLOAT, new Wage(8, 0, 8, 8, Wage.WeightScale.MSE)}) {
            ImageClassifier c = new ImageClassifier(new ImageClassifier.Config(16, 10, 8, 1e-2f, 1f, 1, wage), 4, 4, 4, 7);
            for (int e = 0; e < 8; e++) {
                c.trainEpoch(rows(64), (b, n, l) -> { });
            }
            LabeledImages test = rows(40);
            ImageClassifier.Evaluation trained = c.evaluate(test);
            ClassifierDeployment.Result engine = ClassifierDeployment.run(c, test, trained, 4096, 2);
            assertThat(trained.accuracy()).as("%s", wage).isGreaterThanOrEqualTo(0.95);
            assertThat(engine.accuracy()).as("%s", wage).isGreaterThanOrEqualTo(0.95);
            assertThat(engine.agreement()).as("%s", wage).isGreaterThanOrEqualTo(0.95);
            // the trainer counts what the engine delivers: a spike times the non-zero weights of its row
            assertThat(engine.synapticOpsPerImage()).isCloseTo(trained.synapticOpsPerImage(),
                    org.assertj.core.data.Percentage.withPercentage(10));
            // one thread or two: the engine's bits do not depend on it
            assertThat(ClassifierDeployment.run(c, test, trained, 4096, 1)).usingRecursiveComparison().isEqualTo(engine);
        }
    }
    @Test
    void aClassifierWithTwoHiddenLayersLearnsAndKeepsItsDecisionsOnTheEngine() {
        ImageClassifier c = new ImageClassifier(new ImageClassifier.Config(java.util.List.of(16, 12), 10, 8, 1e-2f, 1f, 1, Wage.FLOAT),
                4, 4, 4, 7);
        assertThat(c.modules()).hasSize(6); // dense, LIF, dense, LIF, dense, LIF
        assertThat(c.denseOutputs(0)).isEqualTo(16);
        assertThat(c.denseInputs(1)).isEqualTo(16);
        assertThat(c.denseOutputs(1)).isEqualTo(12);
        assertThat(c.denseOutputs(2)).isEqualTo(4);
        for (int e = 0; e < 10; e++) {
            c.trainEpoch(rows(64), (b, n, l) -> { });
        }
        LabeledImages test = rows(40);
        ImageClassifier.Evaluation trained = c.evaluate(test);
        assertThat(trained.spikesPerImage()).hasSize(3); // into each dense layer
        assertThat(trained.annMacsPerImage()).isEqualTo(16 * 16 + 16 * 12 + 12 * 4);
        Network net = ClassifierDeployment.toNetwork(c, test, 4096);
        assertThat(net.projections()).hasSize(3);
        ClassifierDeployment.Result engine = ClassifierDeployment.run(c, test, trained, 4096, 2);
        assertThat(trained.accuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(engine.accuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(engine.agreement()).isGreaterThanOrEqualTo(0.95);
        assertThat(engine.synapticOpsPerImage()).isCloseTo(trained.synapticOpsPerImage(),
                org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(ClassifierDeployment.run(c, test, trained, 4096, 1)).usingRecursiveComparison().isEqualTo(engine);
    }

    @Test
    void oneHiddenLayerKeepsItsPopulationNames() {
        assertThat(ClassifierDeployment.layerNames(2)).containsExactly("hidden", "output");
        assertThat(ClassifierDeployment.layerNames(3)).containsExactly("hidden1", "hidden2", "output");
    }
}
