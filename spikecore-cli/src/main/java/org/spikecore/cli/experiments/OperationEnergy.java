package org.spikecore.cli.experiments;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spikecore.energy.EnergyModel;
import org.spikecore.energy.Horowitz45nm;
import org.spikecore.energy.Operation;

/**
 * Energy of an inference from its operation counts, two ways. The talk's figures (REFERENCES §3–4):
 * an ANN multiply-accumulate costs 4.6 pJ and an SNN accumulate 0.9 pJ (float32 at 45 nm), so an
 * SNN wins while its accumulates are fewer than about 5.1 times the ANN's MACs. The project's
 * energy model ({@link EnergyModel}, memory accesses included): every operation reads its weight,
 * a {@code WORD_BITS}-bit word, from an SRAM holding that layer's weights; an ANN MAC adds a
 * 16-bit multiply and a 16-bit add, an SNN accumulate a 16-bit add.
 */
final class OperationEnergy {

    /** Weight and accumulator width of the model's pricing. */
    static final int WORD_BITS = 16;

    private final EnergyModel model = new Horowitz45nm();

    /** Joules of {@code ops} operations at 45 nm as the talk prices them: MACs for the ANN, accumulates for an SNN. */
    static double talkJoules(double ops, boolean ann) {
        return ops * (ann ? Horowitz45nm.FLOAT32_ADD_PJ + Horowitz45nm.FLOAT32_MULTIPLY_PJ : Horowitz45nm.FLOAT32_ADD_PJ) * 1e-12;
    }

    /** Joules of {@code ops} operations on a layer of {@code weights} stored weights under the project's model. */
    double modelJoules(double ops, long weights, boolean ann) {
        double read = model.readEnergy(weights * WORD_BITS, WORD_BITS);
        double arithmetic = model.operationEnergy(Operation.ADD, WORD_BITS) + (ann ? model.operationEnergy(Operation.MULTIPLY, WORD_BITS) : 0);
        return ops * (read + arithmetic);
    }

    /** What made the figures, for results.json. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("talk", Map.of("ann_mac_pJ", Horowitz45nm.FLOAT32_ADD_PJ + Horowitz45nm.FLOAT32_MULTIPLY_PJ, "snn_accumulate_pJ",
                Horowitz45nm.FLOAT32_ADD_PJ, "source", "Horowitz ISSCC 2014, 45 nm, float32"));
        m.put("model", Map.of("name", model.name(), "version", model.version(), "parameters", model.parameters(), "word_bits", WORD_BITS,
                "per_operation", "one weight read from the layer's weight SRAM + 16-bit add (+ 16-bit multiply for a MAC)"));
        return m;
    }
}
