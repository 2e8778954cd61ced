package org.spikecore.io.nir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikecore.SpikecoreException;
import org.spikecore.io.npy.NpyArray;
import org.spikecore.io.npy.NpyType;

/**
 * One neuron worked by hand under each convention, parameters as snnTorch's exporter writes them
 * (dt = 1e-4, α = β = 0.5: τ = 2e-4, R = τ/dt = 2, w_in = τ_syn/dt = 2), input 1, 1, 1, 0, 0, 0.
 */
class NirConventionTest {

    static final double DT = 1e-4;
    static final float[] INPUT = {1, 1, 1, 0, 0, 0};

    static NpyArray one(double v) {
        return new NpyArray(NpyType.FLOAT64, new int[] {1}, new double[] {v});
    }

    static float[] spikes(NirNode neuron, NirConvention c) {
        NirNode.NirGraph g = new NirNode.NirGraph(Map.of("input", new NirNode.Input(List.of(1)), "n", neuron, "output",
                new NirNode.Output(List.of(1))), List.of(new NirNode.Edge("input", "n"), new NirNode.Edge("n", "output")));
        float[][] x = new float[INPUT.length][];
        for (int t = 0; t < x.length; t++) {
            x[t] = new float[] {INPUT[t]};
        }
        float[][] y = NirSimulation.compile(g, DT, c).run(x, 1).output();
        float[] s = new float[y.length];
        for (int t = 0; t < y.length; t++) {
            s[t] = y[t][0];
        }
        return s;
    }

    static final NirNode CUBA = new NirNode.CubaLIF(one(2e-4), one(2e-4), one(2), one(0), one(1), one(0), one(2));
    static final NirNode LIF = new NirNode.LIF(one(2e-4), one(2), one(0), one(1), one(0));

    @Test
    void synapticsDelayedZeroResetLosesTheStepAfterASpike() {
        // syn 1, 1.5, 1.75; mem 1, 2 (spike), then reset from the previous membrane: 0 instead of 1 + 1.75
        assertThat(spikes(CUBA, NirConvention.SNNTORCH)).containsExactly(0, 1, 0, 0, 0, 0);
        // forward Euler resets at once: the membrane restarts from 0 + 1.75 and spikes again
        assertThat(spikes(CUBA, NirConvention.EULER)).containsExactly(0, 1, 1, 0, 0, 0);
        // subtract: 2, then 0.5·2 + 1.75 − 1 = 1.75 (spike), then 0.875 + 0.875 − 1 = 0.75
        assertThat(spikes(CUBA, NirConvention.SNNTORCH_SUBTRACT)).containsExactly(0, 1, 1, 0, 0, 0);
    }

    @Test
    void leakysZeroResetIsForwardEulersAndTheComparisonIsStrict() {
        // v 1 (not > 1), 1.5 (spike), then 0 + 1 = 1 (not > 1), 0.5, ...
        assertThat(spikes(LIF, NirConvention.SNNTORCH)).containsExactly(0, 1, 0, 0, 0, 0);
        assertThat(spikes(LIF, NirConvention.EULER)).containsExactly(0, 1, 0, 0, 0, 0);
        // subtract: 1.5 (spike), 0.75 + 1 − 1 = 0.75, ...
        assertThat(spikes(LIF, NirConvention.SNNTORCH_SUBTRACT)).containsExactly(0, 1, 0, 0, 0, 0);
    }

    @Test
    void aRecurrentAffineAddsItsBiasFromTheFirstStep() {
        // LI with τ = dt and R = 1: v = x; the recurrence n → a → n has weight 0 and bias 0.5, so v = x + 0.5 from step 0 on,
        // as snnTorch's recurrent Linear of the initial zero spikes gives its bias
        NirNode.NirGraph g = new NirNode.NirGraph(Map.of("input", new NirNode.Input(List.of(1)), "n",
                new NirNode.LI(one(DT), one(1), one(0)), "a", new NirNode.Affine(new NpyArray(NpyType.FLOAT32, new int[] {1, 1}, new double[1]),
                        new NpyArray(NpyType.FLOAT32, new int[] {1}, new double[] {0.5})), "output", new NirNode.Output(List.of(1))),
                List.of(new NirNode.Edge("input", "n"), new NirNode.Edge("n", "a"), new NirNode.Edge("a", "n"), new NirNode.Edge("n", "output")));
        float[][] y = NirSimulation.compile(g, DT, NirConvention.EULER).run(new float[][] {{0}, {1}, {0}}, 1).output();
        assertThat(new float[] {y[0][0], y[1][0], y[2][0]}).containsExactly(0.5f, 1.5f, 0.5f);
    }

    @Test
    void snnTorchConventionsRefuseALeakPotential() {
        NirNode leaky = new NirNode.LIF(one(2e-4), one(2), one(0.1), one(1), one(0));
        assertThatThrownBy(() -> spikes(leaky, NirConvention.SNNTORCH)).isInstanceOf(SpikecoreException.class)
                .hasMessageContaining("node n (LIF): v_leak is 0.1");
        assertThat(spikes(leaky, NirConvention.EULER)).hasSize(6);
    }
}
