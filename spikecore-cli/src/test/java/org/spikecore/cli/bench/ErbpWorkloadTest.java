package org.spikecore.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikecore.model.CoreSemantics;

/**
 * {@code bench erbp}: the spike counts of both networks, from which a peer's SynOps are counted the
 * same way, and the CPU time next to the wall time.
 */
class ErbpWorkloadTest {

    @Test
    @SuppressWarnings("unchecked")
    void reportsTheSpikesOfEveryNodeWithAndWithoutLearning() {
        Map<String, Object> m = new ErbpWorkload(0).run(new BenchOptions(1, 2, 1, 42, CoreSemantics.SPIKECORE));
        Map<String, Long> learning = (Map<String, Long>) m.get("spikes_per_node");
        Map<String, Long> inference = (Map<String, Long>) m.get("spikes_per_node_inference");
        assertThat(learning).containsOnlyKeys("input", "h0", "out", "label", "err");
        assertThat(inference).containsOnlyKeys("input", "h0", "out");
        // the same input spikes drive both networks: 2 samples x 100 ticks x 784 inputs at 10 %
        assertThat(inference.get("input")).isEqualTo(learning.get("input")).isBetween(14_900L, 16_500L);
        // every delivered event is a spike times a fan-out of 100 (input) or 10 (h0), at most
        long fanOutBound = 100 * inference.get("input") + 10 * inference.get("h0");
        assertThat((long) m.get("synops_inference")).isPositive().isLessThanOrEqualTo(fanOutBound);
        // one thread runs the simulation on the caller: its CPU time is positive and never above the wall time
        for (String t : new String[] {"t_sim", "t_sim_inference"}) {
            assertThat((double) m.get(t + "_cpu")).isPositive().isLessThanOrEqualTo((double) m.get(t) * 1.01 + 1e-3);
        }
    }

    @Test
    void warmUpRunsLeaveTheTimedWorkloadUnchanged() {
        BenchOptions o = new BenchOptions(1, 2, 1, 42, CoreSemantics.SPIKECORE);
        Map<String, Object> cold = new ErbpWorkload(0).run(o);
        Map<String, Object> warm = new ErbpWorkload(2).run(o);
        assertThat(cold.get("warmup_runs")).isEqualTo(0);
        assertThat(warm.get("warmup_runs")).isEqualTo(2);
        assertThat(new ErbpWorkload().run(o).get("warmup_runs")).isEqualTo(ErbpWorkload.DEFAULT_WARMUP_RUNS);
        for (String k : new String[] {"synops", "synops_inference", "spikes_per_node", "spikes_per_node_inference"}) {
            assertThat(warm.get(k)).as(k).isEqualTo(cold.get(k));
        }
        assertThat((long) cold.get("synops")).isPositive();
    }
}
