/**
 * Data and reference workloads: networks the peers benchmark, built deterministically from a seed
 * ({@link org.spikecore.data.BenchmarkNetworks}). Contract: the same seed gives the same network,
 * bit for bit, and every approximation of a float model by integers is stated in the Javadoc.
 */
package org.spikecore.data;
