package org.spikecore.learn;

import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Rounding;
import org.spikecore.memory.SynapseMemory;
import org.spikecore.memory.SynapseVisitor;

/**
 * The fast {@link ProjectionLearner} of {@link Erbp}, {@link Perbp}, {@link PairStdp} and
 * {@link TextRule}: the same weights, update counts and memory access counts as
 * {@link SynapseLearner}. {@link #prepare} evaluates once per tick and post neuron what does not
 * depend on the synapse (the gate, eRBP's boxcar and modulator, whether a pair-STDP post can change
 * at all, a text rule's modulator), lists the posts whose synapses can change and hashes the
 * prefixes of the tick's random keys; a pre spike then reads its row for the listed posts only
 * ({@link SynapseMemory#forwardSelected}), runs the rule's own loop over them and writes the
 * changes with one {@link SynapseMemory#updateRow}.
 *
 * <p>Rule evaluations that give 0 whatever the draw are skipped: a closed gate or boxcar, a zero
 * eRBP modulator, a pair-STDP synapse whose two terms are 0, eRBP at a post spike. The memory is
 * read all the same (a row at each pre spike, a column at each post spike whose gate is open), as
 * the reference reads it, so the access counts do not change.
 */
public final class RowLearner implements ProjectionLearner {

    private enum Kind {
        ERBP, PERBP, PAIR_STDP, TEXT
    }

    private final Kind kind;
    /** {@link LearningRule#actsAtPostSpikes}: when false a post spike reads nothing, as in the reference. */
    private final boolean actsAtPostSpikes;
    private final Erbp erbp;
    private final Perbp perbp;
    private final PairStdp stdp;
    private final CompiledRule text;
    private final boolean stochastic;
    private final PlasticityState state;
    private final SynapseMemory memory;
    private final LearningGate gate;
    private final int gateState;
    /** The posts, in increasing order, whose synapses a rule evaluation can change this tick. */
    private final int[] active;
    private int activeCount;
    /** eRBP with stochastic rounding: the active posts and their modulators as 64-bit lanes for {@link ErbpRowVector}. */
    private final boolean vectorErbp;
    private final long[] activeLanes;
    private final long[] modulatorLanes;
    private final long[] laneChanges;
    /** Per post, this tick: its modulator (eRBP, text rules). */
    private final int[] modulator;
    private final int[] others;
    private final int[] weights;
    private final int[] changed;
    private final int[] deltas;
    private final int[] inputs = new int[RuleSymbol.values().length];
    private long roundingPrefix;
    private long depressionPrefix;
    private long transmitPrefix;
    private long updates;

    /** Whether {@code rule} has a fast path here. */
    public static boolean supports(LearningRule rule) {
        return rule instanceof Erbp || rule instanceof Perbp || rule instanceof PairStdp || rule instanceof TextRule;
    }

    /** The same parameters as {@link SynapseLearner}'s; {@code rule} must be {@linkplain #supports supported}. */
    public RowLearner(LearningRule rule, PlasticityState state, SynapseMemory memory, LearningGate gate, int gateState) {
        SynapseLearner.check(rule, state, memory, gate);
        if (!supports(rule)) {
            throw new IllegalArgumentException("no row-wise learner for " + rule.getClass().getSimpleName());
        }
        this.perbp = rule instanceof Perbp p ? p : null;
        this.erbp = rule instanceof Erbp e ? e : perbp != null ? perbp.erbp() : null;
        this.stdp = rule instanceof PairStdp p ? p : null;
        this.text = rule instanceof TextRule(CompiledRule c) ? c : null;
        this.kind = perbp != null ? Kind.PERBP : erbp != null ? Kind.ERBP : stdp != null ? Kind.PAIR_STDP : Kind.TEXT;
        this.actsAtPostSpikes = rule.actsAtPostSpikes();
        Rounding rounding = erbp != null ? erbp.rounding() : stdp != null ? stdp.rounding() : text.rounding();
        this.stochastic = rounding == Rounding.STOCHASTIC;
        this.state = state;
        this.memory = memory;
        this.gate = gate;
        this.gateState = gateState;
        int posts = memory.postCount();
        this.active = new int[posts];
        this.vectorErbp = kind == Kind.ERBP && stochastic;
        this.activeLanes = new long[vectorErbp ? posts : 0];
        this.modulatorLanes = new long[vectorErbp ? posts : 0];
        this.laneChanges = new long[vectorErbp ? posts : 0];
        this.modulator = new int[posts];
        int longest = Math.max(posts, memory.preCount());
        this.others = new int[longest];
        this.weights = new int[longest];
        this.changed = new int[longest];
        this.deltas = new int[longest];
    }

    @Override
    public void prepare() {
        int tick = state.tick();
        roundingPrefix = state.randomPrefix(PlasticityState.ROUNDING_STREAM);
        depressionPrefix = state.randomPrefix(PlasticityState.ROUNDING_STREAM + 1);
        transmitPrefix = state.transmissionPrefix();
        activeCount = 0;
        for (int post = 0; post < modulator.length; post++) {
            boolean open = gate.open(state.postState(gateState, post), tick);
            boolean canChange = switch (kind) {
                case ERBP, PERBP -> {
                    int m = open && erbp.derivativeOn(state, post) ? state.modulatorNow(post) : 0;
                    modulator[post] = m;
                    yield m != 0; // Erbp.change(0, bits) is 0 for every draw
                }
                case PAIR_STDP -> open && (state.postSpiked(post) || state.postTraces().value(stdp.postTrace(), post) != 0);
                case TEXT -> {
                    modulator[post] = open ? state.modulatorNow(post) : 0;
                    yield open;
                }
            };
            if (canChange) {
                if (vectorErbp) {
                    activeLanes[activeCount] = post;
                    modulatorLanes[activeCount] = modulator[post];
                }
                active[activeCount++] = post;
            }
        }
    }

