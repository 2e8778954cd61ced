package org.spikecore.learn;

import org.spikecore.memory.SynapseMemory;

/**
 * Applies one {@link LearningRule} to one projection, one rule call per synapse: the reference
 * {@link ProjectionLearner}, which {@link RowLearner} matches bit for bit. At a pre spike
 * it reads the pre's row ({@code SynapseMemory.forward}), at a post spike the post's column
 * ({@code backward}), asks the rule for each synapse whose post neuron's {@link LearningGate} is
 * open, and writes every non-zero change with {@code SynapseMemory.update} (which saturates into
 * the weight format and counts the read-modify-write). The synapses of an access are collected
 * before the first write, so an update never disturbs the walk.
 *
 * <p>The accesses visit what {@code SynapseMemory} delivers, its non-zero synapses, so under most
 * rules a weight that reaches 0 stops learning; a rule that {@linkplain LearningRule#learnsFromZero
 * grows synapses from 0} (stochastic binary STDP) walks every stored synapse instead
 * ({@code forwardStored}, {@code backwardStored}, counted as the same accesses).
 */
public final class SynapseLearner implements ProjectionLearner {

    private final LearningRule rule;
    private final PlasticityState state;
    private final SynapseMemory memory;
    private final LearningGate gate;
    private final int gateState;
    private int[] others = new int[16];
    private int[] weights = new int[16];
    private int count;
    private long updates;

    /**
     * @param rule      the rule
     * @param state     the projection's plasticity state (pre = rows, post = columns of memory)
     * @param memory    the projection's synapse memory
     * @param gate      the learning gate of the post neurons
     * @param gateState the post state unit the gate reads
     */
    public SynapseLearner(LearningRule rule, PlasticityState state, SynapseMemory memory, LearningGate gate,
            int gateState) {
        check(rule, state, memory, gate);
        this.rule = rule;
        this.state = state;
        this.memory = memory;
        this.gate = gate;
        this.gateState = gateState;
    }

    /** The checks of a learner's parts, shared with {@link RowLearner}. */
    static void check(LearningRule rule, PlasticityState state, SynapseMemory memory, LearningGate gate) {
        if (rule == null || state == null || memory == null || gate == null) {
            throw new IllegalArgumentException("a learner needs a rule, a state, a memory and a gate");
        }
        if (state.preClock().size() != memory.preCount() || state.postClock().size() != memory.postCount()) {
            throw new IllegalArgumentException("plasticity state of " + state.preClock().size() + " x "
                    + state.postClock().size() + " neurons does not match a memory of " + memory.preCount() + " x "
                    + memory.postCount());
        }
        if (rule instanceof TextRule(CompiledRule compiled)) {
            requireSymbols(compiled, state);
        }
    }

    private static void requireSymbols(CompiledRule compiled, PlasticityState state) {
        for (RuleSymbol s : compiled.symbols()) {
            boolean present = switch (s) {
                case X1, X2 -> s.ordinal() - RuleSymbol.X1.ordinal() < state.preTraces().traceCount();
                case Y1, Y2 -> s.ordinal() - RuleSymbol.Y1.ordinal() < state.postTraces().traceCount();
                case V0, V1, V2, V3, V4, V5, V6, V7 -> s.ordinal() - RuleSymbol.V0.ordinal() < state.postStateCount();
                case X0, Y0, M, R, W -> true;
            };
            if (!present) {
                throw new IllegalArgumentException("rule '" + compiled.text() + "' reads " + s.text()
                        + ", which this projection's plasticity state does not have");
            }
        }
    }

    /** Nothing to prepare: the reference evaluates everything at each synapse. */
    @Override
    public void prepare() {
    }

    @Override
    public int onPreSpike(int pre) {
        count = 0;
        if (rule.learnsFromZero()) {
            memory.forwardStored(pre, (p, post, w) -> collect(post, w));
        } else {
            memory.forward(pre, (p, post, w) -> collect(post, w));
        }
        int changed = 0;
        for (int j = 0; j < count; j++) {
            int post = others[j];
            if (gate.open(state.postState(gateState, post), state.tick())) {
                int dw = rule.onPre(state, pre, post, weights[j]);
                if (dw != 0) {
                    memory.update(pre, post, dw);
                    changed++;
                }
            }
        }
        updates += changed;
        return changed;
    }

    @Override
    public int onPostSpike(int post) {
        if (!rule.actsAtPostSpikes() || !gate.open(state.postState(gateState, post), state.tick())) {
            return 0;
        }
        count = 0;
        if (rule.learnsFromZero()) {
            memory.backwardStored(post, (pre, q, w) -> collect(pre, w));
        } else {
            memory.backward(post, (pre, q, w) -> collect(pre, w));
        }
        int changed = 0;
        for (int j = 0; j < count; j++) {
            int pre = others[j];
            if (!state.preSpiked(pre)) {
                int dw = rule.onPost(state, pre, post, weights[j]);
                if (dw != 0) {
                    memory.update(pre, post, dw);
                    changed++;
                }
            }
        }
        updates += changed;
        return changed;
    }

    @Override
    public SynapseMemory memory() {
        return memory;
    }

    @Override
    public long updates() {
        return updates;
    }

    private void collect(int other, int w) {
        if (count == others.length) {
            others = java.util.Arrays.copyOf(others, 2 * count);
            weights = java.util.Arrays.copyOf(weights, 2 * count);
        }
        others[count] = other;
        weights[count] = w;
        count++;
    }
}
