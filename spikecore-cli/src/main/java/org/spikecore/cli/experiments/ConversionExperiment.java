package org.spikecore.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spikecore.cli.report.Charts;
import org.spikecore.train.AnnClassifier;
import org.spikecore.train.AnnConversion;
import org.spikecore.train.ConvertedDeployment;
import org.spikecore.train.Loss;
import org.spikecore.train.NetworkArchitecture;
import org.spikecore.train.Optimizer;
import org.spikecore.train.net.Sequential;

/**
 * ANN→SNN conversion and hybrid training (Diehl et al. 2015, Rueckauer et al. 2017, Rathi et al.
 * 2020): trains a ReLU network ({@link AnnClassifier}), converts it to integrate-and-fire neurons
 * with data-based normalisation ({@link AnnConversion}), measures accuracy against the time steps T,
 * fine-tunes the converted network with surrogate-gradient BPTT at small T, and runs the converted
 * MLP on the bit-accurate engine ({@link ConvertedDeployment}).
 */
public final class ConversionExperiment implements Experiment {

    private static final Set<String> OPTIONS;

    static {
        Set<String> o = new HashSet<>(ImageData.OPTIONS);
        o.addAll(Set.of("arch", "hidden", "epochs", "batch", "learning-rate", "percentile", "coding", "steps", "hybrid-steps",
                "hybrid-epochs", "hybrid-learning-rate", "hybrid-samples", "deploy-steps", "threads"));
        OPTIONS = Set.copyOf(o);
    }

