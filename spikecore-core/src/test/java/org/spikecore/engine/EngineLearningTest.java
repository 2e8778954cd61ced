package org.spikecore.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.fixed.Format;
import org.spikecore.fixed.Rounding;
import org.spikecore.learn.Erbp;
import org.spikecore.learn.LearningGate;
import org.spikecore.learn.Modulator;
import org.spikecore.learn.PairStdp;
import org.spikecore.learn.Perbp;
import org.spikecore.learn.Plasticity;
import org.spikecore.learn.SymbolRanges;
import org.spikecore.learn.TextRule;
import org.spikecore.learn.TraceSpec;
import org.spikecore.model.ArraySource;
import org.spikecore.model.BernoulliSource;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;
import org.spikecore.model.Reset;
import org.spikecore.model.StateSpec;
import org.spikecore.model.Threshold;

/** Rules of the learn package run inside the engine: hand-computed weights, and the same bits on any thread count. */
class EngineLearningTest {

    private static final TraceSpec TRACE = new TraceSpec(2, 64, 127, Rounding.FLOOR, TraceSpec.Pairing.ALL_TO_ALL);

    private static Plasticity stdp() {
        return Plasticity.Rule.of(PairStdp.additive(4, 3, 3, Rounding.FLOOR), List.of(TRACE), List.of(TRACE));
    }

    /** A plastic 10 from "pre" (spikes at ticks 1 and 4) and a kick (tick 2) that fires the post at tick 3. */
    private static Network preKickPostNetwork() {
        NeuronModel neuron = new NeuronModel("if", List.of(StateSpec.of("v", Format.INT16).withReset(Reset.toValue(0))),
                List.of(), Threshold.fixed(1000), 0);
        Network net = new Network(List.of(new ArraySource("pre", 1, new int[] {1, 4}, new int[] {0, 0}),
                new ArraySource("kick", 1, new int[] {2}, new int[] {0}), new Population("post", 1, neuron)),
                List.of(Projection.of("w", "pre", "post", new DenseConnectivity(1, 1, new int[] {10}), Format.INT8, 0)
                        .withPlasticity(stdp()),
                        Projection.of("k", "kick", "post", new DenseConnectivity(1, 1, new int[] {2000}), Format.INT16, 0)));
        return net;
    }

    @Test
    void pairStdpPotentiatesAtThePostSpikeAndDepressesAtTheNextPreSpike() {
        Network net = preKickPostNetwork();
        try (Simulation sim = new Simulation(net, 1, 1, false)) {
            SpikeRecorder post = sim.recordSpikes("post");
            sim.run(4);
            assertThat(post.ticks()).containsExactly(3); // the kick of tick 2 arrives and fires the post at 3
            // tick 1: pre spike, no post trace yet; tick 3: post spike, pre trace 64 → 48 → 36: +4·36 >> 3 = 18
            assertThat(sim.weight("w", 0, 0)).isEqualTo(28);
            sim.run(1);
            // tick 4: pre spike, post trace 64 → 48: −(3·48 >> 3) = −18
            assertThat(sim.weight("w", 0, 0)).isEqualTo(10);
        }
    }

