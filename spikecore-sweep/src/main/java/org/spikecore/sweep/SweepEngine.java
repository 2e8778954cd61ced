package org.spikecore.sweep;

import java.util.List;

/** Runs a sweep's missing points: every point once, retried on failure, in any order. */
public sealed interface SweepEngine permits LocalEngine, SparkEngine {

    /** A short name for logs and run records. */
    String name();

    /** Runs {@code task} on every point of {@code todo}, telling {@code progress} as each ends. */
    void run(List<Point> todo, PointTask task, Progress progress);
}
