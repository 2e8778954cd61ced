package org.spikecore.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A named experiment of {@code spikecore run NAME --out DIR}: it writes {@code DIR/results.json}
 * (with the run's provenance) and its plots, and prints a short summary.
 */
public interface Experiment {

    /** The name typed after {@code run}. */
    String name();

    /** One line saying what it reproduces. */
    String description();

    /**
     * The names of its {@code --name value} options: the keys of a {@code --config} file and what a
     * sweep's grid may set.
     */
    Set<String> options();

    /**
     * Runs with {@code options} (the {@code --key value} pairs after the name, already split) and
     * writes into {@code outDir}; returns the results stored in results.json next to the run record.
     * Unknown or malformed options are an {@link IllegalArgumentException} naming them.
     */
    Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out);
}