    @Override
    public int onPreSpike(int pre) {
        int n = activeCount;
        memory.forwardSelected(pre, active, n, weights);
        int c = switch (kind) {
            case ERBP, PERBP -> erbpRow(pre, n);
            case PAIR_STDP -> pairRow(pre, n);
            case TEXT -> textRow(pre, n);
        };
        if (c > 0) {
            memory.updateRow(pre, changed, deltas, c);
            updates += c;
        }
        return c;
    }

    private int erbpRow(int pre, int n) {
        long preKey = PlasticityState.synapseKey(pre, 0);
        if (vectorErbp) {
            ErbpRowVector.changes(erbp, roundingPrefix, preKey, activeLanes, modulatorLanes, n, laneChanges);
            int c = 0;
            for (int j = 0; j < n; j++) {
                int dw = (int) laneChanges[j];
                if (weights[j] != 0 && dw != 0) {
                    changed[c] = active[j];
                    deltas[c++] = dw;
                }
            }
            return c;
        }
        boolean transmission = kind == Kind.PERBP;
        int c = 0;
        for (int j = 0; j < n; j++) {
            int post = active[j];
            if (weights[j] == 0) {
                continue; // not a synapse the reference visits
            }
            long key = preKey | post;
            if (transmission && !perbp.transmitted(CounterRng.bitsFromPrefix(transmitPrefix, state.transmissionKey(pre, post)))) {
                continue;
            }
            int dw = erbp.change(modulator[post], stochastic ? CounterRng.bitsFromPrefix(roundingPrefix, key) : 0);
            if (dw != 0) {
                changed[c] = post;
                deltas[c++] = dw;
            }
        }
        return c;
    }

    private int pairRow(int pre, int n) {
        long preKey = PlasticityState.synapseKey(pre, 0);
        int x = state.preTraces().value(stdp.preTrace(), pre);
        Traces y = state.postTraces();
        int c = 0;
        for (int j = 0; j < n; j++) {
            int post = active[j];
            if (weights[j] == 0) {
                continue; // not a synapse the reference visits
            }
            int w = weights[j];
            long value = -stdp.depression(y.value(stdp.postTrace(), post), w);
            if (state.postSpiked(post)) {
                value += stdp.potentiation(x, w);
            }
            if (value == 0) {
                continue;
            }
            int dw = stdp.rounded(value, stochastic ? CounterRng.bitsFromPrefix(depressionPrefix, preKey | post) : 0);
            if (dw != 0) {
                changed[c] = post;
                deltas[c++] = dw;
            }
        }
        return c;
    }

    private int textRow(int pre, int n) {
        long preKey = PlasticityState.synapseKey(pre, 0);
        int c = 0;
        for (int j = 0; j < n; j++) {
            int post = active[j];
            if (weights[j] == 0) {
                continue; // not a synapse the reference visits
            }
            TextRule.fill(inputs, state, pre, post, weights[j], 1, state.postSpiked(post) ? 1 : 0, modulator[post]);
            int dw = text.dw(inputs, stochastic ? CounterRng.bitsFromPrefix(roundingPrefix, preKey | post) : 0);
            if (dw != 0) {
                changed[c] = post;
                deltas[c++] = dw;
            }
        }
        return c;
    }

    @Override
    public int onPostSpike(int post) {
        if (!actsAtPostSpikes || !gate.open(state.postState(gateState, post), state.tick())) {
            return 0;
        }
        int[] n = {0};
        memory.backward(post, (pre, q, w) -> {
            others[n[0]] = pre;
            weights[n[0]++] = w;
        });
        int c = 0;
        for (int j = 0; j < n[0]; j++) {
            int pre = others[j];
            if (state.preSpiked(pre)) {
                continue;
            }
            int dw = kind == Kind.PAIR_STDP ? pairColumn(pre, post, weights[j]) : textColumn(pre, post, weights[j]);
            if (dw != 0) {
                memory.update(pre, post, dw);
                c++;
            }
        }
        updates += c;
        return c;
    }

    private int pairColumn(int pre, int post, int w) {
        long value = stdp.potentiation(state.preTraces().value(stdp.preTrace(), pre), w);
        if (value == 0) {
            return 0;
        }
        return stdp.rounded(value, stochastic ? CounterRng.bitsFromPrefix(roundingPrefix, PlasticityState.synapseKey(pre, post)) : 0);
    }

    private int textColumn(int pre, int post, int w) {
        TextRule.fill(inputs, state, pre, post, w, 0, 1, modulator[post]);
        return text.dw(inputs, stochastic ? CounterRng.bitsFromPrefix(roundingPrefix, PlasticityState.synapseKey(pre, post)) : 0);
    }

    @Override
    public long updates() {
        return updates;
    }

    @Override
    public SynapseMemory memory() {
        return memory;
    }
}
