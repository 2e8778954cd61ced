package org.spikecore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    @Test
    void refusesMoreThanTheHeapAndSaysHowMuch() {
        MemoryBudget.require("a small run", 1024);
        assertThatThrownBy(() -> MemoryBudget.require("--hidden 3000000", 37.5 * (1L << 30) * 1024))
                .isInstanceOf(SpikecoreException.class).hasMessageStartingWith("--hidden 3000000 would need about 37.5 TiB of memory, more than the ")
                .hasMessageContaining("this JVM may use");
        assertThatThrownBy(() -> MemoryBudget.require("NaN", Double.NaN)).isInstanceOf(SpikecoreException.class);
    }

    @Test
    void arrayLengthsStopBelowWhatJavaAllows() {
        assertThat(MemoryBudget.arrayLength("x", MemoryBudget.MAX_ARRAY)).isEqualTo(Integer.MAX_VALUE - 8);
        assertThatThrownBy(() -> MemoryBudget.arrayLength("--steps 2000000000", 2e9 * 784)).isInstanceOf(SpikecoreException.class)
                .hasMessage("--steps 2000000000 would need an array of 1.57e+12 elements, more than the 2147483639 Java allows");
    }

    @Test
    void humanUnitsAreBinaryWithThreeDigits() {
        assertThat(MemoryBudget.human(512)).isEqualTo("512 B");
        assertThat(MemoryBudget.human(1536)).isEqualTo("1.50 KiB");
        assertThat(MemoryBudget.human(5.23 * (1L << 30))).isEqualTo("5.23 GiB");
        assertThat(MemoryBudget.human(300.0 * (1L << 40))).isEqualTo("300 TiB");
    }
}
