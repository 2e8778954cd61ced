package org.spikecore.cli.demo;

import java.io.PrintWriter;
import org.spikecore.cli.experiments.DiehlCookExperiment;
import org.spikecore.data.LabeledImages;

/**
 * Diehl &amp; Cook's unsupervised STDP on the bit-accurate engine in a few seconds: 25 excitatory
 * neurons learn from 300 of the embedded digits, take labels on the same 300 and classify 200
 * others (the full run: {@code ./spikecore run diehl-cook}); then the same with 1-bit weights learning by
 * stochastic binary STDP ({@code --weight-bits 1}).
 */
public final class DiehlCookDemo extends TextSection {

    @Override
    public String title() {
        return "unsupervised STDP (Diehl & Cook 2015, embedded digits)";
    }

    @Override
    void show(PrintWriter out, long seed) {
        LabeledImages all = ImageClassificationDemo.digits();
        LabeledImages train = all.slice(0, 300);
        LabeledImages test = all.slice(800, all.size());
        int neurons = 25;
        long t0 = System.nanoTime();
        DiehlCookExperiment.Outcome o = DiehlCookExperiment.trainAndTest(train, train, test, neurons, 1, 64,
                DiehlCookExperiment.Schedule.PAPER, seed, new PrintWriter(java.io.Writer.nullWriter()));
        out.printf("   %d excitatory neurons, %d training digits (350 ms shown, 150 ms rest, 1 ms ticks), 8-bit weights by pair STDP:"
                + " test accuracy %.1f %% on %d digits (chance 10 %%); %.0f training images/s, %.1f s in all%n", neurons, train.size(),
                100 * o.accuracy(), test.size(), train.size() / o.trainSeconds(), (System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        DiehlCookExperiment.Outcome b = DiehlCookExperiment.trainAndTestBinary(train, train, test, neurons, 1, 64,
                DiehlCookExperiment.Schedule.PAPER, seed, new PrintWriter(java.io.Writer.nullWriter()));
        out.printf("   the same with 1-bit weights by stochastic binary STDP (8x less kernel memory): test accuracy %.1f %%;"
                + " %.0f training images/s, %.1f s in all%n", 100 * b.accuracy(), train.size() / b.trainSeconds(),
                (System.nanoTime() - t1) / 1e9);
    }
}
