package org.spikecore.train;

import org.spikecore.fixed.CounterRng;

/**
 * A temporal classification task for reservoirs: K random spike-pattern templates over
 * {@code channels} inputs and {@code duration} ticks (each channel spikes with probability
 * {@code rate} per tick), then a distractor of {@code gap} ticks that is the same for every class.
 * A sample is its class's template and the distractor with every spike moved by a uniform jitter in
 * [−jitter, jitter] ticks (kept inside its part). The readout sees only the last {@code window}
 * ticks of a sample; with {@code gap ≥ window} those hold the distractor alone, so the class is
 * recoverable only from a memory of what came before (the input itself is at chance). Every draw is
 * keyed by the seed (templates; sample i's jitter), so a task is the same on every run.
 *
 * @param classes  K
 * @param channels input channels
 * @param duration ticks of the class pattern
 * @param gap      ticks of the shared distractor after it
 * @param rate     spike probability per channel and tick
 * @param jitter   largest shift of a spike, ticks
 * @param seed     key of every draw
 */
public record SpikePatternTask(int classes, int channels, int duration, int gap, double rate, int jitter, long seed) {

    private static final long TEMPLATE_STREAM = 1L << 41;
    private static final long JITTER_STREAM = 1L << 42;

    public SpikePatternTask {
        if (classes < 2 || channels < 1 || duration < 1 || gap < 0 || jitter < 0) {
            throw new IllegalArgumentException("a pattern task needs at least 2 classes, 1 channel, 1 tick, and no negative gap or jitter");
        }
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("spike rate must be in (0, 1], got " + rate);
        }
    }

    /** Ticks of one sample (pattern and distractor). */
    public int length() {
        return duration + gap;
    }

    /** Sample {@code i}'s class: i mod K, so every class is equally frequent. */
    public int label(int i) {
        return i % classes;
    }

    /** Sample {@code i} as {@code spikes[t][channel]} over {@link #length()} ticks. */
    public boolean[][] sample(int i) {
        boolean[][] s = new boolean[length()][channels];
        int c = label(i);
        place(s, TEMPLATE_STREAM + c, 0, duration, i, 0);
        place(s, TEMPLATE_STREAM + classes, duration, gap, i, 1);
        return s;
    }

    /** The template of key {@code stream} in ticks [offset, offset + ticks), each spike jittered by sample i's draws. */
    private void place(boolean[][] s, long stream, int offset, int ticks, int i, int part) {
        long jitterPrefix = CounterRng.keyPrefix(seed, JITTER_STREAM + i, part);
        for (int t = 0; t < ticks; t++) {
            long prefix = CounterRng.keyPrefix(seed, stream, t);
            for (int k = 0; k < channels; k++) {
                if (CounterRng.toUnitDouble(CounterRng.bitsFromPrefix(prefix, k)) < rate) {
                    int shift = jitter == 0 ? 0
                            : CounterRng.belowBound(CounterRng.bitsFromPrefix(jitterPrefix, (long) t * channels + k), 2 * jitter + 1) - jitter;
                    int at = Math.max(0, Math.min(ticks - 1, t + shift));
                    s[offset + at][k] = true;
                }
            }
        }
    }
}
