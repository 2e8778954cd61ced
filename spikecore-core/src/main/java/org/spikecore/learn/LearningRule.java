package org.spikecore.learn;

/**
 * A plasticity rule: the weight change of one synapse (pre → post, raw weight w) from quantities
 * local to it, read from a {@link PlasticityState}, in integer arithmetic. The engine (through
 * {@link SynapseLearner}) calls {@link #onPre} for each synapse of a pre neuron that spiked this
 * tick and {@link #onPost} for each synapse into a post neuron that spiked, and writes a non-zero
 * change through the projection's {@code SynapseMemory.update}. A synapse whose two neurons spiked
 * in the same tick is evaluated once, by {@code onPre} (which sees {@code postSpiked}).
 */
public sealed interface LearningRule
        permits PairStdp, NsatStdp, StochasticBinaryStdp, RewardModulatedStdp, Erbp, Perbp, Asp, TextRule {

    /** The change of w at a pre-synaptic event of this tick. */
    int onPre(PlasticityState s, int pre, int post, int w);

    /** The change of w at a post-synaptic spike of this tick (the pre did not spike this tick). */
    int onPost(PlasticityState s, int pre, int post, int w);

    /**
     * Whether the rule is asked about synapses of weight 0 too ({@code SynapseMemory.forwardStored}
     * and {@code backwardStored}): a rule that can grow a synapse from 0 must see it. Rules that
     * only scale or shift a live weight are asked about the non-zero synapses alone, which is the
     * cheaper walk of a sparse row.
     */
    default boolean learnsFromZero() {
        return false;
    }

    /**
     * Whether {@link #onPost} can return a change; when not (the pre-triggered eRBP rules), a post
     * spike reads no column of the synapse memory, so no learning access is counted for it.
     */
    default boolean actsAtPostSpikes() {
        return true;
    }
}
