package org.spikecore.fixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * PCG32 and NSAT's draws on it against values printed by a C program linked to NSAT's own
 * {@code libnsat.so} (default {@code -Ofast} build): {@code pcg32_random}, {@code
 * pcg32_boundedrand}, {@code normal(0, 1)} and {@code randomized_rounding}.
 */
class Pcg32Test {

    @Test
    void rawOutputsAreThoseOfPcgBasic() {
        Pcg32 rng = new Pcg32(42, 7);
        long[] want = {1956239935L, 1010964048L, 2769188248L, 3076816759L, 888960798L, 435942894L};
        for (long w : want) {
            assertThat(rng.nextInt()).isEqualTo(w);
        }
    }

    @Test
    void boundedDrawsAreThoseOfNsat() {
        Pcg32 blankOut = new Pcg32(3, 11);
        for (long w : new long[] {13, 4, 7, 9, 9, 14, 13, 13, 8, 7, 3, 7}) {
            assertThat(blankOut.boundedRand(15)).isEqualTo(w);
        }
        Pcg32 percent = new Pcg32(0, 0);
        for (long w : new long[] {8, 74, 47, 64, 12, 42, 97, 26}) {
            assertThat(percent.boundedRand(100)).isEqualTo(w);
        }
    }

    @Test
    void normalDeviatesAreNsatsBitForBit() {
        long[] want = {0xbff7005d54f43bf7L, 0x3fc73efccc9d361eL, 0xbff05e1b22d2a15cL, 0xbfe4c63e875ab168L,
            0x3fc7ec2f460bb93eL, 0xbfb2f178f45011b8L, 0x3ff46a3b6f644411L, 0x3fe02a6c636a059bL,
            0x3fe7da3ce104bd0fL, 0xbff2caf211815b1fL, 0x3fe745a51bf0bb5cL, 0xbff52a753dc4ebcfL,
            0x3ff78115b27dc7bcL, 0xbff9078b61987cd4L, 0xc0044c5583e62eb7L, 0xbccd66b96311bb8aL,
            0xbfe7cbb281c9d7fdL, 0xbffe0cef7eefb26aL, 0xbfd7096421c227c3L, 0x3fed178e0bf4607cL};
        Pcg32 rng = new Pcg32(42, 7);
        for (int i = 0; i < want.length; i++) {
            assertThat(Double.doubleToRawLongBits(rng.nsatNormal())).as("call %d", i + 1).isEqualTo(want[i]);
        }
    }

    @Test
    void aNearZeroDeviateDecidesTheTruncationAsInNsat() {
        // call 16 above is -8.16e-16 (sin of 50 · 2π/100 is negative in double): -10 stays -10
        double z = Double.longBitsToDouble(0xbccd66b96311bb8aL);
        assertThat(Pcg32.nsatAddNoise(-10, z, 10)).isEqualTo(-10);
        assertThat(Pcg32.nsatAddNoise(-10, -z, 10)).isEqualTo(-9);
        assertThat(Pcg32.nsatAddNoise(5, 0.75, 4)).isEqualTo(8);
        assertThat(Pcg32.nsatAddNoise(5, -0.75, 4)).isEqualTo(2);
    }

    @Test
    void randomizedRoundingIsNsatsAndDrawsOncePerCall() {
        Pcg32 rng = new Pcg32(1234, 77);
        int[] dw = {-35, -43, 13, 0, 100, -1, 7, -16};
        int[] want = {-2, -2, 1, 0, 6, 0, 0, -1};
        for (int i = 0; i < dw.length; i++) {
            assertThat(rng.nsatRandomizedRound(dw[i], 4)).as("rr4(%d)", dw[i]).isEqualTo(want[i]);
        }
        Pcg32 zeroBits = new Pcg32(1234, 77);
        assertThat(zeroBits.nsatRandomizedRound(-35, 0)).isEqualTo(-35);
        assertThat(zeroBits.nsatRandomizedRound(-43, 0)).isEqualTo(-43);
        assertThat(zeroBits.nsatRandomizedRound(13, 0)).isEqualTo(13);
        assertThat(zeroBits.nextInt()).as("the fourth output: each rounding drew once").isEqualTo(3529252516L);
        assertThatThrownBy(() -> rng.nsatRandomizedRound(1, 31)).hasMessageContaining("0..30 bits");
    }
}
