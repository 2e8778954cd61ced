package org.spikecore.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Pcg32;
import org.spikecore.fixed.Format;
import org.spikecore.memory.ConvKernelMemory;
import org.spikecore.memory.CsrMemory;
import org.spikecore.memory.DenseMemory;
import org.spikecore.memory.Encoding;
import org.spikecore.memory.PackedSynapseMemory;
import org.spikecore.memory.SynapseEncoding;
import org.spikecore.memory.SynapseMemory;
import org.spikecore.model.ArraySource;
import org.spikecore.model.BernoulliSource;
import org.spikecore.model.Connectivity;
import org.spikecore.model.CoreSemantics;
import org.spikecore.model.ConvConnectivity;
import org.spikecore.model.CoreSlice;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.Node;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;
import org.spikecore.model.SparseConnectivity;
import org.spikecore.model.RateSource;

/**
 * Runs a {@link Network} tick by tick, bit-accurately (see the package documentation for the
 * semantics). Cores are stepped on {@code threads} threads; the results do not depend on the
 * thread count. Not thread-safe itself: one caller drives it.
 */
public final class Simulation implements AutoCloseable {

    /** Stream tag of source spike draws. */
    static final long SOURCE_STREAM = 0x534F55524345L;
    /** Stream tag of stochastic synapse draws. */
    static final long SYNAPSE_STREAM = 0x53594E41505345L;

    private final Network network;
    private final long seed;
    private final boolean vectorized;
    private final List<SliceState> slices = new ArrayList<>();
    private final List<List<SliceState>> cores = new ArrayList<>();
    private final int[][] nodeSpikes;
    private final int[] nodeSpikeCount;
    private final long[] spikesPerNode;
    private final int[] arraySourceCursor;
    /** Per node, the spike thresholds on 32 random bits of a {@link RateSource}'s neurons (else null). */
    private final long[][] rateThresholds;
    /**
     * Per rate source, its neurons of non-zero threshold in increasing order, their thresholds and
     * how many there are: the only neurons the vectorized path draws ({@link BernoulliDraws#vectorSelected}).
     */
    private final long[][] rateFiringNeurons;
    private final long[][] rateFiringThresholds;
    private final int[] rateFiringCount;
    private final CoreStepper stepper;
    /** NSAT's global random stream, when the semantics replay it. */
    private final Pcg32 nsatStream;
    /** NSAT's blank-out draws, when its stream replays stochastic synapses. */
    private final NsatBlankOut nsatBlankOut;
    /**
     * NSAT's learning step, when a projection learns by NSAT's rules. Then each tick's spikes are
     * delivered at the end of the tick (before the learning changes the weights), not at the start
     * of the next.
     */
    private final NsatLearning nsatLearning;
    /** The rules of projections that learn by a {@code LearningRule}. */
    private final RuleLearning ruleLearning;
    /**
     * Whether any projection learns: then each tick's spikes are delivered at the end of that tick,
     * before its learning changes the weights (as NSAT's accumulation precedes its learning).
     */
    private final boolean learns;
    /** Per node, its spike recorder, or null when none records it (read every tick by {@link #route}). */
    private final SpikeRecorder[] spikeRecorders;
    private final List<StateProbe> probes = new ArrayList<>();
    private int tick;
    /** Steps core c at the current tick; built once so the threaded tick loop allocates nothing. */
    private final java.util.function.IntConsumer stepCoreThisTick = c -> stepCore(c, tick);

