package org.spikecore.train.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.train.LifNetwork;
import org.spikecore.train.Optimizer;
import org.spikecore.train.Surrogate;
import org.spikecore.train.Wage;

class SequentialTest {

    private static final Shape IMAGE = new Shape(1, 6, 6);

    /** conv 3x3 (2 channels, padding 1) → pool → flatten → dense → CUBA LIF → dense → recurrent LIF. */
    private static List<Module> convNet(SpikeFunction f, NeuronModule.Reset reset, boolean detach, boolean average, long seed) {
        Conv2d conv = new Conv2d(IMAGE, 2, 3, 1, 1, 2.0, seed, 10);
        Pool pool = new Pool(conv.outShape(), 2, average);
        Flatten flat = new Flatten(pool.outShape());
        Dense d1 = new Dense(flat.outShape().size(), 5, 2.0, seed, 20);
        CubaLif cuba = new CubaLif(Shape.vector(5), 0.6f, 0.8f, 0.5f, reset, detach, f);
        Dense d2 = new Dense(5, 4, 2.0, seed, 30);
        RecurrentLif rec = new RecurrentLif(4, 0.7f, 0.5f, reset, detach, f, 1.0, seed, 40);
        return List.of(conv, pool, flat, d1, cuba, d2, rec);
    }

    /** conv with stride 2 and no padding → flatten → dense → LIF. */
    private static List<Module> stridedNet(SpikeFunction f, NeuronModule.Reset reset, long seed) {
        Conv2d conv = new Conv2d(IMAGE, 3, 2, 2, 0, 2.0, seed, 50);
        Flatten flat = new Flatten(conv.outShape());
        Dense d = new Dense(flat.outShape().size(), 3, 2.0, seed, 60);
        return List.of(conv, flat, d, new Lif(Shape.vector(3), 0.85f, 0.5f, reset, false, f));
    }

    /** dense → Q/P/R → dense → Q/P/R, the pattern task's neurons with the traces after the weights. */
    private static List<Module> qprNet(SpikeFunction f, boolean detach, long seed) {
        Flatten flat = new Flatten(IMAGE);
        Dense d1 = new Dense(IMAGE.size(), 6, 3.0, seed, 70);
        Qpr h = new Qpr(Shape.vector(6), 0.75f, 0.875f, 0.875f, 1f, 0.9f, detach, f);
        Dense d2 = new Dense(6, 4, 3.0, seed, 80);
        Qpr o = new Qpr(Shape.vector(4), 0.75f, 0.875f, 0.875f, 1f, 0.9f, detach, f);
        return List.of(flat, d1, h, d2, o);
    }

    private static float[][] input(int batch, int steps, int size, long seed) {
        return LifNetwork.bernoulliInput(batch, steps, size, 0.4, seed);
    }

