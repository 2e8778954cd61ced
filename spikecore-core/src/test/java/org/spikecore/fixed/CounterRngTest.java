package org.spikecore.fixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CounterRngTest {

    @Test
    void sameKeySameBitsInAnyOrderAndThread() {
        long[] sequential = new long[10_000];
        for (int i = 0; i < sequential.length; i++) {
            sequential[i] = CounterRng.bits(7, 3, 11, i);
        }
        long[] parallelReversed = new long[sequential.length];
        IntStream.range(0, sequential.length).parallel().map(i -> sequential.length - 1 - i)
                .forEach(i -> parallelReversed[i] = CounterRng.bits(7, 3, 11, i));
        assertThat(parallelReversed).isEqualTo(sequential);
        long prefix = CounterRng.keyPrefix(7, 3, 11);
        assertThat(CounterRng.bitsFromPrefix(prefix, 1234)).isEqualTo(sequential[1234]);
    }

    @Test
    void everyKeyWordChangesTheOutput() {
        Set<Long> seen = new HashSet<>();
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                for (int c = 0; c < 4; c++) {
                    for (int d = 0; d < 4; d++) {
                        seen.add(CounterRng.bits(a, b, c, d));
                    }
                }
            }
        }
        assertThat(seen).hasSize(256);
    }

    @Test
    void uniformBucketsPassChiSquare() {
        int buckets = 64;
        int n = 640_000;
        long[] counts = new long[buckets];
        for (int i = 0; i < n; i++) {
            counts[CounterRng.belowBound(CounterRng.bits(42, 0, 0, i), buckets)]++;
        }
        double expected = n / (double) buckets;
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        // 63 degrees of freedom: the 99.9th percentile is 103.4
        assertThat(chi2).isLessThan(103.4);
    }

    @Test
    void neighbouringIndicesAreUncorrelated() {
        int n = 200_000;
        double sxy = 0;
        double sx = 0;
        double sxx = 0;
        double prev = CounterRng.uniform(1, 2, 3, 0);
        for (int i = 1; i <= n; i++) {
            double x = CounterRng.uniform(1, 2, 3, i);
            sxy += prev * x;
            sx += x;
            sxx += x * x;
            prev = x;
        }
        double mean = sx / n;
        double var = sxx / n - mean * mean;
        double lag1 = (sxy / n - mean * mean) / var;
        assertThat(mean).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.005));
        assertThat(Math.abs(lag1)).isLessThan(0.01); // 4.5 standard errors at n = 2e5
    }

    @Test
    void stochasticRoundingIsUnbiasedOverAMillionDraws() {
        // x = 0.3 LSB after a 10-bit shift; each draw is 0 or 1 with p = 307/1024.
        int shift = 10;
        long x = 307;
        double p = x / 1024.0;
        int n = 1_000_000;
        long sum = 0;
        long prefix = CounterRng.keyPrefix(99, 5, 0);
        for (int i = 0; i < n; i++) {
            sum += Rounding.STOCHASTIC.shiftRight(x, shift, CounterRng.bitsFromPrefix(prefix, i));
        }
        double mean = sum / (double) n;
        double standardError = Math.sqrt(p * (1 - p) / n); // ≈ 4.6e-4
        assertThat(Math.abs(mean - p)).isLessThan(5 * standardError);
        // and for negative values: -0.3 LSB rounds to -1 with p = 0.3... floor(-0.3) = -1, up to 0 w.p. 0.7
        long sumNeg = 0;
        for (int i = 0; i < n; i++) {
            sumNeg += Rounding.STOCHASTIC.shiftRight(-x, shift, CounterRng.bitsFromPrefix(prefix, n + i));
        }
        assertThat(Math.abs(sumNeg / (double) n + p)).isLessThan(5 * standardError);
    }

    @Test
    void gaussianHasUnitMomentsAndBelowBoundRejectsNonPositive() {
        int n = 200_000;
        double s = 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double g = CounterRng.gaussian(3, 1, 0, i);
            s += g;
            ss += g * g;
        }
        assertThat(s / n).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.012));
        assertThat(ss / n).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.015));
        assertThatThrownBy(() -> CounterRng.belowBound(1, 0)).hasMessageContaining("positive");
    }

    @Test
    void vectorDrawsAreTheScalarBits() {
        jdk.incubator.vector.VectorSpecies<Long> species = jdk.incubator.vector.LongVector.SPECIES_PREFERRED;
        long prefix = CounterRng.keyPrefix(42, 7, 1234);
        long[] index = new long[species.length()];
        long[] bits = new long[species.length()];
        for (int round = 0; round < 50; round++) {
            for (int k = 0; k < index.length; k++) {
                index[k] = CounterRng.bits(1, 2, round, k); // any 64-bit index, both signs
            }
            CounterRng.bitsFromPrefix(prefix, jdk.incubator.vector.LongVector.fromArray(species, index, 0)).intoArray(bits, 0);
            for (int k = 0; k < index.length; k++) {
                assertThat(bits[k]).isEqualTo(CounterRng.bitsFromPrefix(prefix, index[k]));
            }
        }
    }
}
