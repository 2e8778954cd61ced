package org.spikecore.sweep;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** What a sweep needs of an experiment: its options, and a run as library code into a directory. */
public interface SweepExperiment {

    /** The experiment's name. */
    String name();

    /** The option keys it takes, without {@code --} (e.g. {@code weight-bits}). */
    Set<String> options();

    /**
     * Runs with {@code options} and {@code seed}, writing its files into {@code outDir} and its
     * narrative into {@code out}; returns the results. Bad options are an
     * {@link IllegalArgumentException} naming them.
     */
    Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out);
}