    /**
     * A simulation of {@code network} with the master {@code seed} on {@code threads} threads.
     * {@code vectorized} selects the fast paths, each bit-identical to its scalar reference: the
     * Vector API neuron update where a model allows it, the Bernoulli sources' draws a vector of
     * neurons at a time, and the row-wise learner of the built-in rules that have one ({@code RowLearner}).
     */
    public Simulation(Network network, long seed, int threads, boolean vectorized) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.network = network;
        this.seed = seed;
        this.vectorized = vectorized;
        List<Node> nodes = network.nodes();
        nodeSpikes = new int[nodes.size()][];
        nodeSpikeCount = new int[nodes.size()];
        spikesPerNode = new long[nodes.size()];
        arraySourceCursor = new int[nodes.size()];
        rateThresholds = new long[nodes.size()][];
        spikeRecorders = new SpikeRecorder[nodes.size()];
        rateFiringNeurons = new long[nodes.size()][];
        rateFiringThresholds = new long[nodes.size()][];
        rateFiringCount = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            nodeSpikes[i] = new int[nodes.get(i).size()];
            if (nodes.get(i) instanceof RateSource r) {
                rateThresholds[i] = new long[r.size()];
                rateFiringNeurons[i] = new long[r.size()];
                rateFiringThresholds[i] = new long[r.size()];
            }
        }
        int ring = 1;
        for (Projection p : network.projections()) {
            ring = Math.max(ring, p.delay());
        }
        Map<String, long[]> inputBounds = inputBounds(network);
        for (CoreSlice cs : network.placement()) {
            Population pop = (Population) nodes.get(cs.population());
            long maxInput = 0;
            for (int k = 0; k < pop.model().stateCount(); k++) {
                long[] b = inputBounds.get(pop.name());
                maxInput = Math.max(maxInput, b == null ? 0 : b[k]);
            }
            CompiledModel cm = new CompiledModel(pop.model(), maxInput, network.semantics());
            List<Incoming> incoming = new ArrayList<>();
            for (int pi = 0; pi < network.projections().size(); pi++) {
                Projection p = network.projections().get(pi);
                if (!p.post().equals(pop.name())) {
                    continue;
                }
                incoming.add(new Incoming(pi, network.nodeIndex(p.pre()), memoryFor(p, cs), p.targetState(), p.delay(),
                        p.stochastic(), p.threshold32(), pop.size()));
            }
            SliceState s = new SliceState(cs, cm, pop.initialV0(), incoming, ring);
            slices.add(s);
            while (cores.size() <= cs.core()) {
                cores.add(new ArrayList<>());
            }
            cores.get(cs.core()).add(s);
        }
        stepper = threads == 1 || cores.size() < 2 ? null : new CoreStepper(Math.min(threads, cores.size()), cores.size());
        nsatStream = nsatStream(network, seed, cores.size());
        boolean anyStochastic = network.projections().stream().anyMatch(Projection::stochastic);
        boolean nsatPlastic = network.projections().stream()
                .anyMatch(p -> p.plasticity() instanceof org.spikecore.learn.Plasticity.Nsat);
        NsatLists lists = (nsatStream != null && anyStochastic) || nsatPlastic ? new NsatLists(network, slices) : null;
        nsatBlankOut = nsatStream != null && anyStochastic ? new NsatBlankOut(network, slices, lists) : null;
        nsatLearning = nsatPlastic ? new NsatLearning(network, slices, lists, seed) : null;
        boolean rulePlastic = network.projections().stream()
                .anyMatch(p -> p.plasticity() instanceof org.spikecore.learn.Plasticity.Rule);
        ruleLearning = rulePlastic ? new RuleLearning(network, slices, seed, vectorized) : null;
        learns = nsatPlastic || rulePlastic;
        if (nsatStream != null) {
            for (SliceState s : slices) {
                if (s.model.anyNoise) {
                    s.gaussianDraws = new double[s.model.states][s.length];
                }
            }
        }
    }

    /**
     * NSAT's global PCG32 stream when the network's semantics replay it, else null. One stream
     * serves one core in NSAT's order, so such a network must fit one core.
     */
    private static Pcg32 nsatStream(Network network, long seed, int coreCount) {
        if (!(network.semantics().random() instanceof CoreSemantics.RandomSource.NsatPcg32(long sequence))) {
            return null;
        }
        if (coreCount > 1) {
            throw new IllegalArgumentException("NSAT's PCG32 stream is one sequence for one core, but the network needs "
                    + coreCount + " cores; use the counter-based generator or a larger core capacity");
        }
        for (Node n : network.nodes()) {
            if (n instanceof Population p) {
                for (org.spikecore.model.StateSpec st : p.model().states()) {
                    if (st.noise() instanceof org.spikecore.model.Noise.Uniform) {
                        throw new IllegalArgumentException("population " + p.name() + " state " + st.name()
                                + ": NSAT's PCG32 stream draws Gaussian noise only, not uniform noise");
                    }
                }
            }
        }
        return new Pcg32(seed, sequence);
    }

    /**
     * Draws this tick's Gaussian deviates from NSAT's stream in NSAT's order: neurons ascending over
     * the core, each neuron's noisy states ascending ({@code integrate_nsat}).
     */
    private void drawNsatNoise() {
        for (SliceState s : slices) {
            if (s.gaussianDraws == null) {
                continue;
            }
            for (int i = 0; i < s.length; i++) {
                for (int k = 0; k < s.model.states; k++) {
                    if (s.model.noiseKind[k] == CompiledModel.NOISE_GAUSSIAN) {
                        s.gaussianDraws[k][i] = nsatStream.nsatNormal();
                    }
                }
            }
        }
    }

    /**
     * Per population, per state: the worst-case |input| per tick before the input shift, from the
     * weight format (not today's weights), so that weights a learning rule writes through
     * {@link SynapseMemory#update} cannot overflow a fast path.
     */
    private static Map<String, long[]> inputBounds(Network network) {
        Map<String, long[]> m = new HashMap<>();
        for (Projection p : network.projections()) {
            Population pop = (Population) network.nodes().get(network.nodeIndex(p.post()));
            long[] b = m.computeIfAbsent(p.post(), k -> new long[pop.model().stateCount()]);
            b[p.targetState()] += (long) p.connectivity().maxFanIn() * formatBound(p.weightFormat());
        }
        return m;
    }

    /** The largest |weight| a format holds. */
    static long formatBound(Format f) {
        return Math.max(Math.abs((long) f.min()), f.max());
    }

    /**
     * The synapse memory of projection {@code p} restricted to the posts of slice {@code cs}, in the
     * projection's memory organization. Convolutions stay weight-shared: their kernel memories
     * compute the synapses.
     */
    private static SynapseMemory memoryFor(Projection p, CoreSlice cs) {
        Connectivity c = p.connectivity();
        int lo = cs.start();
        int len = cs.length();
        Format f = p.weightFormat();
        return switch (p.encoding()) {
            case SynapseEncoding.Default d -> switch (c) {
                case DenseConnectivity dc -> crossbar(c, lo, len, f, SynapseEncoding.Default.WORD_BITS);
                case ConvConnectivity conv -> kernel(Encoding.CONV_FUNC, conv, lo, len, f, SynapseEncoding.Default.WORD_BITS);
                case SparseConnectivity sc -> {
                    int[][] s = slice(c, lo, len);
                    yield new CsrMemory(c.preSize(), len, f, s[0], s[1], s[2]);
                }
            };
            case SynapseEncoding.Crossbar e -> crossbar(c, lo, len, f, e.wordBits());
            case SynapseEncoding.PbBmp e -> c instanceof ConvConnectivity conv ? kernel(Encoding.PB_BMP, conv, lo, len, f,
                    e.wordBits()) : packed(Encoding.PB_BMP, c, lo, len, f, e.wordBits());
            case SynapseEncoding.PbCsr e -> c instanceof ConvConnectivity conv ? kernel(Encoding.PB_CSR, conv, lo, len, f,
                    e.wordBits()) : packed(Encoding.PB_CSR, c, lo, len, f, e.wordBits());
            case SynapseEncoding.Dual e -> packed(Encoding.DUAL, c, lo, len, f, e.wordBits());
            case SynapseEncoding.ConvFunc e -> kernel(Encoding.CONV_FUNC, (ConvConnectivity) c, lo, len, f, e.wordBits());
            case SynapseEncoding.ConvFuncBmp e -> kernel(Encoding.CONV_FUNC_BMP, (ConvConnectivity) c, lo, len, f,
                    e.wordBits());
            case SynapseEncoding.ConvFuncRowCol e -> kernel(Encoding.CONV_FUNC_ROWCOL, (ConvConnectivity) c, lo, len, f,
                    e.wordBits());
        };
    }

    private static SynapseMemory crossbar(Connectivity c, int lo, int len, Format f, int wordBits) {
        DenseMemory m = new DenseMemory(c.preSize(), len, f, wordBits);
        if (c instanceof DenseConnectivity d) {
            int[] w = d.weights();
            for (int i = 0; i < d.preSize(); i++) {
                for (int j = 0; j < len; j++) {
                    m.set(i, j, w[i * d.postSize() + lo + j]);
                }
            }
            return m;
        }
        int[][] s = slice(c, lo, len);
        for (int k = 0; k < s[0].length; k++) {
            m.set(s[0][k], s[1][k], s[2][k]);
        }
        return m;
    }

    private static SynapseMemory packed(Encoding e, Connectivity c, int lo, int len, Format f, int wordBits) {
        int[][] s = slice(c, lo, len);
        return new PackedSynapseMemory(e, c.preSize(), len, f, wordBits, s[0], s[1], s[2]);
    }

    /** A kernel memory of the slice's posts; the model's kernel is [cout][cin][dy][dx], the memory's [cin][cout][dy][dx]. */
    private static SynapseMemory kernel(Encoding e, ConvConnectivity conv, int lo, int len, Format f, int wordBits) {
        int kk = conv.k() * conv.k();
        int[] model = conv.kernel();
        int[] kernel = new int[model.length];
        for (int c = 0; c < conv.inChannels(); c++) {
            for (int o = 0; o < conv.outChannels(); o++) {
                System.arraycopy(model, (o * conv.inChannels() + c) * kk, kernel, (c * conv.outChannels() + o) * kk, kk);
            }
        }
        ConvKernelMemory.Geometry g = new ConvKernelMemory.Geometry(conv.inChannels(), conv.height(), conv.width(),
                conv.outChannels(), conv.k(), conv.stride(), conv.padding());
        return new ConvKernelMemory(e, g, lo, len, f, wordBits, kernel);
    }

    /** The synapses of {@code c} into posts lo .. lo + len − 1, as {pre, local post, weight}. */
    private static int[][] slice(Connectivity c, int lo, int len) {
        int[][] syn = c.synapses();
        int count = 0;
        for (int k = 0; k < syn[1].length; k++) {
            if (syn[1][k] >= lo && syn[1][k] < lo + len) {
                count++;
            }
        }
        int[][] out = new int[3][count];
        int n = 0;
        for (int k = 0; k < syn[1].length; k++) {
            if (syn[1][k] >= lo && syn[1][k] < lo + len) {
                out[0][n] = syn[0][k];
                out[1][n] = syn[1][k] - lo;
                out[2][n++] = syn[2][k];
            }
        }
        return out;
    }

    /** Records every spike of the named node from now on. */
    public SpikeRecorder recordSpikes(String node) {
        int idx = network.nodeIndex(node);
        if (spikeRecorders[idx] == null) {
            spikeRecorders[idx] = new SpikeRecorder(network.nodes().get(idx).name());
        }
        return spikeRecorders[idx];
    }

    /** Records state {@code state} of neuron {@code neuron} of the named population every tick from now on. */
    public StateProbe recordState(String population, int neuron, int state) {
        int idx = network.nodeIndex(population);
        if (!(network.nodes().get(idx) instanceof Population pop)) {
            throw new IllegalArgumentException("node " + population + " is a spike source; it has no state to record");
        }
        if (neuron < 0 || neuron >= pop.size() || state < 0 || state >= pop.model().stateCount()) {
            throw new IllegalArgumentException("population " + population + " has no neuron " + neuron + " state " + state);
        }
        for (SliceState s : slices) {
            if (s.nodeIndex == idx && neuron >= s.start && neuron < s.start + s.length) {
                StateProbe p = new StateProbe(s, neuron - s.start, state);
                probes.add(p);
                return p;
            }
        }
        throw new IllegalStateException("neuron " + neuron + " of " + population + " is on no core");
    }

    /** Advances {@code ticks} ticks. */
    public void run(int ticks) {
        for (int t = 0; t < ticks; t++) {
            step();
        }
    }

    private void step() {
        int t = tick;
        if (nsatStream != null) {
            drawNsatNoise();
        }
        if (stepper == null) {
            for (int c = 0; c < cores.size(); c++) {
                stepCore(c, t);
            }
        } else {
            stepper.step(stepCoreThisTick);
        }
        route(t);
        if (nsatBlankOut != null) {
            nsatBlankOut.draw(nodeSpikes, nodeSpikeCount, nsatStream);
        }
        if (learns) {
            for (SliceState s : slices) {
                deliver(s, t + 1);
            }
            if (nsatLearning != null) {
                nsatLearning.learn(t, nodeSpikes, nodeSpikeCount, nsatStream);
            }
            if (ruleLearning != null) {
                ruleLearning.learn(t, nodeSpikes, nodeSpikeCount);
            }
        }
        tick++;
    }

    /** Delivers the spikes of tick t−1 into this core's input rings, then integrates tick t. */
    private void stepCore(int core, int t) {
        for (SliceState s : cores.get(core)) {
            if (!learns) {
                deliver(s, t);
            }
            int[][] in = s.input[t % s.ringSize];
            s.spikeCount = 0;
            if (vectorized && s.model.vectorizable) {
                NeuronVectorUpdate.integrate(s, in);
            } else {
                NeuronUpdate.integrate(s, in, t, seed);
            }
            s.swap();
        }
    }

    private void deliver(SliceState s, int t) {
        if (t == 0) {
            return;
        }
        for (int in = 0; in < s.incoming.size(); in++) {
            Incoming inc = s.incoming.get(in);
            int[] spikes = nodeSpikes[inc.preNode()];
            int count = nodeSpikeCount[inc.preNode()];
            int[] acc = s.input[(t - 1 + inc.delay()) % s.ringSize][inc.targetState()];
            SynapseMemory mem = inc.memory();
            if (s.nsatTransmit != null) {
                byte[] bits = s.nsatTransmit[in];
                int len = s.length;
                long[] ops = {0};
                for (int k = 0; k < count; k++) {
                    mem.forward(spikes[k], (pre, post, w) -> {
                        if (bits[pre * len + post] != 0) {
                            acc[post] += w;
                            ops[0]++;
                        }
                    });
                }
                s.synOps += ops[0];
            } else if (!inc.stochastic()) {
                long ops = 0;
                for (int k = 0; k < count; k++) {
                    ops += mem.accumulateForward(spikes[k], acc, 0);
                }
                s.synOps += ops;
            } else {
                long prefix = CounterRng.keyPrefix(seed, SYNAPSE_STREAM + inc.projection(), t - 1);
                long[] ops = {0};
                for (int k = 0; k < count; k++) {
                    mem.forward(spikes[k], (pre, post, w) -> {
                        long key = (long) pre * inc.postSize() + s.start + post;
                        if ((CounterRng.bitsFromPrefix(prefix, key) >>> 32) < inc.threshold32()) {
                            acc[post] += w;
                            ops[0]++;
                        }
                    });
                }
                s.synOps += ops[0];
            }
        }
    }

    /** Gathers the spikes of tick t per node (populations from their slices, sources drawn), records. */
    private void route(int t) {
        Arrays.fill(nodeSpikeCount, 0);
        for (SliceState s : slices) {
            System.arraycopy(s.spikes, 0, nodeSpikes[s.nodeIndex], nodeSpikeCount[s.nodeIndex], s.spikeCount);
            nodeSpikeCount[s.nodeIndex] += s.spikeCount;
        }
        List<Node> nodes = network.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            switch (nodes.get(i)) {
                case Population p -> {
                }
                case BernoulliSource b -> {
                    long prefix = CounterRng.keyPrefix(seed, SOURCE_STREAM + i, t);
                    nodeSpikeCount[i] = vectorized ? BernoulliDraws.vector(prefix, b.threshold32(), b.size(), nodeSpikes[i])
                            : BernoulliDraws.scalar(prefix, b.threshold32(), b.size(), nodeSpikes[i]);
                }
                case RateSource r -> {
                    long prefix = CounterRng.keyPrefix(seed, SOURCE_STREAM + i, t);
                    nodeSpikeCount[i] = vectorized
                            ? BernoulliDraws.vectorSelected(prefix, rateFiringNeurons[i], rateFiringThresholds[i], rateFiringCount[i],
                                    nodeSpikes[i])
                            : BernoulliDraws.scalarRates(prefix, rateThresholds[i], nodeSpikes[i]);
                }
                case ArraySource a -> {
                    int cur = arraySourceCursor[i];
                    int n = 0;
                    while (cur < a.ticks().length && a.ticks()[cur] < t) {
                        cur++;
                    }
                    while (cur < a.ticks().length && a.ticks()[cur] == t) {
                        nodeSpikes[i][n++] = a.neurons()[cur++];
                    }
                    arraySourceCursor[i] = cur;
                    nodeSpikeCount[i] = n;
                }
            }
            spikesPerNode[i] += nodeSpikeCount[i];
            SpikeRecorder r = spikeRecorders[i];
            if (r != null) {
                r.add(t, nodeSpikes[i], nodeSpikeCount[i]);
            }
        }
        for (StateProbe p : probes) {
            p.sample();
        }
    }

    /**
     * Puts every neuron back to its initial state (states, refractory counts, pending inputs and
     * spikes) without resetting the tick counter, so sources keep drawing fresh spikes: for running
     * samples back to back, as the peers do.
     */
    public void resetNeuronStates() {
        for (SliceState s : slices) {
            s.resetNeurons();
        }
        Arrays.fill(nodeSpikeCount, 0);
    }

    /**
     * Sets the spike probability per tick of every neuron of the named {@link RateSource} from the
     * next tick on (a new sample's rates).
     */
    public void setSpikeProbabilities(String source, double[] probabilities) {
        int idx = network.nodeIndex(source);
        long[] thr = rateThresholds[idx];
        if (thr == null) {
            throw new IllegalArgumentException("node " + source + " is not a rate source");
        }
        if (probabilities.length != thr.length) {
            throw new IllegalArgumentException("rate source " + source + " has " + thr.length + " neurons, got "
                    + probabilities.length + " probabilities");
        }
        for (int j = 0; j < thr.length; j++) {
            double p = probabilities[j];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("rate source " + source + ": neuron " + j
                        + "'s spike probability must be in [0, 1], got " + p);
            }
            thr[j] = Math.round(p * 4294967296.0);
        }
        int firing = 0;
        for (int j = 0; j < thr.length; j++) {
            if (thr[j] != 0) {
                rateFiringNeurons[idx][firing] = j;
                rateFiringThresholds[idx][firing++] = thr[j];
            }
        }
        rateFiringCount[idx] = firing;
    }

    /**
     * Weight normalisation (Diehl &amp; Cook 2015): scales the weights into every post neuron of the
     * named projection so that they sum to about {@code total}, each new weight
     * {@code max(minWeight, round(w·total/sum))}, written through {@code SynapseMemory.update} so
     * the column reads and the writes are counted as the chip's normalisation step would make
     * them. Posts whose weights sum to 0 are left alone. On the fast path a dense crossbar does it
     * row by row ({@link DenseMemory#normalizeColumns}), the same bits and counts.
     */
    public void normalizeIncoming(String projection, long total, int minWeight) {
        if (total < 1) {
            throw new IllegalArgumentException("normalisation total must be positive, got " + total);
        }
        boolean found = false;
        for (SliceState s : slices) {
            for (Incoming inc : s.incoming) {
                if (network.projections().get(inc.projection()).name().equals(projection)) {
                    found = true;
                    if (vectorized && inc.memory() instanceof DenseMemory crossbar) {
                        crossbar.normalizeColumns(total, minWeight);
                    } else {
                        normalizeColumns(inc.memory(), total, minWeight);
                    }
                }
            }
        }
        if (!found) {
            throw new IllegalArgumentException("network has no projection '" + projection + "'");
        }
    }

    /** The scalar reference of weight normalisation: each post's column walked, each changed weight updated. */
    static void normalizeColumns(SynapseMemory m, long total, int minWeight) {
        int[] pres = new int[m.preCount()];
        int[] weights = new int[m.preCount()];
        for (int post = 0; post < m.postCount(); post++) {
            int[] n = {0};
            long[] sum = {0};
            m.backward(post, (pre, q, w) -> {
                pres[n[0]] = pre;
                weights[n[0]++] = w;
                sum[0] += w;
            });
            if (sum[0] <= 0) {
                continue;
            }
            for (int k = 0; k < n[0]; k++) {
                long scaled = Math.max(minWeight, Math.round((double) weights[k] * total / sum[0]));
                int delta = (int) (scaled - weights[k]);
                if (delta != 0) {
                    m.update(pres[k], post, delta);
                }
            }
        }
    }

    /** Ticks simulated so far. */
    public int tick() {
        return tick;
    }

    /** The counters of the run so far. */
    public RunCounters counters() {
        long synOps = 0;
        long updates = 0;
        Map<String, Long> spikes = new java.util.LinkedHashMap<>();
        for (int i = 0; i < network.nodes().size(); i++) {
            spikes.put(network.nodes().get(i).name(), spikesPerNode[i]);
        }
        List<RunCounters.MemoryCount> memories = new ArrayList<>();
        for (SliceState s : slices) {
            synOps += s.synOps;
            updates += s.neuronUpdates;
            for (Incoming inc : s.incoming) {
                SynapseMemory m = inc.memory();
                Projection p = network.projections().get(inc.projection());
                memories.add(new RunCounters.MemoryCount(p.name(), s.slice.core(), m.counter().totalReads(),
                        m.counter().totalWrites(), m.storageBits(), p.encoding().cliName(), m.counter().snapshot()));
            }
        }
        return new RunCounters(tick, synOps, updates, spikes, memories);
    }

    /** The raw value of state {@code state} of neuron {@code neuron} of the named population now. */
    public int state(String population, int neuron, int state) {
        int idx = network.nodeIndex(population);
        for (SliceState s : slices) {
            if (s.nodeIndex == idx && neuron >= s.start && neuron < s.start + s.length) {
                return s.x[state][neuron - s.start];
            }
        }
        throw new IllegalArgumentException("population " + population + " has no neuron " + neuron);
    }

    /**
     * Sets state {@code state} of neuron {@code neuron} of the named population to {@code raw} now
     * (clamped into the state's range): a learned state carried into another network, such as the
     * adaptive thresholds of a trained layer into its frozen copy.
     */
    public void setState(String population, int neuron, int state, int raw) {
        int idx = network.nodeIndex(population);
        for (SliceState s : slices) {
            if (s.nodeIndex == idx && neuron >= s.start && neuron < s.start + s.length) {
                if (state < 0 || state >= s.model.states) {
                    throw new IllegalArgumentException("population " + population + " has no state " + state);
                }
                org.spikecore.model.StateSpec spec = ((Population) network.nodes().get(idx)).model().states().get(state);
                s.x[state][neuron - s.start] = Math.clamp(raw, spec.floor(), spec.ceiling());
                return;
            }
        }
        throw new IllegalArgumentException("population " + population + " has no neuron " + neuron);
    }

    /** Sets the third factor (reward, error) that the rule of projection {@code projection} reads from now on. */
    public void setReward(String projection, int reward) {
        if (ruleLearning == null) {
            throw new IllegalArgumentException("no projection of this network learns by a rule");
        }
        ruleLearning.setReward(projection, reward);
    }

    /**
     * The leak phase of an {@link org.spikecore.learn.Asp} projection: every stored weight moves
     * toward the rule's baseline by {@code Asp.leak} (slower into active posts), through
     * {@code SynapseMemory.update}, so the column reads and writes are counted.
     */
    public void leakWeights(String projection) {
        boolean found = false;
        for (SliceState s : slices) {
            for (Incoming inc : s.incoming) {
                Projection p = network.projections().get(inc.projection());
                if (p.name().equals(projection)) {
                    found = true;
                    if (!(p.plasticity() instanceof org.spikecore.learn.Plasticity.Rule r
                            && r.rule() instanceof org.spikecore.learn.Asp asp)) {
                        throw new IllegalArgumentException("projection '" + projection + "' does not learn by ASP");
                    }
                    asp.leakAll(ruleLearning.state(p, s), inc.memory());
                }
            }
        }
        if (!found) {
            throw new IllegalArgumentException("network has no projection '" + projection + "'");
        }
    }

    /**
     * The raw weight now of synapse {@code pre → post} of the named projection (0 when not stored),
     * read through its synapse memory (a counted point read, as a weight monitor would make).
     */
    public int weight(String projection, int pre, int post) {
        for (SliceState s : slices) {
            for (Incoming inc : s.incoming) {
                if (network.projections().get(inc.projection()).name().equals(projection) && post >= s.start
                        && post < s.start + s.length) {
                    return inc.memory().weight(pre, post - s.start);
                }
            }
        }
        throw new IllegalArgumentException("network has no projection '" + projection + "' into neuron " + post);
    }

    /** Number of cores of the placement. */
    public int coreCount() {
        return cores.size();
    }

    @Override
    public void close() {
        if (stepper != null) {
            stepper.close();
        }
    }
}
