package org.spikecore.io.nir;

/**
 * How {@link NirSimulation} turns NIR's continuous LIF and CubaLIF equations into steps of dt.
 * Frameworks differ in update order and reset, and a NIR file does not say which its exporter
 * used, so the reader picks one. Other node types are the same under every convention.
 */
public enum NirConvention {

    /**
     * Forward Euler, NIR's reference reading: {@code I ← I + dt/τ_syn·(w_in·x − I)}, then
     * {@code v ← v + dt/τ·(v_leak − v + R·I)} with the new I, spike when v > v_threshold, and v ←
     * v_reset at once, in the same step.
     */
    EULER("euler"),

    /**
     * snnTorch 0.9's {@code Leaky} (LIF) and {@code Synaptic} (CubaLIF) with {@code reset_mechanism="zero"}
     * and their default {@code reset_delay=True}, recovering {@code β = 1 − dt/τ} and
     * {@code α = 1 − dt/τ_syn} as snnTorch's exporter wrote them: the reset of a step is decided by the
     * membrane of the step before; Leaky: {@code v ← β·(1 − s[t−1])·v + x}; Synaptic:
     * {@code I ← α·I + x}, {@code v ← (1 − s[t−1])·(β·v + I)} (the input of the step after a spike
     * is lost too); then {@code s = v > v_threshold}. Input is scaled by {@code R·dt/τ} (LIF) or
     * {@code w_in·dt/τ_syn} and {@code R·dt/τ_mem} (CubaLIF), which snnTorch's exports make 1.
     */
    SNNTORCH("snntorch"),

    /** As {@link #SNNTORCH} with {@code reset_mechanism="subtract"}: the reset subtracts {@code s[t−1]·v_threshold}. */
    SNNTORCH_SUBTRACT("snntorch-subtract");

    private final String label;

    NirConvention(String label) {
        this.label = label;
    }

    /** The name on the command line. */
    public String label() {
        return label;
    }

    /** The convention called {@code name} on the command line. */
    public static NirConvention parse(String name) {
        for (NirConvention c : values()) {
            if (c.label.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown convention '" + name + "'; known: euler, snntorch, snntorch-subtract");
    }
}