    @Override
    public String name() {
        return "conversion";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public String description() {
        return "ANN (ReLU) -> integrate-and-fire conversion with data-based normalisation, accuracy against T, hybrid surrogate "
                + "fine-tuning; --dataset mnist|fashion-mnist, --arch mlp|cnn, --hidden H (512, mlp), --epochs N (8), --batch B (64), "
                + "--learning-rate (1e-3), --percentile P (99.9; 100 = max), --coding current|rate, --steps 8,16,...,256, "
                + "--hybrid-steps 8,16,32, --hybrid-epochs N (1), --hybrid-learning-rate (1e-4), --hybrid-samples N (10000), "
                + "--deploy-steps T (64; mlp: run on the bit-accurate engine, 0 = skip), --train-samples/--test-samples N, "
                + "--threads N, --data DIR";
    }

    /** What a conversion run made, for the energy comparison that reuses it. */
    record Trained(AnnClassifier ann, double[] scales, AnnConversion.Coding coding) {
    }

    static NetworkArchitecture architecture(Map<String, String> options) {
        String arch = options.getOrDefault("arch", "mlp");
        return switch (arch) {
            case "mlp" -> NetworkArchitecture.mlp(Options.intOption(options, "hidden", 512, 1));
            case "cnn" -> NetworkArchitecture.cnn();
            default -> throw new IllegalArgumentException("--arch takes mlp or cnn, got '" + arch + "'");
        };
    }

    static AnnConversion.Coding coding(Map<String, String> options, String dflt) {
        String c = options.getOrDefault("coding", dflt);
        return switch (c) {
            case "current" -> AnnConversion.Coding.CURRENT;
            case "rate" -> AnnConversion.Coding.RATE;
            default -> throw new IllegalArgumentException("--coding takes current or rate, got '" + c + "'");
        };
    }

    /** A comma-separated list of ascending positive whole numbers. */
    static int[] steps(Map<String, String> options, String key, String dflt) {
        String v = options.getOrDefault(key, dflt);
        int[] s;
        try {
            s = Arrays.stream(v.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " takes ascending whole numbers separated by commas, got '" + v + "'");
        }
        for (int k = 0; k < s.length; k++) {
            if (s[k] < 1 || (k > 0 && s[k] <= s[k - 1])) {
                throw new IllegalArgumentException("--" + key + " takes ascending whole numbers of at least 1, got '" + v + "'");
            }
        }
        return s;
    }

    /** Trains the ANN of {@code options} on {@code data}, printing each epoch. */
    static AnnClassifier trainAnn(Map<String, String> options, ImageData data, long seed, PrintWriter out) {
        NetworkArchitecture arch = architecture(options);
        int epochs = Options.intOption(options, "epochs", 8, 1);
        AnnClassifier.Config config = new AnnClassifier.Config(Options.intOption(options, "batch", 64, 1),
                Options.positive(options, "learning-rate", 1e-3f, 1f), Options.intOption(options, "threads", 1, 1));
        AnnClassifier ann = new AnnClassifier(arch, data.train().rows(), data.train().cols(), data.train().classes(), config, seed);
        out.printf("%s: %d training, %d test images; ANN %s, %d epoch(s)%n", data.name(), data.train().size(), data.test().size(),
                arch.name(), epochs);
        for (int e = 1; e <= epochs; e++) {
            double loss = ann.trainEpoch(data.train());
            out.printf("  ANN epoch %d  train loss %.4f%n", e, loss);
            out.flush();
        }
        return ann;
    }

    @Override
    public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
        Options.checkKnown(name(), options, OPTIONS);
        NetworkArchitecture arch = architecture(options);
        AnnConversion.Coding coding = coding(options, "current");
        int[] steps = steps(options, "steps", "8,16,32,64,128,256");
        int[] hybridSteps = steps(options, "hybrid-steps", "8,16,32");
        int hybridEpochs = Options.intOption(options, "hybrid-epochs", 1, 0);
        float hybridRate = Options.positive(options, "hybrid-learning-rate", 1e-4f, 1f);
        int batch = Options.intOption(options, "batch", 64, 1);
        int threads = Options.intOption(options, "threads", 1, 1);
        int deploySteps = Options.intOption(options, "deploy-steps", arch.name().equals("mlp") ? 64 : 0, 0);
        if (deploySteps > 0 && arch.biased()) {
            throw new IllegalArgumentException("--deploy-steps: only the mlp (no biases) deploys to the engine; pass --deploy-steps 0");
        }
        double percentile = percentile(options);
        ImageData data = ImageData.load(options);
        int hybridSamples = Math.min(data.train().size(), Options.intOption(options, "hybrid-samples", 10000, 1));
        long t0 = System.nanoTime();

        AnnClassifier ann = trainAnn(options, data, seed, out);
        double annAccuracy = ann.accuracy(data.test());
        out.printf("  ANN test accuracy %.4f%n", annAccuracy);
        double[] scales = ann.activationScales(data.train(), percentile);
        out.printf("  normalisation scales (%.1fth percentile of each hidden layer's ReLU outputs): %s%n", percentile,
                Arrays.toString(scales));

        Sequential converted = spiking(ann, scales, 1, threads, hybridRate);
        int[][] predicted = AnnConversion.predict(converted, data.test(), coding, steps, seed);
        Map<String, Object> convertedAccuracy = new LinkedHashMap<>();
        double[] convertedY = new double[steps.length];
        for (int s = 0; s < steps.length; s++) {
            convertedY[s] = AnnConversion.accuracy(predicted[s], data.test());
            convertedAccuracy.put(Integer.toString(steps[s]), convertedY[s]);
            out.printf("  converted, T = %3d: test accuracy %.4f (ANN %.4f)%n", steps[s], convertedY[s], annAccuracy);
            out.flush();
        }

        Map<String, Object> hybridAccuracy = new LinkedHashMap<>();
        Map<String, Object> hybridStart = new LinkedHashMap<>();
        double[] hybridY = new double[hybridSteps.length];
        for (int s = 0; s < hybridSteps.length; s++) {
            int t = hybridSteps[s];
            Sequential hybrid = spiking(ann, scales, t, threads, hybridRate);
            double before = AnnConversion.accuracy(AnnConversion.predict(hybrid, data.test(), coding, new int[] {t}, seed)[0], data.test());
            double loss = AnnConversion.fineTune(hybrid, data.train().slice(0, hybridSamples), coding, t, hybridEpochs, batch, seed);
            hybridY[s] = AnnConversion.accuracy(AnnConversion.predict(hybrid, data.test(), coding, new int[] {t}, seed)[0], data.test());
            hybridStart.put(Integer.toString(t), before);
            hybridAccuracy.put(Integer.toString(t), hybridY[s]);
            out.printf("  hybrid, T = %3d: converted %.4f -> fine-tuned %.4f (%d epoch(s) on %d images, loss %.4f)%n", t, before,
                    hybridY[s], hybridEpochs, hybridSamples, loss);
            out.flush();
        }

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("data_set", data.name());
        results.put("data_dir", data.dir().toString());
        results.put("train_samples", data.train().size());
        results.put("test_samples", data.test().size());
        results.put("architecture", architectureRow(ann));
        results.put("ann_training", Map.of("epochs", Options.intOption(options, "epochs", 8, 1), "batch", batch, "optimizer", "Adam",
                "learning_rate", Options.positive(options, "learning-rate", 1e-3f, 1f), "loss", "softmax cross-entropy"));
        results.put("normalisation", Map.of("percentile", percentile, "scales", scales));
        results.put("neurons", "integrate-and-fire: beta 1, threshold 1, reset by subtraction; readout integrates without threshold");
        results.put("coding", coding.name().toLowerCase(java.util.Locale.ROOT));
        results.put("ann_accuracy", annAccuracy);
        results.put("converted_accuracy", convertedAccuracy);
        results.put("hybrid_accuracy", hybridAccuracy);
        results.put("hybrid_start_accuracy", hybridStart);
        results.put("hybrid_training", Map.of("epochs", hybridEpochs, "samples", hybridSamples, "learning_rate", hybridRate, "surrogate",
                "fast sigmoid, slope " + AnnConversion.SURROGATE_SLOPE, "loss", "cross-entropy of the readout summed over T, scaled by 1/T"));
        if (deploySteps > 0) {
            int[] floatAtT = AnnConversion.predict(converted, data.test(), AnnConversion.Coding.RATE, new int[] {deploySteps}, seed)[0];
            ConvertedDeployment.Result d = ConvertedDeployment.run(converted, data.test(), deploySteps, seed, floatAtT, threads);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("steps", deploySteps);
            m.put("coding", "rate");
            m.put("float_accuracy", AnnConversion.accuracy(floatAtT, data.test()));
            m.put("accuracy", d.accuracy());
            m.put("agreement_with_trainer", d.agreement());
            m.put("units_per_one", d.unitsPerOne());
            m.put("synaptic_ops_per_image", d.synapticOpsPerImage());
            results.put("deployed", m);
            out.printf("  on the bit-accurate engine (rate-coded, T = %d, 16-bit weights at %d units per 1.0): test accuracy %.4f against "
                    + "the float spiking network's %.4f, same class on %.1f %% of the images%n", deploySteps, d.unitsPerOne(), d.accuracy(),
                    AnnConversion.accuracy(floatAtT, data.test()), 100 * d.agreement());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        results.put("seconds", seconds);

        double[] xs = Arrays.stream(steps).asDoubleStream().toArray();
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series("ANN", new double[] {xs[0], xs[xs.length - 1]}, new double[] {annAccuracy, annAccuracy}));
        series.add(new Charts.Series("converted", xs, convertedY));
        series.add(new Charts.Series("hybrid", Arrays.stream(hybridSteps).asDoubleStream().toArray(), hybridY));
        Charts.line(outDir.resolve("accuracy_vs_steps.png"), data.name() + " " + arch.name() + ": test accuracy against time steps T",
                "time steps T", "test accuracy", series, false);
        out.printf("conversion (%s, %s): ANN %.4f, converted %s, hybrid %s; %.1f s%n", data.name(), arch.name(), annAccuracy,
                convertedAccuracy, hybridAccuracy, seconds);
        return results;
    }

    static double percentile(Map<String, String> options) {
        return Double.parseDouble(Float.toString(Options.positive(options, "percentile", 99.9f, 100f))); // 99.9, not its float's 99.90000153
    }

    /** The converted network of {@code ann} with its readout divided by {@code readoutScale}, ready for fine-tuning. */
    static Sequential spiking(AnnClassifier ann, double[] scales, double readoutScale, int threads, float learningRate) {
        return new Sequential(AnnConversion.convert(ann, scales, readoutScale), Loss.CE_COUNTS,
                new Optimizer.AdamSpec(learningRate)).withThreads(threads);
    }

    static Map<String, Object> architectureRow(AnnClassifier ann) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", ann.architecture().name());
        m.put("hidden", ann.architecture().hidden().toString());
        m.put("biases", ann.architecture().biased());
        m.put("modules", ann.modules().stream().map(x -> x.getClass().getSimpleName() + " " + x.inShape() + "->" + x.outShape()).toList());
        return m;
    }
}
