package org.spikecore.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.spikecore.sweep.ExperimentCatalog;
import org.spikecore.sweep.Grid;
import org.spikecore.sweep.Sweep;
import org.spikecore.sweep.SweepEngine;
import org.spikecore.sweep.SweepExperiment;

/**
 * What a sweep costs per point beyond the experiment's own work: sweeps of an experiment that
 * does nothing, of 20 and of {@code --size} (1,000) points, into fresh stores; the cost per point is
 * the slope between the two, so the engine's start (a Spark context) is left out of it.
 */
public final class SweepOverheadWorkload implements BenchWorkload {

    private static final int SMALL = 20;

    private final boolean spark;

    /** On the thread pool ({@code sweep-local}) or on Spark in this JVM ({@code sweep-spark}). */
    public SweepOverheadWorkload(boolean spark) {
        this.spark = spark;
    }

    @Override
    public String name() {
        return spark ? "sweep-spark" : "sweep-local";
    }

    @Override
    public String description() {
        return "sweep overhead per point of an empty experiment, " + (spark ? "Spark local[threads]" : "thread pool")
                + " (--size points, default 1000; --threads)";
    }

    @Override
    public Map<String, Object> run(BenchOptions options) {
        int large = options.size() > 0 ? options.size() : 1000;
        if (large <= SMALL) {
            throw new IllegalArgumentException("--size must be more than " + SMALL + " points, got " + large);
        }
        double[] perPoint = new double[options.reps()];
        double[] fixed = new double[options.reps()];
        for (int r = 0; r < options.reps(); r++) {
            double small = seconds(SMALL, options.threads());
            double big = seconds(large, options.threads());
            perPoint[r] = (big - small) / (large - SMALL);
            fixed[r] = small - SMALL * perPoint[r];
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", large);
        m.put("threads", options.threads());
        m.put("ms_per_point", Medians.median(perPoint) * 1e3);
        m.put("fixed_s", Medians.median(fixed));
        return m;
    }

    private double seconds(int points, int threads) {
        SweepEngine engine = SweepEngine.named(spark ? "spark" : "local", threads, 1);
        Path dir;
        try {
            dir = Files.createTempDirectory("spikecore-sweep-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            long t0 = System.nanoTime();
            Sweep.run(Empty.CATALOG, new Sweep.Spec("empty", Map.of(), Grid.parse("i=1.." + points), 0, dir), engine,
                    new PrintWriter(Writer.nullWriter()), false);
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An experiment that does nothing, so what is timed is the sweep. */
    private record Empty() implements SweepExperiment {

        /** Serialisable (a Spark task carries it), as every catalog is. */
        static final ExperimentCatalog CATALOG = name -> new Empty();

        @Override
        public String name() {
            return "empty";
        }

        @Override
        public Set<String> options() {
            return Set.of("i");
        }

        @Override
        public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
            return Map.of();
        }
    }
}
