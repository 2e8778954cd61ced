package org.spikecore.cli;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spikecore.SpikecoreException;
import org.spikecore.energy.Activity;
import org.spikecore.energy.EnergyModel;
import org.spikecore.energy.Horowitz45nm;
import org.spikecore.energy.LayerCost;
import org.spikecore.io.nir.NirConvention;
import org.spikecore.io.nir.NirCost;
import org.spikecore.io.nir.NirExport;
import org.spikecore.io.nir.NirFile;
import org.spikecore.io.nir.NirImport;
import org.spikecore.io.nir.NirLayer;
import org.spikecore.io.nir.NirNode;
import org.spikecore.io.nir.NirBitAccurate;
import org.spikecore.io.nir.NirReader;
import org.spikecore.io.nir.NirSimulation;
import org.spikecore.io.nir.NirWriter;
import org.spikecore.io.npy.Npy;
import org.spikecore.io.npy.NpyArray;
import org.spikecore.train.ImageClassifier;
import org.spikecore.train.Wage;
import org.spikecore.train.net.Conv2d;
import org.spikecore.train.net.CubaLif;
import org.spikecore.train.net.Dense;
import org.spikecore.train.net.Flatten;
import org.spikecore.train.net.Lif;
import org.spikecore.train.net.Module;
import org.spikecore.train.net.Pool;
import org.spikecore.train.net.Qpr;
import org.spikecore.memory.Encoding;
import org.spikecore.train.net.RecurrentLif;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spikecore nir info|simulate|cost|export}: networks in the Neuromorphic Intermediate Representation. */
@Command(name = "nir", mixinStandardHelpOptions = true,
        description = "Read, simulate and write NIR graphs (snnTorch, Norse, Sinabs, Lava, ... exports).",
        subcommands = {NirCommand.Info.class, NirCommand.Simulate.class, NirCommand.Cost.class, NirCommand.Export.class})
