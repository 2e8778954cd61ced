package org.spikecore.model;

import java.util.Objects;

/**
 * A population of identical neurons simulated by the engine.
 *
 * @param name      unique name
 * @param size      number of neurons
 * @param model     the neuron model every member follows
 * @param initialV0 per-neuron initial values of state 0 (overriding the model's initial value), or
 *                  null to start every neuron at the model's initial values
 */
public record Population(String name, int size, NeuronModel model, int[] initialV0) implements Node {
    public Population {
        Objects.requireNonNull(name, "population name");
        Objects.requireNonNull(model, "population " + name + " model");
        if (size < 1) {
            throw new IllegalArgumentException("population " + name + ": size must be positive, got " + size);
        }
        if (initialV0 != null) {
            if (initialV0.length != size) {
                throw new IllegalArgumentException("population " + name + ": " + initialV0.length
                        + " initial values for " + size + " neurons");
            }
            StateSpec s0 = model.states().get(0);
            for (int i = 0; i < size; i++) {
                if (initialV0[i] < s0.floor() || initialV0[i] > s0.ceiling()) {
                    throw new IllegalArgumentException("population " + name + ": initial " + s0.name() + " of neuron "
                            + i + " = " + initialV0[i] + " is outside [" + s0.floor() + ", " + s0.ceiling() + "]");
                }
            }
            initialV0 = initialV0.clone();
        }
    }

    public Population(String name, int size, NeuronModel model) {
        this(name, size, model, null);
    }
}
