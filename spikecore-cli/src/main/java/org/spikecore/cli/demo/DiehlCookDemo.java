package org.spikecore.cli.demo;

import java.io.PrintWriter;
import org.spikecore.cli.experiments.DiehlCookExperiment;
import org.spikecore.data.LabeledImages;

/**
 * Diehl &amp; Cook's unsupervised STDP on the bit-accurate engine in a few seconds: 25 excitatory
 * neurons learn from 300 of the embedded digits, take labels on the same 300 and classify 200
 * others (the full run: {@code ./spikecore run diehl-cook}).
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
    }
}
