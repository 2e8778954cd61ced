package org.spikecore.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spikecore.data.LabeledImages;
import org.spikecore.engine.RunCounters;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Format;
import org.spikecore.fixed.Rounding;
import org.spikecore.learn.Erbp;
import org.spikecore.learn.LearningGate;
import org.spikecore.learn.LearningRule;
import org.spikecore.learn.Modulator;
import org.spikecore.learn.Perbp;
import org.spikecore.learn.Plasticity;
import org.spikecore.memory.RegionCount;
import org.spikecore.model.ArraySource;
import org.spikecore.model.Connectivity;
import org.spikecore.model.ConvConnectivity;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Node;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;
import org.spikecore.model.Reset;
import org.spikecore.model.StateSpec;
import org.spikecore.model.Threshold;

/**
 * Event-driven random back-propagation (eRBP, Neftci et al. 2017) learning on the bit-accurate
 * engine: rate-coded pixels → hidden layers → one output neuron per class, every neuron a
 * two-compartment integer neuron (state 0 the membrane, state 1 the error compartment), 8-bit
 * weights and 16-bit states. Two rectified error neurons per class count label minus prediction
 * and prediction minus label; they drive the output neurons' error compartments directly and
 * every hidden layer's through a random fixed feedback matrix G (zero-mean across classes). Each
 * plastic projection learns inside the engine by {@link Erbp} ({@link Perbp} for stochastic
 * synapses): at each pre spike {@code Δw = u >> shift} with stochastic rounding, where u is the post's
 * error compartment, gated by a boxcar on the post's membrane and by a burn-in at the start of each
 * sample. Inference runs the same weights without the error loop; the class is the output with
 * the most spikes. With {@link Config#convChannels()} the first hidden layer is a weight-shared
 * convolution, which the engine's rule learning updates one kernel weight at a time (the sum over
 * the positions that share it). Training keeps every memory's access counts with their learning
 * share ({@link #trainingMemoryCounts()}).
 */
public final class ErbpClassifier {

    /** The conv layer's kernel size, stride and padding. */
    static final int CONV_K = 5;
    static final int CONV_STRIDE = 2;
    static final int CONV_PADDING = 2;
    /** Error compartment leak and membrane leak (NSAT shift leaks, τ = 2^shift ticks). */
    static final int MEMBRANE_LEAK = 4;
    static final int ERROR_LEAK = 4;
    /** Membrane threshold of hidden and output neurons. */
    static final int THRESHOLD = 256;
    /** Boxcar φ' on the membrane: learning while −WINDOW < v < WINDOW. */
    static final int WINDOW = 2 * THRESHOLD;
    /** Threshold of an error neuron, also the weight of a label or prediction spike into it. */
    static final int ERROR_THRESHOLD = 64;
    /** Largest |G| entry and the weight of an error spike into its class's output compartment. */
    static final int FEEDBACK = 48;
    private static final long INPUT_STREAM = 0x4552_4250_494EL;
    private static final long LABEL_STREAM = 0x4552_4250_4C42L;
    private static final long WEIGHT_STREAM = 0x4552_4250_5754L;
    private static final long FEEDBACK_STREAM = 0x4552_4250_4642L;

