package org.spikecore.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spikecore.learn.Fixture.none;
import static org.spikecore.learn.Fixture.of;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spikecore.SpikecoreException;
import org.spikecore.fixed.Rounding;

class RuleLanguageTest {

    private static final String LAVA_STDP = "dw = 2^-4 * x1 * y0 - 2^-5 * y1 * x0";

    private static int[] inputs(int x0, int x1, int y0, int y1) {
        int[] in = new int[RuleSymbol.values().length];
        in[RuleSymbol.X0.ordinal()] = x0;
        in[RuleSymbol.X1.ordinal()] = x1;
        in[RuleSymbol.Y0.ordinal()] = y0;
        in[RuleSymbol.Y1.ordinal()] = y1;
        return in;
    }

    @Test
    void sumsAlignToTheFinerScaleAndRoundOnceAtTheEnd() {
        CompiledRule floor = RuleCompiler.compile(LAVA_STDP, SymbolRanges.nsat(), Rounding.FLOOR);
        assertThat(floor.fracBits()).isEqualTo(5);
        // 100/16 = 200/32: potentiation alone
        assertThat(floor.evaluateScaled(inputs(0, 100, 1, 40))).isEqualTo(200);
        assertThat(floor.dw(inputs(0, 100, 1, 40), 0)).isEqualTo(6);
        // both terms: (200 − 40)/32 = 5 exactly
        assertThat(floor.dw(inputs(1, 100, 1, 40), 0)).isEqualTo(5);
        // depression alone: −40/32 = −1.25
        assertThat(floor.dw(inputs(1, 100, 0, 40), 0)).isEqualTo(-2);
        CompiledRule towardZero = RuleCompiler.compile(LAVA_STDP, SymbolRanges.nsat(), Rounding.TOWARD_ZERO);
        assertThat(towardZero.dw(inputs(1, 100, 0, 40), 0)).isEqualTo(-1);
        assertThat(floor.symbols()).containsExactlyInAnyOrder(RuleSymbol.X0, RuleSymbol.X1, RuleSymbol.Y0,
                RuleSymbol.Y1);
    }