    /**
     * With smooth spikes and the reset kept in the graph, BPTT is the exact gradient of the loss, so
     * it must match central differences. Everything is float32: with ε = 3e−3 the truncation error is
     * ε²/6 of the third derivative (at ε = 1e−2 a bias feeding 36 positions was off by 5 %, at 1e−3
     * by 0.04 %) and the rounding error of the loss difference about 6e−8·|L|/ε ≈ 2e−4 for |L| ≈ 10,
     * hence the tolerance 1e−3 + 1 % of the gradient. The Q/P/R nets, steeper, take ε = 1e−3 (at
     * 3e−3 one weight was off by 1.6 %, at 1e−3 by 0.04 %).
     */
    private static void checkGradients(List<Module> modules, LifNetwork.Loss loss, int steps, float eps) {
        Sequential net = new Sequential(modules, loss, new Optimizer.AdamSpec(1e-3f));
        float[][] x = input(3, steps, modules.get(0).inShape().size(), 77);
        int[] y = {0, 2, 1};
        Sequential.Gradients g = net.gradients(x, y, steps);
        int p = 0;
        int checked = 0;
        for (Module m : modules) {
            for (float[] param : m.parameters()) {
                float[] grad = g.gradients().get(p++);
                for (int k = 0; k < param.length; k += Math.max(1, param.length / 7)) {
                    float saved = param[k];
                    param[k] = saved + eps;
                    double up = net.gradients(x, y, steps).loss();
                    param[k] = saved - eps;
                    double down = net.gradients(x, y, steps).loss();
                    param[k] = saved;
                    double numeric = (up - down) / (2 * eps);
                    assertThat((double) grad[k]).as("%s %s parameter %d of %d (array %d)", loss, m.getClass().getSimpleName(), k, param.length, p - 1)
                            .isCloseTo(numeric, within(1e-3 + 0.01 * Math.abs(numeric)));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void theFirstDenseLayerSkipsTheInputGradientButKeepsItsOwnBitForBit() {
        Dense d = new Dense(7, 5, 1.0, 3, 1);
        Module.Runner full = d.runner(2, 2);
        Module.Runner lean = d.runner(2, 2);
        float[] x = {1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 1, 0, 1};
        float[] dy = {0.3f, -0.2f, 0.1f, 0.7f, -0.5f, 0.05f, 0.4f, -0.9f, 0.2f, 0.6f};
        for (Module.Runner r : List.of(full, lean)) {
            r.forward(0, x);
            r.forward(1, x);
        }
        full.backward(1, dy);
        full.backward(0, dy);
        lean.backwardParametersOnly(1, dy);
        lean.backwardParametersOnly(0, dy);
        assertThat(lean.gradients()[0]).isEqualTo(full.gradients()[0]);
        assertThat(lean.gradients()[1]).isEqualTo(full.gradients()[1]);
        assertThat(full.gradients()[1][0]).isEqualTo(2 * (0.3f + 0.05f), within(1e-6f)); // bias: dy summed over samples and steps
    }

    @Test
    void bpttMatchesFiniteDifferencesThroughEveryLayerAndNeuronModel() {
        SpikeFunction smooth = SpikeFunction.smooth(4f);
        for (LifNetwork.Loss loss : LifNetwork.Loss.values()) {
            checkGradients(convNet(smooth, NeuronModule.Reset.SUBTRACT, false, true, 3), loss, 8, 3e-3f);
        }
        checkGradients(convNet(smooth, NeuronModule.Reset.ZERO, false, false, 4), LifNetwork.Loss.CE_MEMBRANE, 8, 3e-3f);
        checkGradients(stridedNet(smooth, NeuronModule.Reset.ZERO, 5), LifNetwork.Loss.CE_COUNTS, 8, 3e-3f);
        checkGradients(stridedNet(smooth, NeuronModule.Reset.SUBTRACT, 6), LifNetwork.Loss.MSE_COUNTS, 8, 3e-3f);
        checkGradients(qprNet(smooth, false, 7), LifNetwork.Loss.CE_MEMBRANE, 10, 1e-3f);
        checkGradients(qprNet(smooth, false, 8), LifNetwork.Loss.MSE_COUNTS, 10, 1e-3f);
    }

    @Test
    void aReluNetworkAndASpikingNetworkWithARealValuedReadoutHaveExactGradients() {
        long seed = 13; // no pre-activation within ε of the kink (seed 11 has one, where differences are one-sided)
        Conv2d conv = new Conv2d(IMAGE, 3, 2, 2, 0, 2.0, seed, 90);
        Flatten flat = new Flatten(conv.outShape());
        Dense d1 = new Dense(flat.outShape().size(), 5, 2.0, seed, 92);
        Dense d2 = new Dense(5, 4, 2.0, seed, 94);
        checkGradients(List.of(conv, new Relu(conv.outShape()), flat, d1, new Relu(Shape.vector(5)), d2), LifNetwork.Loss.CE_COUNTS, 1,
                3e-3f);
        Dense e1 = new Dense(IMAGE.size(), 5, 2.0, seed, 96);
        Dense e2 = new Dense(5, 4, 2.0, seed, 98);
        checkGradients(List.of(new Flatten(IMAGE), e1, new Lif(Shape.vector(5), 1f, 0.5f, NeuronModule.Reset.SUBTRACT, false,
                SpikeFunction.smooth(4f)), e2), LifNetwork.Loss.CE_COUNTS, 6, 3e-3f);
    }

    @Test
    void outputsArePerStepAndTheirSumIsWhatTheLossReads() {
        Dense d = Dense.withoutBias(IMAGE.size(), 3, 1.0, 5, 1);
        Sequential net = new Sequential(List.of(new Flatten(IMAGE), d), LifNetwork.Loss.CE_COUNTS, new Optimizer.AdamSpec(1e-3f));
        float[][] x = input(2, 3, IMAGE.size(), 12);
        float[][] y = net.outputs(x, 3);
        float[] w = d.weightsByInput();
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 3; t++) {
                for (int i = 0; i < 3; i++) {
                    double expected = 0;
                    for (int j = 0; j < IMAGE.size(); j++) {
                        expected += x[b][t * IMAGE.size() + j] * w[j * 3 + i];
                    }
                    assertThat((double) y[b][t * 3 + i]).isCloseTo(expected, within(1e-5));
                }
            }
        }
    }

    /** The gradients of {@code modules} on a batch, keeping every step or recomputing segments of {@code segment} steps. */
    private static Sequential.Gradients gradientsWith(List<Module> modules, LifNetwork.Loss loss, Wage wage, int segment, int steps) {
        Sequential net = new Sequential(modules, loss, new Optimizer.AdamSpec(1e-3f)).withRecompute(segment);
        if (!wage.isFloat()) {
            net.withQuantization(wage, 3);
        }
        int in = modules.get(0).inShape().size();
        return net.gradients(input(5, steps, in, 21), new int[] {0, 1, 2, 1, 0}, steps);
    }

    @Test
    void recomputeThroughTimeGivesTheSameGradientsBitForBit() {
        SpikeFunction f = SpikeFunction.step(Surrogate.superSpike(5f));
        Wage w = new Wage(8, 8, 8, 0);
        Conv2d conv = new Conv2d(IMAGE, 3, 2, 2, 0, 2.0, 5, 90);
        Flatten flat = new Flatten(conv.outShape());
        Flatten qprIn = new Flatten(IMAGE);
        Dense q1 = new Dense(IMAGE.size(), 6, 3.0, 5, 70);
        Dense q2 = new Dense(6, 4, 3.0, 5, 80);
        List<List<Module>> nets = List.of(convNet(f, NeuronModule.Reset.SUBTRACT, false, false, 5),
                convNet(f, NeuronModule.Reset.ZERO, false, true, 6), stridedNet(f, NeuronModule.Reset.ZERO, 7), qprNet(f, false, 8),
                List.of(qprIn, q1, new Qpr(Shape.vector(6), 0.75f, 0.875f, 0.875f, 1f, 0.9f, true, f).withIntegerArithmetic(256), q2,
                        new Qpr(Shape.vector(4), 0.75f, 0.875f, 0.875f, 1f, 0.9f, true, f).withIntegerArithmetic(256)),
                List.of(conv, new Relu(conv.outShape()), flat, new Dense(flat.outShape().size(), 3, 2.0, 5, 92)));
        for (int k = 0; k < nets.size(); k++) {
            List<Module> net = nets.get(k);
            boolean integer = k == 4;
            LifNetwork.Loss loss = k == 5 ? LifNetwork.Loss.CE_COUNTS : k % 2 == 0 ? LifNetwork.Loss.CE_MEMBRANE : LifNetwork.Loss.MSE_COUNTS;
            for (Wage wage : integer ? List.of(Wage.FLOAT) : List.of(Wage.FLOAT, w)) {
                Sequential.Gradients all = gradientsWith(net, loss, wage, 0, 10);
                for (int segment : new int[] {1, 3, 4, 9}) {
                    Sequential.Gradients again = gradientsWith(net, loss, wage, segment, 10);
                    assertThat(again.loss()).as("net %d %s segment %d", k, wage, segment).isEqualTo(all.loss());
                    for (int a = 0; a < all.gradients().size(); a++) {
                        assertThat(again.gradients().get(a)).as("net %d %s segment %d array %d", k, wage, segment, a)
                                .isEqualTo(all.gradients().get(a));
                    }
                }
            }
        }
        assertThatThrownBy(() -> gradientsWith(nets.get(0), LifNetwork.Loss.CE_COUNTS, Wage.FLOAT, -1, 10))
                .hasMessageContaining("recompute segment must be positive");
    }

    @Test
    void trainingTowardsTargetRastersWithRecomputationTakesTheSameSteps() {
        SpikeFunction f = SpikeFunction.step(Surrogate.superSpike(5f));
        int steps = 12;
        float[][] x = input(2, steps, IMAGE.size(), 31);
        float[][] targets = input(2, steps, 4, 32);
        org.spikecore.train.VanRossum vr = new org.spikecore.train.VanRossum(0.8f);
        Sequential keep = new Sequential(qprNet(f, true, 9), LifNetwork.Loss.MSE_COUNTS, new Optimizer.AdamSpec(1e-2f));
        Sequential again = new Sequential(qprNet(f, true, 9), LifNetwork.Loss.MSE_COUNTS, new Optimizer.AdamSpec(1e-2f)).withRecompute(5);
        for (int step = 0; step < 3; step++) {
            assertThat(again.trainTowards(x, targets, steps, vr)).isEqualTo(keep.trainTowards(x, targets, steps, vr));
        }
        for (int m = 0; m < keep.modules().size(); m++) {
            assertThat(again.modules().get(m).parameters()).isDeepEqualTo(keep.modules().get(m).parameters());
        }
        assertThatThrownBy(() -> keep.trainTowards(x, new float[][] {targets[0]}, steps, vr)).hasMessageContaining("2 samples but 1");
    }

    @Test
    void oneAndTwoThreadsGiveTheSameBits() {
        SpikeFunction step = SpikeFunction.step(Surrogate.superSpike(5f));
        float[][] x = input(37, 10, IMAGE.size(), 8);
        int[] y = new int[37];
        for (int b = 0; b < y.length; b++) {
            y[b] = b % 4;
        }
        List<Module> a = convNet(step, NeuronModule.Reset.SUBTRACT, true, true, 9);
        List<Module> b = convNet(step, NeuronModule.Reset.SUBTRACT, true, true, 9);
        Sequential one = new Sequential(a, LifNetwork.Loss.CE_COUNTS, new Optimizer.AdamSpec(1e-2f));
        Sequential two = new Sequential(b, LifNetwork.Loss.CE_COUNTS, new Optimizer.AdamSpec(1e-2f)).withThreads(2);
        for (int r = 0; r < 3; r++) {
            assertThat(two.trainBatch(x, y, 10)).isEqualTo(one.trainBatch(x, y, 10));
        }
        for (int m = 0; m < a.size(); m++) {
            assertThat(b.get(m).parameters()).isDeepEqualTo(a.get(m).parameters());
        }
    }

    private static float[][] bars(int n, int steps, int[] y) {
        float[][] x = new float[n][steps * IMAGE.size()];
        float[][] noise = input(n, steps, IMAGE.size(), 31);
        for (int b = 0; b < n; b++) {
            y[b] = b % 2;
            for (int t = 0; t < steps; t++) {
                for (int r = 0; r < 6; r++) {
                    for (int c = 0; c < 6; c++) {
                        boolean bar = y[b] == 0 ? c == 2 || c == 3 : r == 2 || r == 3;
                        int k = t * IMAGE.size() + r * 6 + c;
                        x[b][k] = bar && noise[b][k] != 0f ? 1f : 0f;
                    }
                }
            }
        }
        return x;
    }

    private static Sequential barNet() {
        SpikeFunction step = SpikeFunction.step(Surrogate.superSpike(5f));
        Conv2d conv = new Conv2d(IMAGE, 4, 3, 1, 1, 1.5, 2, 10);
        Lif lif1 = new Lif(conv.outShape(), 0.8f, 0.5f, NeuronModule.Reset.SUBTRACT, true, step);
        Pool pool = new Pool(conv.outShape(), 2, false);
        Flatten flat = new Flatten(pool.outShape());
        Dense dense = new Dense(flat.outShape().size(), 2, 2.0, 2, 20);
        Lif out = new Lif(Shape.vector(2), 0.8f, 0.5f, NeuronModule.Reset.SUBTRACT, true, step);
        return new Sequential(List.of(conv, lif1, pool, flat, dense, out), LifNetwork.Loss.CE_COUNTS, new Optimizer.AdamSpec(2e-2f));
    }

    @Test
    void aSmallConvolutionalNetworkLearnsToTellAVerticalFromAHorizontalBarInFloatAndAtFourBitWeights() {
        int steps = 12;
        int n = 8;
        int[] y = new int[n];
        float[][] x = bars(n, steps, y);
        for (Wage wage : new Wage[] {Wage.FLOAT, new Wage(4, 0, 0, 8, Wage.WeightScale.MSE), new Wage(4, 8, 8, 8, Wage.WeightScale.MSE)}) {
            Sequential net = barNet();
            if (!wage.isFloat()) {
                net.withQuantization(wage, 5);
            }
            double first = net.trainBatch(x, y, steps);
            double last = first;
            for (int r = 0; r < 150; r++) {
                last = net.trainBatch(x, y, steps);
            }
            assertThat(last).as("%s", wage).isLessThan(0.05 * first);
            int[][] counts = net.infer(x, steps);
            for (int b = 0; b < n; b++) {
                assertThat(counts[b][y[b]]).as("%s sample %d", wage, b).isGreaterThan(counts[b][1 - y[b]]);
            }
            // events: the data's non-zeros, and the last layer's spikes are the output counts
            Sequential.Inference inference = net.inferWithEvents(x, steps);
            assertThat(inference.counts()).isDeepEqualTo(counts);
            int in = IMAGE.size();
            long[] perPixel = new long[in];
            for (float[] sample : x) {
                for (int i = 0; i < sample.length; i++) {
                    perPixel[i % in] += sample[i] != 0f ? 1 : 0;
                }
            }
            assertThat(inference.inputEvents()).isEqualTo(perPixel);
            int lastModule = net.modules().size() - 1;
            assertThat(inference.outputEvents().length).isEqualTo(net.modules().size());
            for (int i = 0; i < 2; i++) { // the last layer's events per neuron are its spike counts
                long spikes = 0;
                for (int[] c : counts) {
                    spikes += c[i];
                }
                assertThat(inference.outputEvents()[lastModule][i]).isEqualTo(spikes);
            }
            assertThat(inference.totalOutputEvents(lastModule)).isEqualTo(
                    java.util.Arrays.stream(counts).flatMapToInt(java.util.Arrays::stream).sum());
            assertThat(inference.totalInputEvents()).isEqualTo(java.util.Arrays.stream(perPixel).sum());
            if (!wage.isFloat()) {
                // 4-bit weights: at most 15 levels (±7 steps of the grid) per array
                for (Module m : net.modules()) {
                    for (float[] p : m.parameters()) {
                        assertThat(java.util.stream.IntStream.range(0, p.length).mapToDouble(i -> p[i]).distinct().count())
                                .isLessThanOrEqualTo(15);
                    }
                }
            }
        }
    }

    @Test
    void quantizedTrainingRepeatsAcrossThreadCounts() {
        int[] y = new int[20];
        float[][] x = bars(20, 8, y);
        Wage wage = new Wage(3, 6, 6, 6);
        Sequential one = barNet().withQuantization(wage, 3);
        Sequential two = barNet().withQuantization(wage, 3).withThreads(2);
        for (int r = 0; r < 4; r++) {
            assertThat(two.trainBatch(x, y, 8)).isEqualTo(one.trainBatch(x, y, 8));
        }
        for (int m = 0; m < one.modules().size(); m++) {
            assertThat(two.modules().get(m).parameters()).isDeepEqualTo(one.modules().get(m).parameters());
        }
    }

    @Test
    void shapesAreCheckedAndConvolutionSizesFollowStrideAndPadding() {
        Conv2d conv = new Conv2d(new Shape(3, 28, 28), 8, 5, 2, 2, 1.0, 1, 1);
        assertThat(conv.outShape()).isEqualTo(new Shape(8, 14, 14));
        assertThat(new Pool(conv.outShape(), 2, true).outShape()).isEqualTo(new Shape(8, 7, 7));
        SpikeFunction step = SpikeFunction.step(Surrogate.superSpike(5f));
        assertThatThrownBy(() -> new Sequential(List.of(conv, new Dense(100, 10, 1, 1, 1), new Lif(Shape.vector(10), 0.9f, 1f,
                NeuronModule.Reset.SUBTRACT, true, step)), LifNetwork.Loss.CE_COUNTS, new Optimizer.AdamSpec(1e-3f)))
                .hasMessageContaining("module 1 (Dense) takes 100 but module 0 gives 8x14x14");
        assertThatThrownBy(() -> new Sequential(List.of(new Dense(4, 2, 1, 1, 1)), LifNetwork.Loss.CE_MEMBRANE,
                new Optimizer.AdamSpec(1e-3f))).hasMessageContaining("must end in a neuron layer");
    }

    @Test
    void denseGatherEqualsTheMatrixProduct() {
        Dense d = new Dense(7, 5, 1.0, 3, 1);
        float[] x = {1, 0, 0, 1, 1, 0, 1, 0.5f, 0, 0, 0, 0, 2, 0};
        float[] y = d.runner(2, 1).forward(0, x);
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 5; i++) {
                float expected = d.bias[i];
                for (int j = 0; j < 7; j++) {
                    expected += d.wt[j * 5 + i] * x[b * 7 + j];
                }
                assertThat(y[b * 5 + i]).isCloseTo(expected, within(1e-6f));
            }
        }
    }
}
