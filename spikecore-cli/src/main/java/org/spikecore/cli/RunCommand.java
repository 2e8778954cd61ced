package org.spikecore.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spikecore.cli.experiments.ContinualExperiment;
import org.spikecore.cli.experiments.DiehlCookExperiment;
import org.spikecore.cli.experiments.ConversionExperiment;
import org.spikecore.cli.experiments.EnergyCompareExperiment;
import org.spikecore.cli.experiments.ErbpExperiment;
import org.spikecore.cli.experiments.Experiment;
import org.spikecore.cli.experiments.ImageClassificationExperiment;
import org.spikecore.cli.experiments.LsmExperiment;
import org.spikecore.cli.experiments.MemoryStudy;
import org.spikecore.cli.experiments.Options;
import org.spikecore.cli.experiments.MemorgFrontierExperiment;
import org.spikecore.cli.experiments.PatternRetentionExperiment;
import org.spikecore.cli.report.HtmlReport;
import org.spikecore.io.AtomicFiles;
import org.spikecore.io.ResultsJson;
import org.spikecore.io.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spikecore run EXPERIMENT --out DIR [--config FILE.toml] [--key value ...]}: options come
 * from the config file, then the command line, which overrides it; the merged options are the
 * run's config in results.json, from which {@code spikecore rerun} repeats it.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a named experiment; writes DIR/results.json (with provenance) and plots.")
public final class RunCommand implements Callable<Integer> {

    /** The seed when neither --seed nor the config file gives one. */
    static final long DEFAULT_SEED = 42;

