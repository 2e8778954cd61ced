/**
 * Data and reference workloads: networks the peers benchmark, built deterministically from a seed
 * ({@link org.spikecore.data.BenchmarkNetworks}), and labelled grey-scale images
 * ({@link org.spikecore.data.LabeledImages}, read by {@code org.spikecore.io.ImageDatasets}).
 * Contract: the same seed gives the same network,
 * bit for bit, and every approximation of a float model by integers is stated in the Javadoc.
 */
package org.spikecore.data;
