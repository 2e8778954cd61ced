package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.fixed.CounterRng;
import org.spikecore.model.ArraySource;
import org.spikecore.model.ConvConnectivity;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.SparseConnectivity;
import org.spikecore.train.net.Conv2d;
import org.spikecore.train.net.Dense;
import org.spikecore.train.net.Flatten;
import org.spikecore.train.net.Lif;
import org.spikecore.train.net.Module;
import org.spikecore.train.net.NeuronModule;
import org.spikecore.train.net.Pool;
import org.spikecore.train.net.Sequential;
import org.spikecore.train.net.Shape;
import org.spikecore.train.net.SpikeFunction;

/** The one deployment path: a small conv network on the engine spikes as the trainer's does. */
class EngineDeploymentTest {

    private static final Shape IMAGE = new Shape(1, 6, 6);
    private static final int STEPS = 20;

    private static Lif lif(Shape s) {
        return new Lif(s, 0.875f, 0.5f, NeuronModule.Reset.SUBTRACT, true, SpikeFunction.step(Surrogate.superSpike(5f)));
    }

    private static List<Module> convNet() {
        Conv2d conv = new Conv2d(IMAGE, 2, 3, 1, 1, 2.5, 3, 10);
        Pool pool = new Pool(conv.outShape(), 2, false);
        Flatten flat = new Flatten(pool.outShape());
        Dense dense = new Dense(flat.outShape().size(), 3, 2.5, 3, 20);
        return List.of(conv, lif(conv.outShape()), pool, lif(pool.outShape()), flat, dense, lif(Shape.vector(3)));
    }

