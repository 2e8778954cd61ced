/**
 * Synapse-memory encodings. Contract: the engine and every learning rule reach weights only
 * through {@link org.spikecore.memory.SynapseMemory}; each encoding documents its layout (regions,
 * word widths, how an access walks them) and counts every word it reads or writes in its
 * {@link org.spikecore.memory.AccessCounter}, per {@link org.spikecore.memory.MemoryRegion}.
 * All encodings agree with {@link org.spikecore.memory.DenseMemory} on which synapses and weights
 * an access returns; they differ only in storage and counts. The accesses a learning step makes
 * are also counted as the counter's learning share (between {@code beginLearning} and
 * {@code endLearning}), so learning is priced apart from delivery.
 */
package org.spikecore.memory;
