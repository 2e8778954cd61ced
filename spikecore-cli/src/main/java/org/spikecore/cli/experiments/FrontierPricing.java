package org.spikecore.cli.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikecore.energy.Activity;
import org.spikecore.energy.EnergyModel;
import org.spikecore.energy.Horowitz45nm;
import org.spikecore.energy.LayerCost;
import org.spikecore.memory.Encoding;
import org.spikecore.memory.LayerShape;
import org.spikecore.train.PatternRetention;

/**
 * The one call into the cost model for a trained pattern-retention network: its energy per
 * training iteration (one sample of its steps: forward, backward and update of both layers) under a
 * synapse-memory encoding, at the density its own quantized weights have and at the activity its
 * training measured. The first layer's errors need not reach the inputs, so it has no backward access.
 */
final class FrontierPricing {

    /** The encodings the seed paper's frontier compares. */
    static final List<Encoding> ENCODINGS = List.of(Encoding.CROSSBAR, Encoding.PB_BMP, Encoding.PB_CSR);

    static final int WORD_BITS = 64;

    private FrontierPricing() {
    }

    /** The model that prices the points, for the record. */
    static EnergyModel model() {
        return new Horowitz45nm();
    }

    /**
     * Joules per training iteration of the 700-400-250 network in {@code e} with {@code bits}-bit weights,
     * non-zero fractions {@code hiddenDensity} (700 → 400) and {@code outputDensity} (400 → 250), input
     * spikes at {@code inputRate}, hidden spikes at {@code hiddenRate} and output error events at
     * {@code errorRate} per neuron and step.
     */
    static double trainingIterationJ(EnergyModel model, PatternRetention.Config config, Encoding e, int bits, double hiddenDensity,
            double outputDensity, double inputRate, double hiddenRate, double errorRate) {
        Activity first = new Activity(inputRate, 0, config.steps());
        Activity second = new Activity(hiddenRate, errorRate, config.steps());
        return LayerCost.of(new LayerShape.Fc(config.inputs(), config.hidden()), e, bits, Math.max(1e-6, hiddenDensity), WORD_BITS,
                first, model).trainingSampleJ()
                + LayerCost.of(new LayerShape.Fc(config.hidden(), config.outputs()), e, bits, Math.max(1e-6, outputDensity), WORD_BITS,
                        second, model).trainingSampleJ();
    }

    /** µJ per training iteration by encoding name, at the measured activity {@code hidden} and {@code output} of the two layers. */
    static Map<String, Object> trainingIterationMicrojoules(PatternRetention.Config config, int bits, double hiddenDensity,
            double outputDensity, PatternRetention.LayerActivity hidden, PatternRetention.LayerActivity output) {
        EnergyModel model = model();
        Map<String, Object> uJ = new LinkedHashMap<>();
        for (Encoding e : ENCODINGS) {
            uJ.put(e.cliName(), 1e6 * trainingIterationJ(model, config, e, bits, hiddenDensity, outputDensity, hidden.inputRate(),
                    output.inputRate(), output.errorRate()));
        }
        return uJ;
    }

    /** A run's measured activity as {@code results.json} records it and {@code spikecore cost --rates} reads it. */
    static Map<String, Object> ratesDocument(PatternRetention.Config config, PatternRetention.LayerActivity hidden,
            PatternRetention.LayerActivity output) {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("input_rate", hidden.inputRate());
        first.put("error_rate", 0.0); // its errors need not reach the inputs: no backward access
        first.put("updates", 1.0);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("input_rate", output.inputRate());
        second.put("error_rate", output.errorRate());
        second.put("updates", 1.0);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("steps", config.steps());
        doc.put("layers", List.of(first, second));
        return doc;
    }
}
