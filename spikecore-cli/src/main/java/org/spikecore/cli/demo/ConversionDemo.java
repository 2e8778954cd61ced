package org.spikecore.cli.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.spikecore.data.LabeledImages;
import org.spikecore.train.AnnClassifier;
import org.spikecore.train.AnnConversion;
import org.spikecore.train.Loss;
import org.spikecore.train.LiquidStateMachine;
import org.spikecore.train.NetworkArchitecture;
import org.spikecore.train.Optimizer;
import org.spikecore.train.RidgeReadout;
import org.spikecore.train.SpikePatternTask;
import org.spikecore.train.net.Sequential;

/**
 * ANN→SNN conversion on the embedded digits (a ReLU MLP converted to integrate-and-fire neurons,
 * accuracy at two durations T) and a liquid state machine on the engine against a readout on the raw
 * input.
 */
public final class ConversionDemo extends TextSection {

    @Override
    public String title() {
        return "ANN->SNN conversion and a liquid state machine";
    }

    @Override
    void show(PrintWriter out, long seed) {
        LabeledImages all = ImageClassificationDemo.digits();
        LabeledImages train = all.slice(0, 800);
        LabeledImages test = all.slice(800, all.size());
        AnnClassifier ann = new AnnClassifier(NetworkArchitecture.mlp(128), 28, 28, 10, new AnnClassifier.Config(32, 2e-3f, 2), seed);
        for (int e = 0; e < 6; e++) {
            ann.trainEpoch(train);
        }
        double[] scales = ann.activationScales(train, 99.9);
        Sequential snn = new Sequential(AnnConversion.convert(ann, scales, 1), Loss.CE_COUNTS, new Optimizer.AdamSpec(1e-4f))
                .withThreads(2);
        int[][] p = AnnConversion.predict(snn, test, AnnConversion.Coding.CURRENT, new int[] {4, 32}, seed);
        out.printf("   784-128-10 ReLU ANN on %d digits, 6 epochs: test accuracy %.1f %% on %d%n", train.size(), 100 * ann.accuracy(test),
                test.size());
        out.printf("   converted to integrate-and-fire (99.9th-percentile normalisation, reset by subtraction): %.1f %% at T = 4, "
                + "%.1f %% at T = 32 (./spikecore run conversion for T up to 256, hybrid fine-tuning and the engine)%n",
                100 * AnnConversion.accuracy(p[0], test), 100 * AnnConversion.accuracy(p[1], test));

        SpikePatternTask task = new SpikePatternTask(5, 40, 40, 20, 0.05, 3, seed);
        int n = 500;
        List<boolean[][]> trainSamples = new ArrayList<>();
        List<boolean[][]> testSamples = new ArrayList<>();
        int[] yTrain = new int[n];
        int[] yTest = new int[150];
        for (int i = 0; i < n + yTest.length; i++) {
            if (i < n) {
                trainSamples.add(task.sample(i));
                yTrain[i] = task.label(i);
            } else {
                testSamples.add(task.sample(i));
                yTest[i - n] = task.label(i);
            }
        }
        LiquidStateMachine lsm = LiquidStateMachine.standard(200, seed);
        double reservoir = RidgeReadout.fit(lsm.features(trainSamples, 20), yTrain, 5, 10).accuracy(lsm.features(testSamples, 20), yTest);
        double raw = RidgeReadout.fit(LiquidStateMachine.inputFeatures(trainSamples, 20), yTrain, 5, 10)
                .accuracy(LiquidStateMachine.inputFeatures(testSamples, 20), yTest);
        out.printf("   liquid state machine (200 integer LIF neurons, 80/20 E/I, on the engine): which of 5 jittered spike patterns came "
                + "before a 20-tick shared distractor; ridge readout of the last 20 ticks: reservoir %.1f %%, raw input %.1f %% "
                + "(chance 20 %%; ./spikecore run lsm)%n", 100 * reservoir, 100 * raw);
    }
}
