package org.spikecore.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NsatKernelTest {

    /** stdp_box's kernel: tstdp 32, bounds 8/20, exponents −1, −2, −3 on both sides. */
    static NsatKernel box(boolean exponential) {
        return new NsatKernel(32, new int[] {8, 20}, new int[] {-1, -2, -3}, new int[] {1, 1, 1},
                new int[] {2, 3, 3}, new int[] {-8, -20}, new int[] {-1, -2, -3}, new int[] {-1, -1, -1},
                new int[] {3, 3, 3}, exponential);
    }

    @Test
    void segmentsFollowNsatsTable() {
        NsatKernel k = box(false);
        assertThat(new int[] {k.segment(1), k.segment(7), k.segment(8), k.segment(19), k.segment(20), k.segment(31),
            k.segment(32), k.segment(0)}).containsExactly(0, 0, 1, 1, 2, 2, NsatKernel.NONE, NsatKernel.NONE);
        assertThat(new int[] {k.segment(-1), k.segment(-7), k.segment(-8), k.segment(-19), k.segment(-20),
            k.segment(-31), k.segment(-32)}).containsExactly(3, 3, 4, 4, 5, 5, NsatKernel.NONE);
    }

    @Test
    void boxKernelChangesByPowersOfTwoOfTheModulator() {
        NsatKernel k = box(false);
        // stdp_box, tick 20: causal ddt = 2 -> +16>>1; acausal dt = -11 -> -(16>>2)
        assertThat(k.dw(16, 2)).isEqualTo(8);
        assertThat(k.dw(16, -11)).isEqualTo(-4);
        assertThat(k.dw(16, 20)).isEqualTo(2);
        assertThat(k.dw(16, -1)).isEqualTo(-8);
        assertThat(k.dw(16, 40)).isZero();
        // zbs rounds toward zero without a "never zero" fix: -3 >> 2 -> 0, -13 >> 1 -> -6
        assertThat(k.dw(-3, 10)).isZero();
        assertThat(k.dw(-13, 1)).isEqualTo(-6);
    }

    @Test
    void exponentialKernelShrinksCausallyAndGrowsAcausally() {
        NsatKernel k = new NsatKernel(24, new int[] {6, 14}, new int[] {-1, -2, -2}, new int[] {1, 1, 1},
                new int[] {2, 3, 3}, new int[] {-6, -14}, new int[] {-4, -5, -5}, new int[] {-1, -1, -1},
                new int[] {3, 3, 3}, true);
        // causal: -1 - (dt >> 2)
        assertThat(k.exponent(1)).isEqualTo(-1);
        assertThat(k.exponent(5)).isEqualTo(-2);
        assertThat(k.dw(32, 5)).isEqualTo(8);
        // acausal quirk (stdp_exp, ticks 40 and 41): -5 - floor(dt / 8)
        assertThat(k.exponent(-16)).isEqualTo(-3);
        assertThat(k.exponent(-17)).isEqualTo(-2);
        assertThat(k.dw(32, -16)).isEqualTo(-4);
        assertThat(k.dw(32, -17)).isEqualTo(-8);
        assertThat(k.dw(32, -1)).as("-1 >> 3 = -1: exponent -3").isEqualTo(-4);
    }

    @Test
    void shiftsAreNsats() {
        assertThat(NsatShifts.zbs(-9, -3)).isEqualTo(-1);
        assertThat(NsatShifts.zbs(7, -3)).isZero();
        assertThat(NsatShifts.zbs(-5, 2)).isEqualTo(-20);
        assertThat(NsatShifts.zbsDiv(-17, 3)).as("floor").isEqualTo(-3);
        assertThat(NsatShifts.zbsDiv(17, 3)).isEqualTo(2);
        assertThat(NsatShifts.zbsDiv(-3, -2)).isEqualTo(-12);
    }

    @Test
    void badKernelsAreRejected() {
        assertThatThrownBy(() -> new NsatKernel(0, new int[] {1, 2}, new int[3], new int[3], new int[3],
                new int[] {-1, -2}, new int[3], new int[3], new int[3], false)).hasMessageContaining("tstdp");
        assertThatThrownBy(() -> new NsatKernel(8, new int[] {1}, new int[3], new int[3], new int[3],
                new int[] {-1, -2}, new int[3], new int[3], new int[3], false)).hasMessageContaining("tca needs 2");
    }

    @Test
    void causalCandidatesAreSpikingPresThenTimeouts() {
        SpikeClock clock = new SpikeClock(5, SpikeClock.NSAT_NEVER);
        clock.record(0, 90);
        clock.record(1, 76); // 100 - 76 = 24 = tstdpmax: times out
        clock.record(2, 99);
        clock.record(3, 60); // spiking now, but its previous spike is too old
        int[] out = new int[5];
        int n = NsatForwardTable.causalCandidates(100, new int[] {3, 2, 0}, 3, clock, 24, out);
        assertThat(java.util.Arrays.copyOf(out, n)).containsExactly(2, 0, 1);
        assertThat(NsatForwardTable.causalDue(99, 90)).isTrue();
        assertThat(NsatForwardTable.causalDue(90, 90)).isFalse();
        assertThat(NsatForwardTable.modulatedDw(-141, -2)).isEqualTo(-35);
    }

    @Test
    void gateNeedsTheWindowAndTheBurnIn() {
        LearningGate g = new LearningGate(-200, 80, 100, 25);
        assertThat(g.open(-26, 26)).isTrue();
        assertThat(g.open(-26, 124)).as("burn-in of the second period").isFalse();
        assertThat(g.open(80, 30)).as("the window is open").isFalse();
        assertThat(g.open(-200, 30)).isFalse();
        assertThatThrownBy(() -> new LearningGate(0, 1, 10, 11)).hasMessageContaining("burn-in");
    }
}
