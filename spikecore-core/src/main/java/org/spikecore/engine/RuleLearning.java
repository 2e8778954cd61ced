package org.spikecore.engine;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.fixed.CounterRng;
import org.spikecore.learn.Perbp;
import org.spikecore.learn.Plasticity;
import org.spikecore.learn.PlasticityState;
import org.spikecore.learn.SpikeClock;
import org.spikecore.learn.ProjectionLearner;
import org.spikecore.learn.TraceSpec;
import org.spikecore.memory.ConvKernelMemory;
import org.spikecore.memory.SynapseMemory;
import org.spikecore.model.Network;
import org.spikecore.model.Projection;

/**
 * The rules of projections whose plasticity is {@link Plasticity.Rule}, run after a tick's spikes
 * have been delivered: per core slice of such a projection one {@link PlasticityState} (pre: the
 * projection's source, post: the slice's neurons) and one {@link ProjectionLearner} over the slice's
 * synapse memory (the row-wise fast path where the rule has one and the simulation is vectorized,
 * else the per-synapse reference; the same bits). A tick: traces decay to it, its pre and post spikes are marked, the rule runs at
 * every pre spike and every post spike on the pre-reset post states, then the spikes enter the
 * traces and clocks. Random draws are keyed by a seed mixed from the run's seed, the projection and
 * the slice, so the weights do not depend on the thread count. The memory accesses of the learning
 * step are counted as learning ({@code AccessCounter.beginLearning}). A convolution's slices learn
 * weight-shared ({@link SharedKernelUpdates}): one write per kernel weight per tick, the sum of the
 * changes of every position that shares it.
 */
final class RuleLearning {

    /** Stream tag of the per-binding seeds. */
    static final long SEED_STREAM = 0x52554C45L;

    private record Binding(SliceState slice, int preNode, Projection projection, PlasticityState state,
            ProjectionLearner learner) {
    }

    private final List<Binding> bindings = new ArrayList<>();
    /** Per conv projection (by index), its weight-shared updates over all its slices. */
    private final java.util.Map<Integer, SharedKernelUpdates> shared = new java.util.LinkedHashMap<>();

    RuleLearning(Network network, List<SliceState> slices, long seed, boolean fast) {
        for (SliceState s : slices) {
            for (Incoming inc : s.incoming) {
                Projection p = network.projections().get(inc.projection());
                if (!(p.plasticity() instanceof Plasticity.Rule r)) {
                    continue;
                }
                if (s.preReset == null) {
                    s.preReset = new int[s.model.states][s.length];
                }
                long bindingSeed = CounterRng.bits(seed, SEED_STREAM, inc.projection(), s.start);
                PlasticityState state = new PlasticityState(p.connectivity().preSize(), s.length, bindingSeed,
                        r.preTraces().toArray(new TraceSpec[0]), r.postTraces().toArray(new TraceSpec[0]), r.modulator(),
                        SpikeClock.NSAT_NEVER);
                state.bindPostStates(s.preReset);
                if (r.rule() instanceof Perbp perbp && perbp.threshold32() != p.threshold32()) {
                    throw new IllegalArgumentException("projection " + p.name() + ": its peRBP rule learns on spikes transmitted with "
                            + "probability " + perbp.probability() + ", the projection transmits with " + p.probability()
                            + "; they must be the same draw");
                }
                // a rule that learns on transmitted spikes reads the delivery's own draw
                state.bindTransmission(seed, Simulation.SYNAPSE_STREAM + inc.projection(), s.start, inc.postSize());
                if (r.gateState() >= s.model.states) {
                    throw new IllegalArgumentException("projection " + p.name() + ": its gate reads state " + r.gateState()
                            + " of a " + s.model.states + "-state neuron");
                }
                SynapseMemory memory = inc.memory() instanceof ConvKernelMemory conv
                        ? shared.computeIfAbsent(inc.projection(), k -> new SharedKernelUpdates()).learnerView(conv)
                        : inc.memory();
                bindings.add(new Binding(s, inc.preNode(), p, state,
                        ProjectionLearner.of(r.rule(), state, memory, r.gate(), r.gateState(), fast)));
            }
        }
    }

    /** Sets the third factor {@code r} of the named projection's rule from now on. */
    void setReward(String projection, int reward) {
        boolean found = false;
        for (Binding b : bindings) {
            if (b.projection().name().equals(projection)) {
                b.state().setReward(reward);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("projection '" + projection + "' does not learn by a rule");
        }
    }

    /** The plasticity state of projection {@code p} into slice {@code slice}. */
    PlasticityState state(Projection p, SliceState slice) {
        for (Binding b : bindings) {
            if (b.projection() == p && b.slice() == slice) {
                return b.state();
            }
        }
        throw new IllegalArgumentException("projection '" + p.name() + "' does not learn by a rule");
    }

    /** Learning of tick {@code tick}, whose routed spikes are {@code spikes[node][0 .. count[node])}. */
    void learn(int tick, int[][] spikes, int[] count) {
        for (Binding b : bindings) {
            b.learner().memory().counter().beginLearning();
        }
        for (Binding b : bindings) {
            PlasticityState state = b.state();
            SliceState s = b.slice();
            state.beginTick(tick);
            int[] pre = spikes[b.preNode()];
            int preCount = count[b.preNode()];
            for (int j = 0; j < preCount; j++) {
                state.markPreSpike(pre[j]);
            }
            for (int j = 0; j < s.spikeCount; j++) {
                state.markPostSpike(s.spikes[j] - s.start);
            }
            if (preCount > 0 || s.spikeCount > 0) {
                b.learner().prepare();
            }
            for (int j = 0; j < preCount; j++) {
                b.learner().onPreSpike(pre[j]);
            }
            for (int j = 0; j < s.spikeCount; j++) {
                b.learner().onPostSpike(s.spikes[j] - s.start);
            }
            state.endTick();
        }
        for (SharedKernelUpdates u : shared.values()) {
            u.flush();
        }
        for (Binding b : bindings) {
            b.learner().memory().counter().endLearning();
        }
    }
}
