package org.spikecore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spikecore.SpikecoreException;
import org.spikecore.energy.Activity;
import org.spikecore.energy.EnergyModel;
import org.spikecore.energy.Horowitz45nm;
import org.spikecore.energy.LayerCost;
import org.spikecore.energy.MeasuredEnergy;
import org.spikecore.engine.RunCounters;
import org.spikecore.memory.EncodingCost;
import org.spikecore.memory.RegionCost;
import org.spikecore.memory.RegionCount;
import org.spikecore.io.ResultsJson;
import org.spikecore.memory.Encoding;
import org.spikecore.memory.LayerShape;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spikecore cost}: energy and memory of layers under synapse-memory encodings. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Energy per sample (forward, backward, update) and memory of layers under synapse-memory encodings.")
public final class CostCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--layer", split = ",", description = "Layers: fc:PRExPOST or conv:HxWxCIN-COUTkK (comma-separated).")
    List<String> layers = new ArrayList<>();

    @Option(names = "--model", description = "JSON file {\"layers\": [\"fc:784x128\", ...]} (adds to --layer).")
    Path model;

    @Option(names = "--encoding", split = ",", description = "Encodings (default: all that apply): crossbar, pb-bmp, "
            + "pb-csr, dual, conv-func, conv-func-bmp, conv-func-rowcol.")
    List<String> encodings = new ArrayList<>();

    @Option(names = "--bits", split = ",", defaultValue = "2,4,8", description = "Weight bits (default: ${DEFAULT-VALUE}).")
    List<Integer> bits;

    @Option(names = "--density", split = ",", defaultValue = "0.1,0.25,0.5,1.0",
            description = "Fractions of non-zero weights (default: ${DEFAULT-VALUE}).")
    List<Double> densities;

    @Option(names = "--word-bits", defaultValue = "64", description = "Word width of the index, bitmap and weight "
            + "memories (pointer tables are one pointer wide; default: ${DEFAULT-VALUE}).")
    int wordBits;

    @Option(names = "--rates", description = "JSON file {\"input_rate\": r, \"error_rate\": e, \"steps\": T, \"updates\": u}"
            + " or {\"steps\": T, \"layers\": [{\"input_rate\": r, \"error_rate\": e, \"updates\": u}, ...]} (one per layer).")
    Path rates;

    @Option(names = "--macro-bytes", defaultValue = "32768", description = "Largest SRAM macro; bigger memories are "
            + "banked (default: ${DEFAULT-VALUE}).")
    long macroBytes;

    @Option(names = "--width-independent-fraction", defaultValue = "0.5", description = "Fraction of a 64-bit access "
            + "that does not depend on the word width (default: ${DEFAULT-VALUE}).")
    double fixedFraction;

    @Option(names = "--simulate", description = "Run each layer on the engine in each encoding (random input at the "
            + "input rate, --rates' steps) and price the accesses it measured, beside the closed form's (forward only).")
    boolean simulate;

    @Option(names = "--learning-rule", description = "With --simulate: the layer learns by this rule text (e.g. "
            + "'dw = 2^-4 * x0 * (64 - w)'; x1/y1 are traces of +64 per spike decaying by 2^-2 a tick) at every input spike, and "
            + "the learning reads and writes are priced apart (a conv layer learns weight-shared).")
    String learningRule;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of --simulate's weights and input (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    /** Layers from --layer and --model, parsed. */
    static List<LayerShape> layers(List<String> texts, Path model) {
        List<String> all = new ArrayList<>(texts);
        if (model != null) {
            JsonNode m = readJson(model);
            JsonNode list = m.get("layers");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new SpikecoreException("file " + model + ": expected {\"layers\": [\"fc:784x128\", ...]}");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isTextual()) {
                    throw new SpikecoreException("file " + model + ": layers[" + i + "] must be a string like \"fc:784x128\", got "
                            + list.get(i));
                }
                all.add(list.get(i).asText());
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("give at least one layer with --layer or --model");
        }
        return all.stream().map(LayerShape::parse).toList();
    }

    /**
     * The activity of each layer from --rates, or the default for all. The file is either one
     * activity for every layer, {@code {"input_rate": r, "error_rate": e, "steps": T, "updates": u}},
     * or one per layer in order, {@code {"steps": T, "layers": [{"input_rate": r, "error_rate": e,
     * "updates": u}, ...]}}; absent fields take the defaults (0.1, 0.1, 100, 1).
     */
    static List<Activity> activities(Path rates, int layerCount) {
        if (rates == null) {
            return java.util.Collections.nCopies(layerCount, Activity.DEFAULT);
        }
        JsonNode m = readJson(rates);
        known(rates, "", m, List.of("input_rate", "error_rate", "steps", "updates", "layers"));
        int steps = (int) number(rates, "steps", m.get("steps"), Activity.DEFAULT.steps(), true);
        JsonNode layers = m.get("layers");
        if (layers == null) {
            return java.util.Collections.nCopies(layerCount, activity(rates, "", m, steps));
        }
        if (!layers.isArray() || layers.size() != layerCount) {
            throw new SpikecoreException("file " + rates + ": layers must be a list of " + layerCount
                    + " objects, one per layer given, got " + (layers.isArray() ? layers.size() + " entries" : layers.toString()));
        }
        List<Activity> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String where = "layers[" + i + "].";
            if (!layers.get(i).isObject()) {
                throw new SpikecoreException("file " + rates + ": " + where.substring(0, where.length() - 1) + " must be an object");
            }
            known(rates, where, layers.get(i), List.of("input_rate", "error_rate", "updates"));
            out.add(activity(rates, where, layers.get(i), steps));
        }
        return out;
    }

    private static Activity activity(Path file, String where, JsonNode m, int steps) {
        double in = number(file, where + "input_rate", m.get("input_rate"), Activity.DEFAULT.inputRate(), false);
        double err = number(file, where + "error_rate", m.get("error_rate"), Activity.DEFAULT.errorRate(), false);
        double upd = number(file, where + "updates", m.get("updates"), 1, false);
        try {
            return new Activity(in, err, steps, upd);
        } catch (IllegalArgumentException e) {
            throw new SpikecoreException("file " + file + ": " + where + e.getMessage());
        }
    }

    private static void known(Path file, String where, JsonNode m, List<String> keys) {
        m.fieldNames().forEachRemaining(k -> {
            if (!keys.contains(k)) {
                throw new SpikecoreException("file " + file + ": unknown field " + where + k + "; expected " + keys);
            }
        });
    }

    private static double number(Path file, String field, JsonNode v, double absent, boolean integer) {
        if (v == null) {
            return absent;
        }
        if (!v.isNumber() || (integer && !v.canConvertToInt()) || (integer && !v.isIntegralNumber())) {
            throw new SpikecoreException("file " + file + ": " + field + " must be " + (integer ? "an integer" : "a number")
                    + ", got " + v);
        }
        return v.asDouble();
    }

    private static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SpikecoreException("file " + file + " does not exist");
        }
        JsonNode n;
        try {
            n = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new SpikecoreException("file " + file + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (n == null || !n.isObject()) {
            throw new SpikecoreException("file " + file + ": expected a JSON object, got " + (n == null ? "nothing" : n));
        }
        return n;
    }

    /** Every applicable (layer, encoding, bits, density) cost. */
    static List<LayerCost> costs(List<LayerShape> layers, List<Encoding> encodings, List<Integer> bits,
            List<Double> densities, int wordBits, List<Activity> activities, EnergyModel model) {
        for (int b : bits) {
            if (b < 1 || b > wordBits) {
                throw new IllegalArgumentException("--bits must be 1.." + wordBits + ", got " + b);
            }
        }
        for (double d : densities) {
            if (!(d > 0 && d <= 1)) {
                throw new IllegalArgumentException("--density must be in (0, 1], got " + d);
            }
        }
        List<LayerCost> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            LayerShape layer = layers.get(l);
            for (Encoding e : encodings) {
                if (!e.appliesTo(layer)) {
                    continue;
                }
                for (int b : bits) {
                    for (double d : densities) {
                        out.add(LayerCost.of(layer, e, b, d, wordBits, activities.get(l), model));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no encoding applies to the layers given (crossbar and dual store fc layers, the conv-func encodings conv layers)");
        }
        return out;
    }

    /** The layers' costs measured on the engine, per memory beside the closed form's, on the same input spikes. */
    private int simulated(PrintWriter out, List<LayerShape> shapes, List<LayerCost> costs, EnergyModel energy) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!json) {
            out.printf("energy model %s v%s; engine runs, forward accesses%s (the engine does not propagate errors yet)%n",
                    energy.name(), energy.version(), learningRule == null ? " only" : " and learning by '" + learningRule + "'");
            out.printf("%-22s %-16s %4s %7s %-16s %12s %14s %12s%s%n", "layer", "encoding", "bits", "density", "memory",
                    "reads", "closed form", "µJ measured", learningRule == null ? ""
                            : String.format(" %12s %12s %12s", "learn reads", "learn writes", "µJ learning"));
        }
        for (LayerCost c : costs) {
            LayerShape shape = shapes.stream().filter(s -> s.label().equals(c.layer())).findFirst().orElseThrow();
            SimulatedLayer.Result result = SimulatedLayer.run(shape, c.encoding(), c.weightBits(), c.density(), wordBits,
                    c.activity().inputRate(), c.activity().steps(), seed, learningRule);
            RunCounters run = result.counters();
            long spikes = run.spikesPerNode().get("in");
            List<RegionCount> regions = run.memories().get(0).regions();
            double realDensity = result.density();
            List<RegionCost> closed = EncodingCost.regions(c.encoding(), shape, c.weightBits(), realDensity, wordBits);
            List<MeasuredEnergy.MemoryEnergy> priced = MeasuredEnergy.of(regions, energy);
            List<Map<String, Object>> mems = new ArrayList<>();
            for (int k = 0; k < regions.size(); k++) {
                MeasuredEnergy.MemoryEnergy m = priced.get(k);
                double expected = spikes * closed.get(k).forwardReads();
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("memory", m.name());
                r.put("word_bits", m.wordBits());
                r.put("capacity_bits", m.capacityBits());
                r.put("reads", m.reads() - m.learningReads());
                r.put("writes", m.writes() - m.learningWrites());
                r.put("closed_form_reads", expected);
                r.put("J", m.joules() - m.learningJoules());
                r.put("learning_reads", m.learningReads());
                r.put("learning_writes", m.learningWrites());
                r.put("learning_J", m.learningJoules());
                mems.add(r);
                if (!json) {
                    out.printf("%-22s %-16s %4d %7.2f %-16s %12d %14.0f %12.4f%s%n", c.layer(), c.encoding().cliName(),
                            c.weightBits(), realDensity, m.name(), m.reads() - m.learningReads(), expected,
                            (m.joules() - m.learningJoules()) * 1e6, learningRule == null ? ""
                                    : String.format(" %12d %12d %12.4f", m.learningReads(), m.learningWrites(),
                                            m.learningJoules() * 1e6));
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("layer", c.layer());
            row.put("encoding", c.encoding().cliName());
            row.put("bits", c.weightBits());
            row.put("density", realDensity);
            row.put("word_bits", wordBits);
            row.put("steps", c.activity().steps());
            row.put("input_spikes", spikes);
            row.put("synaptic_ops", run.synOps());
            row.put("memories", mems);
            row.put("forward_memory_J", MeasuredEnergy.total(regions, energy) - MeasuredEnergy.learning(regions, energy));
            if (learningRule != null) {
                row.put("learning_rule", learningRule);
                row.put("learning_memory_J", MeasuredEnergy.learning(regions, energy));
            }
            rows.add(row);
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("energy_model", Map.of("name", energy.name(), "version", energy.version(), "parameters",
                    energy.parameters()));
            doc.put("mode", "simulate");
            doc.put("rows", rows);
            out.println(ResultsJson.toJson(doc));
        }
        return 0;
    }

    /** The energy model of the options, with their names in its errors. */
    static EnergyModel energyModel(double fraction, long macroBytes) {
        try {
            return new Horowitz45nm(fraction, macroBytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--width-independent-fraction / --macro-bytes: " + e.getMessage());
        }
    }

    @Override
    public Integer call() {
        List<LayerShape> shapes = layers(layers, model);
        List<Encoding> chosen = encodings.isEmpty() ? List.of(Encoding.values())
                : encodings.stream().map(String::trim).map(Encoding::fromName).toList();
        if (wordBits < 1 || wordBits > 1024) {
            throw new IllegalArgumentException("--word-bits must be 1..1024, got " + wordBits);
        }
        List<Activity> acts = activities(rates, shapes.size());
        Activity act = acts.get(0);
        EnergyModel energy = energyModel(fixedFraction, macroBytes);
        List<LayerCost> costs = costs(shapes, chosen, bits, densities, wordBits, acts, energy);
        PrintWriter out = spec.commandLine().getOut();
        if (learningRule != null && !simulate) {
            throw new IllegalArgumentException("--learning-rule needs --simulate (the closed form prices updates from --rates)");
        }
        if (simulate) {
            return simulated(out, shapes, costs, energy);
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("energy_model", Map.of("name", energy.name(), "version", energy.version(), "parameters",
                    energy.parameters()));
            doc.put("activity", acts.stream().map(a -> Map.of("input_rate", a.inputRate(), "error_rate", a.errorRate(), "steps",
                    a.steps(), "updates", a.updatesPerSample())).toList());
            doc.put("rows", costs.stream().map(LayerCost::toRow).toList());
            out.println(ResultsJson.toJson(doc));
            return 0;
        }
        out.printf("energy model %s v%s (width-independent fraction %.2f, macros up to %d bytes)%n", energy.name(),
                energy.version(), fixedFraction, macroBytes);
        out.printf("activity%s: %.0f %% input spikes and %.0f %% error events per step, %d steps per "
                + "sample, %s weight update per sample%s%n",
                acts.stream().distinct().count() > 1 ? " of the first layer (per layer in --json)" : "",
                act.inputRate() * 100, act.errorRate() * 100, act.steps(), act.updatesPerSample() == 1 ? "one" : act.updatesPerSample(),
                rates == null ? " (default; --rates FILE to change)" : " (from " + rates + ")");
        out.printf("%-22s %-14s %4s %7s %11s %12s %12s %12s %12s%n", "layer", "encoding", "bits", "density", "memory KiB",
                "forward µJ", "backward µJ", "update µJ", "training µJ");
        for (LayerCost c : costs) {
            out.printf("%-22s %-14s %4d %7.2f %11.1f %12.3f %12.3f %12.3f %12.3f%n", c.layer(), c.encoding().cliName(),
                    c.weightBits(), c.density(), c.memoryBits() / 8192.0, c.forwardSampleJ() * 1e6, c.backwardSampleJ() * 1e6,
                    c.updateJ() * 1e6, c.trainingSampleJ() * 1e6);
        }
        return 0;
    }
}
