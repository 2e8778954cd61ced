package org.spikecore.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.spikecore.MemoryBudget;
import org.spikecore.SpikecoreException;
import org.spikecore.cli.report.Charts;
import org.spikecore.cli.report.Rasters;
import org.spikecore.energy.Activity;
import org.spikecore.energy.Horowitz45nm;
import org.spikecore.energy.LayerCost;
import org.spikecore.io.AtomicFiles;
import org.spikecore.io.CheckpointFile;
import org.spikecore.io.ResultsJson;
import org.spikecore.memory.Encoding;
import org.spikecore.memory.LayerShape;
import org.spikecore.train.EngineAgreement;
import org.spikecore.train.PatternRetention;
import org.spikecore.train.TrainingRun;
import org.spikecore.train.SpikeTiming;
import org.spikecore.train.VanRossum;
import org.spikecore.train.Wage;

/**
 * The seed paper's spatio-temporal pattern retention (REFERENCES §1): 700 → 400 → 250 Q/P/R
 * neurons, 250 steps, smiley target; float32 or WAGE-quantized ({@code --weight-bits} etc.); a
 * {@code --sweep} over weight widths 2–8 and float; checkpoints ({@code --checkpoint FILE
 * --checkpoint-every N}, {@code --resume}) that continue to the same bits.
 */
public final class PatternRetentionExperiment implements Experiment {

    private static final Set<String> OPTIONS = Set.of("epochs", "weight-bits", "state-bits", "error-bits", "grad-bits",
            "sweep", "checkpoint", "checkpoint-every", "resume", "deploy", "integer-forward", "anneal", "seeds", "weight-scale");

    /** Units per 1.0 of the deployed integer network (16-bit states hold ±8). */
    static final int DEPLOY_UNITS = 4096;

    private static final String NAME = "pattern-retention";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public String description() {
        return "700-400-250 Q/P/R network learns a smiley raster by BPTT; --epochs N, --weight-bits/--state-bits/"
                + "--error-bits/--grad-bits B, --sweep true, --checkpoint FILE [--checkpoint-every N] [--resume true], --deploy true, "
                + "--integer-forward true (train on the engine's integer forward pass), --anneal false (constant learning rate), "
                + "--seeds K (sweep: mean over K seeds), --weight-scale mse|max (power-of-two weight scale: least squared error, default, or above the largest weight)";
    }

