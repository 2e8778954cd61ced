package org.spikecore.learn;

import java.util.Objects;

/**
 * Whether and how a projection's weights learn inside the engine. The engine runs the rule after
 * the tick's spikes have been delivered (so deliveries see the weights of before the tick's
 * learning, as NSAT's {@code accumulate_synaptic_events} precedes its learning step) and writes
 * every change through the projection's {@link org.spikecore.memory.SynapseMemory#update}.
 */
public sealed interface Plasticity {

    /** Fixed weights. */
    record None() implements Plasticity {
    }

    /**
     * NSAT's learning group of the synapses' (post, target state) ({@code learning_params} in
     * {@code src/nsat.c}): the forward-table STDP kernel, or with {@code stdpEnabled} false the
     * modulated pre-triggered branch {@code dw = zbs(m, hiac[0])} (eRBP); randomized rounding of
     * each change by {@code roundingBits} (−1 = off); the modulator is the post's state
     * {@code modulatorState}; the gate, when not null, is a window on the synapse's target state and
     * a periodic burn-in, tested on NSAT's tick numbers (engine tick + 1).
     *
     * @param kernel          the STDP kernel K(Δt)
     * @param stdpEnabled     NSAT's {@code stdp_en}
     * @param roundingBits    NSAT's {@code rr_num_bits} when {@code rr_on}, else −1
     * @param modulatorState  NSAT's {@code modg_state}
     * @param gate            the gate when {@code learning_gated}, else null
     * @param tstdpMax        NSAT's {@code tstdpmax}: the forward table's window (the same for every
     *                        projection of a core)
     */
    record Nsat(NsatKernel kernel, boolean stdpEnabled, int roundingBits, int modulatorState, LearningGate gate,
            int tstdpMax) implements Plasticity {
        public Nsat {
            Objects.requireNonNull(kernel, "NSAT plasticity kernel");
            if (roundingBits < -1 || roundingBits > 30) {
                throw new IllegalArgumentException("NSAT randomized rounding takes 0..30 bits (or -1 for off), got "
                        + roundingBits);
            }
            if (modulatorState < 0) {
                throw new IllegalArgumentException("NSAT modulator state must be >= 0, got " + modulatorState);
            }
            if (tstdpMax < 1) {
                throw new IllegalArgumentException("NSAT tstdpmax must be at least 1, got " + tstdpMax);
            }
        }
    }

    static Plasticity none() {
        return new None();
    }
}
