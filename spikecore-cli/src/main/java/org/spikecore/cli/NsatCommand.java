package org.spikecore.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spikecore.io.NsatCaseFiles;
import org.spikecore.nsat.NsatConfig;
import org.spikecore.nsat.NsatRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spikecore nsat}: NSAT cases (configurations in NSAT's own terms) on the engine under NSAT semantics. */
@Command(name = "nsat", mixinStandardHelpOptions = true,
        description = "Run NSAT cases (JSON configurations in NSAT's own terms) bit-accurately under NSAT semantics.",
        subcommands = {NsatCommand.Run.class})
public final class NsatCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code spikecore nsat run CASE.json --output OUT.json}. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Simulate a case's config under NSAT semantics and write x, spikes, spike_counts and "
                    + "final_weights as the case's output holds them.")
    static final class Run implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CASE.json", description = "A case file with a \"config\" object.")
        Path caseFile;

        @Option(names = "--output", required = true, paramLabel = "OUT.json", description = "Where to write the output.")
        Path output;

        @Override
        public Integer call() {
            NsatConfig config = NsatCaseFiles.readConfig(caseFile);
            NsatRun.Trace trace = NsatRun.run(config);
            NsatCaseFiles.writeOutput(output, config, trace);
            PrintWriter out = spec.commandLine().getOut();
            int spikes = 0;
            for (int[] s : trace.spikes()) {
                spikes += s.length;
            }
            out.printf("%s: %d neurons x %d states, %d ticks, %d spikes -> %s%n", caseFile.getFileName(),
                    config.neurons().size(), config.stateCount(), config.ticks(), spikes, output);
            return 0;
        }
    }
}
