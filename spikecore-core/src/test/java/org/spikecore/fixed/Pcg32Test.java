package org.spikecore.fixed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PCG32 against pcg_basic's published demo output, and NSAT's Box–Muller pairing. */
class Pcg32Test {

    @Test
    void reproducesPcgBasicsDemoStream() {
        // pcg32-demo: pcg32_srandom_r(&rng, 42u, 54u), then six pcg32_random_r calls
        Pcg32 rng = new Pcg32(42, 54);
        long[] expected = {0xa15c02b7L, 0x7b47f409L, 0xba1d3330L, 0x83d2f293L, 0xbfa4784bL, 0xcbed606eL};
        for (long e : expected) {
            assertThat(rng.nextInt()).isEqualTo(e);
        }
    }

    @Test
    void boundedRandRejectsBelowTheThresholdAndStaysInRange() {
        Pcg32 a = new Pcg32(7, 3);
        Pcg32 b = new Pcg32(7, 3);
        long threshold = ((1L << 32) - 100) % 100;
        for (int i = 0; i < 10_000; i++) {
            long r = a.boundedRand(100);
            long raw;
            do {
                raw = b.nextInt();
            } while (raw < threshold);
            assertThat(r).isEqualTo(raw % 100).isBetween(0L, 99L);
        }
    }

    @Test
    void nsatNormalReturnsTheCosineThenTheCachedSineOfOnePair() {
        Pcg32 draws = new Pcg32(1, 2);
        Pcg32 normals = new Pcg32(1, 2);
        double u1;
        double u2;
        do {
            u1 = draws.boundedRand(100) / 100.0;
            u2 = draws.boundedRand(100) / 100.0;
        } while (u1 <= Double.MIN_NORMAL);
        double r = StrictMath.sqrt(-2 * StrictMath.log(u1));
        assertThat(normals.nsatNormal()).isEqualTo(r * StrictMath.cos(2 * 3.14159265358979323846 * u2));
        assertThat(normals.nsatNormal()).isEqualTo(r * StrictMath.sin(2 * 3.14159265358979323846 * u2));
        // the second call drew nothing: the streams are still in step
        assertThat(normals.nextInt()).isEqualTo(draws.nextInt());
    }
}
