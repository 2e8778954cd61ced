package org.spikecore.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spikecore.learn.Fixture.none;

import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Stochastic binary STDP through the {@link SynapseLearner} on a crossbar of 0/1 weights: over
 * thousands of synapses the switching frequencies match p(Δt) within four standard deviations of a
 * binomial, and a stored 0 is visited, so it can switch on.
 */
class StochasticBinaryStdpTest {

    private static final int PRES = 6000;
    private static final int[] DT = {1, 3, 6, 12};
    private static final StochasticBinaryStdp RULE = new StochasticBinaryStdp(5, 16, 0.8, 0.6, 0.3);

    private static int[] allPres() {
        return IntStream.range(0, PRES).toArray();
    }

    private static Fixture filled(int w) {
        int[][] weights = new int[PRES][DT.length];
        for (int[] row : weights) {
            java.util.Arrays.fill(row, w);
        }
        return new Fixture(RULE, weights);
    }

    private static void assertFrequency(Fixture f, int post, int from, double p) {
        int switched = 0;
        for (int i = 0; i < PRES; i++) {
            switched += f.w(i, post) != from ? 1 : 0;
        }
        double sd = Math.sqrt(p * (1 - p) / PRES);
        assertThat(switched / (double) PRES).as("post %d: switching frequency against p = %.4f", post, p)
                .isCloseTo(p, Offset.offset(4 * sd + 1e-9));
    }

    @Test
    void zerosSwitchOnAtAPostSpikeWithProbabilityFallingAsExpOfDt() {
        Fixture f = filled(0);
        f.tick(10, allPres(), none());
        for (int q = 0; q < DT.length; q++) {
            f.tick(10 + DT[q], none(), new int[] {q});
        }
        for (int q = 0; q < DT.length; q++) {
            assertFrequency(f, q, 0, 0.8 * Math.exp(-DT[q] / 5.0));
        }
        assertThat(f.learner.updates()).as("a 0 was visited and potentiated").isGreaterThan(PRES);
    }

    @Test
    void onesSwitchOffAtAPreSpikeAfterThePostWithProbabilityFallingAsExpOfDt() {
        for (int q = 0; q < DT.length; q++) {
            Fixture f = filled(1);
            f.tick(18, allPres(), none()); // the post spike at 20 pairs with these: no unpaired depression
            f.tick(20, none(), new int[] {q});
            f.tick(20 + DT[q], allPres(), none());
            assertFrequency(f, q, 1, 0.6 * Math.exp(-DT[q] / 5.0));
            for (int other = 0; other < DT.length; other++) {
                if (other != q) {
                    assertFrequency(f, other, 1, 0); // their posts never spiked: no anti-causal pair
                }
            }
        }
    }

    @Test
    void onesWithoutACausePreInTheWindowSwitchOffAtAPostSpike() {
        Fixture f = filled(1);
        f.tick(30, none(), new int[] {0}); // the pres never spiked: every pair is unpaired
        f.tick(40, allPres(), none());
        f.tick(41, none(), new int[] {1}); // Δt = 1: paired, a 1 stays
        f.tick(40 + 17, none(), new int[] {2}); // Δt = 17 > window: unpaired
        assertFrequency(f, 1, 1, 0);
        assertFrequency(f, 2, 1, 0.3);
        // post 0 lost ~30 % at tick 30, then the pre spikes at 40 are 10 ticks after it: anti-causal
        double kept = (1 - 0.3) * (1 - 0.6 * Math.exp(-10 / 5.0));
        assertFrequency(f, 0, 1, 1 - kept);
    }

    @Test
    void aSameTickPairIsNoPairButThePostStillPairsWithTheEarlierPreSpike() {
        Fixture f = filled(0);
        f.tick(50, allPres(), none());
        f.tick(52, allPres(), new int[] {0}); // Δt = 2 to the spike of tick 50, 0 to this tick's
        assertFrequency(f, 0, 0, 0.8 * Math.exp(-2 / 5.0));
        Fixture fresh = filled(0);
        fresh.tick(52, allPres(), new int[] {0});
        assertFrequency(fresh, 0, 0, 0);
    }

    @Test
    void theRuleChecksItsParameters() {
        assertThat(RULE.learnsFromZero()).isTrue();
        assertThat(RULE.probability(1.0, 5)).isCloseTo(Math.exp(-1), Offset.offset(1e-15));
        assertThat(RULE.probability(1.0, 17)).isZero();
        assertThatThrownBy(() -> new StochasticBinaryStdp(5, 1001, 1, 1, 1)).hasMessageContaining("1..1000");
        assertThatThrownBy(() -> new StochasticBinaryStdp(5, 16, 1, 1, 1.5)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> new StochasticBinaryStdp(0, 16, 1, 1, 1)).hasMessageContaining("positive");
    }
}
