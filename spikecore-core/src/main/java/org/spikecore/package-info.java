/**
 * spikecore's root package: build facts ({@link org.spikecore.Spikecore}) and the exception
 * family for user-fixable input ({@link org.spikecore.SpikecoreException}). Sub-packages:
 * {@code fixed} (exact integer arithmetic), {@code model} (network records), {@code memory}
 * (synapse-memory encodings and access counts), {@code energy} (energy models and reports),
 * {@code engine} (the bit-accurate simulator), {@code learn} (on-chip rules), {@code data}
 * (encoders, tasks, metrics).
 */
package org.spikecore;
