package org.spikecore.cli.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.spikecore.io.AtomicFiles;

/** Learned input weights as a grid of images, one tile per neuron, each scaled to its own maximum (white = 0). */
public final class ReceptiveFields {

    private static final int SCALE = 3;
    private static final int GAP = 2;

    private ReceptiveFields() {
    }

    /**
     * Writes the receptive fields of {@code neurons} posts of a pre-major weight array
     * ({@code weights[pre·neurons + post]}, {@code inputs = rows·cols}) as a PNG grid of
     * ⌈√neurons⌉ columns.
     */
    public static void write(Path file, int[] weights, int inputs, int neurons, int rows, int cols) {
        if (inputs != rows * cols || weights.length != inputs * neurons) {
            throw new IllegalArgumentException("receptive fields of " + neurons + " neurons of " + rows + "x" + cols + " need "
                    + (long) rows * cols * neurons + " weights, got " + weights.length);
        }
        int across = (int) Math.ceil(Math.sqrt(neurons));
        int down = (neurons + across - 1) / across;
        int tileW = cols * SCALE + GAP;
        int tileH = rows * SCALE + GAP;
        BufferedImage img = new BufferedImage(across * tileW + GAP, down * tileH + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.LIGHT_GRAY);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int j = 0; j < neurons; j++) {
            int max = 1;
            for (int k = 0; k < inputs; k++) {
                max = Math.max(max, weights[k * neurons + j]);
            }
            int x0 = GAP + (j % across) * tileW;
            int y0 = GAP + (j / across) * tileH;
            for (int k = 0; k < inputs; k++) {
                float ink = Math.clamp((float) weights[k * neurons + j] / max, 0f, 1f);
                g.setColor(new Color(1 - ink, 1 - ink, 1 - ink));
                g.fillRect(x0 + (k % cols) * SCALE, y0 + (k / cols) * SCALE, SCALE, SCALE);
            }
        }
        g.dispose();
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
