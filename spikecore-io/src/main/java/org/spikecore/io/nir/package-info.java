/**
 * The Neuromorphic Intermediate Representation (NIR 1.0, HDF5) in and out. Contract:
 * {@link org.spikecore.io.nir.NirReader} reads every NIR node type into the sealed
 * {@link org.spikecore.io.nir.NirNode} records or throws a {@link org.spikecore.SpikecoreException}
 * naming the file and the dataset; {@link org.spikecore.io.nir.NirWriter} writes the layout NIR's own
 * writer makes, and a written graph reads back equal. {@link org.spikecore.io.nir.NirSimulation}
 * runs a graph in float32 steps of dt under a named {@link org.spikecore.io.nir.NirConvention};
 * it is its own small executor rather than a {@code train.net.Sequential} because NIR graphs need
 * what the trainer's layers do not have (per-neuron parameters, leak and reset potentials,
 * dilated and grouped convolutions, overlapping pools, delays, fan-in, recurrent edges, snnTorch's
 * delayed reset of {@code Synaptic}); {@link org.spikecore.io.nir.NirImport} and
 * {@link org.spikecore.io.nir.NirExport} map between graphs and the trainer's modules where both
 * can say the same network, and the tests hold the two simulations to the same spikes there.
 */
package org.spikecore.io.nir;