    @Test
    void functionsAndPowersOfTwo() {
        CompiledRule r = RuleCompiler.compile("dw = 8 * sign(m) * box(v0, -2^4, 2^4) + step(r - 3) + 2^2",
                SymbolRanges.nsat(), Rounding.FLOOR);
        int[] in = new int[RuleSymbol.values().length];
        in[RuleSymbol.M.ordinal()] = -5;
        in[RuleSymbol.V0.ordinal()] = 3;
        in[RuleSymbol.R.ordinal()] = 5;
        assertThat(r.dw(in, 0)).isEqualTo(-8 + 1 + 4);
        in[RuleSymbol.V0.ordinal()] = 16; // the boxcar is open
        assertThat(r.dw(in, 0)).isEqualTo(1 + 4);
        in[RuleSymbol.R.ordinal()] = 3;
        assertThat(r.dw(in, 0)).isEqualTo(4);
        CompiledRule stochastic = RuleCompiler.compile("dw = 2^-2 * w", SymbolRanges.nsat(), Rounding.STOCHASTIC);
        int[] w = new int[RuleSymbol.values().length];
        w[RuleSymbol.W.ordinal()] = 5; // 1.25: up when the low 2 random bits are below 1
        assertThat(stochastic.dw(w, 0b00)).isEqualTo(2);
        assertThat(stochastic.dw(w, 0b01)).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dw = 2^-4 * x1 * z0   | 17 | unknown symbol 'z0'",
        "dw = 2^-40 * x1       | 7  | bad exponent -40",
        "dw = 2^ * x1          | 8  | bad exponent",
        "dw = 3^2 * x1         | 5  | only powers of two",
        "dw = x1 * y0 )        | 13 | unexpected ')'",
        "w = x1                | 0  | a rule starts with 'dw ='",
        "dw = box(v0, 1)       | 5  | box takes 3 arguments",
        "dw = x1 *             | 9  | expression ends too early",
        "dw = (x1 + y1         | 13 | expected ')'",
        "dw = x1 $ y1          | 8  | unexpected '$'",
        "dw = 1234567890 * x1  | 5  | too large",
    })
    void badRulesNameTheColumn(String text, int column, String problem) {
        assertThatThrownBy(() -> RuleCompiler.compile(text, SymbolRanges.nsat(), Rounding.FLOOR))
                .isInstanceOf(SpikecoreException.class)
                .hasMessageContaining(problem)
                .hasMessageEndingWith("at column " + column)
                .satisfies(e -> assertThat(((RuleException) e).column()).isEqualTo(column));
    }

    @Test
    void aRuleThatCouldOverflowIsRejected() {
        assertThatThrownBy(() -> RuleCompiler.compile("dw = w * w * w * w * w * w * w * w * w", SymbolRanges.nsat(),
                Rounding.FLOOR)).isInstanceOf(RuleException.class).hasMessageContaining("may exceed 63 bits");
        assertThatThrownBy(() -> RuleCompiler.compile("dw = 2^-30 * 2^-30 * 2^-3 * x1", SymbolRanges.nsat(),
                Rounding.FLOOR)).hasMessageContaining("finer than 62 fractional bits");
    }

    @Test
    void aRuleReadingWhatTheStateLacksIsRefused() {
        TextRule rule = TextRule.of("dw = x2 - y1", SymbolRanges.nsat(), Rounding.FLOOR);
        assertThatThrownBy(() -> new Fixture(rule, new int[][] {{1}})).hasMessageContaining("reads x2");
    }

    /** The talk's reward-modulated STDP, Δw = η r STDP, as text: the same weights as the built-in rule. */
    @Test
    void rewardModulatedStdpAsTextEqualsTheBuiltInRule() {
        TextRule text = TextRule.of("dw = r * (2^-3 * 4 * x1 * y0 - 2^-3 * 3 * y1 * x0)", SymbolRanges.nsat(),
                Rounding.FLOOR);
        RewardModulatedStdp builtIn = new RewardModulatedStdp(4, 3, 3, Rounding.FLOOR);
        Fixture a = new Fixture(text, new int[][] {{0, 40}, {-20, 60}});
        Fixture b = new Fixture(builtIn, new int[][] {{0, 40}, {-20, 60}});
        Random random = new Random(5);
        for (int t = 1; t <= 200; t++) {
            int reward = random.nextInt(5) - 2;
            int[] pres = random.nextInt(4) == 0 ? of(random.nextInt(2)) : none();
            int[] posts = random.nextInt(5) == 0 ? of(random.nextInt(2)) : none();
            for (Fixture f : new Fixture[] {a, b}) {
                f.state.setReward(reward);
                f.tick(t, pres, posts);
            }
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(a.w(i, j)).as("tick %d synapse %d->%d", t, i, j).isEqualTo(b.w(i, j));
                }
            }
        }
        assertThat(a.learner.updates()).isPositive();
        // by hand: pre at 1, post at 3, r = 2: 2·(4·36) >> 3 = 36
        Fixture hand = new Fixture(text, new int[][] {{1}});
        hand.state.setReward(2);
        hand.tick(1, of(0), none());
        hand.tick(2, none(), none());
        hand.tick(3, none(), of(0));
        assertThat(hand.w(0, 0)).isEqualTo(1 + 36);
    }

    /** Event-driven contrastive divergence, Δw = η g(t) STDP: g = sign of the modulator (data +1, model −1). */
    @Test
    void eventDrivenContrastiveDivergenceFlipsWithThePhase() {
        TextRule rule = TextRule.of("dw = 2^-4 * sign(m) * (x1 * y0 + y1 * x0)", SymbolRanges.nsat(),
                Rounding.TOWARD_ZERO);
        int[] phase = {1, -1};
        int[] want = {20 + 2, 20 - 2}; // ±36/16 = ±2.25 toward zero
        for (int i = 0; i < 2; i++) {
            Fixture f = new Fixture(rule, new int[][] {{20}});
            f.x[1][0] = phase[i] * 100;
            f.tick(1, of(0), none());
            f.tick(2, none(), none());
            f.tick(3, none(), of(0));
            assertThat(f.w(0, 0)).as("phase %d", phase[i]).isEqualTo(want[i]);
            f.tick(4, of(0), none()); // symmetric: the post trace 48 potentiates in the data phase too
            assertThat(f.w(0, 0)).isEqualTo(want[i] + phase[i] * 3);
        }
    }

    /** Voltage-based sequence learning, Δw = η (Θ(V) − α(ν_i − C)) ν_j, at the pre event. */
    @ParameterizedTest
    @CsvSource({"150, 36, 0", "50, 36, -2", "150, 4, 4", "50, 4, 2"})
    void voltageBasedSequenceLearning(int v, int postRate, int want) {
        CompiledRule r = RuleCompiler.compile("dw = 2^-2 * x0 * (8 * step(v0 - 100) - 2^-1 * (y1 - 20))",
                SymbolRanges.nsat(), Rounding.FLOOR);
        int[] in = new int[RuleSymbol.values().length];
        in[RuleSymbol.X0.ordinal()] = 1;
        in[RuleSymbol.V0.ordinal()] = v;
        in[RuleSymbol.Y1.ordinal()] = postRate;
        // (8·Θ − (y1 − 20)/2) / 4: (8 − 8)/4, (0 − 8)/4, (8 + 8)/4, (0 + 8)/4
        assertThat(r.dw(in, 0)).isEqualTo(want);
        in[RuleSymbol.X0.ordinal()] = 0;
        assertThat(r.dw(in, 0)).as("no pre spike, no change").isZero();
    }

    /** Supervised Δw = η (ν_tgt − ν_i) φ'(V) ν_j on a tiny network: target rate as the third factor. */
    @Test
    void supervisedRuleMovesTheWeightTowardTheTargetRate() {
        TextRule rule = TextRule.of("dw = 2^-3 * (r - y1) * box(v0, -64, 64) * x0", SymbolRanges.nsat(),
                Rounding.FLOOR);
        Fixture f = new Fixture(rule, new int[][] {{10, 10}});
        f.state.setReward(60); // target rate in trace units
        f.x[0][0] = 20; // inside φ'
        f.x[0][1] = 70; // outside
        f.tick(1, none(), of(0, 1)); // post traces: 64
        f.tick(2, of(0), none()); // y1 = 48: (60 − 48)/8 = 1.5 -> 1
        assertThat(f.w(0, 0)).isEqualTo(11);
        assertThat(f.w(0, 1)).isEqualTo(10);
        f.state.setReward(0);
        f.tick(3, of(0), none()); // y1 = 36: −36/8 = −4.5 -> −5
        assertThat(f.w(0, 0)).isEqualTo(6);
    }
}
