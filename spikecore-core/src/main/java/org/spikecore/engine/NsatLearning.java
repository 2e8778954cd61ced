package org.spikecore.engine;

import java.util.List;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Pcg32;
import org.spikecore.learn.NsatForwardTable;
import org.spikecore.learn.Plasticity;
import org.spikecore.learn.SpikeClock;
import org.spikecore.model.Network;
import org.spikecore.model.Node;
import org.spikecore.model.Population;

/**
 * NSAT's learning step ({@code nsat_events_and_learning}, step 7 of its tick) over the projections
 * whose plasticity is {@link Plasticity.Nsat}, run after the tick's spikes have been delivered:
 * (a) causal updates of input pres, (b) of neuron pres, for the forward table's candidates
 * ({@link NsatForwardTable#causalCandidates}); (c) acausal updates of the input pres that spiked,
 * (d) of the neuron pres; within a pre, states ascending and posts descending ({@link NsatLists}).
 * A synapse learns when its projection is plastic and its gate (if any) is open on the post's
 * pre-reset target state at NSAT's tick (engine tick + 1). Causal: {@code K(t_post − t_pre)} on the
 * modulator latched at the post's last spike (after its reset); acausal: {@code K(t_post − t)} on the
 * post's pre-reset modulator state, or NSAT's modulated branch {@code zbs(m, hiac[0])}. Each change
 * is randomized-rounded (NSAT's PCG32 stream when the semantics replay it, else a counter-based
 * draw keyed by tick and synapse) and written with {@code SynapseMemory.update}, which saturates
 * into the weight format (NSAT's per-update clamp to its weight range). Then the clocks record the
 * tick's spikes and each spiking neuron latches its modulator.
 */
final class NsatLearning {

    /** CounterRng stream of randomized rounding when NSAT's own stream is not replayed. */
    static final long ROUNDING_STREAM = 0x4E5341545252L;

    private final NsatLists lists;
    private final List<Node> nodes;
    /** First neuron unit of each population node, first input unit of each source node. */
    private final int[] unitOffset;
    /** The node of each neuron unit, and of each input unit. */
    private final int[] neuronUnitNode;
    private final int[] inputUnitNode;
    private final SpikeClock neuronClock;
    private final SpikeClock inputClock;
    /** Per neuron unit: the modulator state it latches, −1 if no NSAT-plastic synapse reads it. */
    private final int[] modulatorState;
    private final int[] latched;
    private final int tstdpMax;
    private final long seed;
    private final int[] spikingNeurons;
    private final int[] spikingInputs;
    private final int[] candidates;
    private final List<SliceState> slices;
    /** The memories of the NSAT-plastic projections, whose accesses in {@link #learn} count as learning. */
    private final List<org.spikecore.memory.AccessCounter> plasticCounters = new java.util.ArrayList<>();

