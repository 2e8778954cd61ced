package org.spikecore.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.fixed.Format;
import org.spikecore.model.CoreSemantics;
import org.spikecore.model.Coupling;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Noise;
import org.spikecore.model.Population;
import org.spikecore.model.Reset;
import org.spikecore.model.StateSpec;
import org.spikecore.model.Threshold;

/**
 * Each rule where {@link CoreSemantics#SPIKECORE} and {@link CoreSemantics#NSAT} differ, shown on a
 * hand-computed case (the examples of the engine issue and of NSAT's fixture README).
 */
class CoreSemanticsTest {

    private static final int NEVER = 30_000;

    /** State 1 holds x; state 0 receives {@code x·2^−shift} through one coupling each tick (memoryless). */
    private static int couplingOutput(CoreSemantics rules, int x, int shift) {
        StateSpec out = StateSpec.of("out", Format.INT16);
        StateSpec source = StateSpec.of("src", Format.INT16).withInitial(x);
        NeuronModel m = new NeuronModel("shift", List.of(out, source), List.of(Coupling.of(0, 1, 1, shift)),
                Threshold.fixed(NEVER), 0);
        Network net = new Network(List.of(new Population("n", 1, m)), List.of()).withSemantics(rules);
        try (Simulation sim = new Simulation(net, 1, 1, false)) {
            sim.run(1);
            return sim.state("n", 0, 0);
        }
    }

    @Test
    void rightShiftsFloorInTheEngineAndNeverReachZeroInNsat() {
        assertThat(couplingOutput(CoreSemantics.SPIKECORE, -9, 3)).isEqualTo(-2);
        assertThat(couplingOutput(CoreSemantics.SPIKECORE, 1, 3)).isEqualTo(0);
        assertThat(couplingOutput(CoreSemantics.NSAT, -9, 3)).isEqualTo(-1);
        assertThat(couplingOutput(CoreSemantics.NSAT, 1, 3)).isEqualTo(1);
        assertThat(couplingOutput(CoreSemantics.NSAT, -1, 3)).isEqualTo(-1);
        assertThat(couplingOutput(CoreSemantics.NSAT, 0, 3)).isEqualTo(0);
        assertThat(couplingOutput(CoreSemantics.NSAT, 17, 3)).isEqualTo(2);
    }

    @Test
    void exponentsAtOrAboveZeroAreExactLeftShifts() {
        // NSAT's eRBP neuron: x0 += x1 << 4
        assertThat(couplingOutput(CoreSemantics.NSAT, 3, -4)).isEqualTo(48);
        assertThat(couplingOutput(CoreSemantics.SPIKECORE, -3, -4)).isEqualTo(-48);
        assertThat(couplingOutput(CoreSemantics.NSAT, -7, 0)).isEqualTo(-7);
    }

    /** Bias 100, threshold 500, reset by −500, refractory 3: the example. */
    private static int[] refractorySpikes(CoreSemantics rules) {
        StateSpec v = StateSpec.of("v", Format.INT16).withBias(100).withReset(Reset.add(-500));
        NeuronModel m = new NeuronModel("ref", List.of(v), List.of(), Threshold.fixed(500), 3);
        Network net = new Network(List.of(new Population("n", 1, m)), List.of()).withSemantics(rules);
        try (Simulation sim = new Simulation(net, 1, 1, false)) {
            SpikeRecorder r = sim.recordSpikes("n");
            sim.run(22);
            return r.ticks();
        }
    }

    @Test
    void nsatKeepsIntegratingThroughTheRefractoryPeriodAndTestsWhenItEnds() {
        assertThat(refractorySpikes(CoreSemantics.SPIKECORE)).containsExactly(4, 12, 20);
        assertThat(refractorySpikes(CoreSemantics.NSAT)).containsExactly(4, 9, 14, 19);
    }

    @Test
    void nsatTestsTheSpikeBeforeTheClampAndTheEngineAfter() {
        // ceiling 90 below threshold 100: the clamped state can never reach it
        StateSpec v = StateSpec.of("v", Format.INT16).withClamp(-100, 90).withBias(120).withReset(Reset.toValue(0));
        NeuronModel m = new NeuronModel("clamp", List.of(v), List.of(), Threshold.fixed(100), 0);
        for (CoreSemantics rules : List.of(CoreSemantics.SPIKECORE, CoreSemantics.NSAT)) {
            Network net = new Network(List.of(new Population("n", 1, m)), List.of()).withSemantics(rules);
            try (Simulation sim = new Simulation(net, 1, 1, false)) {
                SpikeRecorder r = sim.recordSpikes("n");
                sim.run(5);
                assertThat(r.ticks()).as(rules.name()).hasSize(rules == CoreSemantics.NSAT ? 5 : 0);
                assertThat(sim.state("n", 0, 0)).isEqualTo(rules == CoreSemantics.NSAT ? 0 : 90);
            }
        }
    }

    @Test
    void nsatSaturatesTheGainedSynapticSumToSixteenBits() {
        StateSpec v = StateSpec.of("v", Format.INT32);
        StateSpec gained = v.withInputShift(4);
        for (CoreSemantics rules : List.of(CoreSemantics.SPIKECORE, CoreSemantics.NSAT)) {
            NeuronModel m = new NeuronModel("acc", List.of(gained), List.of(), Threshold.fixed(Integer.MAX_VALUE - 1), 0);
            Network net = Networks.single(m, 3000, 0, 1, new int[] {0}).withSemantics(rules);
            try (Simulation sim = new Simulation(net, 1, 1, false)) {
                sim.run(2);
                // 3000 << 4 = 48000 is exact in the engine, 32767 after NSAT's 16-bit accumulator
                assertThat(sim.state("n", 0, 0)).as(rules.name()).isEqualTo(rules == CoreSemantics.NSAT ? 32767 : 48000);
            }
        }
        // a negative gain shifts toward zero: -37 * 2^-2 = -9 (floor would give -10)
        NeuronModel m = new NeuronModel("gain", List.of(v.withInputShift(-2)), List.of(), Threshold.fixed(NEVER), 0);
        try (Simulation sim = new Simulation(Networks.single(m, -37, 0, 1, new int[] {0}).withSemantics(CoreSemantics.NSAT),
                1, 1, false)) {
            sim.run(2);
            assertThat(sim.state("n", 0, 0)).isEqualTo(-9);
        }
    }

    @Test
    void nsatsRandomStreamNeedsOneCore() {
        StateSpec v = StateSpec.of("v", Format.INT16).withNoise(new Noise.Gaussian(10));
        NeuronModel m = new NeuronModel("noisy", List.of(v), List.of(), Threshold.fixed(NEVER), 0);
        Network net = new Network(List.of(new Population("a", 4, m), new Population("b", 4, m)), List.of(), 4)
                .withSemantics(CoreSemantics.NSAT.withRandom(new CoreSemantics.RandomSource.NsatPcg32(0)));
        assertThatThrownBy(() -> new Simulation(net, 1, 1, false)).hasMessageContaining("needs 2 cores");
    }

    @Test
    void namedInstancesAreFoundByName() {
        assertThat(CoreSemantics.named("nsat")).isSameAs(CoreSemantics.NSAT);
        assertThat(CoreSemantics.named("spikecore")).isSameAs(CoreSemantics.SPIKECORE);
        assertThatThrownBy(() -> CoreSemantics.named("loihi")).hasMessageContaining("choose spikecore or nsat");
    }
}
