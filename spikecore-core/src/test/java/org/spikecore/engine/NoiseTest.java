package org.spikecore.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.fixed.Format;
import org.spikecore.fixed.Pcg32;
import org.spikecore.model.CoreSemantics;
import org.spikecore.model.Coupling;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Noise;
import org.spikecore.model.Population;
import org.spikecore.model.StateSpec;
import org.spikecore.model.Threshold;

/** Noise has mean zero in every mode, the variance it claims, and the same bits on any thread count. */
class NoiseTest {

    private static final int NEVER = Integer.MAX_VALUE - 1;

    private static NeuronModel integrator(Noise noise) {
        return new NeuronModel("integrator", List.of(StateSpec.of("v", Format.INT32).withNoise(noise)), List.of(),
                Threshold.fixed(NEVER), 0);
    }

    /** A state that forgets itself each tick ({@code x − x}), so it holds just this tick's noise. */
    private static NeuronModel memoryless(Noise noise) {
        return new NeuronModel("memoryless", List.of(StateSpec.of("v", Format.INT32).withNoise(noise)),
                List.of(Coupling.of(0, 0, -1, 0)), Threshold.fixed(NEVER), 0);
    }

    @Test
    void fourBitUniformNoiseNoLongerDriftsAnIntegrator() {
        // the case: 20,000 ticks of 4-bit noise without leak drifted to −10,024 (−½ a tick)
        int neurons = 200;
        Network net = new Network(List.of(new Population("n", neurons, integrator(new Noise.Uniform(4)))), List.of());
        double sum = 0;
        double sumSquares = 0;
        try (Simulation sim = new Simulation(net, 11, 1, false)) {
            sim.run(20_000);
            for (int i = 0; i < neurons; i++) {
                int v = sim.state("n", i, 0);
                sum += v;
                sumSquares += (double) v * v;
            }
        }
        double mean = sum / neurons;
        double variance = sumSquares / neurons - mean * mean;
        double perTick = 256.0 / 12 + 1.0 / 6; // 4^bits/12 + 1/6
        // each final value has σ = sqrt(20,000 · 21.5) ≈ 656; their mean σ/√200 ≈ 46
        assertThat(Math.abs(mean)).isLessThan(4 * Math.sqrt(20_000 * perTick / neurons));
        assertThat(variance / (20_000 * perTick)).isBetween(0.75, 1.25);
    }

    private static double[] moments(Network net, int neurons, int ticks, long seed) {
        double n = 0;
        double sum = 0;
        double sumSquares = 0;
        try (Simulation sim = new Simulation(net, seed, 1, false)) {
            for (int t = 0; t < ticks; t++) {
                sim.run(1);
                for (int i = 0; i < neurons; i++) {
                    int v = sim.state("n", i, 0);
                    n++;
                    sum += v;
                    sumSquares += (double) v * v;
                }
            }
        }
        double mean = sum / n;
        return new double[] {mean, sumSquares / n - mean * mean, n};
    }

    @Test
    void uniformNoiseOfEachTickHasMeanZeroAndItsVariance() {
        int neurons = 100;
        Network net = new Network(List.of(new Population("n", neurons, memoryless(new Noise.Uniform(6)))), List.of());
        double[] m = moments(net, neurons, 2_000, 5);
        double variance = 4096.0 / 12 + 1.0 / 6;
        assertThat(m[0]).isCloseTo(0, within(4 * Math.sqrt(variance / m[2])));
        assertThat(m[1] / variance).isCloseTo(1, within(0.02));
    }

    @Test
    void gaussianNoiseFromTheCounterGeneratorHasMeanZeroAndSigmaSquared() {
        int neurons = 100;
        int sigma = 50;
        for (CoreSemantics rules : List.of(CoreSemantics.SPIKECORE, CoreSemantics.NSAT)) {
            Network net = new Network(List.of(new Population("n", neurons, memoryless(new Noise.Gaussian(sigma)))),
                    List.of()).withSemantics(rules);
            double[] m = moments(net, neurons, 2_000, 9);
            assertThat(m[0]).as(rules.name()).isCloseTo(0, within(4 * sigma / Math.sqrt(m[2])));
            // trunc(σz) loses a little variance: E[(σz − trunc(σz))²]-ish, about 1/3 of a unit²
            assertThat(m[1] / (sigma * sigma)).as(rules.name()).isCloseTo(1, within(0.02));
        }
    }

    @Test
    void counterBasedNoiseGivesTheSameBitsOnAnyThreadCount() {
        NeuronModel m = integrator(new Noise.Gaussian(20));
        Network net = new Network(List.of(new Population("a", 300, m), new Population("b", 300, m)), List.of(), 256)
                .withSemantics(CoreSemantics.NSAT);
        int[][] states = new int[3][];
        for (int threads = 1; threads <= 3; threads++) {
            try (Simulation sim = new Simulation(net, 3, threads, true)) {
                sim.run(50);
                states[threads - 1] = new int[] {sim.state("a", 0, 0), sim.state("a", 299, 0), sim.state("b", 7, 0),
                        sim.state("b", 250, 0)};
            }
        }
        assertThat(states[1]).isEqualTo(states[0]);
        assertThat(states[2]).isEqualTo(states[0]);
        assertThat(states[0]).isNotEqualTo(new int[4]);
    }

    @Test
    void nsatsStreamDrawsNeuronByNeuronAsNsatDoes() {
        int sigma = 300;
        Network net = new Network(List.of(new Population("n", 3, memoryless(new Noise.Gaussian(sigma)))), List.of())
                .withSemantics(CoreSemantics.NSAT.withRandom(new CoreSemantics.RandomSource.NsatPcg32(54)));
        Pcg32 reference = new Pcg32(42, 54);
        try (Simulation sim = new Simulation(net, 42, 1, false)) {
            for (int t = 0; t < 4; t++) {
                sim.run(1);
                for (int i = 0; i < 3; i++) {
                    assertThat(sim.state("n", i, 0)).isEqualTo((int) (sigma * reference.nsatNormal()));
                }
            }
        }
    }

    @Test
    void nsatsStreamBlanksOutPostsInDescendingOrder() {
        // one input spiking every tick into 3 memoryless posts with weight 1 and probability 7/15;
        // NSAT draws for the posts in descending order
        NeuronModel m = memoryless(new Noise.None());
        org.spikecore.model.ArraySource input = new org.spikecore.model.ArraySource("in", 1,
                java.util.stream.IntStream.range(0, 40).toArray(), new int[40]);
        Network net = new Network(List.of(input, new Population("n", 3, m)),
                List.of(new org.spikecore.model.Projection("w", "in", "n", new org.spikecore.model.DenseConnectivity(1, 3,
                        new int[] {1, 1, 1}), Format.INT8, 0, 1, 7 / 15.0)))
                .withSemantics(CoreSemantics.NSAT.withRandom(new CoreSemantics.RandomSource.NsatPcg32(5)));
        Pcg32 reference = new Pcg32(8, 5);
        int transmitted = 0;
        try (Simulation sim = new Simulation(net, 8, 1, false)) {
            sim.run(1);
            for (int t = 1; t < 40; t++) {
                int[] expected = new int[3];
                for (int post = 2; post >= 0; post--) {
                    expected[post] = reference.boundedRand(15) < 7 ? 1 : 0;
                }
                sim.run(1);
                for (int post = 0; post < 3; post++) {
                    assertThat(sim.state("n", post, 0)).as("tick %d post %d", t, post).isEqualTo(expected[post]);
                    transmitted += expected[post];
                }
            }
        }
        assertThat(transmitted).isBetween(30, 80); // 117 draws at 7/15
    }
}
