package org.spikecore.learn;

import org.spikecore.memory.SynapseMemory;

/**
 * Runs one projection's {@link LearningRule} at a tick's spikes for the engine. {@link SynapseLearner}
 * is the reference (one rule call per synapse); {@link RowLearner} is the fast path of the built-in
 * rules that have one, with the same weights, update counts and memory access counts.
 */
public sealed interface ProjectionLearner permits SynapseLearner, RowLearner {

    /**
     * Once per tick that has spikes of this projection, after they are marked in the plasticity
     * state and before the first {@link #onPreSpike} or {@link #onPostSpike}.
     */
    void prepare();

    /** Learning at a spike of pre neuron {@code pre} this tick; returns how many weights changed. */
    int onPreSpike(int pre);

    /** Learning at a spike of post neuron {@code post} this tick; returns how many weights changed. */
    int onPostSpike(int post);

    /** Weight changes written so far. */
    long updates();

    /** The memory this learner reads and writes. */
    SynapseMemory memory();

    /** The fast learner when {@code fast} and the rule has one, else the reference. */
    static ProjectionLearner of(LearningRule rule, PlasticityState state, SynapseMemory memory, LearningGate gate,
            int gateState, boolean fast) {
        return fast && RowLearner.supports(rule) ? new RowLearner(rule, state, memory, gate, gateState)
                : new SynapseLearner(rule, state, memory, gate, gateState);
    }
}
