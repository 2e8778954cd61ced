/**
 * Energy: models that price memory accesses and operations ({@link org.spikecore.energy.EnergyModel},
 * calibrated and versioned, e.g. {@link org.spikecore.energy.Horowitz45nm}) and the cost of a layer
 * under a synapse-memory encoding ({@link org.spikecore.energy.LayerCost}). Contract: every figure
 * is a count from {@code org.spikecore.memory.EncodingCost} (or a run's counters) times an energy
 * from a named model; reports carry the model's name, version and parameters.
 */
package org.spikecore.energy;
