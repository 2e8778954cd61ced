/**
 * The network description: immutable, validated records. A {@link org.spikecore.model.NeuronModel}
 * is the general multicompartment fixed-point neuron (up to 8 states, shift leaks, power-of-two
 * couplings, clamps, bias, noise, fixed or dynamic threshold, per-state reset, refractory period);
 * {@link org.spikecore.model.NeuronPresets} builds the named neurons from it. A
 * {@link org.spikecore.model.Network} holds populations, spike sources and projections
 * (dense, sparse or convolutional connectivity, weight format, target state, delay ≥ 1, synapse
 * probability) and a core capacity; its constructor rejects, with a message naming the element,
 * anything the engine could not simulate exactly (unknown nodes, shape mismatches, weights outside
 * their format, delays out of range, neurons larger than a core, inputs that could overflow).
 */
package org.spikecore.model;
