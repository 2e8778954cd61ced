package org.spikecore.cli.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.data.LabeledImages;
import org.spikecore.learn.Asp;
import org.spikecore.learn.PairStdp;

class ContinualExperimentTest {

    /** 4×4 images, class c lights row c (intensity 255) plus one pixel that tells the image apart; labels interleaved. */
    private static LabeledImages images(int perClass) {
        int classes = 3;
        byte[][] pixels = new byte[classes * perClass][16];
        int[] labels = new int[classes * perClass];
        for (int i = 0; i < labels.length; i++) {
            int c = i % classes;
            labels[i] = c;
            for (int k = 0; k < 4; k++) {
                pixels[i][4 * c + k] = (byte) 255;
            }
            pixels[i][12 + (i / classes) % 4] = (byte) 128;
        }
        return new LabeledImages(4, 4, classes, pixels, labels);
    }

    @Test
    void eachStageHoldsOnlyItsClassTheFirstImagesForTrainingAndTheLastForTesting() {
        LabeledImages all = images(6); // 18 images, labels 0 1 2 0 1 2 ...
        List<LabeledImages> train = ContinualExperiment.perClass(all, 4, false, "--train-per-class");
        List<LabeledImages> test = ContinualExperiment.perClass(all, 2, true, "--test-per-class");
        assertThat(train).hasSize(3);
        for (int c = 0; c < 3; c++) {
            assertThat(train.get(c).labels()).as("stage %d shows class %d only", c, c).containsOnly(c).hasSize(4);
            assertThat(test.get(c).labels()).containsOnly(c).hasSize(2);
            // class c's images are all[c], all[c + 3], ...: training takes the 1st to 4th, testing the 5th and 6th
            assertThat(train.get(c).pixels()[0]).isSameAs(all.pixels()[c]);
            assertThat(train.get(c).pixels()[3]).isSameAs(all.pixels()[c + 9]);
            assertThat(test.get(c).pixels()[0]).isSameAs(all.pixels()[c + 12]);
            assertThat(test.get(c).pixels()[1]).isSameAs(all.pixels()[c + 15]);
        }
        assertThatThrownBy(() -> ContinualExperiment.perClass(all, 7, false, "--train-per-class"))
                .hasMessageContaining("--train-per-class 7 is more than the 6 images of class 0");
    }

    @Test
    void theRuleOptionNamesOneOrBothRules() {
        assertThat(ContinualExperiment.rules("asp")).containsExactly(ContinualExperiment.Rule.ASP);
        assertThat(ContinualExperiment.rules("stdp,asp")).containsExactly(ContinualExperiment.Rule.STDP, ContinualExperiment.Rule.ASP);
        assertThat(ContinualExperiment.Rule.ASP.plasticity().rule()).isInstanceOf(Asp.class);
        assertThat(ContinualExperiment.Rule.STDP.plasticity().rule()).isInstanceOf(PairStdp.class);
        assertThatThrownBy(() -> ContinualExperiment.rules("hebb")).hasMessageContaining("--rule takes stdp, asp or stdp,asp");
        assertThatThrownBy(() -> ContinualExperiment.rules("asp,asp")).hasMessageContaining("twice");
    }

    @Test
    void aRunScoresEveryStageOnTheClassesSeenAndRepeatsBitForBit() {
        LabeledImages all = images(6);
        List<LabeledImages> train = ContinualExperiment.perClass(all, 3, false, "train");
        List<LabeledImages> labelling = ContinualExperiment.perClass(all, 2, false, "label");
        List<LabeledImages> test = ContinualExperiment.perClass(all, 2, true, "test");
        DiehlCookExperiment.Schedule schedule = new DiehlCookExperiment.Schedule(60, 20);
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        for (ContinualExperiment.Rule rule : ContinualExperiment.Rule.values()) {
            ContinualExperiment.Outcome a = ContinualExperiment.learnInStages(rule, train, labelling, test, 4, 64, schedule, 9, quiet);
            ContinualExperiment.Outcome b = ContinualExperiment.learnInStages(rule, train, labelling, test, 4, 64, schedule, 9, quiet);
            assertThat(a.stages()).hasSize(3);
            for (int s = 0; s < 3; s++) {
                ContinualExperiment.Stage stage = a.stages().get(s);
                assertThat(stage.classesSeen()).isEqualTo(s + 1);
                assertThat(stage.accuracyPerClass()).hasSize(s + 1);
                double mean = java.util.Arrays.stream(stage.accuracyPerClass()).average().orElseThrow();
                assertThat(stage.meanAccuracy()).isEqualTo(mean);
                // 2 test images per class: every accuracy is 0, 0.5 or 1
                assertThat(java.util.Arrays.stream(stage.accuracyPerClass()).boxed().toList()).allSatisfy(x -> assertThat(x).isIn(0.0, 0.5, 1.0));
                assertThat(b.stages().get(s).accuracyPerClass()).as("same seed, same accuracies").isEqualTo(stage.accuracyPerClass());
            }
            assertThat(b.weights()).as(rule + ": same seed, same weights").isEqualTo(a.weights());
            assertThat(a.stages().getFirst().meanAccuracy()).as("one class seen: every image gets it").isEqualTo(1.0);
        }
    }
}
