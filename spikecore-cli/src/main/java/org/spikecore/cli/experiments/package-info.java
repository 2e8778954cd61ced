/**
 * Experiments of {@code spikecore run}: reproductions of published results. Contract: each
 * writes {@code results.json} (run record first) and its plots atomically into the output
 * directory, validates its options before any work, and is deterministic for a seed.
 */
package org.spikecore.cli.experiments;
