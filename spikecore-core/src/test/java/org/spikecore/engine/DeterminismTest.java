package org.spikecore.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.model.Network;

/** Same seed, same bits: across runs, thread counts, core layouts' threads, and the vector path. */
class DeterminismTest {

    private static final int TICKS = 300;

    @Test
    void spikesAreIdenticalForOneTwoAndThreeThreadsAndAcrossRuns() {
        Network net = Networks.recurrent(600, 500, 11);
        assertThat(net.coreCount()).isGreaterThanOrEqualTo(3);
        List<String> reference = Networks.spikes(net, "exc", TICKS, 1, false, 5);
        assertThat(reference).hasSizeGreaterThan(500);
        for (int threads : new int[] {1, 2, 3}) {
            for (boolean vector : new boolean[] {false, true}) {
                assertThat(Networks.spikes(net, "exc", TICKS, threads, vector, 5)).as("threads %d vector %s", threads, vector)
                        .isEqualTo(reference);
                assertThat(Networks.spikes(net, "read", TICKS, threads, vector, 5))
                        .isEqualTo(Networks.spikes(net, "read", TICKS, 1, false, 5));
            }
        }
    }

    @Test
    void statesAndCountersAreIdenticalAcrossThreadCounts() {
        Network net = Networks.recurrent(400, 300, 3);
        RunCounters one;
        int[] v1 = new int[400];
        try (Simulation sim = new Simulation(net, 9, 1, false)) {
            sim.run(TICKS);
            one = sim.counters();
            for (int i = 0; i < 400; i++) {
                v1[i] = sim.state("exc", i, 0);
            }
        }
        try (Simulation sim = new Simulation(net, 9, 2, true)) {
            sim.run(TICKS);
            RunCounters two = sim.counters();
            assertThat(two.synOps()).isEqualTo(one.synOps());
            assertThat(two.spikesPerNode()).isEqualTo(one.spikesPerNode());
            assertThat(two.memories()).isEqualTo(one.memories());
            for (int i = 0; i < 400; i++) {
                assertThat(sim.state("exc", i, 0)).isEqualTo(v1[i]);
            }
        }
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        Network net = Networks.recurrent(200, 2048, 3);
        assertThat(Networks.spikes(net, "exc", 200, 1, false, 1)).isNotEqualTo(Networks.spikes(net, "exc", 200, 1, false, 2));
    }
}
