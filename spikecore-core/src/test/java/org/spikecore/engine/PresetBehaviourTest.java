package org.spikecore.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.spikecore.fixed.Format;
import org.spikecore.model.ArraySource;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.NeuronPresets;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;

/** Each preset shows its characteristic behaviour, in numbers. */
class PresetBehaviourTest {

    private static int[] spikeTicks(NeuronModel m, int ticks, int weight, int targetState, int[] inputTicks) {
        Network net = inputTicks.length == 0
                ? new Network(List.of(new Population("n", 1, m)), List.of())
                : Networks.single(m, weight, targetState, 1, inputTicks);
        try (Simulation sim = new Simulation(net, 1, 1, false)) {
            SpikeRecorder r = sim.recordSpikes("n");
            sim.run(ticks);
            return r.ticks();
        }
    }

    private static int[] intervals(int[] t) {
        return IntStream.range(1, t.length).map(i -> t[i] - t[i - 1]).toArray();
    }

    private static int[] every(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    @Test
    void secondOrderSynapseCurrentRisesThenFalls() {
        Network net = Networks.single(NeuronPresets.lifSecondOrderSynapse(3, 2, 1, 30_000), 4000, 2, 1, new int[] {0});
        try (Simulation sim = new Simulation(net, 1, 1, false)) {
            StateProbe i = sim.recordState("n", 0, 1);
            sim.run(20);
            int[] v = i.values();
            int peak = IntStream.range(0, v.length).reduce((a, b) -> v[a] >= v[b] ? a : b).orElseThrow();
            assertThat(peak).isBetween(2, 8);
            assertThat(v[1]).isZero(); // s receives first; i only one tick later
            assertThat(v[peak]).isGreaterThan(v[peak + 3]).isGreaterThan(v[2]);
        }
    }

    @Test
    void dualCompartmentNeedsSustainedDendriticInput() {
        NeuronModel m = NeuronPresets.dualCompartment(3, 2, 1, 1000, 600);
        assertThat(spikeTicks(m, 40, 800, 1, new int[] {0})).isEmpty(); // one pulse: no spike
        int[] sustained = spikeTicks(m, 60, 800, 1, every(0, 60));
        assertThat(sustained.length).isGreaterThan(3);
    }

    @Test
    void qprRefractoryTraceRaisesTheThresholdAfterEachSpike() {
        NeuronModel m = NeuronPresets.qpr(2, 3, 2, 900, 1000);
        // 40 per tick drives Q to about 160 and P to about 1280, above the threshold of 900
        int[] isi = intervals(spikeTicks(m, 200, 40, 1, every(0, 200)));
        assertThat(isi.length).isGreaterThan(5);
        assertThat(IntStream.of(isi).min().orElseThrow()).isGreaterThan(2); // R forbids back-to-back spikes
        NeuronModel noRefractory = NeuronPresets.qpr(2, 3, 2, 900, 0);
        int[] free = spikeTicks(noRefractory, 200, 40, 1, every(0, 200));
        assertThat(free.length).isGreaterThan(2 * isi.length);
        assertThat(IntStream.of(intervals(free)).max().orElseThrow()).isEqualTo(1); // no P reset: every tick
    }

    @Test
    void loihiCubaFiresUnderBiasAndResetsToZero() {
        NeuronModel m = NeuronPresets.loihiCuba(4096, 512, 100, 1000);
        Network net = new Network(List.of(new Population("n", 1, m)), List.of());
        try (Simulation sim = new Simulation(net, 1, 1, false)) {
            StateProbe v = sim.recordState("n", 0, 0);
            SpikeRecorder r = sim.recordSpikes("n");
            sim.run(30);
            int[] t = r.ticks();
            assertThat(t).isNotEmpty();
            assertThat(v.values()[t[0]]).isZero();
            // v = v·7/8 + 1000 from 0: 1000, 1875, 2640, ... crosses 6400 (= 100 << 6) at tick 12
            assertThat(t[0]).isEqualTo(12);
        }
    }

    @Test
    void stochasticSynapsesTransmitAboutTheirProbabilityAndDeterministically() {
        int n = 400;
        int[] ticks = every(0, 100);
        int[] neurons = new int[ticks.length];
        ArraySource src = new ArraySource("in", 1, ticks, neurons);
        int[] ones = new int[n];
        java.util.Arrays.fill(ones, 1);
        Network net = new Network(List.of(src, new Population("n", n, NeuronPresets.lif(30, 30_000, false))),
                List.of(new Projection("p", "in", "n", new DenseConnectivity(1, n, ones), Format.INT8, 0, 1, 0.6)));
        long synOps;
        try (Simulation sim = new Simulation(net, 3, 1, false)) {
            sim.run(101);
            synOps = sim.counters().synOps();
        }
        double fraction = synOps / (100.0 * n);
        assertThat(fraction).isBetween(0.6 - 0.01, 0.6 + 0.01); // 4.5 standard errors
        try (Simulation sim = new Simulation(net, 3, 2, true)) {
            sim.run(101);
            assertThat(sim.counters().synOps()).isEqualTo(synOps);
        }
    }
}
