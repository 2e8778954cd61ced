package org.spikecore.cli.experiments;

import java.util.List;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Format;
import org.spikecore.fixed.Rounding;
import org.spikecore.learn.Asp;
import org.spikecore.learn.Plasticity;
import org.spikecore.learn.PairStdp;
import org.spikecore.learn.StochasticBinaryStdp;
import org.spikecore.learn.TraceSpec;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Leak;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;
import org.spikecore.model.RateSource;
import org.spikecore.model.Reset;
import org.spikecore.model.SparseConnectivity;
import org.spikecore.model.StateSpec;
import org.spikecore.model.Threshold;

/**
 * Diehl &amp; Cook's (2015) unsupervised network in the engine's integer form, one tick = 1 ms:
 * 784 Poisson inputs → {@code n} excitatory neurons with adaptive thresholds → {@code n}
 * inhibitory neurons one to one → every excitatory neuron but the one that drove it (lateral
 * inhibition). Membranes count 1/256 mV above rest (current-based, as BindsNET's version of the
 * network, instead of the paper's conductances); input weights are unsigned 8-bit, raw w adding w
 * units (≈ w/256 mV) per input spike, and learn by multiplicative pair STDP (potentiation at a post
 * spike by the nearest pre trace, depression at a pre spike by the post trace, soft bounds
 * [1, 255]: a stored 0 would stop learning, see {@code SynapseLearner}).
 *
 * <p>{@link InputSynapses#BINARY} is the same network with 1-bit input weights (Srinivasan &amp;
 * Roy 2019): a 1 adds {@code 2^BINARY_SHIFT} units (0.5 mV) through the membrane's input gain, the
 * lateral inhibition is stored {@code 2^BINARY_SHIFT} times smaller so that it still adds −17.5 mV,
 * and the weights learn by {@link StochasticBinaryStdp}; they are not normalised (a sum of 0/1
 * weights cannot be scaled), the rule's unpaired depression balancing its potentiation instead.
 */
final class DiehlCookNetwork {

    static final String INPUT = "input";
    static final String EXC = "exc";
    static final String INH = "inh";
    static final String INPUT_EXC = "input-exc";

    /** Membrane units per mV. */
    static final int UNITS_PER_MV = 256;
    /** Excitatory threshold above rest (the paper's −52 mV against −65 mV rest), reset 5 mV above rest. */
    static final int EXC_THRESHOLD = 13 * UNITS_PER_MV;
    static final int EXC_RESET = 5 * UNITS_PER_MV;
    /** τ = 100 ms as Loihi's 12-bit decay: 4096·(1 − e^−1/100). */
    static final int EXC_DECAY = 41;
    static final int EXC_REFRACTORY = 5;
    static final int INH_THRESHOLD = 20 * UNITS_PER_MV;
    static final int INH_RESET = 15 * UNITS_PER_MV;
    /** τ = 10 ms: 4096·(1 − e^−1/10). */
    static final int INH_DECAY = 390;
    static final int INH_REFRACTORY = 2;
    /** Exc → inh and inh → exc weights (BindsNET's 22.5 mV and −17.5 mV). */
    static final int EXC_INH_WEIGHT = 5760;
    static final int INH_EXC_WEIGHT = -4480;
    /** Excitatory floor, the inhibitory reversal potential's 35 mV below rest. */
    static final int EXC_FLOOR = -35 * UNITS_PER_MV;
    static final Format INPUT_WEIGHT = new Format(8, 0, false);
    /** Initial input weights uniform in [1, 0.3·255]. */
    static final int INITIAL_WEIGHT_MAX = 77;
    /** Pair STDP: η_post ≈ 0.01 and η_pre ≈ 0.0001 of the weight range per unit trace, 2^−22 scale. */
    static final int A_PLUS = 328;
    static final int A_MINUS = 7;
    static final int STDP_SHIFT = 22;
    /** Traces: 128 at a spike (nearest pairing), τ ≈ 16 ms (the paper's 20 ms as a shift). */
    static final TraceSpec TRACE = new TraceSpec(4, 128, 128, Rounding.STOCHASTIC, TraceSpec.Pairing.NEAREST);

    /** Binary input weights: a 1 adds 2^7 = 128 units (0.5 mV). */
    static final Format BINARY_WEIGHT = new Format(1, 0, false);
    static final int BINARY_SHIFT = 7;
    /** Initial 1s with probability 0.2: about 157 per neuron, 78 mV in all, as the 8-bit weights' normalised total. */
    static final double BINARY_INITIAL_ONES = 0.2;
    /**
     * Stochastic binary STDP: τ = 20 ms (the paper's trace), pairs within 40 ms; a 0 switches on with
     * 0.02·e^(−Δt/τ) at a post spike, a 1 whose pre stayed silent for 40 ms switches off with 0.01 there,
     * and anti-causal depression is 1/50 of potentiation (the 8-bit rule's A−/A+ = 7/328). Chosen on
     * 1,000 training images among (0.02 or 0.04, 0.01 or 0.02, window 20 or 40): all within 0.66–0.69.
     */
    static final double BINARY_TAU = 20;
    static final int BINARY_WINDOW = 40;
    static final double BINARY_P_POTENTIATE = 0.02;
    static final double BINARY_P_DEPRESS = 0.0004;
    static final double BINARY_P_UNPAIRED = 0.01;

