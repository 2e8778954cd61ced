package org.spikecore.memory;

/** Receives one synapse of an access: its pre- and post-synaptic neuron and its raw weight. */
@FunctionalInterface
public interface SynapseVisitor {
    void visit(int pre, int post, int weight);
}
