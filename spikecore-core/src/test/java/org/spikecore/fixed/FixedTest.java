package org.spikecore.fixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quicktheories.core.Gen;

class FixedTest {

    private static final Format[] FORMATS = {Format.INT8, Format.INT16, Format.INT24, Format.INT32,
            new Format(4, 2, true), new Format(12, 6, true), new Format(8, 0, false), new Format(31, 3, false),
            new Format(1, 0, true), new Format(2, 1, true)};

    /** Raw values that stress every boundary of a format, mixed with random ones. */
    private static Gen<Integer> rawValues() {
        Gen<Integer> edges = integers().between(0, 11).map(i -> switch (i) {
            case 0 -> Integer.MIN_VALUE;
            case 1 -> Integer.MAX_VALUE;
            case 2 -> -1;
            case 3 -> 0;
            case 4 -> 1;
            case 5 -> 127;
            case 6 -> -128;
            case 7 -> 32767;
            case 8 -> -32768;
            case 9 -> 32768;
            case 10 -> (1 << 23) - 1;
            default -> -(1 << 23);
        });
        return edges.mix(integers().all(), 50);
    }

    private static Gen<Format> formats() {
        return integers().between(0, FORMATS.length - 1).map(i -> FORMATS[i]);
    }

    @Test
    void addAndSubtractEqualExactSumClamped() {
        qt().withFixedSeed(1).withExamples(20_000).forAll(rawValues(), rawValues(), formats()).checkAssert((a, b, f) -> {
            BigInteger ea = BigInteger.valueOf(a);
            BigInteger eb = BigInteger.valueOf(b);
            assertThat((long) Fixed.add(a, b, f)).isEqualTo(ExactReference.clamp(ea.add(eb), f));
            assertThat((long) Fixed.subtract(a, b, f)).isEqualTo(ExactReference.clamp(ea.subtract(eb), f));
        });
    }

    @Test
    void multiplyRescalesExactProductByEveryRounding() {
        qt().withFixedSeed(2).withExamples(20_000)
                .forAll(rawValues(), rawValues(), integers().between(0, 3), longs().all())
                .checkAssert((a, b, mode, rnd) -> {
                    Format fa = new Format(32, 8, true);
                    Format fb = new Format(32, 5, true);
                    Format out = new Format(16, 4, true);
                    Rounding r = Rounding.values()[mode];
                    BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
                    long expected = ExactReference.clamp(ExactReference.divPow2(exact, 8 + 5 - 4, r, rnd), out);
                    assertThat((long) Fixed.multiply(a, fa, b, fb, out, r, rnd)).isEqualTo(expected);
                });
    }

    @Test
    void shiftRightMatchesExactDivisionForEveryModeAndShift() {
        qt().withFixedSeed(3).withExamples(50_000)
                .forAll(longs().all(), integers().between(0, 62), integers().between(0, 3), longs().all())
                .checkAssert((x, shift, mode, rnd) -> {
                    Rounding r = Rounding.values()[mode];
                    BigInteger expected = ExactReference.divPow2(BigInteger.valueOf(x), shift, r, rnd);
                    assertThat(r.shiftRight(x, shift, rnd)).isEqualTo(expected.longValueExact());
                });
    }

