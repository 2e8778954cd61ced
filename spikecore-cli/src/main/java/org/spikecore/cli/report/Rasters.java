package org.spikecore.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.spikecore.io.AtomicFiles;

/** Spike rasters as PNG images (time across, neurons down), side by side for comparison. */
public final class Rasters {

    private Rasters() {
    }

    /**
     * Writes rasters (each T x n, time-major) next to each other with their captions, each spike a
     * {@code scale × scale} black square.
     */
    public static void sideBySide(Path file, int steps, int n, int scale, String[] captions, float[]... rasters) {
        int gap = 20;
        int top = 24;
        int width = rasters.length * (steps * scale + gap) + gap;
        int height = top + n * scale + gap;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int k = 0; k < rasters.length; k++) {
            int x0 = gap + k * (steps * scale + gap);
            g.setColor(Color.DARK_GRAY);
            g.drawString(captions[k], x0, 17);
            g.setColor(new Color(0.93f, 0.93f, 0.93f));
            g.fillRect(x0, top, steps * scale, n * scale);
            g.setColor(Color.BLACK);
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < n; i++) {
                    if (rasters[k][t * n + i] != 0f) {
                        g.fillRect(x0 + t * scale, top + i * scale, scale, scale);
                    }
                }
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
