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

    /**
     * A rule of the {@link LearningRule} family driven by a {@link SynapseLearner} per core slice:
     * pre and post traces, the post neurons' modulator, and the gate on one post state. Rules see
     * the post states of the tick before the reset.
     *
     * @param rule       the rule
     * @param preTraces  the pre traces ({@code x1, x2})
     * @param postTraces the post traces ({@code y1, y2})
     * @param modulator  the post neurons' modulator ({@code m})
     * @param gate       when the synapses into a post may learn ({@link LearningGate#OPEN} for always)
     * @param gateState  the post state the gate reads
     */
    record Rule(LearningRule rule, java.util.List<TraceSpec> preTraces, java.util.List<TraceSpec> postTraces,
            Modulator modulator, LearningGate gate, int gateState) implements Plasticity {
        public Rule {
            Objects.requireNonNull(rule, "plasticity rule");
            preTraces = java.util.List.copyOf(preTraces);
            postTraces = java.util.List.copyOf(postTraces);
            Objects.requireNonNull(modulator, "plasticity modulator");
            Objects.requireNonNull(gate, "plasticity gate");
            if (gateState < 0) {
                throw new IllegalArgumentException("gate state must be >= 0, got " + gateState);
            }
        }

        /** {@code rule} with these traces, the post's state 0 as modulator and an open gate. */
        public static Rule of(LearningRule rule, java.util.List<TraceSpec> preTraces, java.util.List<TraceSpec> postTraces) {
            return new Rule(rule, preTraces, postTraces, Modulator.state(0), LearningGate.OPEN, 0);
        }
    }

    static Plasticity none() {
        return new None();
    }
}
