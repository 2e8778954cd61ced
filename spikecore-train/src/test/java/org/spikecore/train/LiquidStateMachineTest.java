package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiquidStateMachineTest {

    private static List<boolean[][]> samples(SpikePatternTask task, int from, int n) {
        List<boolean[][]> s = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            s.add(task.sample(i));
        }
        return s;
    }

    private static int[] labels(SpikePatternTask task, int from, int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = task.label(from + i);
        }
        return y;
    }

    @Test
    void afterTheDistractorOnlyTheReservoirRemembersTheClass() {
        SpikePatternTask task = new SpikePatternTask(4, 30, 30, 15, 0.06, 2, 5);
        int train = 400;
        int test = 120;
        LiquidStateMachine lsm = LiquidStateMachine.standard(150, 5);
        RidgeReadout reservoir = RidgeReadout.fit(lsm.features(samples(task, 0, train), 15), labels(task, 0, train), 4, 10);
        double reservoirAccuracy = reservoir.accuracy(lsm.features(samples(task, train, test), 15), labels(task, train, test));
        RidgeReadout raw = RidgeReadout.fit(LiquidStateMachine.inputFeatures(samples(task, 0, train), 15), labels(task, 0, train), 4, 10);
        double rawAccuracy = raw.accuracy(LiquidStateMachine.inputFeatures(samples(task, train, test), 15), labels(task, train, test));
        assertThat(rawAccuracy).isLessThan(0.4); // chance is 0.25: the window holds the shared distractor only
        assertThat(reservoirAccuracy).isGreaterThan(0.6);
    }

    @Test
    void theReservoirIsDeterministicAndHasItsExcitatoryShare() {
        SpikePatternTask task = new SpikePatternTask(3, 10, 20, 0, 0.1, 1, 2);
        LiquidStateMachine lsm = LiquidStateMachine.standard(50, 9);
        double[][] a = lsm.features(samples(task, 0, 12), 10);
        double[][] b = lsm.features(samples(task, 0, 12), 10);
        assertThat(a).isDeepEqualTo(b);
        assertThat(lsm.excitatory()).isEqualTo(40);
        assertThat(LiquidStateMachine.rate(a, 10)).isBetween(0.001, 0.9);
        // the same sample alone gives the same features: samples do not leak into each other
        assertThat(lsm.features(samples(task, 5, 1), 10)[0]).isEqualTo(a[5]);
    }

    @Test
    void samplesOfAClassShareTheirTemplateAndEveryClassTheDistractor() {
        SpikePatternTask task = new SpikePatternTask(3, 8, 10, 6, 0.3, 0, 4);
        boolean[][] a = task.sample(0);
        boolean[][] b = task.sample(3);
        boolean[][] c = task.sample(1);
        assertThat(a).isDeepEqualTo(b); // no jitter: class 0 twice
        assertThat(java.util.Arrays.copyOfRange(a, 10, 16)).isDeepEqualTo(java.util.Arrays.copyOfRange(c, 10, 16));
        assertThat(java.util.Arrays.copyOfRange(a, 0, 10)).isNotEqualTo(java.util.Arrays.copyOfRange(c, 0, 10));
        assertThat(a.length).isEqualTo(task.length());
    }

    @Test
    void ridgeRecoversALinearRuleAndSeparatesWhatIsSeparable() {
        double[][] x = new double[200][3];
        int[] y = new int[200];
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = org.spikecore.fixed.CounterRng.uniform(1, i, 0, j) * 2 - 1;
            }
            y[i] = x[i][0] + 0.5 * x[i][1] > 0.1 ? 1 : 0;
        }
        RidgeReadout r = RidgeReadout.fit(x, y, 2, 0);
        assertThat(r.accuracy(x, y)).isGreaterThanOrEqualTo(0.9); // least squares on one-hot targets: 0.935 here
        assertThat(r.predict(new double[] {0.9, 0.5, -0.3})).isEqualTo(1);
        assertThat(r.predict(new double[] {-0.9, -0.2, 0.8})).isEqualTo(0);
        // an overwhelming penalty leaves the unpenalised bias alone: every sample gets the majority class
        double ones = java.util.Arrays.stream(y).sum() / 200.0;
        assertThat(RidgeReadout.fit(x, y, 2, 1e12).accuracy(x, y)).isCloseTo(Math.max(ones, 1 - ones), within(1e-12));
    }
}
