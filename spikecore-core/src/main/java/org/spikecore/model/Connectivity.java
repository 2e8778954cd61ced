package org.spikecore.model;

/**
 * Which pre neurons reach which post neurons, with raw integer weights. Every form can be
 * expanded to the synapse list the engine loads into its synapse memories.
 */
public sealed interface Connectivity permits DenseConnectivity, SparseConnectivity, ConvConnectivity {

    int preSize();

    int postSize();

    /** The stored synapses as parallel arrays {pre, post, weight}, sorted by pre then post. */
    int[][] synapses();

    /** Largest |weight|. */
    int maxAbsWeight();

    /** Largest number of synapses into one post neuron. */
    int maxFanIn();

    /** Largest |w| of a weight array (0 when empty). */
    static int maxAbs(int[] weights) {
        int m = 0;
        for (int w : weights) {
            m = Math.max(m, Math.abs(w));
        }
        return m;
    }
}