    NsatLearning(Network network, List<SliceState> slices, NsatLists lists, long seed) {
        this.lists = lists;
        this.nodes = network.nodes();
        this.slices = slices;
        this.seed = seed;
        unitOffset = new int[nodes.size()];
        int neurons = 0;
        int inputs = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof Population p) {
                unitOffset[i] = neurons;
                neurons += p.size();
            } else {
                unitOffset[i] = inputs;
                inputs += nodes.get(i).size();
            }
        }
        neuronUnitNode = new int[neurons];
        inputUnitNode = new int[inputs];
        for (int i = 0; i < nodes.size(); i++) {
            int[] owner = nodes.get(i) instanceof Population ? neuronUnitNode : inputUnitNode;
            java.util.Arrays.fill(owner, unitOffset[i], unitOffset[i] + nodes.get(i).size(), i);
        }
        neuronClock = new SpikeClock(neurons, SpikeClock.NSAT_NEVER);
        inputClock = new SpikeClock(inputs, SpikeClock.NSAT_NEVER);
        modulatorState = new int[neurons];
        java.util.Arrays.fill(modulatorState, -1);
        latched = new int[neurons];
        spikingNeurons = new int[neurons];
        spikingInputs = new int[inputs];
        candidates = new int[Math.max(neurons, inputs) * 2];
        int window = -1;
        for (org.spikecore.model.Projection p : network.projections()) {
            if (p.plasticity() instanceof Plasticity.Nsat n) {
                if (window >= 0 && window != n.tstdpMax()) {
                    throw new IllegalArgumentException("projection " + p.name() + ": tstdpmax " + n.tstdpMax()
                            + " differs from another NSAT-plastic projection's " + window + " (NSAT has one per core)");
                }
                window = n.tstdpMax();
                int post = network.nodeIndex(p.post());
                for (int j = 0; j < nodes.get(post).size(); j++) {
                    modulatorState[unitOffset[post] + j] = n.modulatorState();
                }
            }
        }
        tstdpMax = window;
        for (SliceState s : slices) {
            if (s.incoming.stream().anyMatch(inc -> network.projections().get(inc.projection()).plasticity()
                    instanceof Plasticity.Nsat)) {
                s.preReset = new int[s.model.states][s.length];
            }
            for (Incoming inc : s.incoming) {
                if (network.projections().get(inc.projection()).plasticity() instanceof Plasticity.Nsat) {
                    plasticCounters.add(inc.memory().counter());
                }
            }
        }
    }

    /** Learning of engine tick {@code tick}, whose spikes are {@code spikes[node][0 .. count[node])}. */
    void learn(int tick, int[][] spikes, int[] count, Pcg32 stream) {
        plasticCounters.forEach(org.spikecore.memory.AccessCounter::beginLearning);
        int t = tick + 1; // NSAT's tick
        int nNeurons = 0;
        int nInputs = 0;
        for (int node = 0; node < nodes.size(); node++) {
            boolean neuron = nodes.get(node) instanceof Population;
            for (int s = 0; s < count[node]; s++) {
                int unit = unitOffset[node] + spikes[node][s];
                if (neuron) {
                    spikingNeurons[nNeurons++] = unit;
                } else {
                    spikingInputs[nInputs++] = unit;
                }
            }
        }
        int n = NsatForwardTable.causalCandidates(t, spikingInputs, nInputs, inputClock, tstdpMax, candidates);
        causal(candidates, n, false, t, stream);
        n = NsatForwardTable.causalCandidates(t, spikingNeurons, nNeurons, neuronClock, tstdpMax, candidates);
        causal(candidates, n, true, t, stream);
        acausal(spikingInputs, nInputs, false, t, stream);
        acausal(spikingNeurons, nNeurons, true, t, stream);
        for (int i = 0; i < nInputs; i++) {
            inputClock.record(spikingInputs[i], t);
        }
        for (int i = 0; i < nNeurons; i++) {
            neuronClock.record(spikingNeurons[i], t);
        }
        for (SliceState s : slices) {
            int first = unitOffset[s.nodeIndex] + s.start;
            for (int j = 0; j < s.spikeCount; j++) {
                int unit = unitOffset[s.nodeIndex] + s.spikes[j];
                if (modulatorState[unit] >= 0) {
                    latched[unit] = s.x[modulatorState[unit]][unit - first]; // after the reset, as NSAT latches g
                }
            }
        }
        plasticCounters.forEach(org.spikecore.memory.AccessCounter::endLearning);
    }

    private void causal(int[] pres, int count, boolean neuronPres, int t, Pcg32 stream) {
        SpikeClock preClock = neuronPres ? neuronClock : inputClock;
        for (int q = 0; q < count; q++) {
            int unit = pres[q];
            for (int k = 0; k < lists.states; k++) {
                NsatLists.Target[] list = list(unit, neuronPres, k);
                if (list == null) {
                    continue;
                }
                for (NsatLists.Target target : list) {
                    if (!(target.projection().plasticity() instanceof Plasticity.Nsat p) || !p.stdpEnabled()
                            || !gateOpen(p, target, k, t)) {
                        continue;
                    }
                    int postUnit = postUnit(target);
                    int lastPost = neuronClock.last(postUnit);
                    int lastPre = preClock.last(unit);
                    if (NsatForwardTable.causalDue(lastPost, lastPre)) {
                        apply(p, target, NsatForwardTable.causalDw(p.kernel(), latched[postUnit], lastPost, lastPre), t,
                                stream);
                    }
                }
            }
        }
    }

    private void acausal(int[] pres, int count, boolean neuronPres, int t, Pcg32 stream) {
        for (int q = 0; q < count; q++) {
            int unit = pres[q];
            for (int k = 0; k < lists.states; k++) {
                NsatLists.Target[] list = list(unit, neuronPres, k);
                if (list == null) {
                    continue;
                }
                for (NsatLists.Target target : list) {
                    if (!(target.projection().plasticity() instanceof Plasticity.Nsat p) || !gateOpen(p, target, k, t)) {
                        continue;
                    }
                    int m = target.slice().preReset[p.modulatorState()][target.post()];
                    int dw = p.stdpEnabled()
                            ? NsatForwardTable.acausalDw(p.kernel(), m, neuronClock.last(postUnit(target)), t)
                            : NsatForwardTable.modulatedDw(m, p.kernel().firstAcausalExponent());
                    apply(p, target, dw, t, stream);
                }
            }
        }
    }

    private boolean gateOpen(Plasticity.Nsat p, NsatLists.Target target, int state, int t) {
        return p.gate() == null || p.gate().open(target.slice().preReset[state][target.post()], t);
    }

    private void apply(Plasticity.Nsat p, NsatLists.Target target, int dw, int t, Pcg32 stream) {
        int change = dw;
        if (p.roundingBits() >= 0) {
            change = stream != null ? stream.nsatRandomizedRound(dw, p.roundingBits())
                    : counterRound(dw, p.roundingBits(), t, target);
        }
        if (change != 0) {
            target.slice().incoming.get(target.incoming()).memory().update(target.pre(), target.post(), change);
        }
    }

    /** NSAT's randomized rounding with the draw taken from the counter-based generator. */
    private int counterRound(int dw, int bits, int t, NsatLists.Target target) {
        long key = ((long) target.slice().incoming.get(target.incoming()).projection() << 40) ^ target.index();
        long draw = CounterRng.belowBound(CounterRng.bits(seed, ROUNDING_STREAM, t, key), 1 << bits);
        return (dw >> bits) + (draw < (dw & ((1 << bits) - 1)) ? 1 : 0);
    }

    private NsatLists.Target[] list(int unit, boolean neuronPres, int state) {
        int node = neuronPres ? neuronUnitNode[unit] : inputUnitNode[unit];
        return lists.of(node, unit - unitOffset[node], state);
    }

    private int postUnit(NsatLists.Target target) {
        return unitOffset[target.slice().nodeIndex] + target.slice().start + target.post();
    }
}
