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
        List<LabeledImages> train = ContinualExperiment.perClass(all, 0, 4, false, "--train-per-class");
        List<LabeledImages> test = ContinualExperiment.perClass(all, 0, 2, true, "--test-per-class");
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
        assertThatThrownBy(() -> ContinualExperiment.perClass(all, 0, 7, false, "--train-per-class"))
                .hasMessageContaining("--train-per-class 7 is more than the 6 images of class 0");
    }

    @Test
    void theValidationImagesFollowTheTrainingImagesAndAreDisjointFromTheTestImages() {
        LabeledImages all = images(8); // 24 images, class c's are all[c], all[c + 3], ..., all[c + 21]
        List<LabeledImages> train = ContinualExperiment.perClass(all, 0, 3, false, "--train-per-class");
        List<LabeledImages> validation = ContinualExperiment.perClass(all, 3, 3, false, "--validation-per-class");
        List<LabeledImages> test = ContinualExperiment.perClass(all, 0, 2, true, "--test-per-class");
        for (int c = 0; c < 3; c++) {
            assertThat(validation.get(c).labels()).containsOnly(c).hasSize(3);
            // training the 1st to 3rd image of the class, validation the 4th to 6th, test the 7th and 8th
            for (int i = 0; i < 3; i++) {
                assertThat(train.get(c).pixels()[i]).isSameAs(all.pixels()[c + 3 * i]);
                assertThat(validation.get(c).pixels()[i]).isSameAs(all.pixels()[c + 3 * (3 + i)]);
            }
            assertThat(test.get(c).pixels()[0]).isSameAs(all.pixels()[c + 3 * 6]);
            assertThat(test.get(c).pixels()[1]).isSameAs(all.pixels()[c + 3 * 7]);
        }
        assertThatThrownBy(() -> ContinualExperiment.perClass(all, 6, 3, false, "--validation-per-class"))
                .hasMessageContaining("--validation-per-class 3 after 6 is more than the 8 images of class 0");
    }

    @Test
    void theAspOptionsSetTheRulesConstantsAndDefaultToTheDocumentedOnes() {
        assertThat(ContinualExperiment.asp(java.util.Map.of())).isEqualTo(ContinualExperiment.ASP);
        // docs/learning.md's constants, chosen on the validation split: offset 16, k 32, 2^-3, a(n) = 1 + n/64, leak 1/8 / (1 + n), baseline 25
        assertThat(ContinualExperiment.ASP).isEqualTo(new Asp(0, 1, 1, 16, 32, 3, 6, 3, 0, 25, 1, 255));
        Asp tuned = ContinualExperiment.asp(java.util.Map.of("asp-offset", "8", "asp-k", "64", "asp-shift", "4",
                "asp-activity-shift", "6", "asp-leak-shift", "2", "asp-leak-activity-shift", "1", "asp-baseline", "20"));
        assertThat(tuned).isEqualTo(new Asp(0, 1, 1, 8, 64, 4, 6, 2, 1, 20, 1, 255));
        assertThatThrownBy(() -> ContinualExperiment.asp(java.util.Map.of("asp-shift", "31"))).hasMessageContaining("--asp-shift must be 0..30");
    }

    @Test
    void theRuleOptionNamesOneOrBothRules() {
        assertThat(ContinualExperiment.rules("asp")).containsExactly(ContinualExperiment.Rule.ASP);
        assertThat(ContinualExperiment.rules("stdp,asp")).containsExactly(ContinualExperiment.Rule.STDP, ContinualExperiment.Rule.ASP);
        assertThat(ContinualExperiment.Rule.ASP.plasticity(ContinualExperiment.ASP).rule()).isInstanceOf(Asp.class);
        assertThat(ContinualExperiment.Rule.STDP.plasticity(ContinualExperiment.ASP).rule()).isInstanceOf(PairStdp.class);
        assertThatThrownBy(() -> ContinualExperiment.rules("hebb")).hasMessageContaining("--rule takes stdp, asp or stdp,asp");
        assertThatThrownBy(() -> ContinualExperiment.rules("asp,asp")).hasMessageContaining("twice");
    }

    @Test
    void aRunScoresEveryStageOnTheClassesSeenAndRepeatsBitForBit() {
        LabeledImages all = images(6);
        List<LabeledImages> train = ContinualExperiment.perClass(all, 0, 3, false, "train");
        List<LabeledImages> labelling = ContinualExperiment.perClass(all, 0, 2, false, "label");
        List<LabeledImages> test = ContinualExperiment.perClass(all, 0, 2, true, "test");
        DiehlCookExperiment.Schedule schedule = new DiehlCookExperiment.Schedule(60, 20);
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        for (ContinualExperiment.Rule rule : ContinualExperiment.Rule.values()) {
            ContinualExperiment.Outcome a = ContinualExperiment.learnInStages(rule, ContinualExperiment.ASP, train, labelling, test, 4, 64, schedule, 9, quiet);
            ContinualExperiment.Outcome b = ContinualExperiment.learnInStages(rule, ContinualExperiment.ASP, train, labelling, test, 4, 64, schedule, 9, quiet);
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