    /**
     * @param hidden             sizes of the hidden layers
     * @param ticks              ticks per sample
     * @param burnIn             ticks at the start of a sample without learning
     * @param maxRate            spike probability per tick of a white pixel
     * @param labelRate          spike probability per tick of the label neuron (the target rate of the right output)
     * @param synapseProbability transmission probability of the plastic synapses (1 = eRBP, &lt; 1 = peRBP)
     * @param hiddenShift        learning rate 2^−shift of the projections into hidden layers
     * @param outputShift        learning rate 2^−shift of the projection into the outputs
     * @param initialWeight      initial weights are uniform in ±initialWeight·√(100/fan-in)
     * @param shiftDecayEpochs   every this many epochs both learning rates halve (shifts + 1); 0 keeps them
     * @param convChannels       0 for dense layers only; else the first hidden layer is a weight-shared convolution of
     *                           the image with this many 5×5 kernels, stride 2 (same padding), and {@code hidden} lists
     *                           the dense layers after it (may be empty)
     */
    public record Config(List<Integer> hidden, int ticks, int burnIn, double maxRate, double labelRate,
            double synapseProbability, int hiddenShift, int outputShift, int initialWeight, int shiftDecayEpochs,
            int convChannels) {
        public Config {
            hidden = List.copyOf(hidden);
            if (convChannels < 0 || (hidden.isEmpty() && convChannels == 0) || hidden.stream().anyMatch(h -> h < 1)) {
                throw new IllegalArgumentException("eRBP needs at least one hidden layer of positive size (a conv layer or "
                        + "dense layers), got " + hidden + " and " + convChannels + " conv channels");
            }
            if (ticks < 2 || burnIn < 0 || burnIn >= ticks) {
                throw new IllegalArgumentException("eRBP needs ticks >= 2 and 0 <= burn-in < ticks, got " + ticks + " and " + burnIn);
            }
            if (!(maxRate > 0 && maxRate <= 1) || !(labelRate > 0 && labelRate <= 1)) {
                throw new IllegalArgumentException("spike rates must lie in (0, 1], got " + maxRate + " and " + labelRate);
            }
            if (!(synapseProbability > 0 && synapseProbability <= 1)) {
                throw new IllegalArgumentException("synapse probability must lie in (0, 1], got " + synapseProbability);
            }
            if (initialWeight < 1 || initialWeight > 127) {
                throw new IllegalArgumentException("initial weight must be 1..127, got " + initialWeight);
            }
            if (shiftDecayEpochs < 0) {
                throw new IllegalArgumentException("learning-rate decay period must be >= 0 epochs, got " + shiftDecayEpochs);
            }
        }

        /** The learning-rate shift into hidden layers ({@code output} false) or the outputs in epoch e (from 0). */
        public int shift(boolean output, int e) {
            int decay = shiftDecayEpochs == 0 ? 0 : e / shiftDecayEpochs;
            return (output ? outputShift : hiddenShift) + decay;
        }

        /** The defaults of {@code spikecore run erbp}. */
        public static Config of(List<Integer> hidden, double synapseProbability) {
            return of(hidden, synapseProbability, 0);
        }

        /**
         * The defaults of {@code spikecore run erbp}, with a conv layer of {@code convChannels} kernels first (0: none).
         * A conv network's hidden layers learn at 2^−14 instead of 2^−11: a kernel weight sums the updates of
         * all its positions. The learning rates halve every 2 epochs. Both chosen on a validation split
         * (docs/learning.md).
         */
        public static Config of(List<Integer> hidden, double synapseProbability, int convChannels) {
            return new Config(hidden, 100, 25, 0.25, 0.25, synapseProbability, convChannels > 0 ? 14 : 11, 10, 40, 2,
                    convChannels);
        }
    }

    /**
     * What a test run measured, per classification: the error, the SynOps in all and until the first
     * output spike (the whole window when none fires), and the engine's counters.
     */
    public record Evaluation(double error, int[][] confusion, double synOps, double synOpsToFirstSpike,
            RunCounters counters) {
    }

    private final Config config;
    private final int inputs;
    private final int classes;
    private final long seed;
    /** Rows (= columns) of the square input image. */
    private final int side;
    /** weights[l][pre·post + post]: layer l's dense weights, pre-major as the engine stores them, or the conv kernel {@code [o][dy][dx]}. */
    private final int[][] weights;
    private final int[][] feedback;
    private int epoch;
    private long trainingSynOps;
    private long trainingUpdates;
    /** Every synapse memory's counts over all training runs, in the training network's memory order. */
    private List<RegionCount> trainingRegions = List.of();

