package org.spikecore.learn;

import org.spikecore.fixed.CounterRng;

/**
 * What learning rules may read about one projection at one tick: the pre and post traces and
 * last-spike clocks, which neurons spiked this tick, the post neurons' state units and modulator
 * (current, and latched at each post spike as NSAT's {@code g}), a third-factor input (reward),
 * and a counter-based random key.
 *
 * <p>The engine drives it once per tick, after the neurons have spiked:
 * <ol>
 * <li>{@link #beginTick(int)}: traces decay to this tick, this tick's spike marks clear;</li>
 * <li>{@link #markPreSpike} / {@link #markPostSpike} for every spike of this tick;</li>
 * <li>the rules run (see {@link SynapseLearner}); they see traces of the spikes <i>before</i>
 * this tick and this tick's spikes as the marks {@code x0}, {@code y0};</li>
 * <li>{@link #endTick()}: traces take this tick's spikes, clocks record them, modulators latch.</li>
 * </ol>
 */
public final class PlasticityState {

    /** CounterRng stream of stochastic rounding in rules; trace streams start at {@link #TRACE_STREAM}. */
    public static final long ROUNDING_STREAM = 0x4C52_0001L;
    /** CounterRng stream of stochastic-synapse and binary-switch draws. */
    public static final long SYNAPSE_STREAM = 0x4C52_0002L;
    /** First CounterRng stream of the pre traces (post traces start 16 later). */
    public static final long TRACE_STREAM = 0x4C52_0100L;

    private final Traces preTraces;
    private final Traces postTraces;
    private final SpikeClock preClock;
    private final SpikeClock postClock;
    private final boolean[] preSpiked;
    private final boolean[] postSpiked;
    private final int[] preSpikes;
    private int preSpikeCount;
    private final int[] postSpikes;
    private int postSpikeCount;
    private final Modulator modulator;
    private final int[] latched;
    private final int[] postSpikeTotals;
    private final long seed;
    private int[][] postStates;
    private int reward;
    private int tick;
    /** Key of the transmission draws ({@link #bindTransmission}): seed, stream, post offset and post count. */
    private long transmissionSeed;
    private long transmissionStream = SYNAPSE_STREAM;
    private long transmissionPostOffset;
    private long transmissionPostCount;

    /**
     * @param preCount   pre-synaptic population size
     * @param postCount  post-synaptic population size
     * @param seed       random seed of the run
     * @param preSpecs   pre traces ({@code x1, x2} of the rule language)
     * @param postSpecs  post traces ({@code y1, y2})
     * @param modulator  the post neurons' modulator
     * @param never      initial last-spike tick ({@link SpikeClock#NSAT_NEVER} for NSAT)
     */
    public PlasticityState(int preCount, int postCount, long seed, TraceSpec[] preSpecs, TraceSpec[] postSpecs,
            Modulator modulator, int never) {
        this.preTraces = new Traces(preCount, seed, TRACE_STREAM, preSpecs);
        this.postTraces = new Traces(postCount, seed, TRACE_STREAM + 16, postSpecs);
        this.preClock = new SpikeClock(preCount, never);
        this.postClock = new SpikeClock(postCount, never);
        this.preSpiked = new boolean[preCount];
        this.postSpiked = new boolean[postCount];
        this.preSpikes = new int[preCount];
        this.postSpikes = new int[postCount];
        this.modulator = modulator;
        this.latched = new int[postCount];
        this.postSpikeTotals = new int[postCount];
        this.seed = seed;
        this.transmissionSeed = seed;
        this.transmissionPostCount = postCount;
        int states = 1;
        for (int s : modulator.states()) {
            states = Math.max(states, s + 1);
        }
        this.postStates = new int[states][postCount];
    }

    /**
     * Binds the post neurons' states, state-major {@code x[state][neuron]} (the engine's own array,
     * read in place: the rules see the current tick's values before the reset).
     */
    public void bindPostStates(int[][] x) {
        this.postStates = x;
    }

    /**
     * Keys the transmission draws as the engine keys its delivery through a stochastic projection
     * ({@code CounterRng} over (seed, stream, tick, pre·postCount + postOffset + post)), so that a
     * rule learning on transmitted spikes only ({@link Perbp}) sees exactly the spikes the engine
     * delivered. Unbound, the draws are keyed by this state's seed on {@link #SYNAPSE_STREAM}.
     */
    public void bindTransmission(long seed, long stream, int postOffset, int postCount) {
        this.transmissionSeed = seed;
        this.transmissionStream = stream;
        this.transmissionPostOffset = postOffset;
        this.transmissionPostCount = postCount;
    }

