package org.spikecore.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.spikecore.SpikecoreException;
import org.spikecore.io.ResultsJson;
import org.spikecore.io.RunRecord;

/**
 * Runs one point of a sweep into its store, on whichever JVM holds it (serialisable for Spark):
 * skips a stored point, else runs the experiment with the point's options and seed and stores
 * {@code results.json} = the run record (the equivalent {@code spikecore run} command line), the
 * point's run facts under {@code sweep_point} (parameters, seconds, host, engine) and the results.
 *
 * @param catalog     where the experiment is found
 * @param experiment  its name
 * @param baseOptions options every point shares (from {@code --config})
 * @param sweepSeed   the seed of points whose grid has no {@code seed} key
 * @param store       the results store's directory (a path every worker sees)
 * @param gitCommit   the driver's git commit, for the run records (null outside a checkout)
 * @param engine      the engine's name, for the record
 */
public record PointTask(ExperimentCatalog catalog, String experiment, Map<String, String> baseOptions, long sweepSeed, String store,
        String gitCommit, String engine) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What running a point came to. */
    public record Outcome(String pointId, boolean computed, double seconds) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public PointTask {
        baseOptions = Collections.unmodifiableSortedMap(new TreeMap<>(baseOptions)); // serialisable, and one order on every JVM
    }

    /** Runs {@code p} unless it is stored already. */
    public Outcome run(Point p) {
        ResultsStore results = new ResultsStore(Path.of(store));
        if (results.isStored(p)) {
            return new Outcome(p.id(), false, 0);
        }
        SweepExperiment e = catalog.experiment(experiment);
        Map<String, String> options = p.options(baseOptions);
        long seed = p.seed(sweepSeed);
        long t0 = System.nanoTime();
        double[] seconds = new double[1];
        try {
            results.store(p, dir -> {
                StringWriter log = new StringWriter();
                Map<String, Object> found;
                try (PrintWriter w = new PrintWriter(log)) {
                    found = e.run(options, dir, seed, w);
                }
                seconds[0] = (System.nanoTime() - t0) / 1e9;
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("id", p.id());
                facts.put("parameters", p.parameters());
                facts.put("seconds", seconds[0]);
                facts.put("host", Host.NAME);
                facts.put("engine", engine);
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("run", record(options, seed, results.pointDir(p)).toMap());
                doc.put("sweep_point", facts);
                doc.putAll(found);
                // plain writes: the staging directory is this attempt's alone, and the store moves results.json in whole
                try {
                    if (!log.getBuffer().isEmpty()) {
                        Files.writeString(dir.resolve("log.txt"), log.toString());
                    }
                    Files.writeString(dir.resolve("results.json"), ResultsJson.toJson(doc) + "\n");
                } catch (IOException io) {
                    throw new UncheckedIOException("cannot write point " + p.id() + ": " + io.getMessage(), io);
                }
                return null;
            });
        } catch (IllegalArgumentException | SpikecoreException bad) {
            throw new IllegalArgumentException("point " + p.id() + ": " + bad.getMessage(), bad);
        }
        return new Outcome(p.id(), true, seconds[0]);
    }

    /** The record a {@code spikecore run} of this point would write (the git commit is the driver's: one look-up per sweep). */
    private RunRecord record(Map<String, String> options, long seed, Path out) {
        List<String> command = new ArrayList<>(List.of("spikecore", "run", experiment, "--out", out.toString(), "--seed", Long.toString(seed)));
        options.forEach((k, v) -> {
            command.add("--" + k);
            command.add(v);
        });
        Map<String, Object> config = new LinkedHashMap<>(options);
        config.put("experiment", experiment);
        config.put("out", out.toString());
        return RunRecord.now(command, config, seed, gitCommit);
    }

    /** This machine's name, looked up once per JVM. */
    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "unknown";
            }
        }
    }
}
