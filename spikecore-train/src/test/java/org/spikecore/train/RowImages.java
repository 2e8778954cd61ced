package org.spikecore.train;

import org.spikecore.data.LabeledImages;

/** A tiny separable image set for classifier tests: 4×4 images in 4 classes, class c lights row c. */
final class RowImages {

    private RowImages() {
    }

    /** n images, image i of class i mod 4, its row at {@code intensity} (0..255) and the rest dark. */
    static LabeledImages of(int n, int intensity) {
        byte[][] pixels = new byte[n][16];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            for (int k = 0; k < 4; k++) {
                pixels[i][labels[i] * 4 + k] = (byte) intensity;
            }
        }
        return new LabeledImages(4, 4, 4, pixels, labels);
    }
}
