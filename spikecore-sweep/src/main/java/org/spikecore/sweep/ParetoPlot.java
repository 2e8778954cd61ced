package org.spikecore.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Two result columns of a sweep table as point clouds and their Pareto front (the points no other
 * point beats on both). A spec reads {@code X,Y}; {@code max:} before a name means larger is better
 * (default: smaller, as for energy or a distance); an X ending in {@code *} takes every column that
 * starts with what comes before it, one cloud each ({@code training_iteration_uJ.*} for one cloud
 * per encoding), with one front over them all.
 *
 * @param xLabel what x is
 * @param yLabel what y is
 * @param clouds one per x column
 * @param front  the non-dominated points, by increasing x
 */
public record ParetoPlot(String xLabel, String yLabel, List<Series> clouds, Series front) {

    /** Points of one cloud. */
    public record Series(String name, double[] x, double[] y) {
    }

    /**
     * Which columns to plot.
     *
     * @param x          a column, or a prefix followed by {@code *}
     * @param maximizeX  whether larger x is better
     * @param y          a column
     * @param maximizeY  whether larger y is better
     */
    public record Spec(String x, boolean maximizeX, String y, boolean maximizeY) {

        /** {@code [max:]X,[max:]Y}. */
        public static Spec parse(String text) {
            String[] parts = text.split(",", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("--plot takes X,Y (two result columns; 'max:' before one that is better larger), got '"
                        + text + "'");
            }
            return new Spec(strip(parts[0]), parts[0].trim().startsWith("max:"), strip(parts[1]), parts[1].trim().startsWith("max:"));
        }

        private static String strip(String s) {
            s = s.trim();
            return s.startsWith("max:") ? s.substring(4) : s;
        }

        /** As it is written. */
        @Override
        public String toString() {
            return (maximizeX ? "max:" : "") + x + "," + (maximizeY ? "max:" : "") + y;
        }
    }

    /** The clouds and the front of {@code spec} in {@code table}; rows without numbers in both columns are left out. */
    public static ParetoPlot of(SweepTable table, Spec spec) {
        List<String> xs = spec.x().endsWith("*")
                ? table.columns().stream().filter(c -> c.startsWith(spec.x().substring(0, spec.x().length() - 1))).toList()
                : List.of(spec.x());
        if (xs.isEmpty() || !table.columns().containsAll(xs) || !table.columns().contains(spec.y())) {
            throw new IllegalArgumentException("--plot " + spec + ": the table has no such column; columns: " + table.columns());
        }
        List<Object> y = table.column(spec.y());
        List<Series> clouds = new ArrayList<>();
        List<double[]> all = new ArrayList<>();
        for (String c : xs) {
            List<Object> x = table.column(c);
            List<double[]> pts = new ArrayList<>();
            for (int r = 0; r < x.size(); r++) {
                if (x.get(r) instanceof Number a && y.get(r) instanceof Number b) {
                    pts.add(new double[] {a.doubleValue(), b.doubleValue()});
                }
            }
            if (pts.isEmpty()) {
                continue;
            }
            all.addAll(pts);
            String name = xs.size() == 1 ? c : c.substring(spec.x().length() - 1);
            clouds.add(new Series(name, pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray()));
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("--plot " + spec + ": no row has numbers in both columns");
        }
        double[][] front = front(all.toArray(double[][]::new), spec.maximizeX(), spec.maximizeY());
        String xLabel = xs.size() == 1 ? spec.x() : spec.x().substring(0, spec.x().length() - 1).replaceAll("[._]$", "");
        return new ParetoPlot(xLabel, spec.y(), clouds, new Series("Pareto front", Arrays.stream(front).mapToDouble(p -> p[0]).toArray(),
                Arrays.stream(front).mapToDouble(p -> p[1]).toArray()));
    }

    /** The points that no other point beats on both coordinates, by increasing x. */
    static double[][] front(double[][] points, boolean maximizeX, boolean maximizeY) {
        double sx = maximizeX ? -1 : 1;
        double sy = maximizeY ? -1 : 1;
        double[][] sorted = points.clone();
        // best x first; among equal x, best y first, so only that one of them can be on the front
        Arrays.sort(sorted, Comparator.<double[]>comparingDouble(p -> sx * p[0]).thenComparingDouble(p -> sy * p[1]));
        List<double[]> front = new ArrayList<>();
        double bestY = Double.POSITIVE_INFINITY;
        for (double[] p : sorted) {
            if (sy * p[1] < bestY) {
                bestY = sy * p[1];
                front.add(p);
            }
        }
        front.sort(Comparator.comparingDouble(p -> p[0]));
        return front.toArray(double[][]::new);
    }
}