    public ErbpClassifier(Config config, int inputs, int classes, long seed) {
        this.config = config;
        this.inputs = inputs;
        this.classes = classes;
        this.seed = seed;
        this.side = (int) Math.round(Math.sqrt(inputs));
        if (config.convChannels() > 0 && (side * side != inputs || side < CONV_K)) {
            throw new IllegalArgumentException("a conv eRBP network needs square images of at least " + CONV_K + "x" + CONV_K
                    + " pixels, got " + inputs + " inputs");
        }
        int[] sizes = sizes();
        weights = new int[sizes.length - 1][];
        feedback = new int[sizes.length - 2][];
        for (int l = 0; l < weights.length; l++) {
            boolean conv = isConv(l);
            int fanIn = conv ? CONV_K * CONV_K : sizes[l];
            int bound = (int) Math.max(1, Math.round(config.initialWeight() * Math.sqrt(100.0 / fanIn)));
            weights[l] = new int[conv ? config.convChannels() * CONV_K * CONV_K : sizes[l] * sizes[l + 1]];
            for (int k = 0; k < weights[l].length; k++) {
                int w = CounterRng.belowBound(CounterRng.bits(seed, WEIGHT_STREAM, l, k), 2 * bound) - bound;
                weights[l][k] = w >= 0 ? w + 1 : w; // never 0: a stored zero is not visited, so it could not learn
            }
        }
        for (int l = 0; l < feedback.length; l++) {
            feedback[l] = randomFeedback(sizes[l + 1], l);
        }
    }

    /** G for a hidden layer: {@code g[class·h + i]}, uniform in ±FEEDBACK, zero-mean across classes. */
    private int[] randomFeedback(int h, int layer) {
        double[] raw = new double[classes * h];
        for (int k = 0; k < raw.length; k++) {
            raw[k] = (2 * CounterRng.uniform(seed, FEEDBACK_STREAM, layer, k) - 1) * FEEDBACK;
        }
        int[] g = new int[raw.length];
        for (int i = 0; i < h; i++) {
            double mean = 0;
            for (int c = 0; c < classes; c++) {
                mean += raw[c * h + i] / classes;
            }
            for (int c = 0; c < classes; c++) {
                g[c * h + i] = (int) Math.round(raw[c * h + i] - mean);
            }
        }
        return g;
    }

    /** Neurons per layer: the inputs, the conv layer (if any), the dense hidden layers, the outputs. */
    private int[] sizes() {
        int conv = config.convChannels() > 0 ? 1 : 0;
        int[] s = new int[conv + config.hidden().size() + 2];
        s[0] = inputs;
        if (conv == 1) {
            s[1] = config.convChannels() * convSide() * convSide();
        }
        for (int l = 0; l < config.hidden().size(); l++) {
            s[conv + l + 1] = config.hidden().get(l);
        }
        s[s.length - 1] = classes;
        return s;
    }

    /** Whether projection l is the weight-shared convolution (the first, in a conv network). */
    private boolean isConv(int l) {
        return l == 0 && config.convChannels() > 0;
    }

    /** Rows (= columns) of each conv output map. */
    private int convSide() {
        return (side + 2 * CONV_PADDING - CONV_K) / CONV_STRIDE + 1;
    }

    /** The synapse (pre, post) through which kernel weight {@code k} ({@code [o][dy][dx]}) reaches output (o, 1, 1). */
    private int[] kernelSynapse(int k) {
        int o = k / (CONV_K * CONV_K);
        int dy = k / CONV_K % CONV_K;
        int dx = k % CONV_K;
        int y = CONV_STRIDE - CONV_PADDING + dy; // input row of output row 1
        int x = CONV_STRIDE - CONV_PADDING + dx;
        return new int[] {y * side + x, (o * convSide() + 1) * convSide() + 1};
    }

    public Config config() {
        return config;
    }

    /** Epochs trained. */
    public int epoch() {
        return epoch;
    }

    /** SynOps of all training runs so far (forward, error loop and feedback). */
    public long trainingSynOps() {
        return trainingSynOps;
    }

    /** Weight updates written by the engine's learning so far. */
    public long trainingUpdates() {
        return trainingUpdates;
    }

    /**
     * The word reads and writes of every physical memory over all training runs so far, with their
     * learning share (the reads and read-modify-writes the eRBP rule made), for an energy model.
     */
    public List<RegionCount> trainingMemoryCounts() {
        return trainingRegions;
    }

