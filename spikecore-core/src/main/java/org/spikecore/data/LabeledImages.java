package org.spikecore.data;

import java.util.Objects;

/**
 * Grey-scale images with class labels: {@code pixels[i]} holds image i row by row, one unsigned
 * byte per pixel (0 black … 255 white), {@code labels[i]} its class in [0, {@code classes}).
 *
 * @param rows    image height
 * @param cols    image width
 * @param classes number of classes
 * @param pixels  one array of rows·cols bytes per image
 * @param labels  one class per image
 */
public record LabeledImages(int rows, int cols, int classes, byte[][] pixels, int[] labels) {

    public LabeledImages {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (rows < 1 || cols < 1 || classes < 2) {
            throw new IllegalArgumentException("images need rows, cols >= 1 and at least 2 classes, got " + rows + "x" + cols + ", "
                    + classes + " classes");
        }
        if (pixels.length != labels.length) {
            throw new IllegalArgumentException(pixels.length + " images but " + labels.length + " labels");
        }
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i].length != rows * cols) {
                throw new IllegalArgumentException("image " + i + " has " + pixels[i].length + " pixels, expected " + rows * cols);
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("image " + i + " has label " + labels[i] + ", outside 0.." + (classes - 1));
            }
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Pixel k of image i in [0, 1]. */
    public float intensity(int i, int k) {
        return (pixels[i][k] & 0xff) / 255f;
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive), sharing the pixel arrays. */
    public LabeledImages slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        return new LabeledImages(rows, cols, classes, java.util.Arrays.copyOfRange(pixels, from, to),
                java.util.Arrays.copyOfRange(labels, from, to));
    }
}
