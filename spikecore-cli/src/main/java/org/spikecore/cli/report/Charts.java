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

    private static void write(Path file, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            AtomicFiles.write(file, out -> out.write(png));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + file + ": " + e.getMessage(), e);
        }
    }
}
