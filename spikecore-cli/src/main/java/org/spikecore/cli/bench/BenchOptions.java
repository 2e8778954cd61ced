package org.spikecore.cli.bench;

import org.spikecore.model.CoreSemantics;

/**
 * Options common to every bench workload.
 *
 * @param threads  worker threads (1 = the single-thread figure the targets quote)
 * @param size     a workload-specific size (neurons for cuba, batch for train/infer), 0 = default
 * @param reps     timed repetitions; the RESULT reports the median
 * @param seed     seed of everything random in the workload
 * @param semantics the core rules the engine workloads run under
 */
public record BenchOptions(int threads, int size, int reps, long seed, CoreSemantics semantics) {

    /** More worker threads than any machine here has cores by far; beyond it a workload's core split degenerates. */
    public static final int MAX_THREADS = 1024;

    public BenchOptions {
        java.util.Objects.requireNonNull(semantics, "semantics");
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("--threads must be 1.." + MAX_THREADS + ", got " + threads);
        }
        if (size < 0) {
            throw new IllegalArgumentException("--size must be 0 (the default) or more, got " + size);
        }
        if (reps < 1) {
            throw new IllegalArgumentException("--reps must be at least 1, got " + reps);
        }
    }
}