    @Override
    public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
        Options.checkKnown(name(), options, OPTIONS);
        int epochs = Options.intOption(options, "epochs", 1500, 1);
        Wage wage = Options.wage(options);
        Wage.WeightScale scale = wage.weightScale();
        boolean sweep = Options.flag(options, "sweep");
        int integerUnits = Options.flag(options, "integer-forward") ? DEPLOY_UNITS : 0;
        boolean anneal = !options.containsKey("anneal") || Options.flag(options, "anneal");
        if (integerUnits > 0 && wage.stateBits() != 0) {
            throw new IllegalArgumentException("--integer-forward keeps states in the engine's 16-bit words; it takes no --state-bits");
        }
        Path checkpoint = options.containsKey("checkpoint") ? Path.of(options.get("checkpoint")) : null;
        int every = Options.intOption(options, "checkpoint-every", 100, 1);
        boolean resume = Options.flag(options, "resume");
        if ((resume || options.containsKey("checkpoint-every")) && checkpoint == null) {
            throw new IllegalArgumentException("--resume and --checkpoint-every need --checkpoint FILE");
        }
        if (sweep && (checkpoint != null || !wage.isFloat() || integerUnits > 0)) {
            throw new IllegalArgumentException("--sweep chooses the widths itself; it takes neither --*-bits, --checkpoint nor --integer-forward");
        }
        if (options.containsKey("seeds") && !sweep) {
            throw new IllegalArgumentException("--seeds applies to --sweep; a single run takes --seed");
        }
        PatternRetention.Config config = PatternRetention.Config.PAPER;
        long runs = sweep ? (long) SWEEP_WIDTHS.length * Options.intOption(options, "seeds", 1, 1) : 1;
        // every run keeps its trained task and its per-epoch curve until the results are written
        MemoryBudget.require((sweep ? runs + " sweep runs" : "a run") + " of " + epochs + " epochs",
                runs * (taskBytes(config) + BYTES_PER_EPOCH * (double) epochs));
        MemoryBudget.arrayLength("--epochs " + epochs, epochs);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("config", configMap(config));
        results.put("learning_rate_schedule", anneal ? "constant for the first half, then a half cosine down to "
                + PatternRetention.FINAL_LEARNING_RATE_FACTOR + " of it at the last epoch" : "constant");
        if (sweep) {
            return sweep(config, epochs, anneal, scale, seed, Options.intOption(options, "seeds", 1, 1), outDir, out, results);
        }
        Run run = train(config, wage, integerUnits, epochs, anneal, seed, checkpoint, every, resume, out);
        double[] x = new double[run.vr.length];
        for (int e = 0; e < x.length; e++) {
            x[e] = run.firstEpoch + e;
        }
        Charts.line(outDir.resolve("vr-distance.png"), "Pattern retention: Van Rossum distance per epoch", "epoch",
                "Van Rossum distance", List.of(new Charts.Series(label(wage, integerUnits), x, run.vr)), false);
        Rasters.sideBySide(outDir.resolve("raster.png"), config.steps(), config.outputs(), 2,
                new String[] {"target", "output after " + epochs + " epochs (" + label(wage, integerUnits) + ")"}, run.task.target(),
                run.task.lastOutput());
        results.put("precision", label(wage));
        results.put("weight_scale_rule", scale.name().toLowerCase(java.util.Locale.ROOT));
        Map<String, String> formats = new LinkedHashMap<>();
        wage.formats().forEach((k, f) -> formats.put(k, f.toString()));
        results.put("formats", formats);
        results.put("forward_pass", integerUnits > 0 ? "integer, " + integerUnits + " units per 1.0 (the engine's arithmetic)" : "float32");
        results.put("epochs", epochs);
        results.put("vr_distance", run.vr[run.vr.length - 1]);
        results.put("f1", run.f1[run.f1.length - 1]);
        double[] zeros = run.task.zeroWeightFractions();
        results.put("zero_weight_fraction", Map.of("hidden", zeros[0], "output", zeros[1]));
        results.put("seconds_per_epoch", run.secondsPerEpoch);
        Map<String, Object> activity = activity(config, run.epochs);
        results.put("activity", activity);
        // `spikecore cost --model ... --rates` prices the trained network
        AtomicFiles.writeString(outDir.resolve("rates.json"), ResultsJson.toJson(activity.get("rates")) + "\n");
        List<Map<String, Object>> curve = new ArrayList<>();
        for (int e = 0; e < run.vr.length; e++) {
            curve.add(Map.of("epoch", run.firstEpoch + e, "vr_distance", run.vr[e], "f1", run.f1[e]));
        }
        results.put("curve", curve);
        results.put("plots", List.of("vr-distance.png", "raster.png"));
        if (Options.flag(options, "deploy")) {
            results.put("deployed", deploy(run.task, config, out));
        }
        out.printf("pattern-retention (%s): %d epochs, %.3f s/epoch: Van Rossum %.3f, F1 %.3f (±1 step), zero weights %.1f %% / %.1f %%%n",
                label(wage, integerUnits), epochs, run.secondsPerEpoch, run.vr[run.vr.length - 1], run.f1[run.f1.length - 1], 100 * zeros[0],
                100 * zeros[1]);
        PatternRetention.LayerActivity output = trainedActivity(run.epochs)[1];
        out.printf("  activity of the trained network (rates.json): hidden spikes %.2f %% per neuron and step, output error events %.1f %%%n",
                100 * output.inputRate(), 100 * output.errorRate());
        return results;
    }

    /** Runs the trained network on the bit-accurate engine and compares its spikes with the trainer's. */
    private static Map<String, Object> deploy(PatternRetention task, PatternRetention.Config config, PrintWriter out) {
        float[] engine = task.engineOutput(DEPLOY_UNITS);
        EngineAgreement trained = EngineAgreement.of(task.forward(), engine, config.steps(), config.outputs());
        boolean exact = java.util.Arrays.equals(task.integerForward(DEPLOY_UNITS), engine);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("units_per_one", DEPLOY_UNITS);
        d.put("trainer_spikes", trained.trainerSpikes());
        d.put("engine_spikes", trained.engineSpikes());
        d.put("identical_spikes", trained.identical());
        d.put("agreement_f1", trained.f1());
        d.put("engine_equals_trainer_integer_forward", exact);
        d.put("engine_equals_trainer_forward", trained.equal());
        d.put("f1", SpikeTiming.f1(engine, task.target(), config.steps(), config.outputs(), 1));
        d.put("vr_distance", new VanRossum(config.vrDecay()).distance(engine, task.target(), config.steps(), config.outputs()));
        out.printf("  deployed to the bit-accurate engine (%d units per 1.0): equal to the trainer's integer forward pass: %s; "
                + "equal to the forward pass it trained on: %s (%d of its %d output spikes identical), engine %d spikes; "
                + "F1 vs target %.3f, Van Rossum %.3f%n", DEPLOY_UNITS, exact, trained.equal(), trained.identical(),
                trained.trainerSpikes(), trained.engineSpikes(), (double) d.get("f1"), (double) d.get("vr_distance"));
        return d;
    }

    /** The sweep's weight widths, 0 = float. */
    private static final int[] SWEEP_WIDTHS = {0, 8, 7, 6, 5, 4, 3, 2};

    /** Two doubles and one curve entry (a small map) per epoch of a run. */
    private static final double BYTES_PER_EPOCH = 256;

    /**
     * A trained task's memory: each weight as master, quantized copy, gradient and two Adam
     * moments, and the per-step states BPTT keeps for the input, hidden and output layers.
     */
    private static double taskBytes(PatternRetention.Config c) {
        double weights = (double) c.inputs() * c.hidden() + (double) c.hidden() * c.outputs();
        return 4 * (5 * weights + 8.0 * c.steps() * (c.inputs() + c.hidden() + c.outputs()));
    }

    /** The options a checkpoint's bits depend on; a resumed run must have the same. */
    private static Map<String, String> checkpointConfig(Wage wage, int integerUnits, boolean anneal, int epochs, long seed) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("seed", Long.toString(seed));
        c.put("weight-bits", Integer.toString(wage.weightBits()));
        c.put("state-bits", Integer.toString(wage.stateBits()));
        c.put("error-bits", Integer.toString(wage.errorBits()));
        c.put("grad-bits", Integer.toString(wage.gradBits()));
        c.put("weight-scale", wage.weightScale().name().toLowerCase(java.util.Locale.ROOT));
        c.put("integer-forward", Boolean.toString(integerUnits > 0));
        c.put("anneal", Boolean.toString(anneal));
        if (anneal) { // the annealed learning rate is a function of (epoch, --epochs)
            c.put("epochs", Integer.toString(epochs));
        }
        return c;
    }

    private static String label(Wage w) {
        return w.widths() + (w.weightScale() == Wage.WeightScale.MSE && w.weightBits() > 0 ? " mse-scale" : "");
    }

    private static String label(Wage w, int integerUnits) {
        return integerUnits == 0 ? label(w) : label(w).replace("float32", "float32 weights") + ", integer forward";
    }

    private static Map<String, Object> configMap(PatternRetention.Config config) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("inputs", config.inputs());
        cfg.put("hidden", config.hidden());
        cfg.put("outputs", config.outputs());
        cfg.put("steps", config.steps());
        cfg.put("input_rate", config.inputRate());
        cfg.put("surrogate", "superspike");
        cfg.put("surrogate_beta", config.surrogateBeta());
        cfg.put("optimizer", "adam");
        cfg.put("learning_rate", config.learningRate());
        cfg.put("vr_decay", config.vrDecay());
        cfg.put("weight_scale", config.weightScale());
        return cfg;
    }

    private record Run(PatternRetention task, int firstEpoch, List<PatternRetention.Epoch> epochs, double[] vr, double[] f1,
            double secondsPerEpoch) {
    }

    /** The last epochs whose mean activity is the trained network's (the epoch-to-epoch jitter averaged out). */
    static final int TRAINED_EPOCHS = 50;

    /**
     * The run's measured activity: per synaptic layer, input spikes and error events per unit and step,
     * as the mean of the last {@link #TRAINED_EPOCHS} epochs (the trained network) and of every epoch this
     * process trained (the average iteration); the former also in {@code cost --rates} form.
     */
    private static Map<String, Object> activity(PatternRetention.Config config, List<PatternRetention.Epoch> epochs) {
        int n = epochs.size();
        PatternRetention.LayerActivity[] trained = trainedActivity(epochs);
        PatternRetention.LayerActivity[] all = PatternRetention.meanActivity(epochs);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("definition", "per synaptic layer: input_rate = input spikes per input and step, error_rate = non-zero quantized "
                + "dL/dU per neuron and step (error events); trained = mean of the last " + Math.min(n, TRAINED_EPOCHS)
                + " epochs, over_training = mean of the " + n + " epochs this run trained");
        m.put("trained", layers(config, trained));
        m.put("over_training", layers(config, all));
        m.put("rates", FrontierPricing.ratesDocument(config, trained[0], trained[1]));
        return m;
    }

    /** The trained network's activity per synaptic layer: the mean of the last {@link #TRAINED_EPOCHS} epochs. */
    static PatternRetention.LayerActivity[] trainedActivity(List<PatternRetention.Epoch> epochs) {
        int n = epochs.size();
        return PatternRetention.meanActivity(epochs.subList(Math.max(0, n - TRAINED_EPOCHS), n));
    }

    private static List<Map<String, Object>> layers(PatternRetention.Config config, PatternRetention.LayerActivity[] a) {
        return List.of(Map.of("layer", "fc:" + config.inputs() + "x" + config.hidden(), "input_rate", a[0].inputRate(), "error_rate",
                a[0].errorRate()), Map.of("layer", "fc:" + config.hidden() + "x" + config.outputs(), "input_rate", a[1].inputRate(),
                        "error_rate", a[1].errorRate()));
    }

    private static Run train(PatternRetention.Config config, Wage wage, int integerUnits, int epochs, boolean anneal, long seed,
            Path checkpoint, int every, boolean resume, PrintWriter out) {
        PatternRetention task = new PatternRetention(config, seed, wage, integerUnits);
        if (anneal) {
            task.setAnnealing(epochs); // a function of (epoch, --epochs): resume with the same --epochs
        }
        Map<String, String> stateConfig = checkpointConfig(wage, integerUnits, anneal, epochs, seed);
        TrainingRun<PatternRetention.Epoch> run = new TrainingRun<>(task, checkpoint == null ? null
                : CheckpointFile.store(checkpoint, NAME, stateConfig), every);
        if (resume) {
            run.resume();
            if (out != null) {
                out.printf("  resumed from %s at epoch %d%n", checkpoint, task.epoch());
            }
        }
        int first = task.epoch();
        if (first >= epochs) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " is at epoch " + first + ", not before --epochs " + epochs
                    + ": nothing left to train");
        }
        int n = epochs - first;
        boolean interactive = out != null && System.console() != null;
        TrainingRun.Result<PatternRetention.Epoch> result;
        try (ProgressBar bar = interactive ? new ProgressBarBuilder().setTaskName(label(wage)).setInitialMax(epochs)
                .setStyle(ProgressBarStyle.ASCII).build() : null) {
            if (bar != null) {
                bar.stepTo(first);
            }
            result = run.train(epochs, (epoch, e, r) -> {
                if (bar != null) {
                    bar.step();
                    bar.setExtraMessage(String.format(" VR %.2f F1 %.2f", r.vrDistance(), r.f1()));
                } else if (out != null && (e % Math.max(1, n / 10) == 0 || e == n - 1)) {
                    out.printf("  epoch %5d  Van Rossum %.3f  F1 %.3f  output spikes %d%n", epoch - 1, r.vrDistance(), r.f1(),
                            r.outputSpikes());
                    out.flush();
                }
            });
        }
        double[] vr = result.results().stream().mapToDouble(PatternRetention.Epoch::vrDistance).toArray();
        double[] f1 = result.results().stream().mapToDouble(PatternRetention.Epoch::f1).toArray();
        return new Run(task, first, result.results(), vr, f1, result.secondsPerEpoch());
    }

    private static Map<String, Object> sweep(PatternRetention.Config config, int epochs, boolean anneal, Wage.WeightScale scale,
            long seed, int seeds,
            Path outDir, PrintWriter out, Map<String, Object> results) {
        int[] widths = SWEEP_WIDTHS;
        // every (width, seed) run is single-threaded and deterministic; runs share the cores
        List<java.util.concurrent.Future<Run>> jobs = new ArrayList<>();
        Run[][] runs = new Run[widths.length][seeds];
        int cores = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), widths.length * seeds));
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(cores)) {
            for (int w = 0; w < widths.length; w++) {
                // weights of b bits; states, errors and gradients at 8 bits as in the paper's weight sweep
                Wage wage = widths[w] == 0 ? Wage.FLOAT : new Wage(widths[w], 8, 8, 8, scale);
                for (int k = 0; k < seeds; k++) {
                    long runSeed = seed + k;
                    jobs.add(pool.submit(() -> {
                        Run r = train(config, wage, 0, epochs, anneal, runSeed, null, 1, false, null);
                        out.printf("  %-14s seed %d: VR %.3f  F1 %.3f%n", label(wage), runSeed, r.vr[r.vr.length - 1],
                                r.f1[r.f1.length - 1]);
                        out.flush();
                        return r;
                    }));
                }
            }
            for (int w = 0; w < widths.length; w++) {
                for (int k = 0; k < seeds; k++) {
                    runs[w][k] = jobs.get(w * seeds + k).get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpikecoreException("sweep interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new SpikecoreException("sweep failed: " + e.getCause());
        }
        List<Charts.Series> curves = new ArrayList<>();
        List<Map<String, Object>> table = new ArrayList<>();
        Horowitz45nm model = new Horowitz45nm();
        double floatVr = 0;
        for (int w = 0; w < widths.length; w++) {
            int b = widths[w];
            Wage wage = runs[w][0].task.wage();
            double[] meanCurve = new double[epochs];
            double[] finalVr = new double[seeds];
            double f1 = 0;
            double[] zeros = new double[2];
            for (int k = 0; k < seeds; k++) {
                Run r = runs[w][k];
                for (int e = 0; e < epochs; e++) {
                    meanCurve[e] += r.vr[e] / seeds;
                }
                finalVr[k] = r.vr[epochs - 1];
                f1 += r.f1[epochs - 1] / seeds;
                double[] z = r.task.zeroWeightFractions();
                zeros[0] += z[0] / seeds;
                zeros[1] += z[1] / seeds;
            }
            double vr = java.util.Arrays.stream(finalVr).average().orElseThrow();
            if (b == 0) {
                floatVr = vr;
            }
            double[] x = new double[epochs];
            for (int e = 0; e < x.length; e++) {
                x[e] = e;
            }
            curves.add(new Charts.Series(label(wage), x, meanCurve));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("precision", label(wage));
            row.put("weight_bits", b == 0 ? "float" : b);
            row.put("vr_distance", vr);
            row.put("vr_distance_per_seed", finalVr);
            row.put("vr_relative_to_float", vr / floatVr);
            row.put("f1", f1);
            row.put("zero_weight_fraction_hidden", zeros[0]);
            row.put("zero_weight_fraction_output", zeros[1]);
            if (b > 0) {
                // energy of one training iteration (one sample of 250 steps) under two encodings
                // errors need not reach the input, so the first layer has no backward access (as in memory-study)
                Activity act = new Activity(config.inputRate(), Activity.DEFAULT.errorRate(), config.steps());
                for (Encoding enc : List.of(Encoding.CROSSBAR, Encoding.PB_BMP)) {
                    double joules = LayerCost.of(new LayerShape.Fc(config.inputs(), config.hidden()), enc, b,
                            Math.max(1e-6, 1 - zeros[0]), 64, act.withErrorRate(0), model).trainingSampleJ()
                            + LayerCost.of(new LayerShape.Fc(config.hidden(), config.outputs()), enc, b,
                                    Math.max(1e-6, 1 - zeros[1]), 64, act, model).trainingSampleJ();
                    row.put("training_iteration_uJ_" + enc.cliName().replace('-', '_'), joules * 1e6);
                }
            }
            table.add(row);
            out.printf("  %-14s VR %.3f (%.2f x float; mean of %d seeds)  F1 %.3f  zero weights %.1f %% / %.1f %%%n", label(wage),
                    vr, vr / floatVr, seeds, f1, 100 * zeros[0], 100 * zeros[1]);
        }
        Charts.line(outDir.resolve("sweep-vr-distance.png"), "Pattern retention: Van Rossum distance by weight width"
                + (seeds > 1 ? " (mean of " + seeds + " seeds)" : ""), "epoch", "Van Rossum distance", curves, false);
        results.put("epochs", epochs);
        results.put("seeds", seeds);
        results.put("sweep", table);
        results.put("energy_model", Map.of("name", model.name(), "version", model.version(), "parameters", model.parameters()));
        results.put("plots", List.of("sweep-vr-distance.png"));
        return results;
    }
}