    private DiehlCookNetwork() {
    }

    /**
     * What the excitatory layer's input synapses are: {@code bits}-bit weights of {@code format} into a
     * membrane of input gain 2^{@code inputShift}; the inhibitory weight {@code lateralWeight} of
     * {@code lateralFormat} at that gain; the plasticity; and whether the weights are normalised per neuron.
     */
    record InputSynapses(int bits, Format format, int inputShift, int lateralWeight, Format lateralFormat,
            Plasticity.Rule plasticity, boolean normalised) {

        static final InputSynapses EIGHT_BIT = new InputSynapses(8, INPUT_WEIGHT, 0, INH_EXC_WEIGHT, Format.INT16, stdp(), true);
        static final InputSynapses BINARY = new InputSynapses(1, BINARY_WEIGHT, BINARY_SHIFT, INH_EXC_WEIGHT >> BINARY_SHIFT,
                Format.INT8, binaryStdp(), false);

        /** The synapses of {@code --weight-bits bits}. */
        static InputSynapses ofBits(int bits) {
            return switch (bits) {
                case 8 -> EIGHT_BIT;
                case 1 -> BINARY;
                default -> throw new IllegalArgumentException("--weight-bits must be 1 (binary, stochastic binary STDP) or 8 "
                        + "(pair STDP), got " + bits);
            };
        }

        /** Initial input weights (pre-major, {@code inputs × neurons}), drawn from the counter-based generator. */
        int[] initialWeights(int inputs, int neurons, long seed) {
            return bits == 1 ? initialBinaryWeights(inputs, neurons, seed) : DiehlCookNetwork.initialWeights(inputs, neurons, seed);
        }
    }

    /** The excitatory model: v (state 0) and the adaptive threshold θ (state 1, raised by {@code thetaPlus} at a spike; 0: fixed). */
    static NeuronModel excitatory(int thetaPlus) {
        return excitatory(thetaPlus, 0);
    }

    /** {@link #excitatory(int)} whose membrane multiplies its summed input by 2^{@code inputShift}. */
    static NeuronModel excitatory(int thetaPlus, int inputShift) {
        StateSpec v = StateSpec.of("v", Format.INT24).withClamp(EXC_FLOOR, Format.INT24.max())
                .withLeak(Leak.multiplicative(EXC_DECAY)).withReset(Reset.toValue(EXC_RESET)).withInputShift(inputShift);
        StateSpec theta = StateSpec.of("theta", Format.INT24).withClamp(0, Format.INT24.max())
                .withReset(thetaPlus > 0 ? Reset.add(thetaPlus) : Reset.keep());
        return new NeuronModel("diehl-cook-exc", List.of(v, theta), List.of(), Threshold.dynamic(EXC_THRESHOLD, 1),
                EXC_REFRACTORY);
    }

    static NeuronModel inhibitory() {
        StateSpec v = StateSpec.of("v", Format.INT24).withLeak(Leak.multiplicative(INH_DECAY))
                .withReset(Reset.toValue(INH_RESET));
        return new NeuronModel("diehl-cook-inh", List.of(v), List.of(), Threshold.fixed(INH_THRESHOLD), INH_REFRACTORY);
    }

    /** Initial input weights, drawn from the counter-based generator. */
    static int[] initialWeights(int inputs, int neurons, long seed) {
        int[] w = new int[inputs * neurons];
        for (int k = 0; k < w.length; k++) {
            w[k] = 1 + CounterRng.belowBound(CounterRng.bits(seed, 0x44432L, 0, k), INITIAL_WEIGHT_MAX);
        }
        return w;
    }

    /** Initial binary weights: 1 with probability {@link #BINARY_INITIAL_ONES}. */
    static int[] initialBinaryWeights(int inputs, int neurons, long seed) {
        int[] w = new int[inputs * neurons];
        for (int k = 0; k < w.length; k++) {
            w[k] = CounterRng.uniform(seed, 0x44433L, 0, k) < BINARY_INITIAL_ONES ? 1 : 0;
        }
        return w;
    }

    static Plasticity.Rule binaryStdp() {
        return Plasticity.Rule.of(new StochasticBinaryStdp(BINARY_TAU, BINARY_WINDOW, BINARY_P_POTENTIATE, BINARY_P_DEPRESS,
                BINARY_P_UNPAIRED), List.of(), List.of());
    }

    static Plasticity.Rule stdp() {
        return Plasticity.Rule.of(PairStdp.multiplicative(A_PLUS, A_MINUS, STDP_SHIFT, 1, INPUT_WEIGHT.max(),
                Rounding.STOCHASTIC), List.of(TRACE), List.of(TRACE));
    }

