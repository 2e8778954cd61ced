package org.spikecore.cli.demo;

import java.io.PrintWriter;
import java.util.List;
import org.spikecore.data.LabeledImages;
import org.spikecore.energy.Horowitz45nm;
import org.spikecore.energy.MeasuredEnergy;
import org.spikecore.memory.RegionCount;
import org.spikecore.train.ErbpClassifier;

/**
 * On-chip learning: eRBP trains a small 784-50-10 network inside the bit-accurate engine (8-bit
 * weights, 16-bit states, error neurons and random feedback) on a few hundred of the embedded
 * digits; accuracy on held-out digits before and after, the SynOps it took, and the energy of the
 * learning's own memory reads and writes.
 */
public final class OnChipLearningDemo extends TextSection {

    private static final int TRAIN = 400;
    private static final int TEST = 200;

    @Override
    public String title() {
        return "on-chip learning (eRBP in the engine, " + TRAIN + " embedded digits)";
    }

    @Override
    void show(PrintWriter out, long seed) {
        LabeledImages all = ImageClassificationDemo.digits();
        LabeledImages train = all.slice(0, TRAIN);
        LabeledImages test = all.slice(all.size() - TEST, all.size());
        ErbpClassifier.Config d = ErbpClassifier.Config.of(List.of(50), 1);
        ErbpClassifier.Config config = new ErbpClassifier.Config(List.of(50), 60, 15, d.maxRate(), d.labelRate(), 1, d.hiddenShift(),
                d.outputShift(), d.initialWeight(), d.shiftDecayEpochs(), 0);
        ErbpClassifier erbp = new ErbpClassifier(config, 784, 10, seed);
        ErbpClassifier.Evaluation before = erbp.evaluate(test);
        erbp.trainEpoch(train, TRAIN);
        ErbpClassifier.Evaluation after = erbp.evaluate(test);
        out.printf("   784-50-10, %d ticks a sample (learning after %d), one pass over %d digits: test accuracy %.1f %% before, "
                + "%.1f %% after learning on the chip (%d held-out digits)%n", config.ticks(), config.burnIn(), TRAIN,
                100 * (1 - before.error()), 100 * (1 - after.error()), TEST);
        out.printf("   training: %,d SynOps (%.0f a sample) and %,d weight changes written through the synapse memory; "
                + "classification: %.0f SynOps, %.0f until the first output spike%n", erbp.trainingSynOps(),
                erbp.trainingSynOps() / (double) TRAIN, erbp.trainingUpdates(), after.synOps(), after.synOpsToFirstSpike());
        Horowitz45nm model = new Horowitz45nm();
        List<RegionCount> memories = erbp.trainingMemoryCounts();
        out.printf("   learning's own synapse-memory accesses: %,d word reads and %,d writes, %.3f uJ a sample of the %.3f uJ "
                + "all memory accesses of training cost (%s)%n", memories.stream().mapToLong(RegionCount::learningReads).sum(),
                memories.stream().mapToLong(RegionCount::learningWrites).sum(), MeasuredEnergy.learning(memories, model) / TRAIN * 1e6,
                MeasuredEnergy.total(memories, model) / TRAIN * 1e6, model.name());
    }
}
