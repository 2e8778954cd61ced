package org.spikecore.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GridTest {

    @Test
    void rangesListsAndStepsExpandInOrder() {
        Grid g = Grid.parse(" weight_bits=2..4; encoding = crossbar|pb-bmp ;seed=0..4:2|9; ");
        assertThat(g.keys()).containsExactly("weight_bits", "encoding", "seed");
        assertThat(g.axes().get(0).values()).containsExactly("2", "3", "4");
        assertThat(g.axes().get(1).values()).containsExactly("crossbar", "pb-bmp");
        assertThat(g.axes().get(2).values()).containsExactly("0", "2", "4", "9");
        List<Point> points = g.points();
        assertThat(points).hasSize(24);
        assertThat(points.get(0).parameters()).containsExactly(Map.entry("weight_bits", "2"), Map.entry("encoding", "crossbar"),
                Map.entry("seed", "0"));
        assertThat(points.get(1).parameters()).containsEntry("seed", "2");
        assertThat(points.get(4).parameters()).containsEntry("encoding", "pb-bmp").containsEntry("seed", "0");
        assertThat(points.get(23).parameters()).containsExactly(Map.entry("weight_bits", "4"), Map.entry("encoding", "pb-bmp"),
                Map.entry("seed", "9"));
        assertThat(Grid.parse("x=-2..1").axes().get(0).values()).containsExactly("-2", "-1", "0", "1");
        assertThat(Grid.parse("x=9223372036854775805..9223372036854775807:2").axes().get(0).values()).containsExactly(
                "9223372036854775805", "9223372036854775807");
        assertThat(Grid.parse("lr=1e-3|5e-4").axes().get(0).values()).containsExactly("1e-3", "5e-4");
    }

    @Test
    void aPointIsKeyedBySortedParametersAndMapsKeysToOptions() {
        Point p = Grid.parse("weight_bits=3; encoding=pb-csr; seed=7").points().get(0);
        assertThat(p.id()).isEqualTo("encoding=pb-csr,seed=7,weight_bits=3");
        assertThat(p.options(Map.of("epochs", "5"))).containsOnly(Map.entry("epochs", "5"), Map.entry("weight-bits", "3"),
                Map.entry("encoding", "pb-csr"));
        assertThat(p.seed(42)).isEqualTo(7);
        assertThat(Grid.parse("a=1").points().get(0).seed(42)).isEqualTo(42);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "weight_bits 2..8# position 13: expected '=' after key 'weight_bits', got '2'",
        "a=1;;b=2# position 5: expected a key",
        "a=1|# position 5: expected a value for 'a'",
        "a=8..2# position 3: range 8..2 is empty",
        "a=1..x# position 6: a range is lo..hi of whole numbers, got 'x'",
        "a=1..3:0# position 8: a range's step must be at least 1",
        "a=1|2|1# position 7: 'a' lists 1 twice",
        "Bits=1# position 1: key 'Bits': use lower-case letters",
        "a=1 b=2# position 5: expected ';' between axes, got 'b'",
        "a=1; a=2# grid key 'a' appears twice",
        "a=x/y# position 4: expected ';' between axes, got '/'",
        "'   '# position 1: the grid is empty",
        "a=0..999; b=0..999# more than 100000 points",
        "a=-9000000000000000000..9000000000000000000# position 3: range -9000000000000000000..9000000000000000000 has more than",
    })
    void badGrammarNamesThePosition(String grid, String message) {
        assertThatThrownBy(() -> Grid.parse(grid)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message.trim());
    }
}
