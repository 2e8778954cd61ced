package org.spikecore.model;

/**
 * A contiguous range of one population placed on one core.
 *
 * @param core       core index
 * @param population index of the population among the network's nodes
 * @param start      first neuron of the range (population index)
 * @param length     number of neurons
 */
public record CoreSlice(int core, int population, int start, int length) {
}
