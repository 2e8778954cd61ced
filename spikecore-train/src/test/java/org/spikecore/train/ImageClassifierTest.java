package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.spikecore.data.LabeledImages;

class ImageClassifierTest {

    private static LabeledImages rows(int n) {
        return RowImages.of(n, 220);
    }

    private static ImageClassifier classifier(int threads) {
        return new ImageClassifier(new ImageClassifier.Config(12, 8, 8, 1e-2f, 1f, threads, Wage.FLOAT), 4, 4, 4, 5);
    }

    @Test
    void learnsFourRowClassesWithTheSameBitsOnOneAndTwoThreads() {
        ImageClassifier one = classifier(1);
        ImageClassifier two = classifier(2);
        double[] lossOne = new double[6];
        double[] lossTwo = new double[6];
        for (int e = 0; e < 6; e++) {
            lossOne[e] = one.trainEpoch(rows(64), (b, n, l) -> { });
            lossTwo[e] = two.trainEpoch(rows(64), (b, n, l) -> { });
        }
        assertThat(lossTwo).isEqualTo(lossOne);
        assertThat(lossOne[5]).isLessThan(lossOne[0]);
        ImageClassifier.Evaluation ev = one.evaluate(rows(40));
        assertThat(ev.accuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(Arrays.stream(ev.confusion()).flatMapToInt(Arrays::stream).sum()).isEqualTo(40);
        assertThat(two.evaluate(rows(40)).confusion()).isEqualTo(ev.confusion());
        assertThat(one.zeroWeightFractions()).containsExactly(0.0, 0.0);
    }

    @Test
    void eachEpochVisitsEveryImageOnceInItsOwnOrder() {
        int[] first = ImageClassifier.shuffled(100, 9, 0);
        int[] second = ImageClassifier.shuffled(100, 9, 1);
        int[] sorted = first.clone();
        Arrays.sort(sorted);
        assertThat(sorted).isEqualTo(java.util.stream.IntStream.range(0, 100).toArray());
        assertThat(second).isNotEqualTo(first);
        assertThat(ImageClassifier.shuffled(100, 9, 0)).isEqualTo(first);
    }

    @Test
    void imagesOfAnotherSizeAreRejected() {
        LabeledImages wide = new LabeledImages(4, 5, 4, new byte[1][20], new int[1]);
        assertThatThrownBy(() -> classifier(1).evaluate(wide)).hasMessageContaining("images of 4x5 for a network of 16 inputs");
    }

    @Test
    void aClassifierResumedFromItsStateTrainsToTheBitsOfOneThatNeverStopped() throws java.io.IOException {
        for (Wage wage : new Wage[] {Wage.FLOAT, new Wage(6, 8, 8, 8, Wage.WeightScale.MSE)}) {
            ImageClassifier.Config config = new ImageClassifier.Config(12, 8, 8, 1e-2f, 1f, 1, wage);
            ImageClassifier straight = new ImageClassifier(config, 4, 4, 4, 5);
            double[] lossStraight = new double[4];
            for (int e = 0; e < 4; e++) {
                lossStraight[e] = straight.trainEpoch(rows(40), (b, n, l) -> { });
            }
            ImageClassifier first = new ImageClassifier(config, 4, 4, 4, 5);
            first.trainEpoch(rows(40), (b, n, l) -> { });
            first.trainEpoch(rows(40), (b, n, l) -> { });
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            first.writeState(new java.io.DataOutputStream(bytes));
            first.trainEpoch(rows(40), (b, n, l) -> { }); // work after the checkpoint is lost
            ImageClassifier resumed = new ImageClassifier(config, 4, 4, 4, 5);
            resumed.readState(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
            assertThat(resumed.epoch()).isEqualTo(2);
            assertThat(resumed.trainEpoch(rows(40), (b, n, l) -> { })).as("%s", wage).isEqualTo(lossStraight[2]);
            assertThat(resumed.trainEpoch(rows(40), (b, n, l) -> { })).isEqualTo(lossStraight[3]);
            assertThat(resumed.evaluate(rows(40)).confusion()).isEqualTo(straight.evaluate(rows(40)).confusion());
            // another network's state is refused
            ImageClassifier other = new ImageClassifier(new ImageClassifier.Config(13, 8, 8, 1e-2f, 1f, 1, wage), 4, 4, 4, 5);
            assertThatThrownBy(() -> other.readState(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("values where this model has");
        }
    }
}
