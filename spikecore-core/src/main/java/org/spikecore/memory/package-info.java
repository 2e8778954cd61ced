/**
 * Synapse-memory encodings. Contract: the engine and every learning rule reach weights only
 * through {@link org.spikecore.memory.SynapseMemory}; each encoding documents its layout (regions,
 * word widths, how an access walks them) and counts every word it reads or writes in its
 * {@link org.spikecore.memory.AccessCounter}, per {@link org.spikecore.memory.MemoryRegion}.
 * All encodings agree with {@link org.spikecore.memory.DenseMemory} on which synapses and weights
 * an access returns; they differ only in storage and counts. Forward and backward accesses deliver
 * the non-zero synapses; {@code forwardStored} and {@code backwardStored} walk the same words and
 * visit every stored synapse, zeros included (for learning rules that grow synapses from 0).
 * The accesses a learning step makes
 * are also counted as the counter's learning share (between {@code beginLearning} and
 * {@code endLearning}), so learning is priced apart from delivery.
 */
package org.spikecore.memory;
