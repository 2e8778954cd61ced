package org.spikecore.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.fixed.Format;
import org.spikecore.fixed.Rounding;
import org.spikecore.learn.Plasticity;
import org.spikecore.learn.SymbolRanges;
import org.spikecore.learn.TextRule;
import org.spikecore.memory.RegionCount;
import org.spikecore.model.ArraySource;
import org.spikecore.model.ConvConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;
import org.spikecore.model.Reset;
import org.spikecore.model.StateSpec;
import org.spikecore.model.Threshold;

/** A conv projection learns weight-shared: one write per kernel weight, the sum over the positions that share it. */
class SharedKernelLearningTest {

    /** A 4×4 image, one 3×3 kernel, same padding; every pixel spikes at tick 0 and the rule adds 1 per pre event. */
    private static Network network(int coreCapacity, int[] kernel) {
        NeuronModel quiet = new NeuronModel("if", List.of(StateSpec.of("v", Format.INT16).withReset(Reset.toValue(0))),
                List.of(), Threshold.fixed(30000), 0);
        int[] ticks = new int[16];
        int[] pixels = new int[16];
        for (int i = 0; i < 16; i++) {
            pixels[i] = i;
        }
        TextRule plusOne = TextRule.of("dw = x0", SymbolRanges.nsat(), Rounding.FLOOR);
        return new Network(List.of(new ArraySource("in", 16, ticks, pixels), new Population("out", 16, quiet)),
                List.of(Projection.of("w", "in", "out", new ConvConnectivity(1, 4, 4, 1, 3, 1, 1, kernel), Format.INT8, 0)
                        .withPlasticity(Plasticity.Rule.of(plusOne, List.of(), List.of()))),
                coreCapacity);
    }

    /** Kernel weight (dy, dx) as synapse: pixel (1 + dy − 1, 1 + dx − 1) → post (1, 1). */
    private static int kernelWeight(Simulation sim, int dy, int dx) {
        return sim.weight("w", dy * 4 + dx, 5);
    }

    @Test
    void eachKernelWeightGetsTheSumOfItsPositionsOnce() {
        int[] kernel = new int[9];
        Arrays.fill(kernel, 10);
        kernel[4] = 120; // the centre saturates once: 120 + 16 → 127
        try (Simulation sim = new Simulation(network(2048, kernel), 1, 1, false)) {
            sim.run(2);
            // positions sharing (dy, dx) with same padding on 4×4: centre 16, edge-centred 12, corners 9
            int[][] expected = {{19, 22, 19}, {22, 127, 22}, {19, 22, 19}};
            for (int dy = 0; dy < 3; dy++) {
                for (int dx = 0; dx < 3; dx++) {
                    assertThat(kernelWeight(sim, dy, dx)).as("K[%d][%d]", dy, dx).isEqualTo(expected[dy][dx]);
                }
            }
            // every synapse that shares the centre reads the same weight
            assertThat(sim.weight("w", 0, 0)).isEqualTo(127);
            assertThat(sim.weight("w", 15, 15)).isEqualTo(127);
            RegionCount k = sim.counters().memories().get(0).regions().get(0);
            assertThat(k.learningWrites()).isEqualTo(9); // one read-modify-write per kernel weight, not 100 (one per synapse)
        }
    }

    @Test
    void slicesOnTwoCoresKeepOneKernel() {
        int[] kernel = new int[9];
        Arrays.fill(kernel, 10);
        try (Simulation sim = new Simulation(network(8, kernel), 1, 1, false)) {
            assertThat(sim.coreCount()).isEqualTo(2);
            sim.run(2);
            // post 5 lives on core 0, post 10 on core 1; both see the sums over all 16 positions
            assertThat(sim.weight("w", 5, 5)).isEqualTo(10 + 16); // centre through post 5
            assertThat(sim.weight("w", 10, 10)).isEqualTo(10 + 16); // centre through post 10
            assertThat(sim.weight("w", 0, 5)).isEqualTo(10 + 9); // corner (0, 0) through post 5
            assertThat(sim.weight("w", 5, 10)).isEqualTo(10 + 9); // corner (0, 0) through post 10
            long writes = sim.counters().memories().stream().mapToLong(m -> m.regions().get(0).learningWrites()).sum();
            assertThat(writes).isEqualTo(2 * 9); // each core's copy written once per kernel weight
        }
    }
}
