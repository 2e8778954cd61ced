package org.spikecore.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Format;
import org.spikecore.fixed.Rounding;
import org.spikecore.memory.CsrMemory;
import org.spikecore.memory.DenseMemory;
import org.spikecore.memory.SynapseMemory;

/**
 * The row-wise learner against the per-synapse reference: the same random spikes, post states and
 * modulators drive both over many ticks, and every weight, update count, access count and trace
 * must agree, for each rule with a fast path, on a crossbar and on a sparse memory.
 */
class RowLearnerTest {

    private static final int PRE = 37;
    private static final int POST = 23;
    private static final TraceSpec TRACE = new TraceSpec(3, 40, 127, Rounding.STOCHASTIC, TraceSpec.Pairing.ALL_TO_ALL);
    /** A window on state 0 and a burn-in, so that the gate closes for some posts and some ticks. */
    private static final LearningGate GATE = new LearningGate(-300, 300, 50, 5);

    /** One learner with its own state, states and memory, driven by the shared random script. */
    private record Side(PlasticityState state, int[][] x, SynapseMemory memory, ProjectionLearner learner) {
    }

    private static Side side(LearningRule rule, boolean sparse, boolean fast) {
        PlasticityState state = new PlasticityState(PRE, POST, 11, new TraceSpec[] {TRACE, TRACE},
                new TraceSpec[] {TRACE, TRACE}, new Modulator(new int[] {1, 2}, new int[] {0, -1}, new int[] {1, -1}),
                SpikeClock.NSAT_NEVER);
        int[][] x = new int[3][POST];
        state.bindPostStates(x);
        SynapseMemory memory = sparse ? sparseMemory() : denseMemory();
        ProjectionLearner learner = ProjectionLearner.of(rule, state, memory, GATE, 0, fast);
        assertThat(learner instanceof RowLearner).isEqualTo(fast);
        return new Side(state, x, memory, learner);
    }

    private static int initialWeight(int i, int j) {
        long bits = CounterRng.bits(3, 1, i, j);
        return (bits & 7) == 0 ? 0 : (int) ((bits >>> 40) % 255) - 127; // some zeros, both signs
    }

    private static DenseMemory denseMemory() {
        DenseMemory m = new DenseMemory(PRE, POST, Format.INT8, 32);
        for (int i = 0; i < PRE; i++) {
            for (int j = 0; j < POST; j++) {
                m.set(i, j, initialWeight(i, j));
            }
        }
        return m;
    }

    private static CsrMemory sparseMemory() {
        int n = 0;
        int[] pres = new int[PRE * POST];
        int[] posts = new int[PRE * POST];
        int[] w = new int[PRE * POST];
        for (int i = 0; i < PRE; i++) {
            for (int j = 0; j < POST; j++) {
                if ((i + j) % 3 != 0) {
                    pres[n] = i;
                    posts[n] = j;
                    w[n++] = initialWeight(i, j);
                }
            }
        }
        return new CsrMemory(PRE, POST, Format.INT8, java.util.Arrays.copyOf(pres, n), java.util.Arrays.copyOf(posts, n),
                java.util.Arrays.copyOf(w, n));
    }

    /** Runs both sides over the same script and asserts they agree after every tick. */
    private static void agree(LearningRule rule, boolean sparse) {
        Side ref = side(rule, sparse, false);
        Side fast = side(rule, sparse, true);
        long changes = 0;
        for (int t = 0; t < 400; t++) {
            int[] pres = spikes(t, 0, PRE, 0.15);
            int[] posts = spikes(t, 1, POST, 0.1);
            for (int j = 0; j < POST; j++) {
                for (int k = 0; k < 3; k++) {
                    // state 0 (the gate's) straddles the window; the modulator states are often 0
                    long b = CounterRng.bits(9, 2 + k, t, j);
                    int v = k == 0 ? (int) (b % 800) - 400 : (b & 3) == 0 ? 0 : (int) ((b >>> 8) % 4001) - 2000;
                    ref.x()[k][j] = v;
                    fast.x()[k][j] = v;
                }
            }
            changes += tick(ref, t, pres, posts);
            tick(fast, t, pres, posts);
            assertSame(ref, fast, t);
        }
        assertThat(changes).as("the script must change weights").isGreaterThan(100);
        assertThat(fast.learner().updates()).isEqualTo(ref.learner().updates());
    }

