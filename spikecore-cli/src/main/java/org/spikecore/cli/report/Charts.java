package org.spikecore.cli.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.spikecore.io.AtomicFiles;

/** PNG charts for reports (XChart), written atomically. */
public final class Charts {

    private Charts() {
    }

    /** One line of a line chart. */
    public record Series(String name, double[] x, double[] y) {
    }

    /** A line chart of {@code series}; {@code logY} for energies spanning decades. */
    public static void line(Path file, String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        for (Series s : series) {
            chart.addSeries(s.name(), s.x(), s.y());
        }
        write(file, chart);
    }

    /** Point clouds, one colour each, and {@code line} through them (a Pareto front). */
    public static void scatter(Path file, String title, String xLabel, String yLabel, List<Series> clouds, Series line) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        for (Series s : clouds) {
            chart.addSeries(s.name(), s.x(), s.y()).setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        }
        chart.addSeries(line.name(), line.x(), line.y()).setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Line)
                .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE).setLineColor(java.awt.Color.BLACK);
        write(file, chart);
    }

    /** A grouped bar chart: categories on x, one bar per group. */
    public static void bars(Path file, String title, String yLabel, List<String> categories, Map<String, List<Double>> groups,
            boolean logY) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(560).title(title).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        groups.forEach((name, values) -> chart.addSeries(name, categories, values));
        write(file, chart);
    }

    /**
     * A histogram of each named weight array: exact zeros in a bar of their own (the zeros that
     * quantization makes, which the synapse encodings skip), the other weights in {@code bins}
     * equal bins over [−max|w|, max|w|]; bar heights are fractions of each array.
     */
    public static void weightHistogram(Path file, String title, Map<String, float[]> weights, int bins) {
        float max = 0f;
        for (float[] w : weights.values()) {
            for (float v : w) {
                max = Math.max(max, Math.abs(v));
            }
        }
        float width = max == 0f ? 1f : 2 * max / bins;
        List<String> categories = new java.util.ArrayList<>();
        categories.add("0");
        for (int b = 0; b < bins; b++) {
            categories.add(String.format(java.util.Locale.ROOT, "%.3g", -max + (b + 0.5) * width));
        }
        Map<String, List<Double>> groups = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : weights.entrySet()) {
            double[] counts = new double[bins + 1];
            for (float v : e.getValue()) {
                if (v == 0f) {
                    counts[0]++;
                } else {
                    counts[1 + Math.min(bins - 1, (int) ((v + max) / width))]++;
                }
            }
            List<Double> fractions = new java.util.ArrayList<>();
            for (double c : counts) {
                fractions.add(c / Math.max(1, e.getValue().length));
            }
            groups.put(e.getKey(), fractions);
        }
        bars(file, title, "fraction of the layer's weights", categories, groups, false);
    }

    /** A confusion matrix as a grey-scale grid (darker = more of the row's images), with the counts written in. */
    public static void confusion(Path file, String title, int[][] confusion) {
        int n = confusion.length;
        int cell = 44;
        int left = 60;
        int top = 50;
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(left + n * cell + 20, top + n * cell + 40,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13));
        g.setColor(java.awt.Color.DARK_GRAY);
        g.drawString(title, 10, 20);
        g.drawString("true class (rows) against predicted class (columns)", 10, 38);
        for (int r = 0; r < n; r++) {
            long total = 0;
            for (int c = 0; c < n; c++) {
                total += confusion[r][c];
            }
            for (int c = 0; c < n; c++) {
                float share = total == 0 ? 0f : (float) confusion[r][c] / total;
                float grey = 1f - 0.85f * share;
                g.setColor(new java.awt.Color(grey, grey, grey));
                g.fillRect(left + c * cell, top + r * cell, cell - 1, cell - 1);
                g.setColor(share > 0.5f ? java.awt.Color.WHITE : java.awt.Color.BLACK);
                g.drawString(Integer.toString(confusion[r][c]), left + c * cell + 6, top + r * cell + cell / 2 + 5);
            }
            g.setColor(java.awt.Color.DARK_GRAY);
            g.drawString(Integer.toString(r), left - 20, top + r * cell + cell / 2 + 5);
            g.drawString(Integer.toString(r), left + r * cell + cell / 2 - 4, top + n * cell + 16);
        }
        g.dispose();
        AtomicFiles.write(file, out -> {
            if (!javax.imageio.ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    private static void write(Path file, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            AtomicFiles.write(file, out -> out.write(png));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + file + ": " + e.getMessage(), e);
        }
    }
}
