package org.spikecore.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spikecore.data.LabeledImages;
import org.spikecore.train.net.Conv2d;
import org.spikecore.train.net.Dense;
import org.spikecore.train.net.Module;
import org.spikecore.train.net.Relu;
import org.spikecore.train.net.Sequential;
import org.spikecore.train.net.Shape;

class AnnConversionTest {

    /** 4×4 images in 4 classes: class c lights row c at an intensity that varies by image, plus a dim random speckle. */
    private static LabeledImages images(int n, long seed) {
        byte[][] pixels = new byte[n][16];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            for (int k = 0; k < 16; k++) {
                double u = org.spikecore.fixed.CounterRng.uniform(seed, i, 0, k);
                int v = k / 4 == labels[i] ? 120 + (int) (u * 135) : (int) (u * 60);
                pixels[i][k] = (byte) v;
            }
        }
        return new LabeledImages(4, 4, 4, pixels, labels);
    }

    private static AnnClassifier trained(NetworkArchitecture arch) {
        AnnClassifier ann = new AnnClassifier(arch, 4, 4, 4, new AnnClassifier.Config(16, 1e-2f, 1), 3);
        for (int e = 0; e < 15; e++) {
            ann.trainEpoch(images(128, 1));
        }
        return ann;
    }

    @Test
    void theReluMlpLearnsAndTheConvertedNetworkMatchesItAtModerateT() {
        AnnClassifier ann = trained(NetworkArchitecture.mlp(24));
        LabeledImages test = images(200, 2);
        double annAccuracy = ann.accuracy(test);
        assertThat(annAccuracy).isGreaterThanOrEqualTo(0.95);
        Sequential snn = new Sequential(AnnConversion.convert(ann, ann.activationScales(images(128, 1), 99.9), 1), Loss.CE_COUNTS,
                new Optimizer.AdamSpec(1e-4f));
        int[][] p = AnnConversion.predict(snn, test, AnnConversion.Coding.CURRENT, new int[] {4, 64}, 7);
        int[] annClasses = ann.predict(test);
        double agreeLong = agreement(p[1], annClasses);
        assertThat(agreeLong).isGreaterThanOrEqualTo(0.97);
        assertThat(AnnConversion.accuracy(p[1], test)).isCloseTo(annAccuracy, within(0.03));
        assertThat(agreeLong).isGreaterThanOrEqualTo(agreement(p[0], annClasses)); // longer T, closer to the ANN
    }

    private static double agreement(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return (double) same / a.length;
    }

    @Test
    void normalisedIntegrateAndFireRatesAreTheActivationsOverTheScaleWithinOneSpike() {
        AnnClassifier ann = trained(NetworkArchitecture.mlp(24));
        LabeledImages data = images(20, 4);
        double[] scales = ann.activationScales(data, 100);
        List<Module> snn = AnnConversion.convert(ann, scales, 1);
        int steps = 50;
        // the ANN's hidden ReLU outputs, and the converted hidden layer's spike counts over 50 steps of constant current
        for (int i = 0; i < data.size(); i++) {
            float[] x = AnnConversion.intensities(data, i);
            float[] a = x;
            for (Module m : ann.modules().subList(0, 3)) {
                a = m.runner(1, 1).forward(0, a);
            }
            Module.Runner flat = snn.get(0).runner(1, steps);
            Module.Runner dense = snn.get(1).runner(1, steps);
            Module.Runner neurons = snn.get(2).runner(1, steps);
            int[] counts = new int[a.length];
            for (int t = 0; t < steps; t++) {
                float[] s = neurons.forward(t, dense.forward(t, flat.forward(t, x)));
                for (int k = 0; k < s.length; k++) {
                    counts[k] += (int) s[k];
                }
            }
            for (int k = 0; k < a.length; k++) {
                double expected = Math.min(1, a[k] / scales[0]);
                assertThat((double) counts[k] / steps).as("image %d neuron %d", i, k).isCloseTo(expected, within(1.0 / steps + 1e-4));
            }
        }
        assertThat(scales[0]).isPositive();
    }

    @Test
    void percentileScalesAreOrderedAndTheMaximumIsTheLargestActivation() {
        AnnClassifier ann = trained(NetworkArchitecture.mlp(24));
        LabeledImages data = images(50, 5);
        double max = ann.activationScales(data, 100)[0];
        double p50 = ann.activationScales(data, 50)[0];
        float largest = 0;
        for (int i = 0; i < data.size(); i++) {
            float[] a = AnnConversion.intensities(data, i);
            for (Module m : ann.modules().subList(0, 3)) {
                a = m.runner(1, 1).forward(0, a);
            }
            for (float v : a) {
                largest = Math.max(largest, v);
            }
        }
        assertThat(max).isEqualTo(largest);
        assertThat(p50).isLessThan(max).isPositive();
    }

    @Test
    void hybridFineTuningLowersTheLossOfTheConvertedNetworkAtSmallT() {
        AnnClassifier ann = new AnnClassifier(NetworkArchitecture.mlp(16), 4, 4, 4, new AnnClassifier.Config(16, 1e-2f, 1), 3);
        ann.trainEpoch(images(64, 1)); // barely trained: room to improve
        int steps = 4;
        Sequential snn = new Sequential(AnnConversion.convert(ann, ann.activationScales(images(64, 1), 99.9), steps),
                Loss.CE_COUNTS, new Optimizer.AdamSpec(5e-3f));
        double first = AnnConversion.fineTune(snn, images(128, 1), AnnConversion.Coding.RATE, steps, 1, 16, 9);
        double later = AnnConversion.fineTune(snn, images(128, 1), AnnConversion.Coding.RATE, steps, 4, 16, 9);
        assertThat(later).isLessThan(first);
    }

    @Test
    void theCnnConvertsAndItsConvolutionFanOutCountsEveryConnectionOnce() {
        NetworkArchitecture arch = new NetworkArchitecture("cnn", List.of(new NetworkArchitecture.ConvLayer(3, 3, 1, 1),
                new NetworkArchitecture.DenseLayer(8)));
        List<Module> modules = arch.modules(new Shape(1, 4, 4), 4, 1, Relu::new);
        long[] fan = arch.fanOut(modules, 0);
        // 3×3 kernel, padding 1 on 4×4: a corner pixel reaches 4 output positions, an edge one 6, an inner one 9; 3 channels each
        assertThat(fan[0]).isEqualTo(12);
        assertThat(fan[1]).isEqualTo(18);
        assertThat(fan[5]).isEqualTo(27);
        long connections = 0;
        Conv2d conv = (Conv2d) modules.get(0);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                connections += 3L * windows(r) * windows(c); // output positions whose window holds (r, c)
            }
        }
        assertThat(Arrays.stream(fan).sum()).isEqualTo(connections);
        assertThat(conv.outShape()).isEqualTo(new Shape(3, 4, 4));
        assertThat(arch.fanOut(modules, 1)).containsOnly(8L).hasSize(48);
        AnnClassifier ann = new AnnClassifier(arch, 4, 4, 4, new AnnClassifier.Config(16, 1e-2f, 1), 3);
        for (int e = 0; e < 10; e++) {
            ann.trainEpoch(images(128, 1));
        }
        LabeledImages test = images(100, 2);
        assertThat(ann.accuracy(test)).isGreaterThanOrEqualTo(0.9);
        Sequential snn = new Sequential(AnnConversion.convert(ann, ann.activationScales(images(128, 1), 99.9), 1), Loss.CE_COUNTS,
                new Optimizer.AdamSpec(1e-4f));
        int[] p = AnnConversion.predict(snn, test, AnnConversion.Coding.CURRENT, new int[] {64}, 7)[0];
        assertThat(agreement(p, ann.predict(test))).isGreaterThanOrEqualTo(0.95);
    }

    /** Output positions p of a 3-wide kernel, stride 1, padding 1, over 4 positions whose window covers position r. */
    private static int windows(int r) {
        int n = 0;
        for (int p = 0; p < 4; p++) {
            n += r >= p - 1 && r <= p + 1 ? 1 : 0;
        }
        return n;
    }

    @Test
    void operationCountsAreInputEventsTimesFanOut() {
        AnnClassifier ann = trained(NetworkArchitecture.mlp(24));
        LabeledImages data = images(10, 6);
        Sequential snn = new Sequential(AnnConversion.convert(ann, ann.activationScales(data, 99.9), 1), Loss.CE_COUNTS,
                new Optimizer.AdamSpec(1e-4f));
        double[] ops = AnnConversion.operationsPerImage(ann.architecture(), snn, data, AnnConversion.Coding.RATE, 8, 3);
        long inputSpikes = 0;
        for (int i = 0; i < data.size(); i++) {
            for (float v : AnnConversion.testInput(data, i, AnnConversion.Coding.RATE, 8, 3)) {
                inputSpikes += v != 0 ? 1 : 0;
            }
        }
        assertThat(ops[0]).isEqualTo(inputSpikes * 24.0 / data.size());
        assertThat(((Dense) NetworkArchitecture.weightModules(snn.modules()).get(1)).outShape().size()).isEqualTo(4);
    }

    @Test
    void theConvertedMlpRunsOnTheEngineAsInFloat() {
        AnnClassifier ann = trained(NetworkArchitecture.mlp(24));
        LabeledImages test = images(60, 8);
        Sequential snn = new Sequential(AnnConversion.convert(ann, ann.activationScales(images(128, 1), 99.9), 1), Loss.CE_COUNTS,
                new Optimizer.AdamSpec(1e-4f));
        int[] floatClasses = AnnConversion.predict(snn, test, AnnConversion.Coding.RATE, new int[] {32}, 5)[0];
        ConvertedDeployment.Result r = ConvertedDeployment.run(snn, test, 32, 5, floatClasses, 1);
        assertThat(r.agreement()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.accuracy()).isCloseTo(AnnConversion.accuracy(floatClasses, test), within(0.05));
        assertThat(Integer.bitCount(r.unitsPerOne())).isEqualTo(1);
        assertThat(r.synapticOpsPerImage()).isPositive();
    }
}
