package org.spikecore.train.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.train.Surrogate;
import org.spikecore.train.Wage;

/** State and error widths in the neuron layers of {@link Sequential} networks. */
class NeuronQuantizationTest {

    private static final SpikeFunction STEP = SpikeFunction.step(Surrogate.superSpike(5f));
    private static final int BATCH = 2;
    private static final int SIZE = 5;
    private static final int STEPS = 6;

    /** Every neuron model, 5 neurons per sample. */
    private static List<NeuronModule> layers() {
        Shape s = Shape.vector(SIZE);
        return List.of(new Lif(s, 0.8f, 0.5f, NeuronModule.Reset.SUBTRACT, true, STEP),
                new Lif(s, 0.8f, 0.5f, NeuronModule.Reset.ZERO, false, STEP),
                new CubaLif(s, 0.6f, 0.8f, 0.5f, NeuronModule.Reset.SUBTRACT, true, STEP),
                new RecurrentLif(SIZE, 0.7f, 0.5f, NeuronModule.Reset.SUBTRACT, true, STEP, 1.0, 3, 4),
                new Qpr(s, 0.75f, 0.875f, 0.875f, 1f, 0.9f, true, STEP));
    }

    /** Input currents in [−1.5, 2.5) with one sample's neuron 0 driven far below the state range at step 2. */
    private static float[][] currents() {
        float[][] x = new float[STEPS][BATCH * SIZE];
        java.util.Random r = new java.util.Random(11);
        for (float[] row : x) {
            for (int k = 0; k < row.length; k++) {
                row[k] = (float) (r.nextDouble() * 4 - 1.5);
            }
        }
        x[2][0] = -40f;
        return x;
    }

    @Test
    void membranesLieOnTheStateGridAndTheRecursionContinuesFromTheRoundedValue() {
        Wage wage = new Wage(0, 8, 0, 0);
        float grid = 2 * Wage.STATE_RANGE / 256;
        for (NeuronModule layer : layers()) {
            NeuronModule.NeuronRunner q = layer.runner(BATCH, STEPS, wage);
            float[][] x = currents();
            for (int t = 0; t < STEPS; t++) {
                q.forward(t, x[t]);
                for (float u : q.membrane(t)) {
                    assertThat(u / grid).as("%s step %d", layer.getClass().getSimpleName(), t).isEqualTo((float) Math.rint(u / grid));
                    assertThat(u).isBetween(-Wage.STATE_RANGE, Wage.STATE_RANGE - grid);
                }
            }
        }
        // a plain LIF by hand: U[t] = round(β·U[t−1] + I[t] − ϑ·s[t−1])
        Lif lif = (Lif) layers().get(0);
        NeuronModule.NeuronRunner q = lif.runner(BATCH, STEPS, wage);
        float[][] x = currents();
        float u = 0f;
        float s = 0f;
        for (int t = 0; t < STEPS; t++) {
            q.forward(t, x[t]);
            u = wage.quantizeState(0.8f * u + x[t][3] - 0.5f * s);
            s = u > 0.5f ? 1f : 0f;
            assertThat(q.membrane(t)[3]).isEqualTo(u);
        }
    }

    @Test
    void theGradientStopsWhereAStateWasClipped() {
        for (NeuronModule layer : List.of(layers().get(0), layers().get(2))) {
            NeuronModule.NeuronRunner q = layer.runner(BATCH, STEPS, new Wage(0, 8, 0, 0));
            NeuronModule.NeuronRunner f = layer.runner(BATCH, STEPS, Wage.FLOAT);
            float[][] x = currents();
            for (int t = 0; t < STEPS; t++) {
                q.forward(t, x[t]);
                f.forward(t, x[t]);
            }
            assertThat(f.membrane(2)[0]).isLessThan(-Wage.STATE_RANGE);
            assertThat(q.membrane(2)[0]).isEqualTo(-Wage.STATE_RANGE);
            float[] zero = new float[BATCH * SIZE];
            for (int t = STEPS - 1; t >= 0; t--) {
                float[] dMembrane = new float[BATCH * SIZE];
                java.util.Arrays.fill(dMembrane, 1f);
                float[] qg = q.backward(t, zero, dMembrane);
                float[] fg = f.backward(t, zero, dMembrane);
                if (t == 2) {
                    assertThat(qg[0]).as(layer.getClass().getSimpleName()).isZero();
                    assertThat(fg[0]).isNotZero();
                }
            }
        }
    }

    @Test
    void errorsAreRoundedPerSampleUnderTheirOwnScale() {
        Wage wage = new Wage(0, 0, 4, 0);
        for (NeuronModule layer : layers()) {
            NeuronModule.NeuronRunner q = layer.runner(BATCH, STEPS, wage);
            NeuronModule.NeuronRunner f = layer.runner(BATCH, STEPS, Wage.FLOAT);
            float[][] x = currents();
            for (int t = 0; t < STEPS; t++) {
                q.forward(t, x[t]);
                f.forward(t, x[t]);
            }
            // a loss on the last step's membrane only (sample 1's terms 1/1000 of sample 0's): the
            // quantized layer's errors are the float ones rounded, sample by sample
            float[] dMembrane = new float[BATCH * SIZE];
            for (int k = 0; k < SIZE; k++) {
                dMembrane[k] = 0.3f + 0.1f * k;
                dMembrane[SIZE + k] = dMembrane[k] / 1000f;
            }
            float[] qg = lastStepErrors(layer, q, dMembrane);
            float[] expected = lastStepErrors(layer, f, dMembrane);
            wage.quantizeErrors(expected, 0, SIZE);
            wage.quantizeErrors(expected, SIZE, SIZE);
            assertThat(qg).as(layer.getClass().getSimpleName()).containsExactly(expected);
            assertThat(qg[SIZE]).isNotZero(); // one scale for both samples would round sample 1 to 0
        }
    }

    /**
     * dL/dU at the last step, read from the layer's input gradient: the same step for the membrane
     * models, two steps earlier for Q/P/R (its input reaches U through two traces).
     */
    private static float[] lastStepErrors(NeuronModule layer, NeuronModule.NeuronRunner r, float[] dMembrane) {
        float[] zero = new float[BATCH * SIZE];
        float[] g = r.backward(STEPS - 1, zero, dMembrane);
        if (layer instanceof Qpr) {
            r.backward(STEPS - 2, zero, null);
            g = r.backward(STEPS - 3, zero, null);
        }
        return g;
    }
}
