package org.spikecore.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spikecore.fixed.Format;
import org.spikecore.fixed.Rounding;
import org.spikecore.memory.DenseMemory;

/**
 * ASP on three inputs into one neuron, worked by hand. Pre traces exact (floor): x_pre nearest,
 * 128 at a spike, minus x >> 4 per tick; pre_acc +1 per spike, minus acc >> 8 (0 for small counts).
 * Rule: A = 3, offset 16, k = 32, shift 2, a(n) = b(n) = 1 + n (activity shifts 0), leak shift 1,
 * baseline 25, bounds [1, 255].
 */
class AspTest {

    private static final TraceSpec X = new TraceSpec(4, 128, 128, Rounding.FLOOR, TraceSpec.Pairing.NEAREST);
    private static final TraceSpec ACC = new TraceSpec(8, 1, 255, Rounding.FLOOR, TraceSpec.Pairing.ALL_TO_ALL);
    private static final Asp ASP = new Asp(0, 1, 3, 16, 32, 2, 0, 1, 0, 25, 1, 255);

    private final PlasticityState state = new PlasticityState(3, 1, 11, new TraceSpec[] {X, ACC}, new TraceSpec[] {X},
            Modulator.state(0), -1000);
    private final DenseMemory memory = DenseMemory.of(new int[][] {{100}, {100}, {10}}, Format.INT16, 64);
    private final SynapseLearner learner = new SynapseLearner(ASP, state, memory, LearningGate.OPEN, 0);

    private void tick(int t, int[] pres, int[] posts) {
        state.beginTick(t);
        for (int p : pres) {
            state.markPreSpike(p);
        }
        for (int q : posts) {
            state.markPostSpike(q);
        }
        for (int p : pres) {
            learner.onPreSpike(p);
        }
        for (int q : posts) {
            learner.onPostSpike(q);
        }
        state.endTick();
    }

    private int w(int pre) {
        return memory.weight(pre, 0);
    }

    @Test
    void recoveryFollowsThePreTraceAndFallsWithThePostActivity() {
        state.bindPostStates(new int[1][1]);
        // tick 0, post alone, n = 0: a = 1, every input silent: 3·(0 − 16 − 32) / (1·4) = −36
        tick(0, new int[0], new int[] {0});
        assertThat(w(0)).isEqualTo(64);
        assertThat(w(1)).isEqualTo(64);
        assertThat(w(2)).as("10 − 36 clamped at the lower bound").isEqualTo(1);
        assertThat(state.postSpikeTotal(0)).isEqualTo(1);
        // tick 1, input 0 alone: ASP learns at post spikes only
        tick(1, new int[] {0}, new int[0]);
        assertThat(w(0)).isEqualTo(64);
        // tick 2, post: x_pre(0) = 128 − 8 = 120, pre_acc(0) = 1; n = 1, a = 2, divisor 2·4 = 8
        // input 0: 3·(120 − 16 − (32 >> 1)) / 8 = 264 / 8 = +33; input 1: 3·(0 − 16 − 32) / 8 = −18
        tick(2, new int[0], new int[] {0});
        assertThat(w(0)).isEqualTo(97);
        assertThat(w(1)).isEqualTo(46);
        assertThat(w(2)).as("held at the bound").isEqualTo(1);
        assertThat(state.postSpikeTotal(0)).isEqualTo(2);
    }

    @Test
    void theLeakPullsEveryWeightTowardTheBaselineSlowerForAnActivePost() {
        state.bindPostStates(new int[1][1]);
        tick(0, new int[0], new int[] {0});
        tick(1, new int[] {0}, new int[0]);
        tick(2, new int[0], new int[] {0}); // weights 97, 46, 1; n = 2
        // b = 1 + 2 = 3, divisor 3·2^1 = 6: −(97 − 25)/6 = −12; −(46 − 25)/6 = −3.5 (−4 or −3); −(1 − 25)/6 = +4
        assertThat(ASP.leakAll(state, memory)).isEqualTo(3);
        assertThat(w(0)).isEqualTo(85);
        assertThat(w(1)).isIn(42, 43);
        assertThat(w(2)).isEqualTo(5);
    }

    @Test
    void theLeakOfANeverActivePostIsFasterAndUnbiased() {
        // n = 0: a = 1, divisor 2: −(46 − 25)/2 = −10.5 on average over many draws
        state.bindPostStates(new int[1][1]);
        long sum = 0;
        int draws = 20_000;
        for (int t = 0; t < draws; t++) {
            state.beginTick(t);
            sum += ASP.leak(state, 1, 0, 46);
        }
        assertThat((double) sum / draws).isCloseTo(-10.5, org.assertj.core.data.Offset.offset(0.02));
        assertThat(ASP.leak(state, 0, 0, 25)).as("at the baseline").isZero();
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> new Asp(0, 1, 3, 16, 32, 31, 0, 1, 0, 25, 1, 255)).hasMessageContaining("shifts must be 0..30");
        assertThatThrownBy(() -> new Asp(0, 1, 3, 16, 32, 2, 0, 1, 0, 25, 0, 255)).hasMessageContaining("1 <= wMin");
        assertThatThrownBy(() -> new Asp(0, 1, -1, 16, 32, 2, 0, 1, 0, 25, 1, 255)).hasMessageContaining("non-negative");
    }
}
