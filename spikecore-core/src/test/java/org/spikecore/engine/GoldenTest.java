package org.spikecore.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronPresets;

/** Small networks checked tick by tick against values computed by hand. */
class GoldenTest {

    @Test
    void lifIntegratesLeaksFiresAndResetsToZero() {
        // leak shift 2: v − max(1, v>>2); input 100 at ticks 0,1,2 arrives one tick later (delay 1).
        Network net = Networks.single(NeuronPresets.lif(2, 200, false), 100, 0, 1, new int[] {0, 1, 2});
        try (Simulation sim = new Simulation(net, 1, 1, false)) {
            StateProbe v = sim.recordState("n", 0, 0);
            SpikeRecorder s = sim.recordSpikes("n");
            sim.run(8);
            // t0: 0 (nothing arrived yet); t1: 0 + 100; t2: 100 − 25 + 100 = 175; t3: 175 − 43 + 100 = 232 ≥ 200 → spike, 0
            // t4: 0; t5..: 0
            assertThat(v.values()).containsExactly(0, 100, 175, 0, 0, 0, 0, 0);
            assertThat(s.ticks()).containsExactly(3);
        }
    }

    @Test
    void subtractResetKeepsTheExcess() {
        Network net = Networks.single(NeuronPresets.lif(3, 200, true), 150, 0, 1, new int[] {0, 1, 2, 3});
        try (Simulation sim = new Simulation(net, 1, 1, false)) {
            StateProbe v = sim.recordState("n", 0, 0);
            SpikeRecorder s = sim.recordSpikes("n");
            sim.run(7);
            // t1: 150; t2: 150 − 18 + 150 = 282 → spike, 82; t3: 82 − 10 + 150 = 222 → spike, 22;
            // t4: 22 − 2 + 150 = 170; t5: 170 − 21 = 149; t6: 149 − 18 = 131
            assertThat(v.values()).containsExactly(0, 150, 82, 22, 170, 149, 131);
            assertThat(s.ticks()).containsExactly(2, 3);
        }
    }

    @Test
    void smallStatesLeakToZeroByTheOneUnitRule() {
        Network net = Networks.single(NeuronPresets.lif(4, 1000, false), 5, 0, 1, new int[] {0});
        try (Simulation sim = new Simulation(net, 1, 1, false)) {
            StateProbe v = sim.recordState("n", 0, 0);
            sim.run(8);
            assertThat(v.values()).containsExactly(0, 5, 4, 3, 2, 1, 0, 0);
        }
    }

    @Test
    void delayShiftsTheArrivalByExactlyThatManyTicks() {
        for (int delay : new int[] {1, 2, 5}) {
            Network net = Networks.single(NeuronPresets.lif(10, 1000, false), 77, 0, delay, new int[] {3});
            try (Simulation sim = new Simulation(net, 1, 1, false)) {
                StateProbe v = sim.recordState("n", 0, 0);
                sim.run(10);
                int[] vals = v.values();
                for (int t = 0; t < 10; t++) {
                    assertThat(vals[t]).as("delay %d tick %d", delay, t).isEqualTo(t < 3 + delay ? 0 : 77 - (t - 3 - delay));
                }
            }
        }
    }

    @Test
    void firstOrderSynapseFiltersTheInputIntoTheMembrane() {
        // i: leak shift 1 (halves), v: leak shift 3, coupling i>>1 into v; one input of 400 at tick 0.
        Network net = Networks.single(NeuronPresets.lifFirstOrderSynapse(3, 1, 1, 10_000), 400, 1, 1, new int[] {0});
        try (Simulation sim = new Simulation(net, 1, 1, false)) {
            StateProbe i = sim.recordState("n", 0, 1);
            StateProbe v = sim.recordState("n", 0, 0);
            sim.run(5);
            // i: 0, 400, 200, 100, 50 ; v reads the previous i: v1 = 0, v2 = 0 + 200, v3 = 200 − 25 + 100 = 275,
            // v4 = 275 − 34 + 50 = 291
            assertThat(i.values()).containsExactly(0, 400, 200, 100, 50);
            assertThat(v.values()).containsExactly(0, 0, 200, 275, 291);
        }
    }

    @Test
    void loihiCubaMatchesTheLavaEquationsByHand() {
        // du = 1024 (u keeps 3/4), dv = 2048 (v keeps 1/2), vth = 10 → spike when v > 640; a_in = 3 at tick 0.
        Network net = Networks.single(NeuronPresets.loihiCuba(1024, 2048, 10, 0), 3, 1, 1, new int[] {0});
        try (Simulation sim = new Simulation(net, 1, 1, false)) {
            StateProbe u = sim.recordState("n", 0, 1);
            StateProbe v = sim.recordState("n", 0, 0);
            SpikeRecorder s = sim.recordSpikes("n");
            sim.run(6);
            // u1 = 3<<6 = 192; u2 = 192·3072>>12 = 144; u3 = 108; u4 = 81; u5 = 60 (60.75 truncated)
            // v1 = 0 + 192 = 192; v2 = 96 + 144 = 240; v3 = 120 + 108 = 228; v4 = 114 + 81 = 195; v5 = 97 + 60 = 157
            assertThat(u.values()).containsExactly(0, 192, 144, 108, 81, 60);
            assertThat(v.values()).containsExactly(0, 192, 240, 228, 195, 157);
            assertThat(s.size()).isZero();
        }
    }
}