    /**
     * The network with input weights {@code weights} (pre-major, {@code inputs × neurons}); with
     * {@code learning} the input projection learns and θ rises by {@code thetaPlus} per spike, else
     * both are frozen (testing).
     */
    static Network build(int inputs, int neurons, int[] weights, boolean learning, int thetaPlus) {
        return build(inputs, neurons, weights, learning, thetaPlus, InputSynapses.EIGHT_BIT);
    }

    /** {@link #build(int, int, int[], boolean, int)} with input synapses of kind {@code synapses}. */
    static Network build(int inputs, int neurons, int[] weights, boolean learning, int thetaPlus, InputSynapses synapses) {
        int[] one = new int[neurons];
        int[] idx = new int[neurons];
        int[] w = new int[neurons];
        for (int i = 0; i < neurons; i++) {
            idx[i] = i;
            one[i] = i;
            w[i] = EXC_INH_WEIGHT;
        }
        int[] lateral = new int[neurons * neurons];
        for (int i = 0; i < neurons; i++) {
            for (int j = 0; j < neurons; j++) {
                lateral[i * neurons + j] = i == j ? 0 : synapses.lateralWeight();
            }
        }
        Projection input = Projection.of(INPUT_EXC, INPUT, EXC, new DenseConnectivity(inputs, neurons, weights),
                synapses.format(), 0);
        return new Network(List.of(new RateSource(INPUT, inputs), new Population(EXC, neurons,
                excitatory(learning ? thetaPlus : 0, synapses.inputShift())), new Population(INH, neurons, inhibitory())),
                List.of(learning ? input.withPlasticity(synapses.plasticity()) : input,
                        Projection.of("exc-inh", EXC, INH, new SparseConnectivity(neurons, neurons, idx, one, w), Format.INT16, 0),
                        Projection.of("inh-exc", INH, EXC, new DenseConnectivity(neurons, neurons, lateral), synapses.lateralFormat(), 0)));
    }

    /**
     * ASP's second pre trace, {@code pre_acc}: +1 per spike (all-to-all), τ ≈ 256 ms, so it counts
     * the input's spikes of about the last presentation (≈ 16 for a white pixel at 63.75 Hz).
     */
    static final TraceSpec PRE_COUNT = new TraceSpec(8, 1, 255, Rounding.STOCHASTIC, TraceSpec.Pairing.ALL_TO_ALL);
    /**
     * ASP's recovery: offset and silent-input depression k in trace units, A = 1 at 2^−3 (a fresh
     * neuron gains up to (128 − 16)/8 = 14 per post spike). The shift and a(n)'s are those chosen on
     * the validation split (docs/learning.md, "Continual learning").
     */
    static final int ASP_OFFSET = 16;
    static final int ASP_K = 32;
    static final int ASP_AMPLITUDE = 1;
    static final int ASP_SHIFT = 3;
    /** a(n) = 1 + n/64: the learning rate halves once the neuron has spiked 64 times (a few images won). */
    static final int ASP_ACTIVITY_SHIFT = 6;
    /** Leak per presentation of a never-active neuron: 1/8 of (w − baseline), ... */
    static final int ASP_LEAK_SHIFT = 3;
    /** ... divided by b(n) = 1 + n: a neuron that has spiked 1,000 times forgets 1/8,000 per presentation. */
    static final int ASP_LEAK_ACTIVITY_SHIFT = 0;
    /** What an unused weight decays to: the mean weight after normalisation, 78·256/784 ≈ 25. */
    static final int ASP_BASELINE = 25;

    /** ASP with the constants above. */
    static final Asp ASP = aspOnInputs(ASP_OFFSET, ASP_K, ASP_SHIFT, ASP_ACTIVITY_SHIFT, ASP_LEAK_SHIFT, ASP_LEAK_ACTIVITY_SHIFT,
            ASP_BASELINE);

    /** ASP on the input weights, A = 1, traces x_pre = {@link #TRACE} and pre_acc = {@link #PRE_COUNT}, bounds [1, 255] as the STDP run's. */
    static Asp aspOnInputs(int offset, int k, int shift, int activityShift, int leakShift, int leakActivityShift, int baseline) {
        return new Asp(0, 1, ASP_AMPLITUDE, offset, k, shift, activityShift, leakShift, leakActivityShift, baseline, 1,
                INPUT_WEIGHT.max());
    }

    /** {@code rule} (from {@link #aspOnInputs}) as the input projection's plasticity. */
    static Plasticity.Rule asp(Asp rule) {
        return Plasticity.Rule.of(rule, List.of(TRACE, PRE_COUNT), List.of(TRACE));
    }

    /** {@code network} (from {@link #build} with learning) with its input projection learning by {@code rule} instead. */
    static Network withInputRule(Network network, Plasticity.Rule rule) {
        return new Network(network.nodes(), network.projections().stream()
                .map(p -> p.name().equals(INPUT_EXC) ? p.withPlasticity(rule) : p).toList(), network.coreCapacity(),
                network.semantics());
    }
}
