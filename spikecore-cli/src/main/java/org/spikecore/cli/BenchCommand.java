package org.spikecore.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spikecore.cli.bench.BenchOptions;
import org.spikecore.cli.bench.BenchWorkload;
import org.spikecore.cli.bench.ConvWorkload;
import org.spikecore.cli.bench.CubaWorkload;
import org.spikecore.cli.bench.ErbpWorkload;
import org.spikecore.cli.bench.FeedForwardWorkload;
import org.spikecore.cli.bench.InferWorkload;
import org.spikecore.cli.bench.PatternEpochWorkload;
import org.spikecore.cli.bench.SweepOverheadWorkload;
import org.spikecore.cli.bench.TrainWorkload;
import org.spikecore.io.ResultsJson;
import org.spikecore.model.CoreSemantics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spikecore bench WORKLOAD}: one timed workload, one {@code RESULT {json}} line. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time one workload and print RESULT {json} (see docs/performance.md).")
public final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "One of: ${COMPLETION-CANDIDATES}",
            completionCandidates = Names.class)
    String workload;

    @Option(names = "--threads", defaultValue = "1", description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = {"--size", "--batch", "--neurons"}, defaultValue = "0",
            description = "Workload size: neurons (cuba), batch (train, infer); 0 = the workload's default.")
    int size;

    @Option(names = "--reps", defaultValue = "5", description = "Timed repetitions, median reported (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--semantics", defaultValue = "spikecore",
            description = "Core semantics of the engine workloads (cuba, ff): spikecore or nsat (default: ${DEFAULT-VALUE}).")
    String semantics;

    /** Every workload, in the order help lists them. */
    static List<BenchWorkload> workloads() {
        return List.of(new CubaWorkload(), new FeedForwardWorkload(), new PatternEpochWorkload(), new TrainWorkload(false),
                new TrainWorkload(true), new InferWorkload(), new ConvWorkload(), new ErbpWorkload(), new SweepOverheadWorkload(false),
                new SweepOverheadWorkload(true));
    }

    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return workloads().stream().map(BenchWorkload::name).iterator();
        }
    }

    @Override
    public Integer call() {
        BenchWorkload chosen = workloads().stream().filter(w -> w.name().equals(workload)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + workload + "'; choose one of "
                        + workloads().stream().map(BenchWorkload::name).toList()));
        BenchOptions options = new BenchOptions(threads, size, reps, seed, CoreSemantics.named(semantics));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("workload", chosen.name());
        result.put("threads", threads);
        result.put("semantics", options.semantics().name());
        result.putAll(chosen.run(options));
        PrintWriter out = spec.commandLine().getOut();
        out.println("RESULT " + ResultsJson.toCompactJson(result));
        return 0;
    }
}