    private void addTrainingCounts(RunCounters c) {
        List<RegionCount> now = c.memories().stream().flatMap(m -> m.regions().stream()).toList();
        if (trainingRegions.isEmpty()) {
            trainingRegions = now;
            return;
        }
        List<RegionCount> sum = new ArrayList<>(now.size());
        for (int k = 0; k < now.size(); k++) {
            RegionCount a = trainingRegions.get(k);
            RegionCount b = now.get(k);
            sum.add(new RegionCount(b.region(), a.reads() + b.reads(), a.writes() + b.writes(),
                    a.learningReads() + b.learningReads(), a.learningWrites() + b.learningWrites()));
        }
        trainingRegions = List.copyOf(sum);
    }

    /** A copy of layer l's weights, pre-major. */
    public int[] weights(int layer) {
        return weights[layer].clone();
    }

    /** The two-compartment neuron of hidden and output layers. */
    static NeuronModel neuron() {
        StateSpec v = StateSpec.of("v", Format.INT16).withLeak(MEMBRANE_LEAK).withReset(Reset.toValue(0))
                .withClamp(-WINDOW, Format.INT16.max());
        StateSpec u = StateSpec.of("u", Format.INT16).withLeak(ERROR_LEAK);
        return new NeuronModel("erbp", List.of(v, u), List.of(), Threshold.fixed(THRESHOLD), 0);
    }

    /** The rectified error neuron: integrates ±(label − prediction) spikes, floored at 0. */
    static NeuronModel errorNeuron() {
        StateSpec e = StateSpec.of("e", Format.INT16).withClamp(0, Format.INT16.max()).withReset(Reset.add(-ERROR_THRESHOLD));
        return new NeuronModel("erbp-error", List.of(e), List.of(), Threshold.fixed(ERROR_THRESHOLD), 0);
    }

    /** Trains one epoch over {@code train} in the engine, in chunks of {@code chunk} samples; returns the training error. */
    public double trainEpoch(LabeledImages train, int chunk) {
        int wrong = 0;
        for (int from = 0; from < train.size(); from += chunk) {
            int to = Math.min(train.size(), from + chunk);
            wrong += trainChunk(train, from, to);
        }
        epoch++;
        return (double) wrong / train.size();
    }

    private int trainChunk(LabeledImages train, int from, int to) {
        int n = to - from;
        int t = config.ticks();
        Network net = network(train, from, to, true);
        int[] sizes = sizes();
        int wrong = 0;
        try (Simulation sim = new Simulation(net, CounterRng.bits(seed, epoch, from, 0), 1, true)) {
            SpikeRecorder out = sim.recordSpikes("out");
            for (int i = 0; i < n; i++) {
                sim.run(t);
                sim.resetNeuronStates();
            }
            int[][] counts = countsPerSample(out, n, t);
            for (int i = 0; i < n; i++) {
                wrong += ImageClassifier.argmax(counts[i]) == train.labels()[from + i] ? 0 : 1;
            }
            RunCounters c = sim.counters();
            trainingSynOps += c.synOps();
            addTrainingCounts(c);
            for (int l = 0; l < weights.length; l++) {
                long before = 0;
                for (int k = 0; k < weights[l].length; k++) {
                    int[] syn = isConv(l) ? kernelSynapse(k) : new int[] {k / sizes[l + 1], k % sizes[l + 1]};
                    int w = sim.weight(layerName(l), syn[0], syn[1]);
                    before += w != weights[l][k] ? 1 : 0;
                    weights[l][k] = w;
                }
                trainingUpdates += before;
            }
        }
        return wrong;
    }

    private static int[][] countsPerSample(SpikeRecorder rec, int samples, int ticks) {
        int[][] counts = new int[samples][];
        int[] tk = rec.ticks();
        int[] nr = rec.neurons();
        int classes = 0;
        for (int k = 0; k < nr.length; k++) {
            classes = Math.max(classes, nr[k] + 1);
        }
        for (int i = 0; i < samples; i++) {
            counts[i] = new int[Math.max(classes, 1)];
        }
        for (int k = 0; k < tk.length; k++) {
            counts[tk[k] / ticks][nr[k]]++;
        }
        return counts;
    }

