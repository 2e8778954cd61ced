package org.spikecore.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spikecore.SpikecoreException;
import org.spikecore.io.ResultsJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spikecore rerun DIR/results.json [--out DIR2]}: the run its record describes (experiment,
 * options, seed) again, which gives the same bits on the same spikecore version.
 */
@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = "Repeat a run from its results.json: the same experiment, options and seed.")
public final class RerunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS.json", description = "The results.json of the run to repeat.")
    Path results;

    @Option(names = "--out", description = "Output directory (default: the run's directory with -rerun appended).")
    Path out;

    @Override
    public Integer call() {
        Map<String, Object> doc = ResultsJson.read(results);
        if (!(doc.get("run") instanceof Map<?, ?> run) || !(run.get("config") instanceof Map<?, ?> config)
                || !(config.get("experiment") instanceof String experiment) || !(run.get("seed") instanceof Number seed)) {
            throw new SpikecoreException(results + " is not a spikecore results.json: it lacks run.config.experiment or run.seed");
        }
        Path dir = results.toAbsolutePath().getParent();
        Path to = out != null ? out : dir.resolveSibling(dir.getFileName() + "-rerun");
        List<String> args = new ArrayList<>(List.of("run", experiment, "--out", to.toString(), "--seed", seed.toString()));
        for (Map.Entry<?, ?> e : config.entrySet()) {
            if (!RunCommand.RECORD_KEYS.contains(String.valueOf(e.getKey()))) {
                args.add("--" + e.getKey());
                args.add(String.valueOf(e.getValue()));
            }
        }
        CommandLine cmd = SpikecoreMain.commandLine();
        cmd.setOut(spec.commandLine().getOut());
        cmd.setErr(spec.commandLine().getErr());
        spec.commandLine().getOut().println("rerun: spikecore " + String.join(" ", args));
        return cmd.execute(args.toArray(String[]::new));
    }
}
