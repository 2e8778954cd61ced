package org.spikecore.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spikecore.learn.Fixture.none;
import static org.spikecore.learn.Fixture.of;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.spikecore.fixed.Rounding;

/**
 * The built-in rules with numbers worked by hand. Traces: floor decay by 2^-2, increment 64, so
 * a pre spike at tick 1 leaves x = 64 at the end of tick 1, 48 at tick 2, 36 at tick 3, 27 at 4.
 */
class BuiltInRulesTest {

    @Test
    void additivePairStdpPotentiatesAtThePostSpikeAndDepressesAtThePreSpike() {
        Fixture f = new Fixture(PairStdp.additive(4, 3, 3, Rounding.FLOOR), new int[][] {{10}});
        f.tick(1, of(0), none()); // y = 0: no depression
        assertThat(f.w(0, 0)).isEqualTo(10);
        f.tick(2, none(), none());
        f.tick(3, none(), of(0)); // +4·36 >> 3 = 18
        assertThat(f.w(0, 0)).isEqualTo(28);
        f.tick(4, of(0), none()); // y = 64 - 16 = 48: -(3·48 >> 3) = -18
        assertThat(f.w(0, 0)).isEqualTo(10);
        assertThat(f.memory.counter().totalWrites()).as("two read-modify-writes").isPositive();
        assertThat(f.learner.updates()).isEqualTo(2);
    }

    @Test
    void multiplicativePairStdpScalesByTheDistanceToTheBounds() {
        Fixture f = new Fixture(PairStdp.multiplicative(4, 3, 8, 0, 100, Rounding.FLOOR), new int[][] {{10}});
        f.tick(1, of(0), none());
        f.tick(2, none(), none());
        f.tick(3, none(), of(0)); // 4·(100 − 10)·36 = 12960 >> 8 = 50
        assertThat(f.w(0, 0)).isEqualTo(60);
        f.tick(4, of(0), none()); // −3·(60 − 0)·48 = −8640, floor(−8640 / 256) = −34
        assertThat(f.w(0, 0)).isEqualTo(26);
    }

    @Test
    void nearestPairingCountsOnlyTheLastPreSpike() {
        PairStdp rule = PairStdp.additive(4, 0, 3, Rounding.FLOOR);
        Fixture all = new Fixture(rule, new int[][] {{1}});
        Fixture nearest = new Fixture(rule, new int[][] {{1}},
                new TraceSpec(2, 64, 127, Rounding.FLOOR, TraceSpec.Pairing.NEAREST));
        for (Fixture f : new Fixture[] {all, nearest}) {
            f.tick(1, of(0), none());
            f.tick(2, of(0), none());
            f.tick(3, none(), of(0));
        }
        // all-to-all: x = 48 + 64 = 112 after tick 2, 84 at 3: 4·84 >> 3 = 42; nearest: 64 -> 48: 24
        assertThat(all.w(0, 0)).isEqualTo(1 + 42);
        assertThat(nearest.w(0, 0)).isEqualTo(1 + 24);
    }

    @Test
    void aSameTickPairIsEvaluatedOnceAndNotPaired() {
        Fixture f = new Fixture(PairStdp.additive(4, 3, 3, Rounding.FLOOR), new int[][] {{10}});
        f.tick(1, of(0), of(0)); // traces before this tick are 0: nothing, and no double evaluation
        assertThat(f.w(0, 0)).isEqualTo(10);
        f.tick(2, of(0), of(0)); // x = y = 48: +(4·48 >> 3) = 24 and −(3·48 >> 3) = −18, in one call
        assertThat(f.w(0, 0)).isEqualTo(16);
        assertThat(f.learner.updates()).isEqualTo(1);
    }

    @Test
    void rewardModulatedStdpScalesThePairsByTheReward() {
        int[] want = {50 + 36, 50 - 18, 50};
        int[] reward = {2, -1, 0};
        for (int i = 0; i < reward.length; i++) {
            Fixture f = new Fixture(new RewardModulatedStdp(4, 3, 3, Rounding.FLOOR), new int[][] {{50}});
            f.state.setReward(reward[i]);
            f.tick(1, of(0), none());
            f.tick(2, none(), none());
            f.tick(3, none(), of(0)); // r·4·36 >> 3
            assertThat(f.w(0, 0)).as("reward %d", reward[i]).isEqualTo(want[i]);
        }
    }