    /** Classifies {@code test} on the engine with the current weights (no learning, no error loop). */
    public Evaluation evaluate(LabeledImages test) {
        int t = config.ticks();
        int[][] confusion = new int[classes][classes];
        int correct = 0;
        long toFirst = 0;
        try (Simulation sim = new Simulation(network(test, 0, test.size(), false), CounterRng.bits(seed, -1, epoch, 0), 1, true)) {
            SpikeRecorder out = sim.recordSpikes("out");
            int[] counts = new int[classes];
            for (int i = 0; i < test.size(); i++) {
                long start = sim.counters().synOps();
                long first = -1;
                Arrays.fill(counts, 0);
                int seen = out.size();
                for (int k = 0; k < t; k++) {
                    sim.run(1);
                    if (first < 0 && out.size() > seen) {
                        first = sim.counters().synOps() - start;
                    }
                }
                int[] nr = out.neurons();
                for (int k = seen; k < nr.length; k++) {
                    counts[nr[k]]++;
                }
                toFirst += first < 0 ? sim.counters().synOps() - start : first;
                sim.resetNeuronStates();
                int predicted = ImageClassifier.argmax(counts);
                confusion[test.labels()[i]][predicted]++;
                correct += predicted == test.labels()[i] ? 1 : 0;
            }
            RunCounters c = sim.counters();
            return new Evaluation(1 - (double) correct / test.size(), confusion, (double) c.synOps() / test.size(),
                    (double) toFirst / test.size(), c);
        }
    }

    /**
     * SynOps per training sample by the formula of eRBP's reference implementation (REFERENCES §2):
     * {@code n_vis·nh + n_hid·nc + 2·n_out·nc + n_err·(nc + nh)} with the mean spike counts per sample
     * of the visible, hidden, output and error neurons; for a check against the engine's count.
     */
    public static double referenceSynOps(double nVis, double nHid, double nOut, double nErr, int nh, int nc) {
        return nVis * nh + nHid * nc + 2 * nOut * nc + nErr * (nc + nh);
    }

    /** MACs per sample of the same network trained by backprop on a GPU: {@code 2·(nv·nh + nh·nc)} (REFERENCES §2). */
    public long backpropMacsPerSample() {
        int[] s = sizes();
        long macs = 0;
        for (int l = 0; l + 1 < s.length; l++) {
            macs += isConv(l) ? (long) s[l + 1] * CONV_K * CONV_K : (long) s[l] * s[l + 1];
        }
        return 2 * macs;
    }

    static String layerName(int l) {
        return "w" + l;
    }

    /**
     * The network of samples [from, to) back to back, {@link Config#ticks()} each (reset the neuron
     * states between them); with {@code learning}, the label source, error neurons, feedback and
     * plasticity of training, else the forward layers alone.
     */
    public Network network(LabeledImages data, int from, int to, boolean learning) {
        int[] sizes = sizes();
        int t = config.ticks();
        List<Node> nodes = new ArrayList<>();
        List<Projection> projections = new ArrayList<>();
        nodes.add(inputSource(data, from, to));
        String[] names = new String[sizes.length];
        names[0] = "input";
        for (int l = 1; l < sizes.length; l++) {
            names[l] = l == sizes.length - 1 ? "out" : "h" + (l - 1);
            nodes.add(new Population(names[l], sizes[l], neuron()));
        }
        LearningGate gate = new LearningGate(-WINDOW, WINDOW, t, config.burnIn());
        for (int l = 0; l + 1 < sizes.length; l++) {
            Connectivity c = isConv(l)
                    ? new ConvConnectivity(1, side, side, config.convChannels(), CONV_K, CONV_STRIDE, CONV_PADDING, weights[l])
                    : new DenseConnectivity(sizes[l], sizes[l + 1], weights[l]);
            Projection p = new Projection(layerName(l), names[l], names[l + 1], c, Format.INT8, 0, 1, config.synapseProbability());
            if (learning) {
                int shift = config.shift(l + 2 == sizes.length, epoch);
                p = p.withPlasticity(new Plasticity.Rule(rule(shift), List.of(), List.of(), Modulator.state(1), gate, 0));
            }
            projections.add(p);
        }
        if (learning) {
            nodes.add(labelSource(data, from, to));
            nodes.add(new Population("err", 2 * classes, errorNeuron()));
            projections.add(Projection.of("label-err", "label", "err", signedPairs(ERROR_THRESHOLD), Format.INT8, 0));
            projections.add(Projection.of("out-err", "out", "err", signedPairs(-ERROR_THRESHOLD), Format.INT8, 0));
            projections.add(Projection.of("err-out", "err", "out", errorToOutput(), Format.INT8, 1));
            for (int l = 0; l < feedback.length; l++) {
                projections.add(Projection.of("err-h" + l, "err", "h" + l, feedbackConnectivity(l), Format.INT8, 1));
            }
        }
        return new Network(nodes, projections, Network.DEFAULT_CORE_CAPACITY);
    }

