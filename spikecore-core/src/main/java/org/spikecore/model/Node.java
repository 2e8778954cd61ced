package org.spikecore.model;

/** A named group of neurons that emits spikes: a simulated population or a spike source. */
public sealed interface Node permits Population, SpikeSource {

    /** Unique name within the network. */
    String name();

    /** Number of neurons. */
    int size();
}
