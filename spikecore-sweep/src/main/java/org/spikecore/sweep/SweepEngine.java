package org.spikecore.sweep;

import java.util.List;
import org.spikecore.SpikecoreException;

/** Runs a sweep's missing points: every point once, retried on failure, in any order. */
public sealed interface SweepEngine permits LocalEngine, SparkEngine {

    /** A short name for logs and run records. */
    String name();

    /**
     * The engine called {@code name} ({@code local} or {@code spark}), running {@code parallelism}
     * points at once with {@code attempts} tries per point.
     */
    static SweepEngine named(String name, int parallelism, int attempts) {
        return switch (name) {
            case "local" -> new LocalEngine(parallelism, attempts);
            case "spark" -> {
                try {
                    Class.forName("org.apache.spark.SparkConf", false, SweepEngine.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new SpikecoreException("the spark engine needs Apache Spark on the class path: run through spark-submit, or "
                            + "through ./spikecore, which adds the sweep module's Spark (docs/sweeps.md)");
                }
                yield new SparkEngine(parallelism, attempts);
            }
            default -> throw new IllegalArgumentException("--engine takes local or spark, got '" + name + "'");
        };
    }

    /** Runs {@code task} on every point of {@code todo}, telling {@code progress} as each ends. */
    void run(List<Point> todo, PointTask task, Progress progress);
}
