package org.spikecore.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.spikecore.fixed.Rounding;

/**
 * Stochastic traces and stochastic rounding draw from keys of (seed, stream, tick, synapse): the
 * same spikes give the same weights whatever order the engine visits the spikes in, and on any
 * thread.
 */
class DeterminismTest {

    private static int[][] run(boolean reversed, boolean parallel) {
        TraceSpec trace = TraceSpec.lava7Bit(3, 40);
        TextRule rule = TextRule.of("dw = 2^-4 * x1 * y0 - 2^-5 * y1 * x0", SymbolRanges.nsat(), Rounding.STOCHASTIC);
        int pre = 12;
        int post = 9;
        int[][] w0 = new int[pre][post];
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                w0[i][j] = 20 + i - j;
            }
        }
        Fixture f = new Fixture(rule, w0, trace);
        Random spikes = new Random(11);
        for (int t = 1; t <= 300; t++) {
            int[] drawn = IntStream.range(0, pre).filter(i -> spikes.nextInt(6) == 0).toArray();
            int[] posts = IntStream.range(0, post).filter(i -> spikes.nextInt(8) == 0).toArray();
            int[] pres = reversed ? IntStream.range(0, drawn.length).map(k -> drawn[drawn.length - 1 - k]).toArray()
                    : drawn;
            if (parallel) {
                int tick = t;
                int[] p = pres;
                int[] q = posts;
                // a fresh thread per tick: the draws do not depend on which thread computes them
                Thread worker = new Thread(() -> f.tick(tick, p, q));
                worker.start();
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            } else {
                f.tick(t, pres, posts);
            }
        }
        int[][] w = new int[pre][post];
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                w[i][j] = f.w(i, j);
            }
        }
        return w;
    }

    @Test
    void sameWeightsInAnyVisitingOrderAndThread() {
        int[][] reference = run(false, false);
        assertThat(run(true, false)).isDeepEqualTo(reference);
        assertThat(run(false, true)).isDeepEqualTo(reference);
        int changed = 0;
        for (int i = 0; i < reference.length; i++) {
            for (int j = 0; j < reference[i].length; j++) {
                changed += reference[i][j] != 20 + i - j ? 1 : 0;
            }
        }
        assertThat(changed).as("the run learns").isGreaterThan(50);
    }
}
