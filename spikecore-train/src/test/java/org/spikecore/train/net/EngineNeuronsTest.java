package org.spikecore.train.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spikecore.model.NeuronPresets;
import org.spikecore.train.Surrogate;
import org.spikecore.train.Wage;

class EngineNeuronsTest {

    private static final SpikeFunction STEP = SpikeFunction.step(Surrogate.superSpike(10f));
    private static final Shape SHAPE = Shape.vector(3);

    @Test
    void lifPresetsBecomeLifLayersWithTheirDecayThresholdAndReset() {
        assertThat(EngineNeurons.layer(NeuronPresets.lif(3, 4096, true), SHAPE, 4096, STEP))
                .isEqualTo(new Lif(SHAPE, 0.875f, 1f, NeuronModule.Reset.SUBTRACT, true, STEP));
        assertThat(EngineNeurons.layer(NeuronPresets.lif(2, 2048, false), SHAPE, 4096, STEP))
                .isEqualTo(new Lif(SHAPE, 0.75f, 0.5f, NeuronModule.Reset.ZERO, true, STEP));
    }

    @Test
    void theFirstOrderSynapsePresetBecomesCubaLifAndQprBecomesQpr() {
        assertThat(EngineNeurons.layer(NeuronPresets.lifFirstOrderSynapse(3, 2, 0, 1024), SHAPE, 1024, STEP))
                .isEqualTo(new CubaLif(SHAPE, 0.75f, 0.875f, 1f, NeuronModule.Reset.ZERO, true, STEP));
        // the pattern task's neuron: alpha 1 - 2^-2, beta = gamma = 1 - 2^-3, threshold 0.9, jump 1
        assertThat(EngineNeurons.layer(NeuronPresets.qpr(2, 3, 3, 3686, 4096), SHAPE, 4096, STEP))
                .isEqualTo(new Qpr(SHAPE, 0.75f, 0.875f, 0.875f, 1f, 3686 / 4096f, true, STEP));
    }

    @Test
    void aLayerFromAPresetIntegratesAsTheEnginesEquationSays() {
        // v[t] = 0.875 v[t-1] + 0.25, spike at v >= 1 then v -= 1: first spike when 0.25·(1 − 0.875^n)/0.125 >= 1, n = 6
        NeuronModule lif = EngineNeurons.layer(NeuronPresets.lif(3, 4096, true), Shape.vector(1), 4096, STEP);
        NeuronModule.NeuronRunner r = lif.runner(1, 10, Wage.FLOAT);
        int first = -1;
        for (int t = 0; t < 10 && first < 0; t++) {
            if (r.forward(t, new float[] {0.25f})[0] > 0.5f) {
                first = t;
            }
        }
        assertThat(first).isEqualTo(5); // the sixth step, counting from 0
    }

    @Test
    void whatTheFloatLayersDoNotModelIsNamed() {
        assertThatThrownBy(() -> EngineNeurons.layer(NeuronPresets.lifFirstOrderSynapse(3, 2, 1, 1024), SHAPE, 1024, STEP))
                .hasMessageContaining("'lif-syn1' has no float layer").hasMessageContaining("its structure");
        assertThatThrownBy(() -> EngineNeurons.layer(NeuronPresets.loihiCuba(100, 200, 10, 5), SHAPE, 64, STEP))
                .hasMessageContaining("'loihi-cuba'").hasMessageContaining("bias, noise, input shift or initial value");
        assertThatThrownBy(() -> EngineNeurons.layer(NeuronPresets.dualCompartment(3, 2, 1, 100, 10), SHAPE, 64, STEP))
                .hasMessageContaining("'lif-2comp' has no float layer");
        assertThatThrownBy(() -> EngineNeurons.layer(NeuronPresets.lif(3, 4096, true), SHAPE, 0, STEP))
                .hasMessageContaining("units per 1.0 must be positive");
    }
}