    private static int[] spikes(int t, int salt, int n, double p) {
        int[] out = new int[n];
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (CounterRng.uniform(5, salt, t, i) < p) {
                out[c++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, c);
    }

    private static int tick(Side s, int t, int[] pres, int[] posts) {
        s.state().setReward(t % 7 - 3);
        s.state().beginTick(t);
        for (int p : pres) {
            s.state().markPreSpike(p);
        }
        for (int q : posts) {
            s.state().markPostSpike(q);
        }
        if (pres.length > 0 || posts.length > 0) {
            s.learner().prepare();
        }
        int changed = 0;
        for (int p : pres) {
            changed += s.learner().onPreSpike(p);
        }
        for (int q : posts) {
            changed += s.learner().onPostSpike(q);
        }
        s.state().endTick();
        return changed;
    }

    private static void assertSame(Side ref, Side fast, int t) {
        for (int i = 0; i < PRE; i++) {
            for (int j = 0; j < POST; j++) {
                assertThat(peek(fast.memory(), i, j)).as("weight (%d, %d) at tick %d", i, j, t).isEqualTo(peek(ref.memory(), i, j));
            }
        }
        assertThat(fast.memory().nonZeroCount()).isEqualTo(ref.memory().nonZeroCount());
        assertThat(fast.memory().counter().snapshot()).as("access counts at tick %d", t).isEqualTo(ref.memory().counter().snapshot());
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < PRE; i++) {
                assertThat(fast.state().preTraces().value(k, i)).isEqualTo(ref.state().preTraces().value(k, i));
            }
            for (int j = 0; j < POST; j++) {
                assertThat(fast.state().postTraces().value(k, j)).isEqualTo(ref.state().postTraces().value(k, j));
            }
        }
    }

    /** A weight read that leaves the counts alone: both sides read the same, so it cancels. */
    private static int peek(SynapseMemory m, int i, int j) {
        int[] w = {0};
        m.forward(i, (p, q, v) -> {
            if (q == j) {
                w[0] = v;
            }
        });
        return w[0];
    }

    private static Erbp erbp(int shift) {
        return new Erbp(0, -200, 250, shift, Rounding.STOCHASTIC);
    }

    @Test
    void erbpMatchesTheReference() {
        agree(erbp(6), false);
        agree(erbp(6), true);
        agree(new Erbp(0, -200, 250, 3, Rounding.NEAREST_EVEN), false);
    }

    @Test
    void perbpMatchesTheReference() {
        agree(new Perbp(erbp(5), 0.6), false);
        agree(new Perbp(erbp(5), 0.6), true);
    }

    @Test
    void pairStdpMatchesTheReference() {
        agree(new PairStdp(false, 1, 1, 30, 20, 4, 0, 0, Rounding.STOCHASTIC), false);
        agree(PairStdp.multiplicative(9, 5, 8, -100, 120, Rounding.STOCHASTIC), false);
        agree(PairStdp.multiplicative(9, 5, 8, -100, 120, Rounding.STOCHASTIC), true);
        agree(PairStdp.additive(30, 20, 4, Rounding.FLOOR), false);
    }

    @Test
    void textRuleMatchesTheReference() {
        TextRule rule = TextRule.of("dw = 2^-4 * x1 * y0 - 2^-5 * y2 * x0 + 2^-9 * m * r + 2^-6 * v2 - 2^-7 * w",
                SymbolRanges.nsat(), Rounding.STOCHASTIC);
        agree(rule, false);
        agree(rule, true);
    }

    @Test
    void aRuleWithoutARowPathGetsTheReference() {
        Side s = side(PairStdp.additive(1, 1, 1, Rounding.FLOOR), false, true);
        assertThat(ProjectionLearner.of(new RewardModulatedStdp(1, 1, 1, Rounding.FLOOR), s.state(), s.memory(), GATE, 0, true))
                .isInstanceOf(SynapseLearner.class);
        assertThatThrownBy(() -> new RowLearner(new RewardModulatedStdp(1, 1, 1, Rounding.FLOOR), s.state(), s.memory(), GATE, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RewardModulatedStdp");
    }
}
