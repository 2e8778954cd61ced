package org.spikecore.sweep;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.spikecore.io.AtomicFiles;
import org.spikecore.io.RunRecord;

/** A sweep from start to table: checks the grid against the experiment, runs the missing points, merges the store. */
public final class Sweep {

    private Sweep() {
    }

    /**
     * What to sweep.
     *
     * @param experiment  the experiment's name in the catalog
     * @param baseOptions options every point shares (option names, as after {@code --})
     * @param grid        the points
     * @param seed        the seed of points whose grid has no {@code seed} key
     * @param out         the results store's directory
     */
    public record Spec(String experiment, Map<String, String> baseOptions, Grid grid, long seed, Path out) {
        public Spec {
            baseOptions = Collections.unmodifiableMap(new LinkedHashMap<>(baseOptions));
        }
    }

    /**
     * What a sweep did.
     *
     * @param table    the merged table, also in {@code out/table.csv} and {@code out/table.json}
     * @param computed points run now
     * @param stored   points found in the store already
     */
    public record Result(SweepTable table, int computed, int stored) {
    }

    /** Runs {@code spec} on {@code engine}, printing progress to {@code out}. */
    public static Result run(ExperimentCatalog catalog, Spec spec, SweepEngine engine, PrintWriter out, boolean terminal) {
        SweepExperiment experiment = catalog.experiment(spec.experiment());
        checkKeys(experiment, spec);
        ResultsStore store = new ResultsStore(spec.out());
        store.claim(experiment.name(), spec.baseOptions(), spec.seed());
        List<Point> points = spec.grid().points();
        List<Point> todo = points.stream().filter(p -> !store.isStored(p)).toList();
        Progress progress = new Progress(points.size(), points.size() - todo.size(), out, terminal);
        progress.start(engine.name());
        PointTask task = new PointTask(catalog, experiment.name(), spec.baseOptions(), spec.seed(), spec.out().toAbsolutePath().toString(),
                RunRecord.gitCommit(Path.of("")), engine.name());
        engine.run(todo, task, progress);
        progress.finish();
        SweepTable table = SweepTable.merge(spec.grid(), store);
        AtomicFiles.writeString(spec.out().resolve("table.csv"), table.csv());
        AtomicFiles.writeString(spec.out().resolve("table.json"), table.json());
        return new Result(table, todo.size(), points.size() - todo.size());
    }

    /** Grid keys and base options must be the experiment's options (or the seed), each set once. */
    private static void checkKeys(SweepExperiment e, Spec spec) {
        Set<String> allowed = new TreeSet<>();
        e.options().forEach(o -> allowed.add(Point.gridKey(o)));
        allowed.add(Point.SEED);
        for (String key : spec.grid().keys()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("grid key '" + key + "' is not an option of " + e.name() + "; keys: "
                        + String.join(", ", allowed));
            }
            if (spec.baseOptions().containsKey(Point.optionName(key))) {
                throw new IllegalArgumentException("'" + key + "' is set by both the grid and the config; give it in one place");
            }
        }
        for (String option : spec.baseOptions().keySet()) {
            if (!e.options().contains(option)) {
                throw new IllegalArgumentException("config key '" + Point.gridKey(option) + "' is not an option of " + e.name()
                        + "; keys: " + String.join(", ", allowed));
            }
        }
    }
}