    @Test
    void erbpLearnsTheModulatorInsideTheBoxcarOnly() {
        Fixture f = new Fixture(new Erbp(0, -64, 64, 2, Rounding.FLOOR), new int[][] {{20, 20}});
        f.x[0][0] = 10;
        f.x[0][1] = 100; // outside the boxcar
        f.x[1][0] = -41; // error compartments
        f.x[1][1] = 50;
        f.tick(1, of(0), none());
        assertThat(f.w(0, 0)).isEqualTo(20 + Math.floorDiv(-41, 4));
        assertThat(f.w(0, 1)).isEqualTo(20);
        f.tick(2, none(), of(0));
        assertThat(f.w(0, 0)).as("no learning at post spikes").isEqualTo(9);
    }

    @Test
    void perbpLearnsOnlyOnTransmittedSpikesAtTheSynapseProbability() {
        Erbp erbp = new Erbp(0, -64, 64, 0, Rounding.FLOOR);
        Perbp perbp = new Perbp(erbp, 0.6);
        int n = 4000;
        Fixture f = new Fixture(perbp, new int[][] {new int[n]});
        for (int j = 0; j < n; j++) {
            f.memory.update(0, j, 50);
        }
        for (int j = 0; j < n; j++) {
            f.x[1][j] = 1;
        }
        f.tick(1, of(0), none());
        int learned = 0;
        for (int j = 0; j < n; j++) {
            boolean transmitted = perbp.transmits(f.state, 0, j);
            assertThat(f.w(0, j)).isEqualTo(transmitted ? 51 : 50);
            learned += transmitted ? 1 : 0;
        }
        assertThat(learned / (double) n).isCloseTo(0.6, Offset.offset(0.03));
        assertThatThrownBy(() -> new Perbp(erbp, 0)).hasMessageContaining("(0, 1]");
    }

    @Test
    void stochasticBinaryStdpSwitchesWithExponentiallyFallingProbability() {
        StochasticBinaryStdp rule = new StochasticBinaryStdp(4, 16, 1.0, 0.5, 0);
        assertThat(rule.probability(1.0, 4)).isCloseTo(Math.exp(-1), Offset.offset(1e-12));
        assertThat(rule.probability(1.0, 17)).isZero();
        assertThat(rule.probability(1.0, 0)).isZero();
        int n = 20_000;
        PlasticityState s = new PlasticityState(n, 1, 3, new TraceSpec[0], new TraceSpec[0], Modulator.state(0), -1000);
        s.beginTick(10);
        for (int i = 0; i < n; i++) {
            s.markPreSpike(i);
        }
        s.endTick();
        s.beginTick(14);
        s.markPostSpike(0);
        int potentiated = 0;
        for (int i = 0; i < n; i++) {
            potentiated += rule.onPost(s, i, 0, 0);
            assertThat(rule.onPost(s, i, 0, 1)).as("a 1 stays 1").isZero();
        }
        assertThat(potentiated / (double) n).isCloseTo(Math.exp(-1), Offset.offset(0.012));
        s.endTick();
        s.beginTick(16); // pre spikes 2 ticks after the post: depress 1 -> 0 with 0.5·e^-0.5
        int depressed = 0;
        for (int i = 0; i < n; i++) {
            s.markPreSpike(i);
            depressed -= rule.onPre(s, i, 0, 1);
        }
        assertThat(depressed / (double) n).isCloseTo(0.5 * Math.exp(-0.5), Offset.offset(0.012));
    }

    @Test
    void nsatRuleGivesTheAcausalAndTheDeferredCausalChange() {
        NsatStdp rule = new NsatStdp(NsatKernelTest.box(false), true, 24, -1);
        PlasticityState s = new PlasticityState(1, 1, 0, new TraceSpec[0], new TraceSpec[0], Modulator.state(1),
                SpikeClock.NSAT_NEVER);
        int[][] x = {{0}, {16}};
        s.bindPostStates(x);
        s.beginTick(7);
        s.markPreSpike(0);
        s.endTick();
        s.beginTick(9);
        s.markPostSpike(0);
        s.endTick(); // latches g = 16
        s.beginTick(20);
        s.markPreSpike(0);
        // stdp_box, tick 20: causal for the spike at 7 against the post at 9, acausal against 9
        assertThat(rule.causal(s, 0, 0)).isEqualTo(8);
        assertThat(rule.onPre(s, 0, 0, 60)).isEqualTo(-4);
        NsatStdp modulated = new NsatStdp(NsatKernelTest.box(false), false, 24, 4);
        x[1][0] = -141;
        assertThat(modulated.onPre(s, 0, 0, 0)).isEqualTo(NsatShifts.zbs(-141, -1));
        assertThat(modulated.causal(s, 0, 0)).isZero();
    }
}
