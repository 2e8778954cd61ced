package org.spikecore.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.spikecore.fixed.CounterRng;

class BernoulliDrawsTest {

    @Test
    void theVectorDrawsAreTheScalarSpikesInTheSameOrderForOneThresholdAndPerNeuronRates() {
        long[] thresholds = {0, 1, 429_496_730L, 1L << 31, 4_294_967_295L, 1L << 32};
        for (int size : new int[] {0, 1, 7, 8, 9, 31, 784, 1001}) {
            for (long threshold : thresholds) {
                for (int tick = 0; tick < 20; tick++) {
                    long prefix = CounterRng.keyPrefix(42, 7, tick);
                    int[] scalar = new int[size];
                    int[] vector = new int[size];
                    int n = BernoulliDraws.scalar(prefix, threshold, size, scalar);
                    assertThat(BernoulliDraws.vector(prefix, threshold, size, vector)).as("size %d threshold %d", size, threshold)
                            .isEqualTo(n);
                    assertThat(Arrays.copyOf(vector, n)).isEqualTo(Arrays.copyOf(scalar, n));
                }
            }
        }
        java.util.Random r = new java.util.Random(5);
        for (int size : new int[] {0, 3, 8, 17, 784}) {
            long[] rates = new long[size];
            for (int j = 0; j < size; j++) {
                rates[j] = switch (j % 4) {
                    case 0 -> 0; // silent
                    case 1 -> 1L << 32; // always
                    default -> (long) (r.nextDouble() * 4294967296.0);
                };
            }
            for (int tick = 0; tick < 20; tick++) {
                long prefix = CounterRng.keyPrefix(3, 11, tick);
                int[] scalar = new int[size];
                int n = BernoulliDraws.scalarRates(prefix, rates, scalar);
                long[] firing = java.util.stream.IntStream.range(0, size).filter(j -> rates[j] != 0).asLongStream().toArray();
                long[] firingRates = Arrays.stream(firing).map(j -> rates[(int) j]).toArray();
                int[] selected = new int[size];
                assertThat(BernoulliDraws.vectorSelected(prefix, firing, firingRates, firing.length, selected)).isEqualTo(n);
                assertThat(Arrays.copyOf(selected, n)).isEqualTo(Arrays.copyOf(scalar, n));
                for (int k = 0; k < n; k++) {
                    assertThat(scalar[k] % 4).isNotZero(); // a 0 threshold never fires
                }
            }
        }
        int[] all = new int[100];
        assertThat(BernoulliDraws.vector(CounterRng.keyPrefix(1, 2, 3), 1L << 32, 100, all)).isEqualTo(100); // p = 1: every neuron
        assertThat(all[99]).isEqualTo(99);
        assertThat(BernoulliDraws.vector(CounterRng.keyPrefix(1, 2, 3), 0, 100, all)).isZero(); // p = 0: none
        assertThat(BernoulliDraws.vectorSelected(CounterRng.keyPrefix(1, 2, 3), new long[0], new long[0], 0, all)).isZero(); // a rest
    }
}
