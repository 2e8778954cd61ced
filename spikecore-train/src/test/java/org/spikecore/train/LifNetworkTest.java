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
}
