package org.spikecore.cli;

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
            + "pb-csr, dual, conv-func, conv-func-bmp.")
    List<String> encodings = new ArrayList<>();

    @Option(names = "--bits", split = ",", defaultValue = "2,4,8", description = "Weight bits (default: ${DEFAULT-VALUE}).")
    List<Integer> bits;

    @Option(names = "--density", split = ",", defaultValue = "0.1,0.25,0.5,1.0",
            description = "Fractions of non-zero weights (default: ${DEFAULT-VALUE}).")
    List<Double> densities;

    @Option(names = "--word-bits", defaultValue = "64", description = "Memory word width (default: ${DEFAULT-VALUE}).")
    int wordBits;

    @Option(names = "--rates", description = "JSON file {\"input_rate\": r, \"error_rate\": e, \"steps\": T} from a run.")
    Path rates;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    /** Layers from --layer and --model, parsed. */
    static List<LayerShape> layers(List<String> texts, Path model) {
        List<String> all = new ArrayList<>(texts);
        if (model != null) {
            Map<String, Object> m = readJson(model);
            if (!(m.get("layers") instanceof List<?> list) || list.isEmpty()) {
                throw new SpikecoreException("file " + model + ": expected {\"layers\": [\"fc:784x128\", ...]}");
            }
            list.forEach(l -> all.add(String.valueOf(l)));
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("give at least one layer with --layer or --model");
        }
        return all.stream().map(LayerShape::parse).toList();
    }

    /** The activity from --rates, or the default. */
    static Activity activity(Path rates) {
        if (rates == null) {
            return Activity.DEFAULT;
        }
        Map<String, Object> m = readJson(rates);
        try {
            return new Activity(((Number) m.getOrDefault("input_rate", 0.1)).doubleValue(),
                    ((Number) m.getOrDefault("error_rate", 0.1)).doubleValue(),
                    ((Number) m.getOrDefault("steps", 100)).intValue());
        } catch (ClassCastException e) {
            throw new SpikecoreException("file " + rates + ": input_rate, error_rate and steps must be numbers");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SpikecoreException("file " + file + " does not exist");
        }
        try {
            return new ObjectMapper().readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new SpikecoreException("file " + file + " is not valid JSON: " + e.getMessage());
        }
    }

    /** Every applicable (layer, encoding, bits, density) cost. */
    static List<LayerCost> costs(List<LayerShape> layers, List<Encoding> encodings, List<Integer> bits,
            List<Double> densities, int wordBits, Activity activity, EnergyModel model) {
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
        for (LayerShape layer : layers) {
            for (Encoding e : encodings) {
                if (e.convolutionOnly() && !(layer instanceof LayerShape.Conv)) {
                    continue;
                }
                for (int b : bits) {
                    for (double d : densities) {
                        out.add(LayerCost.of(layer, e, b, d, wordBits, activity, model));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no encoding applies to the layers given (conv-func and conv-func-bmp need conv layers)");
        }
        return out;
    }

    @Override
    public Integer call() {
        List<LayerShape> shapes = layers(layers, model);
        List<Encoding> chosen = encodings.isEmpty() ? List.of(Encoding.values())
                : encodings.stream().map(String::trim).map(Encoding::fromName).toList();
        if (wordBits < 1 || wordBits > 1024) {
            throw new IllegalArgumentException("--word-bits must be 1..1024, got " + wordBits);
        }
        Activity act = activity(rates);
        EnergyModel energy = new Horowitz45nm();
        List<LayerCost> costs = costs(shapes, chosen, bits, densities, wordBits, act, energy);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("energy_model", Map.of("name", energy.name(), "version", energy.version(), "parameters",
                    energy.parameters()));
            doc.put("activity", Map.of("input_rate", act.inputRate(), "error_rate", act.errorRate(), "steps", act.steps()));
            doc.put("rows", costs.stream().map(LayerCost::toRow).toList());
            out.println(ResultsJson.toJson(doc));
            return 0;
        }
        out.printf("energy model %s v%s; activity: %.0f %% input spikes and %.0f %% error events per step, %d steps per "
                + "sample, one weight update per sample%s%n", energy.name(), energy.version(), act.inputRate() * 100,
                act.errorRate() * 100, act.steps(), rates == null ? " (default; --rates FILE to change)" : " (from " + rates + ")");
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