    private static float[][] samples(int n) {
        float[][] x = new float[n][STEPS * IMAGE.size()];
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < x[s].length; k++) {
                x[s][k] = (CounterRng.bits(9, s, 0, k) >>> 62) == 0 ? 1f : 0f; // 25 % of the pixels each step
            }
        }
        return x;
    }

    @Test
    void convAndPoolDeployAsWeightSharedAndSparseProjectionsWithBiasFromASource() {
        List<Module> net = convNet();
        Network engine = EngineDeployment.toEngine(net, new ArraySource("input", IMAGE.size(), new int[0], new int[0]),
                EngineDeployment.Formats.int16(256), List.of("conv", "pool", "out"), 4096);
        assertThat(engine.projections().stream().map(p -> p.name()).toList())
                .containsExactly("input->conv", "bias->conv", "conv->pool", "pool->out", "bias->out");
        ConvConnectivity conv = (ConvConnectivity) engine.projections().get(0).connectivity();
        assertThat(conv.kernel()).hasSize(2 * 9); // the shared kernel, not one weight per pair
        assertThat(conv.kernel()[4]).isEqualTo(Math.round(net.get(0).parameters()[0][4] * 256));
        SparseConnectivity pool = (SparseConnectivity) engine.projections().get(2).connectivity();
        assertThat(pool.weights()).hasSize(2 * 36).containsOnly(256); // each input into its window's sum
        assertThat(engine.projections().get(3).connectivity()).isInstanceOf(DenseConnectivity.class);
    }

    @Test
    void aDeployedConvNetworkSpikesAsTheTrainer() {
        List<Module> modules = convNet();
        Sequential trainer = new Sequential(modules, Loss.CE_COUNTS, new Optimizer.AdamSpec(1e-3f));
        int n = 12;
        float[][] x = samples(n);
        int[][] trained = trainer.infer(x, STEPS);
        int window = STEPS + 3; // one tick of delay per layer
        List<Integer> ticks = new ArrayList<>();
        List<Integer> neurons = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            for (int t = 0; t < STEPS; t++) {
                for (int k = 0; k < IMAGE.size(); k++) {
                    if (x[s][t * IMAGE.size() + k] != 0f) {
                        ticks.add(s * window + t);
                        neurons.add(k);
                    }
                }
            }
        }
        Network engine = EngineDeployment.toEngine(modules, new ArraySource("input", IMAGE.size(),
                ticks.stream().mapToInt(Integer::intValue).toArray(), neurons.stream().mapToInt(Integer::intValue).toArray()),
                EngineDeployment.Formats.int16(1024), List.of("conv", "pool", "out"), 4096);
        int[][] deployed = new int[n][3];
        try (Simulation sim = new Simulation(engine, 0, 1, true)) {
            SpikeRecorder out = sim.recordSpikes("out");
            for (int s = 0; s < n; s++) {
                sim.run(window);
                sim.resetNeuronStates();
            }
            for (int e = 0; e < out.ticks().length; e++) {
                deployed[out.ticks()[e] / window][out.neurons()[e]]++;
            }
        }
        int total = 0;
        int differ = 0;
        int sameClass = 0;
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < 3; i++) {
                total += trained[s][i];
                differ += Math.abs(trained[s][i] - deployed[s][i]);
            }
            sameClass += ImageClassifier.argmax(trained[s]) == ImageClassifier.argmax(deployed[s]) ? 1 : 0;
        }
        assertThat(total).as("the trainer's network spikes").isGreaterThan(3 * n);
        // measured: 11 of 127 output spike counts differ (8.7 %), all 12 samples keep their most active output
        assertThat((double) differ / total).as("output spikes that differ").isLessThan(0.10);
        assertThat(sameClass).as("samples with the same most active output").isEqualTo(n);
    }

    @Test
    void engineWeightsLoadBackIntoTheTrainersLayers() {
        List<Module> net = convNet();
        int units = 256;
        Network engine = EngineDeployment.toEngine(net, new ArraySource("input", IMAGE.size(), new int[0], new int[0]),
                EngineDeployment.Formats.int16(units), List.of("conv", "pool", "out"), 4096);
        Conv2d conv = new Conv2d(IMAGE, 2, 3, 1, 1, 2.5, 77, 10); // other initial weights, same shapes
        Pool pool = new Pool(conv.outShape(), 2, false);
        Flatten flat = new Flatten(pool.outShape());
        Dense dense = new Dense(flat.outShape().size(), 3, 2.5, 77, 20);
        List<Module> fresh = List.of(conv, lif(conv.outShape()), pool, lif(pool.outShape()), flat, dense, lif(Shape.vector(3)));
        EngineDeployment.loadWeights(engine, fresh, List.of("conv", "pool", "out"), units);
        for (int m : new int[] {0, 5}) {
            float[][] original = net.get(m).parameters();
            float[][] loaded = fresh.get(m).parameters();
            for (int a = 0; a < original.length; a++) {
                for (int k = 0; k < original[a].length; k++) {
                    assertThat(loaded[a][k]).as("module %d array %d index %d", m, a, k)
                            .isEqualTo(Math.round(original[a][k] * units) / (float) units);
                }
            }
        }
        // deploying the loaded network gives the same engine weights again
        Network again = EngineDeployment.toEngine(fresh, new ArraySource("input", IMAGE.size(), new int[0], new int[0]),
                EngineDeployment.Formats.int16(units), List.of("conv", "pool", "out"), 4096);
        assertThat(again.projections()).usingRecursiveComparison().isEqualTo(engine.projections());
    }

    @Test
    void whatCannotDeployIsNamed() {
        List<Module> trailing = List.of(new Dense(4, 3, 1.0, 1, 1));
        assertThatThrownBy(() -> EngineDeployment.toEngine(List.of(new Dense(4, 3, 1.0, 1, 1), lif(Shape.vector(3)),
                new Dense(3, 2, 1.0, 1, 2)), new ArraySource("input", 4, new int[0], new int[0]),
                EngineDeployment.Formats.int16(256), List.of("a"), 4096)).hasMessageContaining("ends with 1 linear module");
        assertThatThrownBy(() -> EngineDeployment.toEngine(trailing, new ArraySource("input", 4, new int[0], new int[0]),
                EngineDeployment.Formats.int16(256), List.of("a"), 4096)).hasMessageContaining("no neuron layer");
        assertThatThrownBy(() -> EngineDeployment.toEngine(List.of(new Dense(4, 3, 1.0, 1, 1), lif(Shape.vector(3))),
                new ArraySource("input", 4, new int[0], new int[0]), EngineDeployment.Formats.int16(256), List.of(), 4096))
                .hasMessageContaining("more neuron layers than the 0 names");
    }

    @Test
    void aDecayThatIsNoShiftLeakDeploysAsATwelveBitDecay() {
        assertThat(EngineDeployment.decay(0.875f)).isEqualTo(org.spikecore.model.Leak.shift(3));
        assertThat(EngineDeployment.decay(0.9f)).isEqualTo(org.spikecore.model.Leak.multiplicative(410)); // 0.1 x 4096
        assertThat(EngineDeployment.decay(1f)).isEqualTo(org.spikecore.model.Leak.none());
    }
}
