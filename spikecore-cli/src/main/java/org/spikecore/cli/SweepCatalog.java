package org.spikecore.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.spikecore.cli.experiments.Experiment;
import org.spikecore.sweep.ExperimentCatalog;
import org.spikecore.sweep.SweepExperiment;

/** The {@code run} experiments as sweep points; stateless, so Spark ships it to its executors as it is. */
enum SweepCatalog implements ExperimentCatalog {
    INSTANCE;

    @Override
    public SweepExperiment experiment(String name) {
        return new Point(RunCommand.byName(name));
    }

    /** An experiment seen by a sweep. */
    private record Point(Experiment experiment) implements SweepExperiment {
        @Override
        public String name() {
            return experiment.name();
        }

        @Override
        public Set<String> options() {
            return experiment.options();
        }

        @Override
        public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
            return experiment.run(options, outDir, seed, out);
        }
    }
}
