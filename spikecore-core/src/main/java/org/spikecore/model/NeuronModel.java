package org.spikecore.model;

import java.util.List;
import java.util.Objects;

/**
 * The general multicompartment fixed-point neuron (NSAT-class, REFERENCES §2):
 * {@code x[t+1] = A·x[t] + Ξ⊙(W·S[t]) + b + η}, up to {@link #MAX_STATES} state units, with A given
 * as per-state shift leaks plus signed power-of-two {@link Coupling}s (multiplierless). Every preset in
 * {@link NeuronPresets} is an instance of this record.
 *
 * <p>The per-tick semantics (update order, rounding, clamps, refractory, threshold, reset) are the
 * contract of {@code org.spikecore.engine}; see its package documentation.
 *
 * @param name              a short name for messages and reports
 * @param states            the state units; state 0 is the one compared with the threshold
 * @param couplings         extra A-matrix entries
 * @param threshold         when the neuron spikes
 * @param refractoryPeriod  ticks after a spike during which state 0 is held at its reset value and
 *                          no spike can occur (0 = none)
 */
public record NeuronModel(String name, List<StateSpec> states, List<Coupling> couplings, Threshold threshold,
        int refractoryPeriod) {

    /** The most state units a neuron may have. */
    public static final int MAX_STATES = 8;

    public NeuronModel {
        Objects.requireNonNull(name, "model name");
        states = List.copyOf(states);
        couplings = List.copyOf(couplings);
        Objects.requireNonNull(threshold, "model " + name + " threshold");
        if (states.isEmpty() || states.size() > MAX_STATES) {
            throw new IllegalArgumentException("model " + name + ": a neuron has 1.." + MAX_STATES + " states, got "
                    + states.size());
        }
        for (Coupling c : couplings) {
            if (c.target() >= states.size() || c.source() >= states.size()) {
                throw new IllegalArgumentException("model " + name + ": coupling " + c.source() + " -> " + c.target()
                        + " names a state beyond the " + states.size() + " it has");
            }
        }
        if (threshold.isDynamic() && threshold.dynamicState() >= states.size()) {
            throw new IllegalArgumentException("model " + name + ": dynamic threshold reads state "
                    + threshold.dynamicState() + " of " + states.size());
        }
        if (refractoryPeriod < 0) {
            throw new IllegalArgumentException("model " + name + ": refractory period must be >= 0, got " + refractoryPeriod);
        }
    }

    public int stateCount() {
        return states.size();
    }

    /** Index of the state with this name, or an error naming the states there are. */
    public int stateIndex(String stateName) {
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).name().equals(stateName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("model " + name + " has no state '" + stateName + "'; states: "
                + states.stream().map(StateSpec::name).toList());
    }

    /** This model with state {@code i} replaced. */
    public NeuronModel withState(int i, StateSpec spec) {
        List<StateSpec> s = new java.util.ArrayList<>(states);
        s.set(i, spec);
        return new NeuronModel(name, s, couplings, threshold, refractoryPeriod);
    }
}
