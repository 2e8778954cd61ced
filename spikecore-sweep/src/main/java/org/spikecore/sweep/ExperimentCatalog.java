package org.spikecore.sweep;

import java.io.Serializable;

/**
 * Finds an experiment by name on whichever JVM runs a point: Spark ships the catalog to its
 * executors, so an implementation holds no state (an enum constant is ideal).
 */
@FunctionalInterface
public interface ExperimentCatalog extends Serializable {

    /** The experiment called {@code name}; an {@link IllegalArgumentException} listing the known names when there is none. */
    SweepExperiment experiment(String name);
}
