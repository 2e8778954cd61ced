package org.spikecore.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spikecore.cli.report.Charts;
import org.spikecore.train.AnnClassifier;
import org.spikecore.train.AnnConversion;
import org.spikecore.train.Loss;
import org.spikecore.train.NetworkArchitecture;
import org.spikecore.train.Optimizer;
import org.spikecore.train.net.Module;
import org.spikecore.train.net.Sequential;

/**
 * The talk's SNN-against-ANN table from operation counts: per architecture, the ANN's MACs (every
 * weight once per inference) against the accumulates of two spiking networks of the same layers and
 * inputs, measured from their spikes per layer ({@link AnnConversion#operationsPerImage}): the
 * converted ANN ({@link AnnConversion}) and a network trained from random weights by surrogate BPTT.
 * Both spiking networks take rate-coded pixels. Energies as the talk prices them and under the
 * project's energy model ({@link OperationEnergy}).
 */
public final class EnergyCompareExperiment implements Experiment {

    private static final Set<String> OPTIONS;

    static {
        Set<String> o = new HashSet<>(ImageData.OPTIONS);
        o.addAll(Set.of("archs", "hidden", "epochs", "batch", "learning-rate", "percentile", "steps", "surrogate-steps",
                "surrogate-epochs", "surrogate-learning-rate", "threads"));
        OPTIONS = Set.copyOf(o);
    }

