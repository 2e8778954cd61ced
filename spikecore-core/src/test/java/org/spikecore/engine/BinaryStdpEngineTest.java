package org.spikecore.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Format;
import org.spikecore.learn.Plasticity;
import org.spikecore.learn.StochasticBinaryStdp;
import org.spikecore.model.BernoulliSource;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;
import org.spikecore.model.Reset;
import org.spikecore.model.StateSpec;
import org.spikecore.model.Threshold;

/** Stochastic binary STDP inside the engine: 1-bit weights switch both ways, to the same bits on any thread count. */
class BinaryStdpEngineTest {

    @Test
    void binarySynapsesSwitchBothWaysAndTheSameOnAnyThreadCount() {
        NeuronModel lif = new NeuronModel("lif", List.of(StateSpec.of("v", Format.INT16).withLeak(4)
                .withReset(Reset.toValue(0)).withInputShift(6)), List.of(), Threshold.fixed(300), 2);
        int pre = 50;
        int post = 40;
        int[] w = new int[pre * post];
        for (int i = 0; i < w.length; i++) {
            w[i] = (int) (CounterRng.bits(7, 2, 0, i) >>> 63); // 0 or 1, half each
        }
        Network net = new Network(List.of(new BernoulliSource("in", pre, 0.2), new Population("out", post, lif)),
                List.of(Projection.of("w", "in", "out", new DenseConnectivity(pre, post, w), new Format(1, 0, false), 0)
                        .withPlasticity(Plasticity.Rule.of(new StochasticBinaryStdp(4, 16, 0.3, 0.2, 0.1), List.of(),
                                List.of()))),
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
        int on = 0;
        int off = 0;
        for (int k = 0; k < w.length; k++) {
            on += w[k] == 0 && weights[0][k] == 1 ? 1 : 0;
            off += w[k] == 1 && weights[0][k] == 0 ? 1 : 0;
        }
        assertThat(on).as("stored zeros switched on").isGreaterThan(20);
        assertThat(off).as("ones switched off").isGreaterThan(20);
    }
}
