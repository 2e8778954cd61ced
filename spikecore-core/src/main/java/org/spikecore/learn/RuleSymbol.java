package org.spikecore.learn;

import java.util.Locale;

/**
 * The quantities a rule text may name (Lava's convention for traces): {@code x0} / {@code y0}
 * are 1 when the pre / post neuron spiked this tick, {@code x1, x2} / {@code y1, y2} the pre /
 * post traces, {@code v0..v7} the post neuron's state units, {@code m} its modulator, {@code r}
 * the third factor (reward or error input), {@code w} the synapse's weight.
 */
public enum RuleSymbol {
    X0, X1, X2, Y0, Y1, Y2, V0, V1, V2, V3, V4, V5, V6, V7, M, R, W;

    /** The name in rule text. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The symbol named {@code name}, or null. */
    static RuleSymbol of(String name) {
        for (RuleSymbol s : values()) {
            if (s.text().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