public final class NirCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The time step and convention options shared by the commands that simulate. */
    static final class Discretization {
        @Option(names = "--dt", defaultValue = "1e-4",
                description = "Time step in the file's time unit (default: ${DEFAULT-VALUE}, snnTorch's export step).")
        double dt;

        @Option(names = "--convention", defaultValue = "euler",
                description = "How LIF and CubaLIF are discretized: euler (NIR's equations, forward Euler), snntorch "
                        + "(Leaky/Synaptic, zero reset), snntorch-subtract (default: ${DEFAULT-VALUE}).")
        String convention;

        NirSimulation compile(NirFile file) {
            return NirSimulation.compile(file.graph(), dt, NirConvention.parse(convention));
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Nodes, edges, shapes, parameter counts, and whether the graph imports as a spikecore network.")
    static final class Info implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "A NIR file (.nir, HDF5).")
        Path file;

        @CommandLine.Mixin
        Discretization discretization = new Discretization();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            NirFile f = NirReader.read(file);
            NirSimulation sim = discretization.compile(f);
            List<NirImport.Mapping> maps = NirImport.mappings(sim);
            out.printf("%s: NIR %s, %d nodes after inlining subgraphs, input %s -> output %s%n", file.getFileName(), f.version(),
                    sim.layers().size(), sim.inputShape(), sim.outputShape());
            out.printf("%-12s %-10s %-14s %-14s %12s  %s%n", "node", "type", "input", "output", "parameters", "spikecore layer");
            long total = 0;
            for (int k = 0; k < sim.layers().size(); k++) {
                NirLayer l = sim.layers().get(k);
                NirImport.Mapping m = maps.get(k);
                total += l.node().parameterCount();
                out.printf("%-12s %-10s %-14s %-14s %,12d  %s%n", l.name(), l.node().type(), l.inShape(), l.outShape(),
                        l.node().parameterCount(), m.module() != null ? describe(m.module()) : m.maps() ? "-" : "none: " + m.reason());
            }
            out.printf("parameters: %,d%n", total);
            out.println("edges: " + String.join(", ", edges(f.graph(), "")));
            NirImport.Result r = NirImport.modules(sim);
            out.println(r.reason() == null
                    ? "imports as a spikecore Sequential of " + r.modules().size() + " modules under --convention " + discretization.convention
                            + " --dt " + discretization.dt + " (trainable, and deployable as spikecore networks are)"
                    : "does not import as a spikecore Sequential: " + r.reason());
            return 0;
        }

        private static List<String> edges(NirNode.NirGraph g, String prefix) {
            List<String> out = new ArrayList<>();
            for (NirNode.Edge e : g.edges()) {
                out.add(prefix + e.from() + "->" + prefix + e.to());
            }
            g.nodes().forEach((name, n) -> {
                if (n instanceof NirNode.NirGraph sub) {
                    out.addAll(edges(sub, prefix + name + "."));
                }
            });
            return out;
        }
    }

    /** A module in a few words. */
    static String describe(Module m) {
        return switch (m) {
            case Dense d -> "Dense " + d.inShape() + "->" + d.outShape() + (d.parameters().length == 2 ? " with bias" : "");
            case Conv2d c -> "Conv2d " + c.inShape() + "->" + c.outShape() + " k" + c.kernel() + " s" + c.stride() + " p" + c.padding();
            case Pool p -> (p.average() ? "avg " : "sum ") + "Pool " + p.kernel() + "x" + p.kernel();
            case Flatten f -> "Flatten " + f.inShape();
            case org.spikecore.train.net.Relu r -> "Relu " + r.inShape();
            case Lif l -> "Lif beta " + l.beta() + " threshold " + l.threshold() + ", " + l.reset().name().toLowerCase() + " reset";
            case CubaLif c -> String.format("CubaLif alpha %s beta %s threshold %s, %s reset", c.alpha(), c.beta(), c.threshold(),
                    c.reset().name().toLowerCase());
            case RecurrentLif r -> "RecurrentLif " + r.shape();
            case Qpr q -> "Qpr " + q.shape();
        };
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true,
            description = "Run a NIR graph in float32 on an input array [T, batch, ...] or [T, ...]; writes the output node's values.")
    static final class Simulate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "A NIR file.")
        Path file;

        @Option(names = "--input", required = true, description = "Input .npy, [T, batch, input shape] or [T, input shape].")
        Path input;

        @Option(names = "--output", required = true, description = "Output .npy (float32, same leading dimensions).")
        Path output;

        @Option(names = "--compare", description = "A reference output .npy: print the fraction of entries that agree.")
        Path compare;

        @Option(names = "--bit-accurate", description = "Run the graph on the bit-accurate engine (deployed with integer weights "
                + "and states) and write its spikes; prints their agreement with the float run.")
        boolean bitAccurate;

        @Option(names = "--weight-bits", defaultValue = "8", description = "Weight width of --bit-accurate (default: ${DEFAULT-VALUE}).")
        int weightBits;

        @Option(names = "--state-bits", defaultValue = "16", description = "State width of --bit-accurate (default: ${DEFAULT-VALUE}).")
        int stateBits;

        @CommandLine.Mixin
        Discretization discretization = new Discretization();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            NirSimulation sim = discretization.compile(NirReader.read(file));
            NpyArray in = Npy.read(input);
            NpyArray reference = compare == null ? null : Npy.read(compare);
            NpyArray y;
            if (bitAccurate) {
                NirBitAccurate.Result r = NirBitAccurate.run(sim, in, weightBits, stateBits);
                y = r.output();
                out.printf("bit-accurate engine: %d-bit weights, %d-bit states, %d units per 1.0; %d synaptic operations; "
                        + "%.2f%% of output entries equal to the float run's%n", weightBits, stateBits, r.unitsPerOne(), r.synOps(),
                        100 * r.agreement());
            } else {
                y = sim.run(in);
            }
            if (reference != null && !java.util.Arrays.equals(reference.shape(), y.shape())) {
                throw new SpikecoreException("file " + compare + ": shape " + java.util.Arrays.toString(reference.shape())
                        + " differs from the output's " + java.util.Arrays.toString(y.shape()));
            }
            Npy.write(output, y);
            long nonZero = java.util.Arrays.stream(y.values()).filter(v -> v != 0).count();
            out.printf("%s: %d steps, output %s, %d of %d output entries non-zero (convention %s, dt %s); wrote %s%n",
                    file.getFileName(), in.dim(0), java.util.Arrays.toString(y.shape()), nonZero, y.values().length,
                    discretization.convention, discretization.dt, output);
            if (reference != null) {
                double agreement = NirBitAccurate.agreement(y, reference);
                out.printf("agreement with %s: %.2f%% (%d of %d entries)%n", compare.getFileName(), 100.0 * agreement,
                        Math.round(agreement * y.values().length), y.values().length);
            }
            return 0;
        }
    }

    @Command(name = "cost", mixinStandardHelpOptions = true,
            description = "Synaptic operations per layer from a simulated run, and forward energy per sample under synapse-memory encodings.")
    static final class Cost implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "A NIR file.")
        Path file;

        @Option(names = "--input", required = true, description = "Input .npy, [T, batch, input shape] or [T, input shape].")
        Path input;

        @Option(names = "--bits", defaultValue = "8", description = "Weight bits for the memory (default: ${DEFAULT-VALUE}).")
        int bits;

        @Option(names = "--word-bits", defaultValue = "64", description = "Memory word width (default: ${DEFAULT-VALUE}).")
        int wordBits;

        @Option(names = "--encoding", split = ",", description = "Encodings (default: all that apply): crossbar, pb-bmp, pb-csr, dual, "
                + "conv-func, conv-func-bmp.")
        List<String> encodings = new ArrayList<>();

        @CommandLine.Mixin
        Discretization discretization = new Discretization();

        @Override
        public Integer call() {
            if (bits < 1 || bits > wordBits || wordBits > 1024) {
                throw new IllegalArgumentException("--bits must be 1..--word-bits and --word-bits at most 1024, got " + bits + " and " + wordBits);
            }
            List<Encoding> chosen = encodings.isEmpty() ? List.of(Encoding.values())
                    : encodings.stream().map(String::trim).map(Encoding::fromName).toList();
            PrintWriter out = spec.commandLine().getOut();
            NirSimulation sim = discretization.compile(NirReader.read(file));
            NpyArray in = Npy.read(input);
            NirSimulation.Steps x = sim.steps(in);
            int steps = x.steps().length;
            int samples = x.batch();
            NirSimulation.Run run = sim.run(x.steps(), samples);
            EnergyModel model = new Horowitz45nm();
            out.printf("%s: %d samples x %d steps (convention %s, dt %s); energy model %s v%s, %d-bit weights, %d-bit words%n",
                    file.getFileName(), samples, steps, discretization.convention, discretization.dt, model.name(), model.version(), bits,
                    wordBits);
            out.printf("%-12s %-8s %14s %16s %10s %8s  %s%n", "node", "type", "events/sample", "SynOps/sample", "input rate", "density",
                    "forward µJ/sample by encoding");
            double total = 0;
            for (NirCost.Layer l : NirCost.of(sim, run, samples, steps)) {
                total += l.synOpsPerSample();
                StringBuilder energy = new StringBuilder();
                if (l.shape() == null) {
                    energy.append("(").append(l.why()).append(")");
                } else {
                    Activity activity = new Activity(Math.min(1, l.inputRate()), Activity.DEFAULT.errorRate(), steps);
                    for (Encoding e : chosen) {
                        if (e.convolutionOnly() && !(l.shape() instanceof org.spikecore.memory.LayerShape.Conv)) {
                            continue;
                        }
                        LayerCost c = LayerCost.of(l.shape(), e, bits, Math.max(l.density(), 1e-9), wordBits, activity, model);
                        energy.append(String.format("%s %.4f  ", e.cliName(), c.forwardSampleJ() * 1e6));
                    }
                }
                out.printf("%-12s %-8s %,14.1f %,16.1f %10.4f %8.3f  %s%n", l.node(), l.type(), l.eventsPerSample(), l.synOpsPerSample(),
                        l.inputRate(), l.density(), energy.toString().strip());
            }
            out.printf("total: %,.1f synaptic operations per sample%n", total);
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write spikecore's image classifier (dense-LIF-dense-LIF, as 'run mnist' trains it) as a NIR file.")
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--output", required = true, description = "The NIR file to write.")
        Path output;

        @Option(names = "--checkpoint", description = "A float checkpoint of 'run mnist --checkpoint FILE' (default: the untrained network).")
        Path checkpoint;

        @Option(names = "--hidden", defaultValue = "256", description = "Hidden LIF neurons (default: ${DEFAULT-VALUE}).")
        int hidden;

        @Option(names = "--rows", defaultValue = "28", description = "Image rows (default: ${DEFAULT-VALUE}).")
        int rows;

        @Option(names = "--cols", defaultValue = "28", description = "Image columns (default: ${DEFAULT-VALUE}).")
        int cols;

        @Option(names = "--classes", defaultValue = "10", description = "Classes (default: ${DEFAULT-VALUE}).")
        int classes;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the initial weights (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (rows < 1 || cols < 1 || classes < 1) {
                throw new IllegalArgumentException("--rows, --cols and --classes must be at least 1");
            }
            ImageClassifier classifier = new ImageClassifier(new ImageClassifier.Config(hidden, 25, 64, 5e-4f, 1f, 1, Wage.FLOAT), rows,
                    cols, classes, seed);
            if (checkpoint != null) {
                try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(checkpoint)))) {
                    classifier.readState(in);
                } catch (IOException e) {
                    throw new SpikecoreException("checkpoint " + checkpoint + " cannot be read as a " + rows * cols + "-" + hidden + "-"
                            + classes + " float classifier: " + e.getMessage());
                }
            }
            List<Module> modules = classifier.modules();
            NirNode.NirGraph graph = NirExport.of(modules);
            NirWriter.write(output, graph);
            out.printf("wrote %s: %d-%d-%d LIF network%s, %d nodes, %,d parameters, dt %s%n", output, rows * cols, hidden, classes,
                    checkpoint == null ? " (untrained, seed " + seed + ")" : " (epoch " + classifier.epoch() + " of " + checkpoint + ")",
                    graph.nodes().size(), graph.nodes().values().stream().mapToLong(NirNode::parameterCount).sum(), NirExport.DT);
            if (NirExport.subtractsOnReset(modules)) {
                out.println("its neurons reset by subtraction, which NIR cannot say: simulate it with --convention snntorch-subtract");
            }
            return 0;
        }
    }
}
