package org.spikecore.fixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void rangesOfCommonFormats() {
        assertThat(Format.INT8.min()).isEqualTo(-128);
        assertThat(Format.INT8.max()).isEqualTo(127);
        assertThat(Format.INT16.max()).isEqualTo(32767);
        assertThat(Format.INT32.min()).isEqualTo(Integer.MIN_VALUE);
        assertThat(Format.INT32.max()).isEqualTo(Integer.MAX_VALUE);
        assertThat(new Format(8, 0, false).max()).isEqualTo(255);
        assertThat(new Format(8, 0, false).min()).isZero();
        assertThat(new Format(1, 0, true).min()).isEqualTo(-1);
        assertThat(new Format(1, 0, true).max()).isZero();
        assertThat(new Format(31, 0, false).max()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void resolutionAndConversionToDouble() {
        Format q = Format.signedQ(16, 8);
        assertThat(q.resolution()).isEqualTo(1.0 / 256);
        assertThat(q.toDouble(384)).isEqualTo(1.5);
        assertThat(q.toDouble(q.min())).isEqualTo(-128.0);
        assertThat(q.fromDouble(1.5, Rounding.NEAREST_EVEN)).isEqualTo(384);
        assertThat(q.fromDouble(1000, Rounding.NEAREST_EVEN)).isEqualTo(32767);
        assertThat(q.fromDouble(-1000, Rounding.FLOOR)).isEqualTo(-32768);
        assertThat(q.fromDouble(Double.POSITIVE_INFINITY, Rounding.FLOOR)).isEqualTo(32767);
        assertThat(q.fromDouble(-0.001, Rounding.TOWARD_ZERO)).isZero();
        assertThat(q.fromDouble(-0.001, Rounding.FLOOR)).isEqualTo(-1);
        // ties to even: 0.5/256 and 1.5/256
        assertThat(q.fromDouble(0.5 / 256, Rounding.NEAREST_EVEN)).isZero();
        assertThat(q.fromDouble(1.5 / 256, Rounding.NEAREST_EVEN)).isEqualTo(2);
    }

    @Test
    void stochasticFromDoubleUsesTheRandomWord() {
        Format f = Format.INT8;
        assertThat(f.fromDouble(2.25, Rounding.STOCHASTIC, 0L)).isEqualTo(3); // u = 0 < 0.25
        assertThat(f.fromDouble(2.25, Rounding.STOCHASTIC, -1L)).isEqualTo(2); // u ≈ 1
        assertThatThrownBy(() -> f.fromDouble(2.25, Rounding.STOCHASTIC)).hasMessageContaining("random bits");
    }

    @Test
    void invalidFormatsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> new Format(0, 0, true)).hasMessageContaining("1..32");
        assertThatThrownBy(() -> new Format(33, 0, true)).hasMessageContaining("1..32");
        assertThatThrownBy(() -> new Format(32, 0, false)).hasMessageContaining("1..31");
        assertThatThrownBy(() -> new Format(8, 9, true)).hasMessageContaining("fractional bits must be 0..8");
        assertThatThrownBy(() -> Format.INT8.fromDouble(Double.NaN, Rounding.FLOOR)).hasMessageContaining("NaN");
    }

    @Test
    void saturateAndContains() {
        assertThat(Format.INT8.saturate(1000)).isEqualTo(127);
        assertThat(Format.INT8.saturate(-1000)).isEqualTo(-128);
        assertThat(Format.INT8.saturate(5)).isEqualTo(5);
        assertThat(Format.INT8.contains(128)).isFalse();
        assertThat(Format.INT8.contains(-128)).isTrue();
        assertThat(Format.INT16.toString()).isEqualTo("s16.0");
    }
}
