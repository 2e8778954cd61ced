package org.spikecore.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spikecore.cli.experiments.ErbpExperiment;
import org.spikecore.cli.experiments.Experiment;
import org.spikecore.cli.experiments.ImageClassificationExperiment;
import org.spikecore.cli.experiments.MemoryStudy;
import org.spikecore.cli.experiments.PatternRetentionExperiment;
import org.spikecore.io.AtomicFiles;
import org.spikecore.io.ResultsJson;
import org.spikecore.io.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spikecore run EXPERIMENT --out DIR [--key value ...]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a named experiment; writes DIR/results.json (with provenance) and plots.")
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "One of: ${COMPLETION-CANDIDATES}",
            completionCandidates = Names.class)
    String name;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The experiment's own {@code --key value} options, validated by the experiment. */
    @CommandLine.Unmatched
    List<String> rest = new ArrayList<>();

    /** Every experiment, in the order help lists them. */
    static List<Experiment> experiments() {
        return List.of(new MemoryStudy(), new PatternRetentionExperiment(), ImageClassificationExperiment.mnist(),
                ImageClassificationExperiment.fashionMnist(), new ErbpExperiment());
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
        Experiment chosen = experiments().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown experiment '" + name + "'; choose one of "
                        + experiments().stream().map(Experiment::name).toList()));
        Map<String, String> options = parseOptions(rest);
        Map<String, Object> config = new LinkedHashMap<>(options);
        config.put("experiment", chosen.name());
        config.put("out", out.toString());
        RunRecord record = RunRecord.now(commandLine(), config, seed);
        // Everything is produced in a staging directory and moved into --out only on success.
        AtomicFiles.stageDirectory(out, staging -> {
            Map<String, Object> results = chosen.run(options, staging, seed, spec.commandLine().getOut());
            ResultsJson.write(staging.resolve("results.json"), record, results);
            return results;
        });
        spec.commandLine().getOut().println("wrote " + out.resolve("results.json"));
        return 0;
    }

    private List<String> commandLine() {
        List<String> cmd = new ArrayList<>(List.of("spikecore", "run", name, "--out", out.toString(), "--seed",
                Long.toString(seed)));
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