    @Test
    void learningAccessesAreCountedApartAndPricedPerAccess() {
        Network net = preKickPostNetwork();
        try (Simulation sim = new Simulation(net, 1, 1, false)) {
            sim.run(5);
            RunCounters.MemoryCount w = sim.counters().memories().stream().filter(m -> m.projection().equals("w")).findFirst()
                    .orElseThrow();
            RunCounters.MemoryCount k = sim.counters().memories().stream().filter(m -> m.projection().equals("k")).findFirst()
                    .orElseThrow();
            org.spikecore.memory.RegionCount weights = w.regions().get(0);
            // learning: the row read at each pre spike (ticks 1, 4), the column read at the post spike (tick 3),
            // and one read-modify-write per change (+18 at tick 3, −18 at tick 4); delivery: one row read per pre spike
            assertThat(weights.learningReads()).isEqualTo(5);
            assertThat(weights.learningWrites()).isEqualTo(2);
            assertThat(weights.reads()).isEqualTo(5 + 2);
            assertThat(weights.writes()).isEqualTo(2);
            assertThat(k.regions().get(0).learningReads()).isZero(); // a projection without plasticity never learns
            org.spikecore.energy.Horowitz45nm model = new org.spikecore.energy.Horowitz45nm();
            long bits = weights.region().bits();
            int word = weights.region().wordBits();
            double expected = 5 * model.readEnergy(bits, word) + 2 * model.writeEnergy(bits, word);
            assertThat(expected).isPositive();
            assertThat(org.spikecore.energy.MeasuredEnergy.learning(w.regions(), model)).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(1e-24));
            assertThat(org.spikecore.energy.MeasuredEnergy.learning(k.regions(), model)).isZero();
        }
    }

    @Test
    void aPreTriggeredRuleReadsNoColumnAtPostSpikes() {
        // the post fires at tick 3 from the kick, the plastic pre never spikes: eRBP has nothing to do
        NeuronModel neuron = new NeuronModel("if", List.of(StateSpec.of("v", Format.INT16).withReset(Reset.toValue(0))),
                List.of(), Threshold.fixed(1000), 0);
        Network net = new Network(List.of(new ArraySource("pre", 3, new int[0], new int[0]),
                new ArraySource("kick", 1, new int[] {2}, new int[] {0}), new Population("post", 1, neuron)),
                List.of(Projection.of("w", "pre", "post", new DenseConnectivity(3, 1, new int[] {10, 10, 10}), Format.INT8, 0)
                        .withPlasticity(Plasticity.Rule.of(new org.spikecore.learn.Erbp(0, -2000, 2000, 0, Rounding.FLOOR),
                                List.of(), List.of())),
                        Projection.of("k", "kick", "post", new DenseConnectivity(1, 1, new int[] {2000}), Format.INT16, 0)));
        try (Simulation sim = new Simulation(net, 1, 1, false)) {
            SpikeRecorder post = sim.recordSpikes("post");
            sim.run(5);
            assertThat(post.ticks()).containsExactly(3);
            RunCounters.MemoryCount w = sim.counters().memories().stream().filter(m -> m.projection().equals("w")).findFirst()
                    .orElseThrow();
            assertThat(w.regions().get(0).learningReads()).isZero(); // not the 3 words of the post's column
        }
    }

    @Test
    void learnedWeightsAreTheSameOnAnyThreadCount() {
        NeuronModel lif = new NeuronModel("lif", List.of(StateSpec.of("v", Format.INT16).withLeak(4)
                .withReset(Reset.toValue(0))), List.of(), Threshold.fixed(300), 2);
        int pre = 50;
        int post = 40;
        int[] w = new int[pre * post];
        for (int i = 0; i < w.length; i++) {
            w[i] = (int) (org.spikecore.fixed.CounterRng.bits(7, 1, 0, i) >>> 58); // 0..63
        }
        Network net = new Network(List.of(new BernoulliSource("in", pre, 0.2), new Population("out", post, lif)),
                List.of(Projection.of("w", "in", "out", new DenseConnectivity(pre, post, w), Format.INT8, 0)
                        .withPlasticity(Plasticity.Rule.of(PairStdp.additive(4, 3, 3, Rounding.STOCHASTIC), List.of(TRACE),
                                List.of(TRACE)))),
                20);
        int[][] weights = new int[2][pre * post];
        for (int threads = 1; threads <= 2; threads++) {
            try (Simulation sim = new Simulation(net, 5, threads, true)) {
                assertThat(sim.coreCount()).isEqualTo(2);
                sim.run(300);
                for (int i = 0; i < pre; i++) {
                    for (int j = 0; j < post; j++) {
                        weights[threads - 1][i * post + j] = sim.weight("w", i, j);
                    }
                }
            }
        }
        assertThat(weights[1]).isEqualTo(weights[0]);
        assertThat(weights[0]).isNotEqualTo(w); // it learned
    }

    /** The rules with a row-wise fast path, each on a two-state network: the vectorized run must equal the scalar one. */
    @Test
    void theRowWiseLearnerGivesTheReferenceBitsAtOneAndTwoThreads() {
        Erbp erbp = new Erbp(0, -150, 250, 5, Rounding.STOCHASTIC);
        List<Plasticity> rules = List.of(
                new Plasticity.Rule(erbp, List.of(), List.of(), Modulator.state(1), new LearningGate(-150, 250, 40, 4), 0),
                new Plasticity.Rule(new Perbp(erbp, 0.6), List.of(), List.of(), Modulator.state(1),
                        new LearningGate(-150, 250, 40, 4), 0),
                Plasticity.Rule.of(PairStdp.multiplicative(9, 5, 6, 1, 120, Rounding.STOCHASTIC), List.of(TRACE), List.of(TRACE)),
                new Plasticity.Rule(TextRule.of("dw = 2^-3 * x1 * y0 - 2^-4 * y1 * x0 + 2^-8 * m", SymbolRanges.nsat(),
                        Rounding.STOCHASTIC), List.of(TRACE), List.of(TRACE), Modulator.state(1), LearningGate.OPEN, 0));
        for (Plasticity rule : rules) {
            Network net = twoStateNetwork(rule);
            Run reference = run(net, 1, false);
            assertThat(reference.weights()).as("%s learns", rule).isNotEqualTo(run(twoStateNetwork(new Plasticity.None()), 1, false).weights());
            for (int threads = 1; threads <= 2; threads++) {
                Run fast = run(net, threads, true);
                assertThat(fast.weights()).as("%s weights, %d threads", rule, threads).isEqualTo(reference.weights());
                assertThat(fast.spikes()).as("%s spikes, %d threads", rule, threads).isEqualTo(reference.spikes());
                assertThat(fast.counters()).as("%s counters, %d threads", rule, threads).isEqualTo(reference.counters());
            }
        }
    }

    /**
     * peRBP learns on exactly the spikes the engine transmitted: one pre spike through 3,000
     * stochastic synapses (p = 0.6); a post's membrane shows whether its synapse delivered, its
     * weight whether it learned; the two agree synapse by synapse, on both learners and thread counts.
     */
    @Test
    void perbpLearnsOnExactlyTheSpikesTheEngineDelivered() {
        int posts = 3000;
        NeuronModel neuron = new NeuronModel("v-m", List.of(StateSpec.of("v", Format.INT16),
                StateSpec.of("m", Format.INT16).withBias(1)), List.of(), Threshold.fixed(30_000), 0);
        int[] w = new int[posts];
        java.util.Arrays.fill(w, 10);
        Perbp perbp = new Perbp(new Erbp(1, 0, 30_000, 0, Rounding.FLOOR), 0.6);
        Network net = new Network(List.of(new ArraySource("pre", 1, new int[] {3}, new int[] {0}), new Population("post", posts, neuron)),
                List.of(new Projection("w", "pre", "post", new DenseConnectivity(1, posts, w), Format.INT8, 0, 1, 0.6)
                        .withPlasticity(new Plasticity.Rule(perbp, List.of(), List.of(), Modulator.state(1), LearningGate.OPEN, 0))),
                1000);
        int[] reference = null;
        for (boolean vectorized : new boolean[] {false, true}) {
            for (int threads = 1; threads <= 2; threads++) {
                try (Simulation sim = new Simulation(net, 11, threads, vectorized)) {
                    sim.run(6);
                    int[] learned = new int[posts];
                    int delivered = 0;
                    for (int j = 0; j < posts; j++) {
                        boolean transmitted = sim.state("post", j, 0) != 0;
                        learned[j] = sim.weight("w", 0, j);
                        // the pre spike of tick 3 meets m = 4 (a bias of 1 a tick from tick 0): w 10 -> 14
                        assertThat(learned[j]).as("post %d", j).isEqualTo(transmitted ? 14 : 10);
                        delivered += transmitted ? 1 : 0;
                    }
                    assertThat(delivered / (double) posts).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.03));
                    if (reference == null) {
                        reference = learned;
                    }
                    assertThat(learned).as("vectorized %s, %d threads", vectorized, threads).isEqualTo(reference);
                }
            }
        }
    }

    @Test
    void aPerbpRuleMustLearnWithItsProjectionsProbability() {
        NeuronModel neuron = new NeuronModel("v-m", List.of(StateSpec.of("v", Format.INT16), StateSpec.of("m", Format.INT16)),
                List.of(), Threshold.fixed(30_000), 0);
        Perbp perbp = new Perbp(new Erbp(1, 0, 30_000, 0, Rounding.FLOOR), 0.6);
        Network net = new Network(List.of(new ArraySource("pre", 1, new int[] {3}, new int[] {0}), new Population("post", 4, neuron)),
                List.of(new Projection("w", "pre", "post", new DenseConnectivity(1, 4, new int[] {1, 1, 1, 1}), Format.INT8, 0, 1, 0.5)
                        .withPlasticity(new Plasticity.Rule(perbp, List.of(), List.of(), Modulator.state(1), LearningGate.OPEN, 0))),
                1000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Simulation(net, 1, 1, true).close())
                .hasMessageContaining("projection w").hasMessageContaining("0.6").hasMessageContaining("0.5");
    }

    private record Run(int[] weights, List<Integer> spikes, RunCounters counters) {
    }

    private static final int PRE = 50;
    private static final int POST = 40;

    /** Bernoulli inputs into 40 two-state neurons on several cores (v, and a signed modulator state fed by a second source). */
    private static Network twoStateNetwork(Plasticity plasticity) {
        NeuronModel neuron = new NeuronModel("lif2", List.of(StateSpec.of("v", Format.INT16).withLeak(4)
                .withReset(Reset.toValue(0)), StateSpec.of("e", Format.INT16).withLeak(2)), List.of(), Threshold.fixed(300), 2);
        int[] w = new int[PRE * POST];
        int[] m = new int[PRE * POST];
        for (int i = 0; i < w.length; i++) {
            w[i] = (int) (org.spikecore.fixed.CounterRng.bits(7, 1, 0, i) >>> 58); // 0..63
            m[i] = (int) (org.spikecore.fixed.CounterRng.bits(7, 2, 0, i) >>> 57) - 64; // -64..63
        }
        return new Network(List.of(new BernoulliSource("in", PRE, 0.2), new BernoulliSource("err", PRE, 0.1),
                new Population("out", POST, neuron)),
                List.of(new Projection("w", "in", "out", new DenseConnectivity(PRE, POST, w), Format.INT8, 0, 1,
                        plasticity instanceof Plasticity.Rule r && r.rule() instanceof Perbp p ? p.probability() : 1.0)
                        .withPlasticity(plasticity),
                        Projection.of("m", "err", "out", new DenseConnectivity(PRE, POST, m), Format.INT8, 1)),
                20);
    }

    private static Run run(Network net, int threads, boolean vectorized) {
        try (Simulation sim = new Simulation(net, 5, threads, vectorized)) {
            assertThat(sim.coreCount()).isGreaterThan(1);
            SpikeRecorder out = sim.recordSpikes("out");
            sim.run(300);
            int[] weights = new int[PRE * POST];
            for (int i = 0; i < PRE; i++) {
                for (int j = 0; j < POST; j++) {
                    weights[i * POST + j] = sim.weight("w", i, j);
                }
            }
            List<Integer> spikes = new java.util.ArrayList<>();
            for (int k = 0; k < out.size(); k++) {
                spikes.add(out.ticks()[k] * POST + out.neurons()[k]);
            }
            return new Run(weights, spikes, sim.counters());
        }
    }
}
