package org.spikecore.train;

/**
 * Spike-timing agreement of an output raster with a target raster (T x n): a target spike is hit
 * when the same neuron spikes within ±{@code tolerance} steps; an output spike is correct when a
 * target spike lies within ±tolerance. F1 is the harmonic mean of recall and precision.
 */
public final class SpikeTiming {

    private SpikeTiming() {
    }

    private static boolean near(float[] raster, int steps, int n, int t, int i, int tolerance) {
        for (int d = -tolerance; d <= tolerance; d++) {
            int u = t + d;
            if (u >= 0 && u < steps && raster[u * n + i] != 0f) {
                return true;
            }
        }
        return false;
    }

    /** F1 of {@code output} against {@code target} with ±{@code tolerance} steps. */
    public static double f1(float[] output, float[] target, int steps, int n, int tolerance) {
        long targets = 0;
        long hits = 0;
        long outputs = 0;
        long correct = 0;
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < n; i++) {
                if (target[t * n + i] != 0f) {
                    targets++;
                    hits += near(output, steps, n, t, i, tolerance) ? 1 : 0;
                }
                if (output[t * n + i] != 0f) {
                    outputs++;
                    correct += near(target, steps, n, t, i, tolerance) ? 1 : 0;
                }
            }
        }
        if (targets == 0 || outputs == 0) {
            return 0;
        }
        double recall = hits / (double) targets;
        double precision = correct / (double) outputs;
        return recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
    }
}
