package org.spikecore.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.spikecore.cli.report.Charts;
import org.spikecore.energy.Activity;
import org.spikecore.energy.EnergyModel;
import org.spikecore.energy.Horowitz45nm;
import org.spikecore.energy.LayerCost;
import org.spikecore.memory.Encoding;
import org.spikecore.memory.LayerShape;
import org.spikecore.train.PatternRetention;

/**
 * The memory-organization study of Schaefer et al. (ISCAS 2020, REFERENCES §1), figure by figure:
 * energy against weight bits (FC 784→128 and conv 28×28×32→32 3×3, each encoding, forward and
 * backward), energy against density for FC at 8 bits with the crossovers, and the
 * pattern-retention frontier (the 700-400-250 network at weight widths 2–6 under crossbar, pb-bmp
 * and pb-csr, each at the density its quantized weights had, against its Van Rossum distance) with
 * the paper's 1.37× comparison (5-bit crossbar against 2-bit pb-bmp).
 */
public final class MemoryStudy implements Experiment {

    static final double[] DENSITIES = {0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0};
    static final int[] BITS = {2, 3, 4, 5, 6, 7, 8};
    static final int WORD_BITS = 64;
    static final LayerShape FC = new LayerShape.Fc(784, 128);
    static final LayerShape CONV = new LayerShape.Conv(28, 28, 32, 32, 3);
    static final List<Encoding> FC_ENCODINGS = List.of(Encoding.CROSSBAR, Encoding.PB_BMP, Encoding.PB_CSR, Encoding.DUAL);
    static final List<Encoding> CONV_ENCODINGS = List.of(Encoding.PB_BMP, Encoding.PB_CSR, Encoding.CONV_FUNC,
            Encoding.CONV_FUNC_BMP, Encoding.CONV_FUNC_ROWCOL);
    /** The paper's three encodings, among which the FC orderings are stated. */
    static final List<Encoding> PAPER_FC = List.of(Encoding.CROSSBAR, Encoding.PB_BMP, Encoding.PB_CSR);

    /**
     * Activity of a 700-400-250 network measured while it trained ({@code results.json}'s {@code activity} of
     * {@code run pattern-retention}): hidden spikes per hidden neuron and step (the output layer's input rate) and
     * output error events (non-zero quantized errors) per output neuron and step (its backward accesses).
     */
    record MeasuredActivity(double hiddenRate, double outputErrorRate) {
    }

    /**
     * A trained 700-400-250 pattern-retention network: weight bits, mean final Van Rossum distance, the
     * fractions of zero weights (hidden, output layer), and its measured activity — {@code trained}: the last
     * 50 of its 1,500 epochs (the trained network the paper prices), {@code overTraining}: all 1,500 (the
     * average iteration of its training). Means over seeds 42–44 of
     * {@code ./spikecore run pattern-retention --weight-bits B --state-bits 8 --error-bits 8 --grad-bits 8 --seed S}
     * (the Sequential trainer, commit 7b107b7; results.json's {@code vr_distance}, {@code zero_weight_fraction}
     * and {@code activity}).
     */
    record Trained(int bits, double vanRossum, double zerosHidden, double zerosOutput, MeasuredActivity trained,
            MeasuredActivity overTraining) {
    }

    static final List<Trained> PATTERN_RETENTION = List.of(
            new Trained(6, 2.88, 0.052, 0.049, new MeasuredActivity(0.00812, 0.0248), new MeasuredActivity(0.00839, 0.0880)),
            new Trained(5, 4.70, 0.102, 0.098, new MeasuredActivity(0.00756, 0.0437), new MeasuredActivity(0.00800, 0.1024)),
            new Trained(4, 6.53, 0.200, 0.193, new MeasuredActivity(0.00681, 0.0637), new MeasuredActivity(0.00737, 0.1181)),
            new Trained(3, 8.46, 0.376, 0.368, new MeasuredActivity(0.00635, 0.0831), new MeasuredActivity(0.00712, 0.1288)),
            new Trained(2, 12.64, 0.592, 0.607, new MeasuredActivity(0.00689, 0.1305), new MeasuredActivity(0.00931, 0.1537)));
    /** Input spike rate of the task (its configuration). */
    static final double PR_INPUT_RATE = PatternRetention.Config.PAPER.inputRate();
    /** The activity the study assumed before the trainer measured it (hidden 5 %, errors 10 %), kept as a sensitivity. */
    static final MeasuredActivity PR_ASSUMED = new MeasuredActivity(0.05, 0.1);
    static final int PR_STEPS = PatternRetention.Config.PAPER.steps();

