package org.spikecore.cli.demo;

import java.io.PrintWriter;
import java.util.List;
import org.spikecore.cli.experiments.ContinualExperiment;
import org.spikecore.cli.experiments.DiehlCookExperiment;
import org.spikecore.data.LabeledImages;

/**
 * Continual learning in a few seconds: 25 Diehl &amp; Cook neurons learn the embedded digits 0, 1
 * and 2 one class after another (20 images each, no replay), by pair STDP and by ASP; after each
 * stage, labels from 5 images and the mean accuracy on 10 test images of each class seen (the full
 * run: {@code ./spikecore run continual}).
 */
public final class ContinualDemo extends TextSection {

    private static final int CLASSES = 3;

    @Override
    public String title() {
        return "continual learning, ASP against STDP (Panda et al. 2017, embedded digits)";
    }

    @Override
    void show(PrintWriter out, long seed) {
        LabeledImages all = ImageClassificationDemo.digits();
        List<LabeledImages> train = ContinualExperiment.perClass(all, 0, 20, false, "training").subList(0, CLASSES);
        List<LabeledImages> labelling = ContinualExperiment.perClass(all, 0, 5, false, "labelling").subList(0, CLASSES);
        List<LabeledImages> test = ContinualExperiment.perClass(all, 0, 10, true, "test").subList(0, CLASSES);
        out.printf("   25 neurons, digits 0, 1, 2 one after another (20 each, 350 ms shown, 150 ms rest); mean accuracy on the classes"
                + " seen after each stage:%n");
        for (ContinualExperiment.Rule rule : ContinualExperiment.Rule.values()) {
            long t0 = System.nanoTime();
            ContinualExperiment.Outcome o = ContinualExperiment.learnInStages(rule, ContinualExperiment.ASP, train, labelling, test, 25,
                    ContinualExperiment.THETA_PLUS,
                    DiehlCookExperiment.Schedule.PAPER, seed, new PrintWriter(java.io.Writer.nullWriter()));
            StringBuilder line = new StringBuilder();
            for (ContinualExperiment.Stage s : o.stages()) {
                line.append(String.format(" %5.1f %%", 100 * s.meanAccuracy()));
            }
            out.printf("   %-4s%s  (%.1f s)%n", rule.name(), line, (System.nanoTime() - t0) / 1e9);
        }
    }
}
