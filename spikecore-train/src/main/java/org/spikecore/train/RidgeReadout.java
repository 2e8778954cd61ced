package org.spikecore.train;

/**
 * A linear readout trained by ridge regression on one-hot targets: features are standardised with
 * the training set's mean and deviation, a bias column is added, and
 * {@code W = (XᵀX + λI)⁻¹XᵀY} is solved by Cholesky in double precision (the bias unpenalised); the
 * class is the largest output, ties to the lowest.
 */
public final class RidgeReadout {

    private final double[] mean;
    private final double[] scale;
    private final double[][] weights;
    private final int classes;

    private RidgeReadout(double[] mean, double[] scale, double[][] weights, int classes) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.classes = classes;
    }

    /** Fits features {@code x[n][d]} to labels in [0, classes) with penalty {@code lambda} ≥ 0. */
    public static RidgeReadout fit(double[][] x, int[] labels, int classes, double lambda) {
        if (x.length == 0 || x.length != labels.length) {
            throw new IllegalArgumentException(x.length + " samples but " + labels.length + " labels");
        }
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("ridge penalty must be at least 0, got " + lambda);
        }
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 0 ? 1 / Math.sqrt(scale[j]) : 0; // a constant feature carries nothing
        }
        int m = d + 1;
        double[][] a = new double[m][m];
        double[][] b = new double[m][classes];
        double[] z = new double[m];
        for (int s = 0; s < n; s++) {
            standardise(x[s], mean, scale, z);
            for (int p = 0; p < m; p++) {
                if (z[p] == 0) {
                    continue;
                }
                for (int q = 0; q <= p; q++) {
                    a[p][q] += z[p] * z[q];
                }
                b[p][labels[s]] += z[p];
            }
        }
        for (int p = 0; p < m; p++) {
            for (int q = p + 1; q < m; q++) {
                a[p][q] = a[q][p];
            }
            a[p][p] += p < d ? lambda : 1e-9; // the bias (last) is left free
        }
        return new RidgeReadout(mean, scale, solve(a, b), classes);
    }

    private static void standardise(double[] x, double[] mean, double[] scale, double[] z) {
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) * scale[j];
        }
        z[x.length] = 1;
    }

    /** Solves {@code a·w = b} for symmetric positive definite {@code a} by Cholesky. */
    private static double[][] solve(double[][] a, double[][] b) {
        int m = a.length;
        double[][] l = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(sum, 1e-12));
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        int c = b[0].length;
        double[][] w = new double[m][c];
        for (int col = 0; col < c; col++) {
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                double sum = b[i][col];
                for (int k = 0; k < i; k++) {
                    sum -= l[i][k] * y[k];
                }
                y[i] = sum / l[i][i];
            }
            for (int i = m - 1; i >= 0; i--) {
                double sum = y[i];
                for (int k = i + 1; k < m; k++) {
                    sum -= l[k][i] * w[k][col];
                }
                w[i][col] = sum / l[i][i];
            }
        }
        return w;
    }

    /** The class of features {@code x}. */
    public int predict(double[] x) {
        double[] z = new double[x.length + 1];
        standardise(x, mean, scale, z);
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double v = 0;
            for (int p = 0; p < z.length; p++) {
                v += z[p] * weights[p][c];
            }
            if (v > bestValue) {
                bestValue = v;
                best = c;
            }
        }
        return best;
    }

    /** Fraction of {@code x} classified as {@code labels}. */
    public double accuracy(double[][] x, int[] labels) {
        int correct = 0;
        for (int s = 0; s < x.length; s++) {
            correct += predict(x[s]) == labels[s] ? 1 : 0;
        }
        return (double) correct / x.length;
    }
}