    /** The key prefix of this tick's transmission draws, hashed once for a loop over synapses. */
    public long transmissionPrefix() {
        return CounterRng.keyPrefix(transmissionSeed, transmissionStream, tick);
    }

    /** The index word of synapse (pre, post) in the transmission draws' keys. */
    public long transmissionKey(int pre, int post) {
        return (long) pre * transmissionPostCount + transmissionPostOffset + post;
    }

    /** 64 random bits of synapse (pre, post)'s transmission draw at this tick. */
    public long transmissionBits(int pre, int post) {
        return CounterRng.bitsFromPrefix(transmissionPrefix(), transmissionKey(pre, post));
    }

    /** Sets the third-factor input {@code r} (reward, or an error signal) for this tick. */
    public void setReward(int r) {
        this.reward = r;
    }

    /** Step 1 of a tick: traces decay to {@code tick}, spike marks clear. */
    public void beginTick(int tick) {
        this.tick = tick;
        preTraces.decay(tick);
        postTraces.decay(tick);
        for (int j = 0; j < preSpikeCount; j++) {
            preSpiked[preSpikes[j]] = false;
        }
        for (int j = 0; j < postSpikeCount; j++) {
            postSpiked[postSpikes[j]] = false;
        }
        preSpikeCount = 0;
        postSpikeCount = 0;
    }

    /** Pre neuron {@code pre} spiked this tick. */
    public void markPreSpike(int pre) {
        if (!preSpiked[pre]) {
            preSpiked[pre] = true;
            preSpikes[preSpikeCount++] = pre;
        }
    }

    /** Post neuron {@code post} spiked this tick. */
    public void markPostSpike(int post) {
        if (!postSpiked[post]) {
            postSpiked[post] = true;
            postSpikes[postSpikeCount++] = post;
        }
    }

    /** Last step of a tick: this tick's spikes enter the traces and clocks; modulators latch. */
    public void endTick() {
        for (int j = 0; j < preSpikeCount; j++) {
            preTraces.spike(preSpikes[j]);
            preClock.record(preSpikes[j], tick);
        }
        for (int j = 0; j < postSpikeCount; j++) {
            int post = postSpikes[j];
            postTraces.spike(post);
            postClock.record(post, tick);
            postSpikeTotals[post] = Math.addExact(postSpikeTotals[post], 1);
            latched[post] = modulator.value(postStates, post);
        }
    }

    public int tick() {
        return tick;
    }

    public long seed() {
        return seed;
    }

    public int reward() {
        return reward;
    }

    public Traces preTraces() {
        return preTraces;
    }

    public Traces postTraces() {
        return postTraces;
    }

    public SpikeClock preClock() {
        return preClock;
    }

    public SpikeClock postClock() {
        return postClock;
    }

    public boolean preSpiked(int pre) {
        return preSpiked[pre];
    }

    public boolean postSpiked(int post) {
        return postSpiked[post];
    }

    /** How many post state units are bound (at most 8 are visible to rule text). */
    public int postStateCount() {
        return Math.min(8, postStates.length);
    }

    /** State unit k of post neuron {@code post}, as the engine holds it now. */
    public int postState(int k, int post) {
        return postStates[k][post];
    }

    /**
     * How many times post neuron {@code post} has spiked since the state was made (the spikes of
     * this tick enter at {@link #endTick()}): the post's activity, which ASP's learning rate and
     * leak read.
     */
    public int postSpikeTotal(int post) {
        return postSpikeTotals[post];
    }

    /** The post neuron's modulator now. */
    public int modulatorNow(int post) {
        return modulator.value(postStates, post);
    }

    /** The post neuron's modulator as latched at its last spike (0 before any). */
    public int modulatorLatched(int post) {
        return latched[post];
    }

    /** 64 random bits for synapse (pre, post) at this tick on {@code stream}. */
    public long randomBits(long stream, int pre, int post) {
        return CounterRng.bits(seed, stream, tick, synapseKey(pre, post));
    }

    /**
     * The key prefix of this tick's draws on {@code stream}, hashed once for a loop over synapses:
     * {@code CounterRng.bitsFromPrefix(randomPrefix(stream), synapseKey(pre, post))} equals
     * {@link #randomBits}.
     */
    public long randomPrefix(long stream) {
        return CounterRng.keyPrefix(seed, stream, tick);
    }

    /** The index word of synapse (pre, post) in the draws' keys. */
    public static long synapseKey(int pre, int post) {
        return ((long) pre << 32) | (post & 0xFFFF_FFFFL);
    }
}