    /** Keys of results.json's run.config that are not experiment options. */
    static final List<String> RECORD_KEYS = List.of("experiment", "out", "config_file");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "One of: ${COMPLETION-CANDIDATES}",
            completionCandidates = Names.class)
    String name;

    @Option(names = "--out", description = "Output directory (or out = \"DIR\" in the config file).")
    Path out;

    @Option(names = "--seed", description = "Seed (default: " + DEFAULT_SEED + ", or seed = N in the config file).")
    Long seed;

    @Option(names = "--config", paramLabel = "FILE.toml",
            description = "TOML file of the experiment's options as key = value lines (the flags' names); flags override it.")
    Path config;

    /** The experiment's own {@code --key value} options, validated by the experiment. */
    @CommandLine.Unmatched
    List<String> rest = new ArrayList<>();

    /** Every experiment, in the order help lists them. */
    static List<Experiment> experiments() {
        return List.of(new MemoryStudy(), new PatternRetentionExperiment(), ImageClassificationExperiment.mnist(),
                ImageClassificationExperiment.fashionMnist(), new MemorgFrontierExperiment(), new DiehlCookExperiment(),
                new ConversionExperiment(), new EnergyCompareExperiment(), new LsmExperiment(),
                new ErbpExperiment(), new ContinualExperiment());
    }

    /** The experiment called {@code name}, or an error listing them all. */
    static Experiment byName(String name) {
        return experiments().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown experiment '" + name + "'; choose one of "
                        + experiments().stream().map(Experiment::name).toList()));
    }

    /** The help footer: each experiment's name and what it takes after {@code --out DIR}. */
    static String[] experimentsHelp() {
        List<String> lines = new ArrayList<>(List.of("", "Experiments and their options:"));
        for (Experiment e : experiments()) {
            lines.add("  " + e.name() + ": " + e.description());
        }
        return lines.toArray(String[]::new);
    }

    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return experiments().stream().map(Experiment::name).iterator();
        }
    }

    @Override
    public Integer call() {
        Experiment chosen = byName(name);
        Map<String, Options.Setting> settings = new LinkedHashMap<>();
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new IllegalArgumentException("--config " + config + " does not exist");
            }
            settings.putAll(Options.readToml(config, chosen.name(), chosen.options()));
        }
        parseOptions(rest).forEach((k, v) -> settings.put(k, new Options.Setting(v, null)));
        Options.Setting fileSeed = settings.remove("seed");
        Options.Setting fileOut = settings.remove("out");
        long runSeed = seed != null ? seed : fileSeed == null ? DEFAULT_SEED : parseSeed(fileSeed);
        Path outDir = out != null ? out : fileOut == null ? null : Path.of(fileOut.value());
        if (outDir == null) {
            throw new IllegalArgumentException("name the output directory with --out DIR (or out = \"DIR\" in the --config file)");
        }
        Map<String, String> options = new LinkedHashMap<>();
        settings.forEach((k, s) -> options.put(k, s.value()));
        checkPaths(outDir, options);
        Map<String, Object> record = new LinkedHashMap<>(options);
        record.put("experiment", chosen.name());
        record.put("out", outDir.toString());
        if (config != null) {
            record.put("config_file", config.toString());
        }
        RunRecord runRecord = RunRecord.now(commandLine(), record, runSeed);
        // Everything is produced in a staging directory and moved into --out only on success.
        AtomicFiles.stageDirectory(outDir, staging -> {
            Map<String, Object> results;
            try {
                results = chosen.run(options, staging, runSeed, spec.commandLine().getOut());
            } catch (IllegalArgumentException | org.spikecore.SpikecoreException e) {
                throw Options.locate(e, settings);
            }
            ResultsJson.write(staging.resolve("results.json"), runRecord, results);
            List<String> plots = results.get("plots") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            HtmlReport.write(staging.resolve("report.html"), "spikecore run " + chosen.name(), runRecord.toMap(), results, staging, plots,
                    List.of());
            return results;
        });
        spec.commandLine().getOut().println("wrote " + outDir.resolve("results.json") + " and " + outDir.resolve("report.html"));
        return 0;
    }

    private static long parseSeed(Options.Setting s) {
        try {
            return Long.parseLong(s.value());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed must be a whole number, got '" + s.value() + "' (set in " + s.origin() + ")");
        }
    }

    /** Refuses, before the run, an --out that cannot take its results and a --checkpoint inside it. */
    private static void checkPaths(Path out, Map<String, String> options) {
        Path outDir = AtomicFiles.checkOutputDirectory(out);
        if (options.containsKey("checkpoint")) {
            Path checkpoint = Path.of(options.get("checkpoint")).toAbsolutePath().normalize();
            if (checkpoint.startsWith(outDir)) {
                throw new IllegalArgumentException("--checkpoint " + options.get("checkpoint") + " lies in --out " + out
                        + ", which a finished run replaces as a whole; keep the checkpoint elsewhere");
            }
            if (Files.isDirectory(checkpoint)) {
                throw new IllegalArgumentException("--checkpoint " + options.get("checkpoint") + " is a directory; name a file");
            }
            AtomicFiles.removeStaleTemporaries(checkpoint);
        }
    }

    private List<String> commandLine() {
        List<String> cmd = new ArrayList<>(List.of("spikecore", "run", name));
        if (out != null) {
            cmd.addAll(List.of("--out", out.toString()));
        }
        if (seed != null) {
            cmd.addAll(List.of("--seed", seed.toString()));
        }
        if (config != null) {
            cmd.addAll(List.of("--config", config.toString()));
        }
        cmd.addAll(rest);
        return cmd;
    }

    /** {@code --key value} pairs (also {@code --key=value}); a flag without value is an error. */
    static Map<String, String> parseOptions(List<String> args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || a.length() < 3) {
                throw new IllegalArgumentException("expected an option --key value, got '" + a + "'");
            }
            String key;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                key = a.substring(2, eq);
                value = a.substring(eq + 1);
            } else {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("option --" + a.substring(2) + " needs a value");
                }
                key = a.substring(2);
                value = args.get(++i);
            }
            if (m.put(key, value) != null) {
                throw new IllegalArgumentException("option --" + key + " given twice");
            }
        }
        return m;
    }
}