    @Override
    public String name() {
        return "energy-compare";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public String description() {
        return "ANN MACs against SNN accumulates (measured spikes per layer) for a surrogate-trained SNN, a converted SNN and the ANN, "
                + "per architecture, energies at 45 nm and under the energy model; --archs mlp,cnn, --dataset mnist|fashion-mnist, "
                + "--steps T (converted, 64), --surrogate-steps T (16), --surrogate-epochs N (2), --surrogate-learning-rate (1e-3), "
                + "--epochs N (ANN, 8), --hidden H (512), --percentile P (99.9), --train-samples/--test-samples N, --threads N, --data DIR";
    }

    @Override
    public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
        Options.checkKnown(name(), options, OPTIONS);
        String[] archs = options.getOrDefault("archs", "mlp,cnn").split(",");
        int steps = Options.intOption(options, "steps", 64, 1);
        int surrogateSteps = Options.intOption(options, "surrogate-steps", 16, 1);
        int surrogateEpochs = Options.intOption(options, "surrogate-epochs", 2, 1);
        float surrogateRate = Options.positive(options, "surrogate-learning-rate", 1e-3f, 1f);
        int batch = Options.intOption(options, "batch", 64, 1);
        int threads = Options.intOption(options, "threads", 1, 1);
        double percentile = ConversionExperiment.percentile(options);
        for (String a : archs) {
            ConversionExperiment.architecture(Map.of("arch", a.trim()));
        }
        ImageData data = ImageData.load(options);
        OperationEnergy energy = new OperationEnergy();
        long t0 = System.nanoTime();

        List<Map<String, Object>> table = new ArrayList<>();
        Map<String, List<Double>> opsBars = new LinkedHashMap<>();
        Map<String, List<Double>> efficiencyBars = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>();
        for (String a : archs) {
            Map<String, String> archOptions = new HashMap<>(options);
            archOptions.put("arch", a.trim());
            AnnClassifier ann = ConversionExperiment.trainAnn(archOptions, data, seed, out);
            NetworkArchitecture arch = ann.architecture();
            categories.add(arch.name());
            List<Module> annWeights = NetworkArchitecture.weightModules(ann.modules());
            double[] macs = new double[annWeights.size()];
            long[] weights = new long[annWeights.size()];
            for (int k = 0; k < macs.length; k++) {
                macs[k] = Arrays.stream(arch.fanOut(ann.modules(), k)).sum();
                weights[k] = annWeights.get(k).parameters()[0].length;
            }
            double annAccuracy = ann.accuracy(data.test());

            Sequential converted = ConversionExperiment.spiking(ann, ann.activationScales(data.train(), percentile), 1, threads, 1e-4f);
            double convertedAccuracy = AnnConversion.accuracy(
                    AnnConversion.predict(converted, data.test(), AnnConversion.Coding.RATE, new int[] {steps}, seed)[0], data.test());
            double[] convertedOps = AnnConversion.operationsPerImage(arch, converted, data.test(), AnnConversion.Coding.RATE, steps, seed);

            List<Module> scratch = arch.modules(ann.input(), ann.classes(), seed + 1, AnnConversion::integrateAndFire);
            for (float[] p : scratch.get(scratch.size() - 1).parameters()) { // the readout sums T steps: start it on the logits' scale
                for (int i = 0; i < p.length; i++) {
                    p[i] /= surrogateSteps;
                }
            }
            Sequential surrogate = new Sequential(scratch, Loss.CE_COUNTS, new Optimizer.AdamSpec(surrogateRate))
                    .withThreads(threads);
            AnnConversion.fineTune(surrogate, data.train(), AnnConversion.Coding.RATE, surrogateSteps, surrogateEpochs, batch, seed);
            double surrogateAccuracy = AnnConversion.accuracy(
                    AnnConversion.predict(surrogate, data.test(), AnnConversion.Coding.RATE, new int[] {surrogateSteps}, seed)[0],
                    data.test());
            double[] surrogateOps = AnnConversion.operationsPerImage(arch, surrogate, data.test(), AnnConversion.Coding.RATE,
                    surrogateSteps, seed);

            double annTalk = 0;
            double annModel = 0;
            for (int k = 0; k < macs.length; k++) {
                annTalk += OperationEnergy.talkJoules(macs[k], true);
                annModel += energy.modelJoules(macs[k], weights[k], true);
            }
            Object[][] rows = {{"surrogate-trained SNN", surrogateAccuracy, surrogateSteps, surrogateOps},
                {"converted SNN", convertedAccuracy, steps, convertedOps}, {"ANN", annAccuracy, 1, macs}};
            for (Object[] r : rows) {
                String model = (String) r[0];
                double[] ops = (double[]) r[3];
                boolean isAnn = model.equals("ANN");
                double talk = 0;
                double modelJ = 0;
                for (int k = 0; k < ops.length; k++) {
                    talk += OperationEnergy.talkJoules(ops[k], isAnn);
                    modelJ += energy.modelJoules(ops[k], weights[k], isAnn);
                }
                double total = Arrays.stream(ops).sum();
                double totalMacs = Arrays.stream(macs).sum();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("architecture", arch.name());
                row.put("model", model);
                row.put("test_accuracy", r[1]);
                row.put("steps", r[2]);
                row.put("operations_per_layer", ops);
                row.put("operations", total);
                row.put("operations_relative_to_ann", total / totalMacs);
                row.put("energy_45nm_uJ", talk * 1e6);
                row.put("efficiency_45nm", annTalk / talk);
                row.put("energy_model_uJ", modelJ * 1e6);
                row.put("efficiency_model", annModel / modelJ);
                table.add(row);
                opsBars.computeIfAbsent(model, x -> new ArrayList<>()).add(total / totalMacs);
                efficiencyBars.computeIfAbsent(model, x -> new ArrayList<>()).add(annTalk / talk);
                out.printf("  %-4s %-22s accuracy %.4f  T %3d  %.3g ops (%.2fx the ANN's)  45 nm %.3f uJ (efficiency %.2fx)  model %.3f uJ "
                        + "(%.2fx)%n", arch.name(), model, (double) r[1], (int) r[2], total, total / totalMacs, talk * 1e6, annTalk / talk,
                        modelJ * 1e6, annModel / modelJ);
                out.flush();
            }
        }
        Charts.bars(outDir.resolve("operations.png"), data.name() + ": operations per inference relative to the ANN", "operations / ANN MACs",
                categories, opsBars, false);
        Charts.bars(outDir.resolve("efficiency.png"), data.name() + ": energy efficiency over the ANN (45 nm: MAC 4.6 pJ, AC 0.9 pJ)",
                "E_ANN / E", categories, efficiencyBars, false);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("data_set", data.name());
        results.put("train_samples", data.train().size());
        results.put("test_samples", data.test().size());
        results.put("coding", "rate (spiking networks); intensities (ANN)");
        results.put("surrogate_training", Map.of("epochs", surrogateEpochs, "learning_rate", surrogateRate, "neurons",
                "integrate-and-fire, threshold 1, subtract reset; readout integrates", "init", "random weights, readout divided by T"));
        results.put("energy", energy.describe());
        results.put("table", table);
        results.put("seconds", (System.nanoTime() - t0) / 1e9);
        return results;
    }
}
