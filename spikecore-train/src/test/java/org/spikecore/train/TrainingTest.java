package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrainingTest {

    @Test
    void surrogatesHaveTheirShapes() {
        Surrogate ss = Surrogate.superSpike(10f);
        assertThat(ss.derivative(0f)).isEqualTo(1f);
        assertThat(ss.derivative(0.1f)).isCloseTo(0.25f, within(1e-6f)); // 1/(1+1)^2
        assertThat(ss.derivative(-0.1f)).isEqualTo(ss.derivative(0.1f));
        assertThat(new Surrogate(Surrogate.Kind.FAST_SIGMOID, 4f).derivative(0f)).isEqualTo(4f);
        assertThat(new Surrogate(Surrogate.Kind.ARCTAN, 2f).derivative(0f)).isEqualTo(1f);
        Surrogate box = new Surrogate(Surrogate.Kind.BOXCAR, 1f);
        assertThat(box.derivative(0.49f)).isEqualTo(1f);
        assertThat(box.derivative(0.51f)).isZero();
    }

    @Test
    void vanRossumIsZeroForIdenticalRastersAndCountsAMissingSpike() {
        VanRossum vr = new VanRossum(0.8f);
        float[] a = new float[10 * 2];
        a[3 * 2] = 1f;
        assertThat(vr.distance(a, a, 10, 2)).isZero();
        float[] none = new float[20];
        // one spike filtered: 1, .8, .64, ... over 7 steps; Σ squares = (1 − .64^7)/(1 − .64); D = sqrt(Σ·0.2)
        double sum = 0;
        for (int k = 0; k < 7; k++) {
            sum += Math.pow(0.64, k);
        }
        assertThat(vr.distance(a, none, 10, 2)).isCloseTo(Math.sqrt(sum * 0.2), within(1e-5));
        // gradient of ½Σ(x̃−ỹ)² for the extra spike at t = 3: Σ_{t>=3} 0.8^{t−3}·x̃(t) = Σ 0.64^k
        float[] g = vr.gradient(a, none, 10, 2);
        assertThat(g[3 * 2]).isCloseTo((float) sum, within(1e-5f));
        assertThat(g[3 * 2 + 1]).isZero();
    }

    @Test
    void f1CountsHitsWithinOneStep() {
        float[] target = new float[10];
        float[] out = new float[10];
        target[2] = 1f;
        target[6] = 1f;
        out[3] = 1f; // hits t=2 within ±1
        out[9] = 1f; // misses
        // recall 1/2, precision 1/2
        assertThat(SpikeTiming.f1(out, target, 10, 1, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(SpikeTiming.f1(target, target, 10, 1, 0)).isEqualTo(1.0);
    }

    @Test
    void traceLayerWeightGradientMatchesFiniteDifferencesOfTheTraceSum() {
        // With the threshold far above reach no neuron spikes, U = W·p is linear, and the surrogate at a
        // fixed distance scales the gradient: dL/dW_ij for L = Σ_t g_i(t)·U_i(t) must equal Σ_t g_i(t)·p_j(t).
        int in = 3;
        int out = 2;
        int steps = 12;
        float[] w = {0.1f, -0.2f, 0.3f, 0.05f, 0.0f, -0.1f};
        TraceLayer layer = new TraceLayer(in, out, w.clone(), 0.75f, 0.875f, 0.875f, 1f, 1e6f, new Surrogate(Surrogate.Kind.BOXCAR, 1e-9f));
        float[] spikesIn = new float[steps * in];
        spikesIn[0] = 1f;
        spikesIn[1 * in + 2] = 1f;
        spikesIn[4 * in + 1] = 1f;
        layer.forward(spikesIn, steps);
        float[] upstream = new float[steps * out];
        for (int k = 0; k < upstream.length; k++) {
            upstream[k] = 0.1f * (k % 5) - 0.2f;
        }
        float[] grad = new float[w.length];
        layer.backward(upstream, grad, false);
        // independent computation of the traces
        double[][] p = new double[steps][in];
        double[] q = new double[in];
        double[] pp = new double[in];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < in; j++) {
                p[t][j] = pp[j];
                double np = 0.875 * pp[j] + q[j];
                q[j] = 0.75 * q[j] + spikesIn[t * in + j];
                pp[j] = np;
            }
        }
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) {
                double expected = 0;
                for (int t = 0; t < steps; t++) {
                    expected += upstream[t * out + i] * p[t][j]; // boxcar of width 1e9 is 1 everywhere
                }
                assertThat((double) grad[i * in + j]).isCloseTo(expected, within(1e-5));
            }
        }
    }

    @Test
    void inputGradientIsTheAdjointOfTheTraces() {
        // dL/ds_in(t) for L = Σ_t Σ_i g_i(t)·U_i(t): perturbing one input spike by ε changes L by ε·gradIn.
        int in = 2;
        int out = 2;
        int steps = 10;
        float[] w = {0.3f, -0.5f, 0.2f, 0.4f};
        float[] upstream = new float[steps * out];
        for (int k = 0; k < upstream.length; k++) {
            upstream[k] = (k % 3) - 1f;
        }
        float[] base = new float[steps * in];
        base[2 * in] = 1f;
        TraceLayer layer = new TraceLayer(in, out, w, 0.75f, 0.875f, 0.875f, 0f, 1e6f, new Surrogate(Surrogate.Kind.BOXCAR, 1e-9f));
        layer.forward(base, steps);
        float[] gradIn = layer.backward(upstream, new float[w.length], true);
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < in; j++) {
                float[] plus = base.clone();
                plus[t * in + j] += 1f;
                double delta = linearLoss(w, plus, upstream, steps, in, out) - linearLoss(w, base, upstream, steps, in, out);
                assertThat((double) gradIn[t * in + j]).as("t %d j %d", t, j).isCloseTo(delta, within(1e-4));
            }
        }
    }

    private static double linearLoss(float[] w, float[] spikesIn, float[] g, int steps, int in, int out) {
        double[] q = new double[in];
        double[] p = new double[in];
        double l = 0;
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < out; i++) {
                double u = 0;
                for (int j = 0; j < in; j++) {
                    u += w[i * in + j] * p[j];
                }
                l += g[t * out + i] * u;
            }
            for (int j = 0; j < in; j++) {
                double np = 0.875 * p[j] + q[j];
                q[j] = 0.75 * q[j] + spikesIn[t * in + j];
                p[j] = np;
            }
        }
        return l;
    }

    @Test
    void smallPatternTaskLearnsAndIsDeterministic() {
        PatternRetention.Config small = new PatternRetention.Config(140, 80, 50, 50, 0.05, 10f, 3e-3f, 0.8f, 0.3);
        PatternRetention a = new PatternRetention(small, 7);
        PatternRetention b = new PatternRetention(small, 7);
        PatternRetention.Epoch first = a.trainEpoch();
        b.trainEpoch();
        PatternRetention.Epoch lastA = null;
        PatternRetention.Epoch lastB = null;
        for (int e = 1; e < 600; e++) {
            lastA = a.trainEpoch();
            lastB = b.trainEpoch();
        }
        assertThat(lastA).isEqualTo(lastB);
        assertThat(a.lastOutput()).isEqualTo(b.lastOutput());
        assertThat(lastA.vrDistance()).isLessThan(0.6 * first.vrDistance());
        assertThat(lastA.f1()).isGreaterThan(0.6);
        float[] target = a.target();
        int spikes = 0;
        for (float s : target) {
            spikes += (int) s;
        }
        assertThat(spikes).isGreaterThan(50);
    }
}
