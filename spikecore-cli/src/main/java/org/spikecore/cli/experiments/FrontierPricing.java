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
 * The frontier's one call into the cost model: a trained pattern-retention network's energy per
 * training iteration (one sample of its steps: forward, backward and update of both layers) under
 * each synapse-memory encoding, at the density its own quantized weights have.
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
     * µJ per training iteration by encoding name, for weights of {@code bits} bits with non-zero
     * fractions {@code hiddenDensity} (700 → 400) and {@code outputDensity} (400 → 250).
     */
    static Map<String, Object> trainingIterationMicrojoules(PatternRetention.Config config, int bits, double hiddenDensity,
            double outputDensity) {
        EnergyModel model = model();
        Activity activity = new Activity(config.inputRate(), Activity.DEFAULT.errorRate(), config.steps());
        Map<String, Object> uJ = new LinkedHashMap<>();
        for (Encoding e : ENCODINGS) {
            double joules = LayerCost.of(new LayerShape.Fc(config.inputs(), config.hidden()), e, bits, Math.max(1e-6, hiddenDensity),
                    WORD_BITS, activity, model).trainingSampleJ()
                    + LayerCost.of(new LayerShape.Fc(config.hidden(), config.outputs()), e, bits, Math.max(1e-6, outputDensity), WORD_BITS,
                            activity, model).trainingSampleJ();
            uJ.put(e.cliName(), joules * 1e6);
        }
        return uJ;
    }
}
