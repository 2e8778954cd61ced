package org.spikecore.fixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** {@link Rounding#divide} by divisors that are not powers of two, each mode by hand. */
class RoundingDivideTest {

    @Test
    void eachModeRoundsTheQuotientAsItsNameSays() {
        // 7/2 = 3.5, −7/2 = −3.5, 5/2 = 2.5, −20/6 = −3.33…, 12/4 = 3
        assertThat(Rounding.FLOOR.divide(7, 2, 0)).isEqualTo(3);
        assertThat(Rounding.FLOOR.divide(-7, 2, 0)).isEqualTo(-4);
        assertThat(Rounding.TOWARD_ZERO.divide(-7, 2, 0)).isEqualTo(-3);
        assertThat(Rounding.TOWARD_ZERO.divide(-20, 6, 0)).isEqualTo(-3);
        assertThat(Rounding.NEAREST_EVEN.divide(7, 2, 0)).isEqualTo(4);
        assertThat(Rounding.NEAREST_EVEN.divide(5, 2, 0)).isEqualTo(2);
        assertThat(Rounding.NEAREST_EVEN.divide(-7, 2, 0)).isEqualTo(-4);
        assertThat(Rounding.NEAREST_EVEN.divide(-20, 6, 0)).isEqualTo(-3);
        for (Rounding r : Rounding.values()) {
            assertThat(r.divide(12, 4, -1L)).as(r + " of an exact quotient").isEqualTo(3);
        }
        assertThatThrownBy(() -> Rounding.FLOOR.divide(1, 0, 0)).hasMessageContaining("divisor must be positive");
    }

    @Test
    void stochasticDivisionIsUnbiased() {
        // −20/6: −4 with probability 2/3 (floor −4, remainder 4 of 6), −3 with 1/3; mean −3.333
        long sum = 0;
        int n = 60_000;
        for (int i = 0; i < n; i++) {
            long q = Rounding.STOCHASTIC.divide(-20, 6, CounterRng.bits(3, 9, 0, i));
            assertThat(q).isIn(-4L, -3L);
            sum += q;
        }
        assertThat((double) sum / n).isCloseTo(-20.0 / 6, Offset.offset(0.01));
    }
}