    @Override
    public String name() {
        return "memory-study";
    }

    @Override
    public Set<String> options() {
        return Set.of();
    }

    @Override
    public String description() {
        return "the seed paper's memory-organization figures: energy vs bits and density, crossovers, the 1.37x comparison";
    }

    @Override
    public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("memory-study takes no options, got " + options.keySet());
        }
        EnergyModel model = new Horowitz45nm();
        Activity activity = Activity.DEFAULT;
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, LayerCost> byKey = new LinkedHashMap<>();
        for (LayerShape layer : List.of(FC, CONV)) {
            for (Encoding e : layer == FC ? FC_ENCODINGS : CONV_ENCODINGS) {
                for (int b : BITS) {
                    for (double d : DENSITIES) {
                        LayerCost c = LayerCost.of(layer, e, b, d, WORD_BITS, activity, model);
                        rows.add(c.toRow());
                        byKey.put(key(layer, e, b, d), c);
                    }
                }
            }
        }
        out.printf("memory-study: %d rows (energy model %s v%s, %d-bit data words, pointer tables one pointer wide, activity "
                + "%.0f %% inputs / %.0f %% errors per step, %d steps, one update per sample)%n", rows.size(), model.name(),
                model.version(), WORD_BITS, activity.inputRate() * 100, activity.errorRate() * 100, activity.steps());
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("energy_model", Map.of("name", model.name(), "version", model.version(), "parameters", model.parameters()));
        results.put("activity", Map.of("input_rate", activity.inputRate(), "error_rate", activity.errorRate(), "steps",
                activity.steps(), "updates", activity.updatesPerSample()));
        results.put("word_bits", WORD_BITS);
        results.put("fc_density_8bit", densityFigure(byKey, out));
        results.put("bits", bitsFigure(byKey, out));
        results.put("conv_backward", convBackward(byKey, out));
        results.put("pattern_retention", patternRetention(outDir, model, out));
        for (double f : new double[] {0.25, 0.75}) {
            Horowitz45nm other = new Horowitz45nm(f, Horowitz45nm.MACRO_BYTES);
            double r = patternRatio(other);
            out.printf("  sensitivity: with a width-independent fraction f = %.2f instead of %.2f the 5-bit crossbar / 2-bit "
                    + "pb-bmp ratio is %.3f%n", f, Horowitz45nm.FIXED_FRACTION, r);
            results.put("pattern_retention_ratio_f_" + f, r);
        }
        results.put("rows", rows);
        writePlots(outDir, byKey);
        results.put("plots", List.of("fc-energy-vs-density.png", "fc-energy-vs-bits.png", "conv-energy-vs-bits.png",
                "pattern-retention-frontier.png"));
        return results;
    }

    static String key(LayerShape l, Encoding e, int b, double d) {
        return l.label() + "|" + e.cliName() + "|" + b + "|" + d;
    }

    static double forwardPlusBackward(LayerCost c) {
        return c.forwardSampleJ() + c.backwardSampleJ();
    }

    /** FC 8-bit, forward + backward: the cheapest of the paper's three encodings per density, and the crossovers. */
    private static Map<String, Object> densityFigure(Map<String, LayerCost> byKey, PrintWriter out) {
        List<Map<String, Object>> cheapest = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (double d : DENSITIES) {
            Encoding best = cheapestAt(byKey, FC, 8, d, PAPER_FC, MemoryStudy::forwardPlusBackward);
            cheapest.add(Map.of("density", d, "cheapest", best.cliName()));
            line.append(String.format(" %.2f:%s", d, best.cliName()));
        }
        List<Map<String, Object>> crossings = new ArrayList<>();
        for (int a = 0; a < PAPER_FC.size(); a++) {
            for (int b = a + 1; b < PAPER_FC.size(); b++) {
                for (Double x : crossovers(byKey, FC, 8, PAPER_FC.get(a), PAPER_FC.get(b), MemoryStudy::forwardPlusBackward)) {
                    crossings.add(Map.of("between", PAPER_FC.get(a).cliName() + "/" + PAPER_FC.get(b).cliName(), "density", x));
                }
            }
        }
        out.printf("  FC 784x128 8-bit, forward + backward, cheapest of crossbar/pb-bmp/pb-csr by density:%s%n", line);
        for (Map<String, Object> c : crossings) {
            out.printf("    %s cross at density %.3f%n", c.get("between"), (double) c.get("density"));
        }
        return Map.of("cheapest", cheapest, "crossovers", crossings);
    }

    static Encoding cheapestAt(Map<String, LayerCost> byKey, LayerShape layer, int b, double d, List<Encoding> among,
            ToDoubleFunction<LayerCost> metric) {
        Encoding best = among.get(0);
        for (Encoding e : among) {
            if (metric.applyAsDouble(byKey.get(key(layer, e, b, d))) < metric.applyAsDouble(byKey.get(key(layer, best, b, d)))) {
                best = e;
            }
        }
        return best;
    }

    /** Densities where {@code a} and {@code b} swap order (linear interpolation of their difference). */
    static List<Double> crossovers(Map<String, LayerCost> byKey, LayerShape layer, int bits, Encoding a, Encoding b,
            ToDoubleFunction<LayerCost> metric) {
        List<Double> xs = new ArrayList<>();
        double prevD = Double.NaN;
        double prevDiff = Double.NaN;
        for (double d : DENSITIES) {
            double diff = metric.applyAsDouble(byKey.get(key(layer, a, bits, d)))
                    - metric.applyAsDouble(byKey.get(key(layer, b, bits, d)));
            if (!Double.isNaN(prevDiff) && Math.signum(prevDiff) != Math.signum(diff)) {
                xs.add(prevD + (d - prevD) * (-prevDiff) / (diff - prevDiff));
            }
            prevD = d;
            prevDiff = diff;
        }
        return xs;
    }

    /** Energy growth from 2 to 8 weight bits, per layer, encoding and pass. */
    private static List<Map<String, Object>> bitsFigure(Map<String, LayerCost> byKey, PrintWriter out) {
        List<Map<String, Object>> growth = new ArrayList<>();
        for (LayerShape layer : List.of(FC, CONV)) {
            double d = layer == FC ? 0.5 : 1.0;
            for (Encoding e : layer == FC ? FC_ENCODINGS : CONV_ENCODINGS) {
                LayerCost two = byKey.get(key(layer, e, 2, d));
                LayerCost eight = byKey.get(key(layer, e, 8, d));
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("layer", layer.label());
                g.put("encoding", e.cliName());
                g.put("density", d);
                g.put("forward_8_over_2", eight.forwardSampleJ() / two.forwardSampleJ());
                g.put("backward_8_over_2", eight.backwardSampleJ() / two.backwardSampleJ());
                g.put("training_8_over_2", eight.trainingSampleJ() / two.trainingSampleJ());
                growth.add(g);
            }
        }
        LayerCost two = byKey.get(key(FC, Encoding.CROSSBAR, 2, 1.0));
        LayerCost eight = byKey.get(key(FC, Encoding.CROSSBAR, 8, 1.0));
        out.printf("  FC crossbar, density 1, 2 -> 8 weight bits: forward x%.2f, backward x%.2f, training x%.2f%n",
                eight.forwardSampleJ() / two.forwardSampleJ(), eight.backwardSampleJ() / two.backwardSampleJ(),
                eight.trainingSampleJ() / two.trainingSampleJ());
        return growth;
    }

    private static Map<String, Object> convBackward(Map<String, LayerCost> byKey, PrintWriter out) {
        Map<String, Object> m = new LinkedHashMap<>();
        LayerCost csr = byKey.get(key(CONV, Encoding.PB_CSR, 8, 1.0));
        LayerCost bmp = byKey.get(key(CONV, Encoding.PB_BMP, 8, 1.0));
        for (Encoding e : List.of(Encoding.CONV_FUNC, Encoding.CONV_FUNC_BMP, Encoding.CONV_FUNC_ROWCOL)) {
            LayerCost f = byKey.get(key(CONV, e, 8, 1.0));
            m.put(e.cliName() + "_over_pb_csr", f.backwardSampleJ() / csr.backwardSampleJ());
            m.put(e.cliName() + "_over_pb_bmp", f.backwardSampleJ() / bmp.backwardSampleJ());
            out.printf("  conv 28x28x32-32k3 8-bit density 1, backward: %s %.1f µJ = %.2f x pb-csr (%.1f µJ), %.2f x pb-bmp "
                    + "(%.1f µJ)%n", e.cliName(), f.backwardSampleJ() * 1e6, f.backwardSampleJ() / csr.backwardSampleJ(),
                    csr.backwardSampleJ() * 1e6, f.backwardSampleJ() / bmp.backwardSampleJ(), bmp.backwardSampleJ() * 1e6);
        }
        LayerCost fc = byKey.get(key(FC, Encoding.CROSSBAR, 8, 1.0));
        double convPerEvent = csr.trainingSampleJ() / synapticEvents(CONV, 1.0);
        double fcPerEvent = fc.trainingSampleJ() / synapticEvents(FC, 1.0);
        out.printf("  per synaptic event (forward + backward): conv pb-csr %.1f pJ, FC crossbar %.1f pJ (per sample: conv %.2f mJ "
                + "for %.2e events, FC %.3f mJ for %.2e)%n", convPerEvent * 1e12, fcPerEvent * 1e12, csr.trainingSampleJ() * 1e3,
                synapticEvents(CONV, 1.0), fc.trainingSampleJ() * 1e3, synapticEvents(FC, 1.0));
        m.put("conv_pb_csr_pJ_per_event", convPerEvent * 1e12);
        m.put("fc_crossbar_pJ_per_event", fcPerEvent * 1e12);
        return m;
    }

    /** Synapses reached per sample under the default activity: spikes × fan-out plus errors × fan-in. */
    static double synapticEvents(LayerShape l, double d) {
        Activity a = Activity.DEFAULT;
        return a.steps() * d * (l.pre() * a.inputRate() * l.fanOut() + l.post() * a.errorRate() * l.fanIn());
    }

    /**
     * One training iteration (one sample of 250 steps, one update) of the 700-400-250 network at the
     * activity {@code a}: the first layer's errors need not reach the input, so it has no backward access.
     */
    static double trainingIteration(EnergyModel model, Encoding e, int bits, Trained t, MeasuredActivity a) {
        return FrontierPricing.trainingIterationJ(model, PatternRetention.Config.PAPER, e, bits, 1 - t.zerosHidden(),
                1 - t.zerosOutput(), PR_INPUT_RATE, a.hiddenRate(), a.outputErrorRate());
    }

    static Trained trained(int bits) {
        return PATTERN_RETENTION.stream().filter(t -> t.bits() == bits).findFirst().orElseThrow();
    }

    /**
     * The paper's comparison: 5-bit weights in a crossbar over 2-bit weights in pb-bmp, per training iteration of
     * the trained networks, each at its own density and its own measured activity.
     */
    public static double patternRatio(EnergyModel model) {
        return patternRatio(model, trained(5).trained(), trained(2).trained());
    }

    /** The same comparison with both networks at the 5-bit network's measured activity: the storage's share alone. */
    public static double patternRatioAtEqualActivity(EnergyModel model) {
        return patternRatio(model, trained(5).trained(), trained(5).trained());
    }

    static double patternRatio(EnergyModel model, MeasuredActivity fiveBit, MeasuredActivity twoBit) {
        return trainingIteration(model, Encoding.CROSSBAR, 5, trained(5), fiveBit)
                / trainingIteration(model, Encoding.PB_BMP, 2, trained(2), twoBit);
    }

    private static Map<String, Object> patternRetention(Path outDir, EnergyModel model, PrintWriter out) {
        List<Encoding> encodings = List.of(Encoding.CROSSBAR, Encoding.PB_BMP, Encoding.PB_CSR);
        List<Map<String, Object>> points = new ArrayList<>();
        List<Charts.Series> series = new ArrayList<>();
        for (Encoding e : encodings) {
            double[] x = new double[PATTERN_RETENTION.size()];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                Trained t = PATTERN_RETENTION.get(i);
                x[i] = t.vanRossum();
                y[i] = trainingIteration(model, e, t.bits(), t, t.trained()) * 1e6;
                points.add(Map.of("encoding", e.cliName(), "bits", t.bits(), "van_rossum", t.vanRossum(), "density_hidden",
                        1 - t.zerosHidden(), "density_output", 1 - t.zerosOutput(), "hidden_rate", t.trained().hiddenRate(),
                        "output_error_rate", t.trained().outputErrorRate(), "training_iteration_uJ", y[i]));
            }
            series.add(new Charts.Series(e.cliName(), x, y));
        }
        Charts.line(outDir.resolve("pattern-retention-frontier.png"),
                "700-400-250 pattern retention: energy per training iteration vs Van Rossum distance (W6..W2)",
                "final Van Rossum distance (lower is better)", "µJ per training iteration", series, false);
        Trained five = trained(5);
        Trained two = trained(2);
        double ratio = patternRatio(model);
        out.printf("  700-400-250, the trained networks' densities (W5 %.0f %%/%.0f %% zeros, W2 %.0f %%/%.0f %%) and measured "
                + "activity (inputs %.0f %%; W5 hidden %.2f %%, output errors %.1f %% per step; W2 %.2f %%, %.1f %%), %d steps:%n",
                five.zerosHidden() * 100, five.zerosOutput() * 100, two.zerosHidden() * 100, two.zerosOutput() * 100,
                PR_INPUT_RATE * 100, five.trained().hiddenRate() * 100, five.trained().outputErrorRate() * 100,
                two.trained().hiddenRate() * 100, two.trained().outputErrorRate() * 100, PR_STEPS);
        out.printf("    5-bit crossbar %.1f µJ / 2-bit pb-bmp %.1f µJ per training iteration = %.3f (paper: about 1.37)%n",
                trainingIteration(model, Encoding.CROSSBAR, 5, five, five.trained()) * 1e6,
                trainingIteration(model, Encoding.PB_BMP, 2, two, two.trained()) * 1e6, ratio);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trained_networks_from", "run pattern-retention --weight-bits B --state-bits 8 --error-bits 8 --grad-bits 8 --seed S, "
                + "S = 42..44, 1,500 epochs, commit 7b107b7: means of vr_distance, zero_weight_fraction and activity (last 50 epochs: "
                + "trained; all 1,500: over training)");
        m.put("input_rate", PR_INPUT_RATE);
        m.put("steps", PR_STEPS);
        m.put("first_layer_backward", false);
        m.put("crossbar5_over_pb_bmp2", ratio);
        Map<String, MeasuredActivity[]> variants = new LinkedHashMap<>();
        variants.put("over_training", new MeasuredActivity[] {five.overTraining(), two.overTraining()});
        variants.put("both_at_w5_activity", new MeasuredActivity[] {five.trained(), five.trained()});
        variants.put("both_at_w2_activity", new MeasuredActivity[] {two.trained(), two.trained()});
        variants.put("both_at_assumed_activity", new MeasuredActivity[] {PR_ASSUMED, PR_ASSUMED});
        for (var v : variants.entrySet()) {
            double r = patternRatio(model, v.getValue()[0], v.getValue()[1]);
            out.printf("    %s: 5-bit crossbar (hidden %.2f %%, errors %.1f %%) / 2-bit pb-bmp (%.2f %%, %.1f %%) = %.3f%n",
                    v.getKey().replace('_', ' '), v.getValue()[0].hiddenRate() * 100, v.getValue()[0].outputErrorRate() * 100,
                    v.getValue()[1].hiddenRate() * 100, v.getValue()[1].outputErrorRate() * 100, r);
            m.put("crossbar5_over_pb_bmp2_" + v.getKey(), r);
        }
        m.put("points", points);
        return m;
    }

    private static void writePlots(Path dir, Map<String, LayerCost> byKey) {
        List<Charts.Series> lines = new ArrayList<>();
        for (Encoding e : FC_ENCODINGS) {
            double[] y = new double[DENSITIES.length];
            for (int i = 0; i < DENSITIES.length; i++) {
                y[i] = forwardPlusBackward(byKey.get(key(FC, e, 8, DENSITIES[i]))) * 1e6;
            }
            lines.add(new Charts.Series(e.cliName(), DENSITIES, y));
        }
        double lo = lines.stream().flatMapToDouble(l -> java.util.Arrays.stream(l.y())).min().orElseThrow();
        double hi = lines.stream().flatMapToDouble(l -> java.util.Arrays.stream(l.y())).max().orElseThrow();
        for (int a = 0; a < PAPER_FC.size(); a++) {
            for (int b = a + 1; b < PAPER_FC.size(); b++) {
                for (double x : crossovers(byKey, FC, 8, PAPER_FC.get(a), PAPER_FC.get(b), MemoryStudy::forwardPlusBackward)) {
                    // a vertical marker at each crossing of the paper's three encodings
                    lines.add(new Charts.Series(String.format("%s = %s at %.3f", PAPER_FC.get(a).cliName(),
                            PAPER_FC.get(b).cliName(), x), new double[] {x, x}, new double[] {lo, hi}));
                }
            }
        }
        Charts.line(dir.resolve("fc-energy-vs-density.png"), "FC 784x128, 8-bit: forward + backward energy per sample vs density",
                "fraction of non-zero weights", "µJ per sample", lines, true);
        for (LayerShape layer : List.of(FC, CONV)) {
            double d = layer == FC ? 0.5 : 1.0;
            List<Charts.Series> s = new ArrayList<>();
            double[] x = new double[BITS.length];
            for (int i = 0; i < BITS.length; i++) {
                x[i] = BITS[i];
            }
            for (Encoding e : layer == FC ? FC_ENCODINGS : CONV_ENCODINGS) {
                double[] f = new double[BITS.length];
                double[] b = new double[BITS.length];
                for (int i = 0; i < BITS.length; i++) {
                    LayerCost c = byKey.get(key(layer, e, BITS[i], d));
                    f[i] = c.forwardSampleJ() * 1e6;
                    b[i] = c.backwardSampleJ() * 1e6;
                }
                s.add(new Charts.Series(e.cliName() + " forward", x, f));
                s.add(new Charts.Series(e.cliName() + " backward", x, b));
            }
            String name = layer == FC ? "fc-energy-vs-bits.png" : "conv-energy-vs-bits.png";
            Charts.line(dir.resolve(name), layer.label() + ", density " + d + ": energy per sample vs weight bits", "weight bits",
                    "µJ per sample", s, true);
        }
    }
}
