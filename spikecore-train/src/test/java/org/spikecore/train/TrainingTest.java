package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrainingTest {

    @Test
    void surrogatesHaveTheirShapes() {
        Surrogate ss = Surrogate.superSpike(10f);
        assertThat(ss.derivative(0f)).isEqualTo(1f);
        assertThat(ss.derivative(0.1f)).isCloseTo(0.25f, within(1e-6f)); // 1/(1+1)^2
        assertThat(ss.derivative(-0.1f)).isEqualTo(ss.derivative(0.1f));
        assertThat(new Surrogate(Surrogate.Kind.FAST_SIGMOID, 4f).derivative(0f)).isEqualTo(4f);
        assertThat(new Surrogate(Surrogate.Kind.ARCTAN, 2f).derivative(0f)).isEqualTo(1f);
        Surrogate box = new Surrogate(Surrogate.Kind.BOXCAR, 1f);
        assertThat(box.derivative(0.49f)).isEqualTo(1f);
        assertThat(box.derivative(0.51f)).isZero();
    }

    @Test
    void vanRossumIsZeroForIdenticalRastersAndCountsAMissingSpike() {
        VanRossum vr = new VanRossum(0.8f);
        float[] a = new float[10 * 2];
        a[3 * 2] = 1f;
        assertThat(vr.distance(a, a, 10, 2)).isZero();
        float[] none = new float[20];
        // one spike filtered: 1, .8, .64, ... over 7 steps; Σ squares = (1 − .64^7)/(1 − .64); D = sqrt(Σ·0.2)
        double sum = 0;
        for (int k = 0; k < 7; k++) {
            sum += Math.pow(0.64, k);
        }
        assertThat(vr.distance(a, none, 10, 2)).isCloseTo(Math.sqrt(sum * 0.2), within(1e-5));
        // gradient of ½Σ(x̃−ỹ)² for the extra spike at t = 3: Σ_{t>=3} 0.8^{t−3}·x̃(t) = Σ 0.64^k
        float[] g = vr.gradient(a, none, 10, 2);
        assertThat(g[3 * 2]).isCloseTo((float) sum, within(1e-5f));
        assertThat(g[3 * 2 + 1]).isZero();
    }

    @Test
    void f1CountsHitsWithinOneStep() {
        float[] target = new float[10];
        float[] out = new float[10];
        target[2] = 1f;
        target[6] = 1f;
        out[3] = 1f; // hits t=2 within ±1
        out[9] = 1f; // misses
        // recall 1/2, precision 1/2
        assertThat(SpikeTiming.f1(out, target, 10, 1, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(SpikeTiming.f1(target, target, 10, 1, 0)).isEqualTo(1.0);
    }

    @Test
    void smallPatternTaskLearnsAndIsDeterministic() {
        PatternRetention.Config small = new PatternRetention.Config(140, 80, 50, 50, 0.05, 10f, 3e-3f, 0.8f, 0.3);
        PatternRetention a = new PatternRetention(small, 7);
        PatternRetention b = new PatternRetention(small, 7);
        PatternRetention.Epoch first = a.trainEpoch();
        b.trainEpoch();
        PatternRetention.Epoch lastA = null;
        PatternRetention.Epoch lastB = null;
        for (int e = 1; e < 600; e++) {
            lastA = a.trainEpoch();
            lastB = b.trainEpoch();
        }
        assertThat(lastA).isEqualTo(lastB);
        assertThat(a.lastOutput()).isEqualTo(b.lastOutput());
        assertThat(lastA.vrDistance()).isLessThan(0.6 * first.vrDistance());
        assertThat(lastA.f1()).isGreaterThan(0.6);
        float[] target = a.target();
        int spikes = 0;
        for (float s : target) {
            spikes += (int) s;
        }
        assertThat(spikes).isGreaterThan(50);
    }

    @Test
    void anEpochRecordsItsLayersMeasuredInputsAndErrorEvents() {
        PatternRetention.Config small = new PatternRetention.Config(140, 80, 50, 50, 0.05, 10f, 3e-3f, 0.8f, 0.3);
        PatternRetention task = new PatternRetention(small, 7, new Wage(5, 8, 8, 8));
        List<PatternRetention.Epoch> epochs = List.of(task.trainEpoch(), task.trainEpoch(), task.trainEpoch());
        float[] input = task.input();
        int nonZero = 0;
        for (float v : input) {
            nonZero += v != 0f ? 1 : 0;
        }
        PatternRetention.Epoch e = epochs.get(0);
        assertThat(e.hidden().inputRate()).isEqualTo(nonZero / (double) input.length); // the frozen input raster
        assertThat(e.output().inputRate()).isBetween(0.0, 1.0); // the hidden layer's spikes
        assertThat(e.output().errorRate()).isBetween(0.0, 1.0).isPositive(); // the raster is not learnt yet
        PatternRetention.LayerActivity[] mean = PatternRetention.meanActivity(epochs);
        assertThat(mean[1].errorRate()).isCloseTo(epochs.stream().mapToDouble(x -> x.output().errorRate()).sum() / 3,
                within(1e-15));
        assertThatThrownBy(() -> PatternRetention.meanActivity(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
