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

/**
 * The memory-organization study of Schaefer et al. (ISCAS 2020, REFERENCES §1): FC 784→128 and conv
 * 28×28×32→32 3×3 under every encoding, weight bits 2–8, densities 0.05–1. Writes the rows, the
 * density crossovers, and three plots.
 */
public final class MemoryStudy implements Experiment {

    static final double[] DENSITIES = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    static final int[] BITS = {2, 3, 4, 5, 6, 7, 8};
    static final int WORD_BITS = 64;

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
        return "FC 784x128 and conv 28x28x32-32k3: encodings x weight bits 2-8 x density (the seed paper's study)";
    }

    @Override
    public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("memory-study takes no options, got " + options.keySet());
        }
        EnergyModel model = new Horowitz45nm();
        Activity activity = Activity.DEFAULT;
        LayerShape fc = new LayerShape.Fc(784, 128);
        LayerShape conv = new LayerShape.Conv(28, 28, 32, 32, 3);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, LayerCost> byKey = new LinkedHashMap<>();
        for (LayerShape layer : List.of(fc, conv)) {
            for (Encoding e : Encoding.values()) {
                if (e.convolutionOnly() && layer != conv) {
                    continue;
                }
                for (int b : BITS) {
                    for (double d : DENSITIES) {
                        LayerCost c = LayerCost.of(layer, e, b, d, WORD_BITS, activity, model);
                        rows.add(c.toRow());
                        byKey.put(key(layer, e, b, d), c);
                    }
                }
            }
        }
        List<Map<String, Object>> crossovers = new ArrayList<>();
        for (LayerShape layer : List.of(fc, conv)) {
            for (Encoding e : List.of(Encoding.PB_BMP, Encoding.PB_CSR, Encoding.DUAL)) {
                for (int b : BITS) {
                    for (String pass : List.of("forward", "training")) {
                        ToDoubleFunction<LayerCost> metric = pass.equals("forward") ? LayerCost::forwardSampleJ
                                : LayerCost::trainingSampleJ;
                        Double x = crossover(byKey, layer, e, b, metric);
                        double atSparse = metric.applyAsDouble(byKey.get(key(layer, e, b, DENSITIES[0])))
                                - metric.applyAsDouble(byKey.get(key(layer, Encoding.CROSSBAR, b, DENSITIES[0])));
                        double atDense = metric.applyAsDouble(byKey.get(key(layer, e, b, 1.0)))
                                - metric.applyAsDouble(byKey.get(key(layer, Encoding.CROSSBAR, b, 1.0)));
                        String relation = x != null ? "cheaper than the crossbar below density " + String.format("%.2f", x)
                                : atSparse < 0 && atDense < 0 ? "cheaper than the crossbar at every density"
                                : atSparse >= 0 && atDense >= 0 ? "dearer than the crossbar at every density"
                                : "crosses the crossbar more than once";
                        Map<String, Object> c = new LinkedHashMap<>();
                        c.put("layer", layer.label());
                        c.put("encoding", e.cliName());
                        c.put("bits", b);
                        c.put("pass", pass);
                        c.put("density_where_crossbar_becomes_cheaper", x);
                        c.put("relation", relation);
                        crossovers.add(c);
                    }
                }
            }
        }
        writePlots(outDir, byKey, fc, conv);
        out.printf("memory-study: %d rows (energy model %s v%s, %d-bit words, activity %.0f %% inputs / %.0f %% errors per "
                + "step, %d steps)%n", rows.size(), model.name(), model.version(), WORD_BITS, activity.inputRate() * 100,
                activity.errorRate() * 100, activity.steps());
        for (Map<String, Object> c : crossovers) {
            if ((int) c.get("bits") == 2 || (int) c.get("bits") == 8) {
                out.printf("  %-20s %-8s %d-bit %-8s: %s%n", c.get("layer"), c.get("encoding"), c.get("bits"), c.get("pass"),
                        c.get("relation"));
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("energy_model", Map.of("name", model.name(), "version", model.version(), "parameters", model.parameters()));
        results.put("activity", Map.of("input_rate", activity.inputRate(), "error_rate", activity.errorRate(), "steps",
                activity.steps()));
        results.put("word_bits", WORD_BITS);
        results.put("crossovers", crossovers);
        results.put("rows", rows);
        results.put("plots", List.of("fc-energy-vs-density.png", "fc-forward-vs-backward.png", "conv-encodings.png"));
        return results;
    }

    static String key(LayerShape l, Encoding e, int b, double d) {
        return l.label() + "|" + e.cliName() + "|" + b + "|" + d;
    }

    /**
     * The density at which the crossbar becomes cheaper than {@code e} (linear interpolation of the
     * energy difference between grid points), or null when the sign never changes.
     */
    static Double crossover(Map<String, LayerCost> byKey, LayerShape layer, Encoding e, int b,
            ToDoubleFunction<LayerCost> metric) {
        double prevD = Double.NaN;
        double prevDiff = Double.NaN;
        for (double d : DENSITIES) {
            double diff = metric.applyAsDouble(byKey.get(key(layer, e, b, d)))
                    - metric.applyAsDouble(byKey.get(key(layer, Encoding.CROSSBAR, b, d)));
            if (!Double.isNaN(prevDiff) && prevDiff < 0 && diff >= 0) {
                return prevD + (d - prevD) * (-prevDiff) / (diff - prevDiff);
            }
            prevD = d;
            prevDiff = diff;
        }
        return null;
    }

    private static void writePlots(Path dir, Map<String, LayerCost> byKey, LayerShape fc, LayerShape conv) {
        List<Charts.Series> lines = new ArrayList<>();
        for (int b : new int[] {2, 8}) {
            for (Encoding e : List.of(Encoding.CROSSBAR, Encoding.PB_BMP, Encoding.PB_CSR, Encoding.DUAL)) {
                double[] y = new double[DENSITIES.length];
                for (int i = 0; i < DENSITIES.length; i++) {
                    y[i] = byKey.get(key(fc, e, b, DENSITIES[i])).trainingSampleJ() * 1e6;
                }
                lines.add(new Charts.Series(e.cliName() + " " + b + "-bit", DENSITIES, y));
            }
        }
        Charts.line(dir.resolve("fc-energy-vs-density.png"), "FC 784x128: training energy per sample vs weight density",
                "fraction of non-zero weights", "µJ per sample (forward + backward + update)", lines, true);
        List<String> cats = new ArrayList<>();
        List<Double> fwd = new ArrayList<>();
        List<Double> bwd = new ArrayList<>();
        List<Double> upd = new ArrayList<>();
        for (Encoding e : List.of(Encoding.CROSSBAR, Encoding.PB_BMP, Encoding.PB_CSR, Encoding.DUAL)) {
            LayerCost c = byKey.get(key(fc, e, 4, 0.3));
            cats.add(e.cliName());
            fwd.add(c.forwardSampleJ() * 1e6);
            bwd.add(c.backwardSampleJ() * 1e6);
            upd.add(c.updateJ() * 1e6);
        }
        Map<String, List<Double>> groups = new LinkedHashMap<>();
        groups.put("forward", fwd);
        groups.put("backward", bwd);
        groups.put("update", upd);
        Charts.bars(dir.resolve("fc-forward-vs-backward.png"), "FC 784x128, 4-bit weights, density 0.3: energy per pass",
                "µJ per sample", cats, groups, false);
        List<Charts.Series> convLines = new ArrayList<>();
        for (Encoding e : Encoding.values()) {
            double[] y = new double[DENSITIES.length];
            for (int i = 0; i < DENSITIES.length; i++) {
                y[i] = byKey.get(key(conv, e, 4, DENSITIES[i])).trainingSampleJ() * 1e6;
            }
            convLines.add(new Charts.Series(e.cliName(), DENSITIES, y));
        }
        Charts.line(dir.resolve("conv-encodings.png"), "Conv 28x28x32 -> 32, 3x3, 4-bit: training energy per sample",
                "fraction of non-zero weights", "µJ per sample", convLines, true);
    }
}
