package org.spikecore.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Format;
import org.spikecore.memory.DenseMemory;

/** The crossbar's row-wise weight normalisation against the engine's column-walk reference. */
class NormalizationTest {

    /**
     * Random crossbars with zeros, empty and all-negative columns, weights that scale past the
     * format (saturating), a minimum weight above and below 1, columns written between
     * normalisations and columns left settled: the same weights, non-zero counts and counted reads
     * and writes.
     */
    @ParameterizedTest
    @CsvSource({"784, 100, 8, false, 19968, 1", "31, 17, 8, false, 500, 1", "31, 17, 16, true, 2000, -3",
            "64, 40, 8, false, 100000, 2", "12, 6, 4, true, 30, 0"})
    void rowWiseNormalisationEqualsTheColumnWalk(int pre, int post, int bits, boolean signed, long total, int minWeight) {
        Format f = new Format(bits, 0, signed);
        DenseMemory reference = new DenseMemory(pre, post, f, 64);
        DenseMemory fast = new DenseMemory(pre, post, f, 64);
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                long r = CounterRng.bits(pre, post, i, j);
                int w = j == 1 || (r & 3) == 0 ? 0 : (int) (f.min() + Math.floorMod(r >> 2, (long) f.max() - f.min() + 1));
                if (signed && j == 2) {
                    w = -Math.abs(w); // a column that sums below 0 is left alone
                }
                reference.set(i, j, w);
                fast.set(i, j, w);
            }
        }
        for (int round = 0; round < 8; round++) {
            // between normalisations a learner writes a few columns (as STDP does between images), by update
            // and by updateRow, in some rounds none; the total changes once (no column is settled for it)
            for (int k = 0; k < (round % 3) * 4; k++) {
                int i = (int) Math.floorMod(CounterRng.bits(round, 5, k, 0), (long) pre);
                int j = (int) Math.floorMod(CounterRng.bits(round, 6, k, 0), (long) post);
                int delta = (int) Math.floorMod(CounterRng.bits(round, 7, k, 0), 21L) - 10;
                reference.update(i, j, delta);
                fast.updateRow(i, new int[] {j}, new int[] {delta}, 1);
            }
            long roundTotal = round == 5 ? total + 7 : total;
            Simulation.normalizeColumns(reference, roundTotal, minWeight);
            fast.normalizeColumns(roundTotal, minWeight);
            for (int i = 0; i < pre; i++) {
                for (int j = 0; j < post; j++) {
                    assertThat(fast.weight(i, j)).as("round %d (%d, %d)", round, i, j).isEqualTo(reference.weight(i, j));
                }
            }
            assertThat(fast.nonZeroCount()).isEqualTo(reference.nonZeroCount());
            for (int i = 0; i < pre; i++) {
                assertThat(fast.accumulateForward(i, new int[post], 0)).isEqualTo(reference.accumulateForward(i, new int[post], 0));
            }
            assertThat(fast.counter().snapshot()).isEqualTo(reference.counter().snapshot());
        }
        assertThat(reference.counter().totalWrites()).as("the weights changed").isPositive();
    }
}
