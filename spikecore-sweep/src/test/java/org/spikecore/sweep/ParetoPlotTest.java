package org.spikecore.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoPlotTest {

    private static final double[][] POINTS = {{1, 9}, {2, 4}, {3, 5}, {4, 1}, {2, 6}, {5, 1}, {1, 10}};

    @Test
    void theFrontHoldsThePointsNoOtherBeatsOnBoth() {
        assertThat(ParetoPlot.front(POINTS, false, false)).isDeepEqualTo(new double[][] {{1, 9}, {2, 4}, {4, 1}});
        // larger y better: (1,10) beats (1,9); (3,5) is beaten by nothing with x <= 3 and y >= 5 except (1,10)
        assertThat(ParetoPlot.front(POINTS, false, true)).isDeepEqualTo(new double[][] {{1, 10}});
        assertThat(ParetoPlot.front(POINTS, true, false)).isDeepEqualTo(new double[][] {{5, 1}});
        assertThat(ParetoPlot.front(POINTS, true, true)).isDeepEqualTo(new double[][] {{1, 10}, {2, 6}, {3, 5},
                {5, 1}});
    }

    @Test
    void aStarredColumnGivesOneCloudPerMatchAndOneFrontOverAll() {
        SweepTable t = new SweepTable(List.of("bits", "uJ.crossbar", "uJ.pb-bmp", "vr"),
                List.of(List.of(2L, 10.0, 4.0, 3.0), List.of(4L, 12.0, 6.0, 1.0), List.of(8L, 20.0, 9.0, 0.5)));
        ParetoPlot p = ParetoPlot.of(t, ParetoPlot.Spec.parse("uJ.*, vr"));
        assertThat(p.clouds()).extracting(ParetoPlot.Series::name).containsExactly("crossbar", "pb-bmp");
        assertThat(p.xLabel()).isEqualTo("uJ");
        assertThat(p.front().x()).containsExactly(4.0, 6.0, 9.0);
        assertThat(p.front().y()).containsExactly(3.0, 1.0, 0.5);
        ParetoPlot.Spec max = ParetoPlot.Spec.parse("uJ.pb-bmp,max:vr");
        assertThat(max.maximizeY()).isTrue();
        assertThat(Arrays.stream(ParetoPlot.of(t, max).front().x()).boxed().toList()).containsExactly(4.0); // least energy and largest vr at once
        assertThatThrownBy(() -> ParetoPlot.of(t, ParetoPlot.Spec.parse("energy,vr"))).hasMessageContaining(
                "--plot energy,vr: the table has no such column; columns: [bits, uJ.crossbar, uJ.pb-bmp, vr]");
        assertThatThrownBy(() -> ParetoPlot.Spec.parse("vr")).hasMessageContaining("--plot takes X,Y");
    }
}
