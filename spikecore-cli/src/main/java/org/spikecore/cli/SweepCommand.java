package org.spikecore.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spikecore.cli.report.Charts;
import org.spikecore.cli.report.HtmlReport;
import org.spikecore.io.AtomicFiles;
import org.spikecore.sweep.ConfigFile;
import org.spikecore.sweep.Grid;
import org.spikecore.sweep.ParetoPlot;
import org.spikecore.sweep.Sweep;
import org.spikecore.sweep.SweepEngine;
import org.spikecore.sweep.SweepTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spikecore sweep}: an experiment over a grid of its options, on a thread pool or Spark; docs/sweeps.md. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an experiment at every point of a grid of its options; points are stored in DIR/points as they finish "
                + "(a rerun skips them), then merged into DIR/table.csv, DIR/table.json, a Pareto plot DIR/pareto.png and DIR/report.md.",
                "Grid: 'weight_bits=2..6; epochs=100|300; seed=0..4' (keys are the experiment's options, _ for -; "
                        + "seed sets the run's seed)."})
public final class SweepCommand implements Callable<Integer> {

    /**
     * A ready sweep.
     *
     * @param name       what {@code --preset} takes
     * @param experiment the experiment
     * @param grid       its grid
     * @param plot       its plot
     * @param options    its base options
     */
    record Preset(String name, String experiment, String grid, String plot, Map<String, String> options) {
    }

    /** The seed paper's energy-vs-Van-Rossum cloud: 15 trainings of 1,500 epochs, ≈ 6 minutes on 2 cores (docs/sweeps.md). */
    static final Preset MEMORG_FRONTIER = new Preset("memorg-frontier", "memorg-frontier", "weight_bits=2..6; seed=0..2",
            "training_iteration_uJ.*,vr_distance", Map.of("epochs", "1500"));

