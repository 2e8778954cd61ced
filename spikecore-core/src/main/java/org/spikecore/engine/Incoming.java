package org.spikecore.engine;

import org.spikecore.memory.SynapseMemory;

/**
 * One projection's synapses into one slice: the slice's own synapse memory (rows: every pre
 * neuron; columns: the slice's neurons), where the input goes, and how.
 */
record Incoming(int projection, int preNode, SynapseMemory memory, int targetState, int delay, boolean stochastic,
        long threshold32, int postSize) {
}
