package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LifNetworkTest {

    private static final int[] SIZES = {20, 16, 4};

    @Test
    void outputWeightGradientMatchesFiniteDifferences() {
        // The output layer's membrane is linear in its weights and the detached reset is piecewise
        // constant, so there BPTT gives the true gradient; ε small enough that no spike flips.
        LifNetwork net = new LifNetwork(SIZES, 0.9f, 1f, 25f, 3.0, 1e-3f, 4);
        float[][] x = LifNetwork.bernoulliInput(3, 12, SIZES[0], 0.3, 5);
        int[] y = {0, 2, 3};
        LifNetwork.Gradients g = net.gradients(x, y, 12);
        float[] wt = net.wt[1];
        int checked = 0;
        for (int k = 0; k < wt.length; k += 5) {
            float saved = wt[k];
            float eps = 1e-3f; // at 1e-2 an output spike flips for some weights and the loss jumps
            wt[k] = saved + eps;
            double up = net.gradients(x, y, 12).loss();
            wt[k] = saved - eps;
            double down = net.gradients(x, y, 12).loss();
            wt[k] = saved;
            double numeric = (up - down) / (2 * eps);
            assertThat((double) g.weights()[1][k]).as("weight %d", k).isCloseTo(numeric, within(2e-3 + 0.02 * Math.abs(numeric)));
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void trainingLowersTheLossAndRepeatsBitForBit() {
        LifNetwork a = new LifNetwork(SIZES, 0.9f, 1f, 25f, 3.0, 5e-3f, 8);
        LifNetwork b = new LifNetwork(SIZES, 0.9f, 1f, 25f, 3.0, 5e-3f, 8);
        float[][] x = LifNetwork.bernoulliInput(8, 20, SIZES[0], 0.2, 9);
        int[] y = {0, 1, 2, 3, 0, 1, 2, 3};
        double first = a.trainBatch(x, y, 20);
        b.trainBatch(x, y, 20);
        double last = first;
        for (int r = 0; r < 60; r++) {
            last = a.trainBatch(x, y, 20);
            assertThat(b.trainBatch(x, y, 20)).isEqualTo(last);
        }
        assertThat(last).isLessThan(0.7 * first);
        assertThat(a.infer(x, 20)).isDeepEqualTo(b.infer(x, 20));
    }

    @Test
    void oneAndTwoThreadsGiveTheSameBitsAndGroupsCoverTheBatch() {
        // 40 samples: groups of 16, 16 and 8, reduced in group order whatever the thread count
        float[][] x = LifNetwork.bernoulliInput(40, 15, SIZES[0], 0.25, 3);
        int[] y = new int[40];
        for (int b = 0; b < y.length; b++) {
            y[b] = b % 4;
        }
        for (LifNetwork.Loss loss : LifNetwork.Loss.values()) {
            LifNetwork one = new LifNetwork(SIZES, 0.9f, 1f, 25f, 3.0, 5e-3f, 8).withLoss(loss).withThreads(1);
            LifNetwork two = new LifNetwork(SIZES, 0.9f, 1f, 25f, 3.0, 5e-3f, 8).withLoss(loss).withThreads(2);
            for (int r = 0; r < 5; r++) {
                assertThat(two.trainBatch(x, y, 15)).as("%s batch %d", loss, r).isEqualTo(one.trainBatch(x, y, 15));
            }
            assertThat(two.wt).as("%s weights", loss).isDeepEqualTo(one.wt);
            assertThat(two.bias).isDeepEqualTo(one.bias);
            assertThat(two.infer(x, 15)).isDeepEqualTo(one.infer(x, 15));
        }
    }

    @Test
    void groupedGradientsEqualTheSumOfPerGroupGradients() {
        // the batch loss is the sum of the groups' losses: one group alone gives its share
        LifNetwork net = new LifNetwork(SIZES, 0.9f, 1f, 25f, 3.0, 5e-3f, 2);
        float[][] x = LifNetwork.bernoulliInput(20, 10, SIZES[0], 0.3, 4);
        int[] y = new int[20];
        LifNetwork.Gradients all = net.gradients(x, y, 10);
        float[][] first = java.util.Arrays.copyOf(x, 16);
        float[][] rest = java.util.Arrays.copyOfRange(x, 16, 20);
        double a = net.gradients(first, new int[16], 10).loss() * 16 / 20;
        double b = net.gradients(rest, new int[4], 10).loss() * 4 / 20;
        assertThat(all.loss()).isCloseTo(a + b, within(1e-9));
    }

    @Test
    void countLossesAndSgdLearnToSeparateTwoInputPatterns() {
        // class 0 drives the first half of the inputs, class 1 the second half
        int n = 8;
        int steps = 20;
        float[][] x = new float[n][steps * SIZES[0]];
        int[] y = new int[n];
        for (int b = 0; b < n; b++) {
            y[b] = b % 2;
            float[][] noise = LifNetwork.bernoulliInput(1, steps, SIZES[0], 0.4, 100 + b);
            for (int t = 0; t < steps; t++) {
                for (int j = 0; j < SIZES[0]; j++) {
                    boolean mine = (j < SIZES[0] / 2) == (y[b] == 0);
                    x[b][t * SIZES[0] + j] = mine ? noise[0][t * SIZES[0] + j] : 0f;
                }
            }
        }
        for (LifNetwork.Loss loss : new LifNetwork.Loss[] {LifNetwork.Loss.CE_COUNTS, LifNetwork.Loss.MSE_COUNTS}) {
            // squared count errors are tens of spikes: SGD's step must be smaller there
            float sgdRate = loss == LifNetwork.Loss.MSE_COUNTS ? 5e-4f : 2e-2f;
            for (Optimizer.Spec opt : new Optimizer.Spec[] {new Optimizer.AdamSpec(1e-2f), new Optimizer.SgdSpec(sgdRate, 0.9f)}) {
                LifNetwork net = new LifNetwork(new int[] {SIZES[0], 16, 2}, 0.9f, 1f, 5f, 1.5, opt, 6).withLoss(loss);
                double first = net.trainBatch(x, y, steps);
                double last = first;
                for (int r = 0; r < 80; r++) {
                    last = net.trainBatch(x, y, steps);
                }
                assertThat(last).as("%s with %s", loss, opt).isLessThan(0.5 * first);
                int[][] counts = net.infer(x, steps);
                for (int b = 0; b < n; b++) {
                    assertThat(counts[b][y[b]]).as("%s with %s, sample %d", loss, opt, b).isGreaterThan(counts[b][1 - y[b]]);
                }
            }
        }
    }

    @Test
    void recomputingThroughTimeGivesTheSameBitsWithLessState() {
        float[][] x = LifNetwork.bernoulliInput(6, 23, SIZES[0], 0.3, 12);
        int[] y = {0, 1, 2, 3, 1, 2};
        for (LifNetwork.Loss loss : LifNetwork.Loss.values()) {
            LifNetwork all = new LifNetwork(SIZES, 0.9f, 1f, 25f, 3.0, 5e-3f, 3).withLoss(loss);
            LifNetwork segments = new LifNetwork(SIZES, 0.9f, 1f, 25f, 3.0, 5e-3f, 3).withLoss(loss).withRecompute(5);
            for (int r = 0; r < 4; r++) {
                assertThat(segments.trainBatch(x, y, 23)).as("%s", loss).isEqualTo(all.trainBatch(x, y, 23));
            }
            assertThat(segments.wt).isDeepEqualTo(all.wt);
        }
        LifNetwork net = new LifNetwork(new int[] {784, 500, 500, 10}, 0.9f, 1f, 25f, 3.0, 5e-4f, 1);
        // 100 steps × 1,010 neurons × (membrane + spike) × 4 bytes
        assertThat(net.bpttStateBytesPerSample(100)).isEqualTo(100L * 1010 * 2 * 4);
        // 10 segment starts + one segment of 10 steps
        assertThat(net.withRecompute(10).bpttStateBytesPerSample(100)).isEqualTo(20L * 1010 * 2 * 4);
    }

    @Test
    void sgdWithMomentumIsTheHeavyBall() {
        Sgd sgd = new Sgd(1, 0.1f, 0.5f);
        float[] p = {1f};
        sgd.apply(p, new float[] {2f}); // v = 2, p = 1 − 0.2
        sgd.apply(p, new float[] {2f}); // v = 0.5·2 + 2 = 3, p = 0.8 − 0.3
        assertThat(p[0]).isCloseTo(0.5f, within(1e-6f));
    }
}
