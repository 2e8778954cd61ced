package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.spikecore.data.LabeledImages;

class ImageClassifierTest {

    /** n images of 4×4 in 4 classes: class c lights row c, the rest dark. */
    private static LabeledImages rows(int n) {
        byte[][] pixels = new byte[n][16];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            for (int k = 0; k < 4; k++) {
                pixels[i][labels[i] * 4 + k] = (byte) 220;
            }
        }
        return new LabeledImages(4, 4, 4, pixels, labels);
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
}
