package org.spikecore.train;

import org.spikecore.fixed.CounterRng;

/**
 * Rate (Bernoulli) coding of intensities into spike trains, as snnTorch's {@code spikegen.rate}:
 * input k spikes at step t with probability {@code maxRate·x[k]}, the draw keyed by
 * (seed, stream, step, k) in the counter-based generator, so a sample's spikes depend only on its
 * key, not on batch order or thread count. Callers key a sample by its data-set index (stream) and
 * the epoch (step = epoch·steps + t), so each epoch sees fresh spikes.
 */
public final class RateCoding {

    private RateCoding() {
    }

    /**
     * Writes the spike train of {@code x} (values in [0, 1]) over {@code steps} steps into
     * {@code out[t·x.length + k]} (1 or 0).
     */
    public static void encode(float[] x, float maxRate, int steps, long seed, long stream, long firstStep, float[] out) {
        if (!(maxRate > 0 && maxRate <= 1)) {
            throw new IllegalArgumentException("maximum spike probability per step must be in (0, 1], got " + maxRate);
        }
        if (out.length != steps * x.length) {
            throw new IllegalArgumentException("spike train needs " + steps * x.length + " values, got " + out.length);
        }
        int n = x.length;
        for (int t = 0; t < steps; t++) {
            long prefix = CounterRng.keyPrefix(seed, stream, firstStep + t);
            for (int k = 0; k < n; k++) {
                float p = maxRate * x[k];
                out[t * n + k] = p > 0 && CounterRng.toUnitDouble(CounterRng.bitsFromPrefix(prefix, k)) < p ? 1f : 0f;
            }
        }
    }

    /**
     * Constant-rate input: {@code batch} spike trains {@code [b][t·in + j]} over {@code steps} steps,
     * each entry 1 with probability {@code rate}, keyed by (seed, 600 + b, 0, t·in + j).
     */
    public static float[][] bernoulli(int batch, int steps, int in, double rate, long seed) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("spike probability per step must be in [0, 1], got " + rate);
        }
        float[][] x = new float[batch][steps * in];
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < x[b].length; k++) {
                x[b][k] = CounterRng.uniform(seed, 600 + b, 0, k) < rate ? 1f : 0f;
            }
        }
        return x;
    }
}