    @ParameterizedTest
    @EnumSource(Rounding.class)
    void shiftRightOnBoundaries(Rounding r) {
        long[] xs = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -3, -2, -1, 0, 1, 2, 3, Long.MAX_VALUE};
        for (long x : xs) {
            for (int shift : new int[] {0, 1, 2, 31, 62}) {
                for (long rnd : new long[] {0, -1, 0x5555555555555555L}) {
                    assertThat(r.shiftRight(x, shift, rnd)).as("%s %d >> %d", r, x, shift)
                            .isEqualTo(ExactReference.divPow2(BigInteger.valueOf(x), shift, r, rnd).longValueExact());
                }
            }
        }
    }

    @Test
    void halvesRoundAsTheirModeSays() {
        // 5/2, -5/2, 7/2, -7/2, 3/2
        assertThat(Rounding.NEAREST_EVEN.shiftRight(5, 1, 0)).isEqualTo(2);
        assertThat(Rounding.NEAREST_EVEN.shiftRight(7, 1, 0)).isEqualTo(4);
        assertThat(Rounding.NEAREST_EVEN.shiftRight(-5, 1, 0)).isEqualTo(-2);
        assertThat(Rounding.NEAREST_EVEN.shiftRight(-7, 1, 0)).isEqualTo(-4);
        assertThat(Rounding.TOWARD_ZERO.shiftRight(-7, 1, 0)).isEqualTo(-3);
        assertThat(Rounding.FLOOR.shiftRight(-7, 1, 0)).isEqualTo(-4);
        assertThat(Rounding.STOCHASTIC.shiftRight(3, 1, 0)).isEqualTo(2); // u=0 < rem=1 → up
        assertThat(Rounding.STOCHASTIC.shiftRight(3, 1, 1)).isEqualTo(1); // u=1 >= rem → down
    }

    @Test
    void decayMovesAtLeastOneUnitTowardZeroAndNeverCrossesIt() {
        qt().withFixedSeed(4).withExamples(20_000).forAll(rawValues(), integers().between(0, 40)).checkAssert((x, k) -> {
            int d = Fixed.decay(x, k);
            long exactLeak = x == 0 ? 0
                    : Long.signum(x) * Math.max(1L, BigInteger.valueOf(x).abs().shiftRight(k).longValueExact());
            assertThat((long) d).isEqualTo((long) x - exactLeak);
            if (x > 0) {
                assertThat(d).isBetween(0, x - 1);
            } else if (x < 0) {
                assertThat(d).isBetween(x + 1, 0);
            } else {
                assertThat(d).isZero();
            }
        });
    }

    @Test
    void decayTrajectoryOfOneHundredWithShiftThree() {
        List<Integer> seen = new ArrayList<>();
        int x = 100;
        while (x != 0) {
            seen.add(x);
            x = Fixed.decay(x, 3);
        }
        // 100 - 12 = 88, 88 - 11 = 77, 77 - 9 = 68, ... the last seven steps leak the minimum unit
        assertThat(seen.subList(0, 6)).containsExactly(100, 88, 77, 68, 60, 53);
        assertThat(seen).hasSize(31).endsWith(7, 6, 5, 4, 3, 2, 1);
        assertThat(Fixed.decay(-1, 5)).isZero();
        assertThat(Fixed.decay(-100, 3)).isEqualTo(-88); // |−100|>>3 = 12
    }

    @Test
    void shiftLeftSaturates() {
        assertThat(Fixed.shiftLeft(3, 2, Format.INT8)).isEqualTo(12);
        assertThat(Fixed.shiftLeft(40, 2, Format.INT8)).isEqualTo(127);
        assertThat(Fixed.shiftLeft(-40, 2, Format.INT8)).isEqualTo(-128);
        assertThat(Fixed.shiftLeft(1, 70, Format.INT32)).isEqualTo(Integer.MAX_VALUE);
        assertThat(Fixed.shiftLeft(Long.MIN_VALUE, 1, Format.INT16)).isEqualTo(-32768);
        assertThat(Fixed.shiftLeft(0, 70, Format.INT16)).isZero();
        assertThatThrownBy(() -> Fixed.shiftLeft(1, -1, Format.INT8)).hasMessageContaining("non-negative");
    }

    @Test
    void convertBetweenFormatsRoundsAndSaturates() {
        Format q8 = new Format(16, 8, true); // 1.0 = 256
        Format q4 = new Format(8, 4, true); // 1.0 = 16, range [-8, 7.9375]
        assertThat(Fixed.convert(256 + 8, q8, q4, Rounding.NEAREST_EVEN, 0)).isEqualTo(16); // 1.03125 → 1.0 (tie to even)
        assertThat(Fixed.convert(256 + 24, q8, q4, Rounding.NEAREST_EVEN, 0)).isEqualTo(18); // 1.09375 → tie → 1.125
        assertThat(Fixed.convert(256 * 100, q8, q4, Rounding.FLOOR, 0)).isEqualTo(127);
        assertThat(Fixed.convert(5, q4, q8, Rounding.FLOOR, 0)).isEqualTo(80);
        assertThat(Fixed.convert(-128, q4, Format.INT8, Rounding.TOWARD_ZERO, 0)).isEqualTo(-8);
    }
}