    private LearningRule rule(int shift) {
        Erbp erbp = new Erbp(0, -WINDOW, WINDOW, shift, Rounding.STOCHASTIC);
        return config.synapseProbability() < 1 ? new Perbp(erbp, config.synapseProbability()) : erbp;
    }

    /** Class c → error neuron c with weight w and error neuron classes + c with −w. */
    private DenseConnectivity signedPairs(int w) {
        int[] m = new int[classes * 2 * classes];
        for (int c = 0; c < classes; c++) {
            m[c * 2 * classes + c] = w;
            m[c * 2 * classes + classes + c] = -w;
        }
        return new DenseConnectivity(classes, 2 * classes, m);
    }

    /** Error neuron c (label − prediction) raises output c's error compartment, error neuron classes + c lowers it. */
    private DenseConnectivity errorToOutput() {
        int[] m = new int[2 * classes * classes];
        for (int c = 0; c < classes; c++) {
            m[c * classes + c] = FEEDBACK;
            m[(classes + c) * classes + c] = -FEEDBACK;
        }
        return new DenseConnectivity(2 * classes, classes, m);
    }

    private DenseConnectivity feedbackConnectivity(int layer) {
        int h = sizes()[layer + 1];
        int[] g = feedback[layer];
        int[] m = new int[2 * classes * h];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < h; i++) {
                m[c * h + i] = g[c * h + i];
                m[(classes + c) * h + i] = -g[c * h + i];
            }
        }
        return new DenseConnectivity(2 * classes, h, m);
    }

    private ArraySource inputSource(LabeledImages data, int from, int to) {
        int t = config.ticks();
        int n = inputs;
        IntList ticks = new IntList();
        IntList neurons = new IntList();
        for (int i = from; i < to; i++) {
            int base = (i - from) * t;
            long stream = INPUT_STREAM + i;
            for (int k = 0; k < t; k++) {
                long prefix = CounterRng.keyPrefix(seed, stream, (long) epoch * t + k);
                for (int j = 0; j < n; j++) {
                    double p = config.maxRate() * data.intensity(i, j);
                    if (p > 0 && CounterRng.toUnitDouble(CounterRng.bitsFromPrefix(prefix, j)) < p) {
                        ticks.add(base + k);
                        neurons.add(j);
                    }
                }
            }
        }
        return new ArraySource("input", n, ticks.toArray(), neurons.toArray());
    }

    private ArraySource labelSource(LabeledImages data, int from, int to) {
        int t = config.ticks();
        IntList ticks = new IntList();
        IntList neurons = new IntList();
        for (int i = from; i < to; i++) {
            for (int k = 0; k < t; k++) {
                if (CounterRng.uniform(seed, LABEL_STREAM + i, (long) epoch * t + k, 0) < config.labelRate()) {
                    ticks.add((i - from) * t + k);
                    neurons.add(data.labels()[i]);
                }
            }
        }
        return new ArraySource("label", classes, ticks.toArray(), neurons.toArray());
    }

    /** A growable int array for the spike lists. */
    private static final class IntList {
        private int[] a = new int[1024];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