    static final List<Preset> PRESETS = List.of(MEMORG_FRONTIER);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--experiment", paramLabel = "NAME", description = "The experiment (one of spikecore run's).")
    String experiment;

    @Option(names = "--preset", paramLabel = "NAME", description = "A ready sweep: memorg-frontier.")
    String preset;

    @Option(names = "--grid", paramLabel = "GRID", description = "The grid (a preset has its own).")
    String grid;

    @Option(names = "--config", paramLabel = "FILE.toml", description = "Options every point shares, one TOML key each.")
    Path config;

    @Option(names = "--epochs", paramLabel = "N", description = "Sets the experiment's --epochs for every point (a short preset run).")
    Integer epochs;

    @Option(names = "--out", paramLabel = "DIR", description = "The results store (default for a preset: sweeps/NAME).")
    Path out;

    @Option(names = "--engine", defaultValue = "local", paramLabel = "local|spark",
            description = "local: a thread pool (default); spark: Spark tasks (spark-submit's cluster, else Spark in this JVM).")
    String engine;

    @Option(names = "--parallelism", paramLabel = "N", description = "Points at once (default: the machine's cores).")
    Integer parallelism;

    @Option(names = "--attempts", defaultValue = "2", paramLabel = "N", description = "Tries per point (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of points whose grid has no seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--plot", paramLabel = "X,Y", description = "Two result columns for the Pareto plot ('max:' before one that is "
            + "better larger; X may end in * for one cloud per column).")
    String plot;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if ((experiment == null) == (preset == null)) {
            throw new IllegalArgumentException("give either --experiment NAME with --grid, or --preset NAME ("
                    + PRESETS.stream().map(Preset::name).toList() + ")");
        }
        Preset p = preset == null ? null : PRESETS.stream().filter(x -> x.name().equals(preset)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown preset '" + preset + "'; presets: "
                        + PRESETS.stream().map(Preset::name).toList()));
        String gridText = grid != null ? grid : p != null ? p.grid() : null;
        if (gridText == null) {
            throw new IllegalArgumentException("--experiment needs --grid 'key=values; ...'");
        }
        Grid g = Grid.parse(gridText);
        Map<String, String> base = new LinkedHashMap<>(p != null ? p.options() : Map.of());
        if (config != null) {
            base.putAll(ConfigFile.read(config));
        }
        if (epochs != null) {
            if (epochs < 1) {
                throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
            }
            base.put("epochs", Integer.toString(epochs));
        }
        ParetoPlot.Spec plotSpec = plot != null ? ParetoPlot.Spec.parse(plot) : p != null ? ParetoPlot.Spec.parse(p.plot()) : null;
        Path dir = out != null ? out : p != null ? Path.of("sweeps", p.name()) : null;
        if (dir == null) {
            throw new IllegalArgumentException("--experiment needs --out DIR");
        }
        int threads = parallelism != null ? parallelism : Runtime.getRuntime().availableProcessors();
        SweepEngine e = SweepEngine.named(engine, threads, attempts);
        String name = p != null ? p.experiment() : experiment;
        Sweep.Result r = Sweep.run(SweepCatalog.INSTANCE, new Sweep.Spec(name, base, g, seed, dir), e, o,
                System.console() != null && System.console().isTerminal());
        o.printf("wrote %s and %s: %d rows (%d points computed now, %d found in the store)%n", dir.resolve("table.csv"),
                dir.resolve("table.json"), r.table().rows().size(), r.computed(), r.stored());
        StringBuilder report = new StringBuilder("# Sweep of " + name + "\n\n");
        report.append(String.format(Locale.ROOT, "Grid `%s`: %d points (%d computed by this run on %s, %d found in the store); shared "
                + "options %s; seed %d where the grid has none. Merged tables: [table.csv](table.csv), [table.json](table.json); "
                + "each point's files in `points/`.%n%n", gridText, r.table().rows().size(), r.computed(), e.name(), r.stored(), base, seed));
        if (plotSpec != null) {
            report.append(writePlot(dir, name, r.table(), plotSpec, o));
        }
        report.append(r.table().markdown());
        AtomicFiles.writeString(dir.resolve("report.md"), report.toString());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("experiment", name);
        record.put("grid", gridText);
        record.put("options", base);
        record.put("engine", e.name());
        record.put("seed", seed);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("points", r.table().rows().size());
        counts.put("computed_now", r.computed());
        counts.put("found_in_store", r.stored());
        HtmlReport.write(dir.resolve("report.html"), "spikecore sweep " + name, record, counts, dir,
                plotSpec != null ? List.of("pareto.png") : List.of(),
                List.of(new HtmlReport.Section("merged table (table.csv)", r.table().markdown())));
        o.printf("wrote %s and %s%n", dir.resolve("report.md"), dir.resolve("report.html"));
        return 0;
    }

    /** Draws the plot and returns its paragraph of the report. */
    private static String writePlot(Path dir, String experiment, SweepTable table, ParetoPlot.Spec spec, PrintWriter o) {
        ParetoPlot plot = ParetoPlot.of(table, spec);
        List<Charts.Series> clouds = new ArrayList<>();
        plot.clouds().forEach(c -> clouds.add(new Charts.Series(c.name(), c.x(), c.y())));
        Path file = dir.resolve("pareto.png");
        Charts.scatter(file, experiment + ": " + plot.yLabel() + " against " + plot.xLabel(), plot.xLabel(), plot.yLabel(), clouds,
                new Charts.Series(plot.front().name(), plot.front().x(), plot.front().y()));
        StringBuilder front = new StringBuilder();
        for (int i = 0; i < plot.front().x().length; i++) {
            front.append(String.format(Locale.ROOT, " (%.4g, %.4g)", plot.front().x()[i], plot.front().y()[i]));
        }
        o.printf("wrote %s; Pareto front (%s, %s):%s%n", file, plot.xLabel(), plot.yLabel(), front);
        return String.format(Locale.ROOT, "![%s against %s](pareto.png)%n%nPareto front (%s, %s):%s%n%n", plot.yLabel(), plot.xLabel(),
                plot.xLabel(), plot.yLabel(), front);
    }
}
