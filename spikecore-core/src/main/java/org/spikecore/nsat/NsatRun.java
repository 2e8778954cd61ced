package org.spikecore.nsat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikecore.SpikecoreException;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.fixed.Format;
import org.spikecore.learn.Plasticity;
import org.spikecore.model.ArraySource;
import org.spikecore.model.CoreSemantics;
import org.spikecore.model.Coupling;
import org.spikecore.model.Leak;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Node;
import org.spikecore.model.Noise;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;
import org.spikecore.model.Reset;
import org.spikecore.model.SparseConnectivity;
import org.spikecore.model.StateSpec;
import org.spikecore.model.Threshold;

/**
 * Runs an {@link NsatConfig} on the engine under {@link CoreSemantics#NSAT} and returns what NSAT's
 * monitors record. With {@code bm_rng_on} the draws replay NSAT's PCG32 stream.
 */
public final class NsatRun {

    /** An A exponent at or below this is NSAT's "off". */
    static final int OFF = -16;
    private static final String INPUTS = "in";

    private NsatRun() {
    }

    /**
     * What a run recorded, in NSAT's tick numbers.
     *
     * @param states       {@code states[t][neuron][state]}, t = 0 .. ticks−1
     * @param spikes       per neuron, its spike ticks
     * @param finalWeights per synapse of the configuration, in its order
     * @param weightTrace  {@code weightTrace[t][j]}: the weight of synapse j at the end of tick t
     *                     when learning is on, else null
     */
    public record Trace(int[][][] states, int[][] spikes, int[] finalWeights, int[][] weightTrace) {
    }

    /** Simulates {@code config} and records every state of every tick. */
    public static Trace run(NsatConfig config) {
        Network network = network(config);
        boolean learning = config.globals().learningOn();
        int n = config.neurons().size();
        int states = config.stateCount();
        int[][][] x = new int[config.ticks()][n][states];
        for (int j = 0; j < n; j++) {
            x[0][j] = config.neurons().get(j).initial().clone();
        }
        List<SpikeRecorder> recorders = new ArrayList<>();
        int[][] weightTrace = learning ? new int[config.ticks()][] : null;
        int[] weights = config.synapses().stream().mapToInt(NsatConfig.Synapse::weight).toArray();
        try (Simulation sim = new Simulation(network, config.globals().seed(), 1, true)) {
            for (int j = 0; j < n; j++) {
                recorders.add(sim.recordSpikes(neuronName(j)));
            }
            if (learning) {
                weightTrace[0] = weights.clone();
            }
            for (int t = 1; t < config.ticks(); t++) {
                sim.run(1);
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < states; k++) {
                        x[t][j][k] = sim.state(neuronName(j), 0, k);
                    }
                }
                if (learning) {
                    weightTrace[t] = weights(config, sim);
                }
            }
            if (learning) {
                weights = weightTrace[config.ticks() - 1];
            }
        }
        int[][] spikes = new int[n][];
        for (int j = 0; j < n; j++) {
            int[] engineTicks = recorders.get(j).ticks();
            spikes[j] = new int[engineTicks.length];
            for (int s = 0; s < engineTicks.length; s++) {
                spikes[j][s] = engineTicks[s] + 1;
            }
        }
        return new Trace(x, spikes, weights, weightTrace);
    }

    /** Every synapse's weight now, in the configuration's order. */
    private static int[] weights(NsatConfig config, Simulation sim) {
        int[] w = new int[config.synapses().size()];
        for (int j = 0; j < w.length; j++) {
            NsatConfig.Synapse s = config.synapses().get(j);
            w[j] = sim.weight(projectionName(s.preIsInput() ? INPUTS : neuronName(s.pre()), s.post(), s.state()),
                    s.preIsInput() ? s.pre() : 0, 0);
        }
        return w;
    }

    private static String projectionName(String pre, int post, int state) {
        return pre + "->" + neuronName(post) + ".x" + state;
    }

    /** The engine network of {@code config}: one population per neuron, all on one core. */
    public static Network network(NsatConfig config) {
        List<Node> nodes = new ArrayList<>();
        if (config.inputCount() > 0) {
            nodes.add(inputs(config));
        }
        for (int j = 0; j < config.neurons().size(); j++) {
            nodes.add(new Population(neuronName(j), 1, model(config, j)));
        }
        int capacity = config.neurons().size() * config.stateCount();
        CoreSemantics rules = config.globals().rngOn()
                ? CoreSemantics.NSAT.withRandom(new CoreSemantics.RandomSource.NsatPcg32(config.globals().sequence()))
                : CoreSemantics.NSAT;
        return new Network(nodes, projections(config), capacity, rules);
    }

    static String neuronName(int j) {
        return "n" + j;
    }

    private static ArraySource inputs(NsatConfig config) {
        List<int[]> events = new ArrayList<>();
        for (Map.Entry<Integer, int[]> e : config.inputSpikes().entrySet()) {
            for (int t : e.getValue()) {
                // NSAT reads tick t's events in tick t and they act in t+1, as a spike of engine tick t−1
                if (t >= 1 && t < config.ticks()) {
                    events.add(new int[] {t - 1, e.getKey()});
                }
            }
        }
        events.sort((p, q) -> p[0] != q[0] ? Integer.compare(p[0], q[0]) : Integer.compare(p[1], q[1]));
        int[] ticks = events.stream().mapToInt(ev -> ev[0]).toArray();
        int[] neurons = events.stream().mapToInt(ev -> ev[1]).toArray();
        return new ArraySource(INPUTS, config.inputCount(), ticks, neurons);
    }

    /** Neuron {@code j}'s parameters as the general neuron model. */
    static NeuronModel model(NsatConfig config, int j) {
        NsatConfig.Neuron p = config.neurons().get(j);
        int states = config.stateCount();
        String where = "config.neurons[" + j + "]";
        List<StateSpec> specs = new ArrayList<>();
        List<Coupling> couplings = new ArrayList<>();
        for (int k = 0; k < states; k++) {
            int lo = p.lower()[k];
            int hi = p.upper()[k];
            if (lo > hi) {
                throw new SpikecoreException(where + ".x_thlow[" + k + "] = " + lo + " is above x_thup[" + k + "] = " + hi);
            }
            Format format = Format.signedInt(bitsFor(lo, hi));
            int init = p.initial()[k];
            if (init < lo || init > hi) {
                throw new SpikecoreException(where + ".x_init[" + k + "] = " + init + " is outside [x_thlow, x_thup] = ["
                        + lo + ", " + hi + "]");
            }
            Reset reset = p.resetOn()[k] ? Reset.toValue(Math.max(lo, Math.min(hi, p.resetValue()[k])))
                    : p.spikeIncrement()[k] == 0 ? Reset.keep() : Reset.add(p.spikeIncrement()[k]);
            if (Math.abs(p.gain()[k]) > 24) {
                throw new SpikecoreException(where + ".w_gain[" + k + "] = " + p.gain()[k] + " is outside -24..24");
            }
            Noise noise = p.sigma()[k] == 0 ? Noise.none() : new Noise.Gaussian(Math.abs(p.sigma()[k]));
            Leak leak = Leak.none();
            for (int src = 0; src < states; src++) {
                int exponent = p.a()[k][src];
                int sign = p.signs()[k][src];
                if (exponent <= OFF) {
                    continue;
                }
                if (sign != 1 && sign != -1) {
                    throw new SpikecoreException(where + ".sA[" + k + "][" + src + "] = " + sign + " must be 1 or -1");
                }
                if (exponent > 15) {
                    throw new SpikecoreException(where + ".A[" + k + "][" + src + "] = " + exponent + " is above 15");
                }
                if (src == k && sign == -1 && exponent < 0) {
                    leak = Leak.shift(-exponent); // x − one_bit_shift(x, a): NSAT's leak
                } else {
                    couplings.add(Coupling.of(k, src, sign, -exponent));
                }
            }
            specs.add(new StateSpec("x" + k, format, lo, hi, leak, p.bias()[k], noise, p.gain()[k], reset, init));
        }
        if (p.refractory() < 0) {
            throw new SpikecoreException(where + ".t_ref = " + p.refractory() + " must be >= 0");
        }
        if (p.thresholdFromState1() && states < 2) {
            throw new SpikecoreException(where + ".flag_Xth is true but the neuron has no state 1");
        }
        Threshold threshold = p.thresholdFromState1() ? Threshold.dynamic(0, 1) : Threshold.fixed(p.threshold());
        return new NeuronModel("nsat-" + j, specs, couplings, threshold, p.refractory());
    }

    /** The narrowest signed width holding [lo, hi] (at least 16 bits, NSAT's state width). */
    private static int bitsFor(int lo, int hi) {
        int bits = 16;
        while (bits < 32 && (lo < -(1L << (bits - 1)) || hi > (1L << (bits - 1)) - 1)) {
            bits++;
        }
        return bits;
    }

    /**
     * NSAT blanks out all posts of a pre's list with the probability of its first post, so a post
     * with probability 0 in a list whose other posts transmit would still transmit sometimes; the
     * engine drops probability-0 synapses, so such a list is refused rather than run differently.
     */
    private static void refuseMixedBlankOut(NsatConfig config) {
        for (NsatConfig.Synapse s : config.synapses()) {
            if (config.neurons().get(s.post()).probability()[s.state()] != 0) {
                continue;
            }
            for (NsatConfig.Synapse other : config.synapses()) {
                if (other.preIsInput() == s.preIsInput() && other.pre() == s.pre() && other.state() == s.state()
                        && config.neurons().get(other.post()).probability()[other.state()] != 0) {
                    throw new SpikecoreException("not supported yet: the synapses of " + s.preName() + " into state "
                            + s.state() + " mix prob 0 with other blank-out probabilities (NSAT applies the first post's"
                            + " to all)");
                }
            }
        }
    }

    /** The synapses of one projection: from node {@code pre} into state {@code state} of neuron {@code post}. */
    private record Group(String pre, int post, int state) {
    }

    /** A learning synapse must be its own: repeated pairs would be summed into one. */
    private static void refuseRepeatedPairs(NsatConfig config) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (NsatConfig.Synapse s : config.synapses()) {
            if (!seen.add(s.preName() + "|" + s.post() + "|" + s.state())) {
                throw new SpikecoreException("not supported yet: learning on a repeated synapse " + s.preName() + " -> n"
                        + s.post() + " state " + s.state());
            }
        }
    }

    /** The plasticity of the synapses into state {@code state} of neuron {@code post}. */
    private static Plasticity plasticity(NsatConfig config, int post, int state) {
        if (!config.globals().learningOn()) {
            return Plasticity.none();
        }
        NsatConfig.Neuron n = config.neurons().get(post);
        NsatConfig.Learning group = n.learning().get(state);
        if (!group.plastic()) {
            return Plasticity.none();
        }
        if (!config.globals().weightCheck()) {
            throw new SpikecoreException("not supported yet: learning without w_check (unbounded weights)");
        }
        return new Plasticity.Nsat(group.kernel(), group.stdpEnabled(), group.roundingBits(), n.modulatorState(),
                config.globals().learningGated() ? n.gate() : null, config.globals().tstdpMax());
    }

    /** One projection per (pre, post neuron, target state), weights summed where a pair repeats. */
    private static List<Projection> projections(NsatConfig config) {
        refuseMixedBlankOut(config);
        if (config.globals().learningOn()) {
            refuseRepeatedPairs(config);
        }
        Map<Group, Map<Integer, Integer>> groups = new LinkedHashMap<>();
        for (NsatConfig.Synapse s : config.synapses()) {
            Group key = new Group(s.preIsInput() ? INPUTS : neuronName(s.pre()), s.post(), s.state());
            groups.computeIfAbsent(key, g -> new java.util.TreeMap<>()).merge(s.preIsInput() ? s.pre() : 0, s.weight(),
                    Integer::sum);
        }
        List<Projection> out = new ArrayList<>();
        for (Map.Entry<Group, Map<Integer, Integer>> g : groups.entrySet()) {
            String pre = g.getKey().pre();
            int post = g.getKey().post();
            int state = g.getKey().state();
            int preSize = pre.equals(INPUTS) ? config.inputCount() : 1;
            int[] pres = g.getValue().keySet().stream().mapToInt(Integer::intValue).toArray();
            int[] ws = g.getValue().values().stream().mapToInt(Integer::intValue).toArray();
            // NSAT adds each synapse's weight on its own: a repeated pair's sum may need more bits
            long widest = java.util.Arrays.stream(ws).mapToLong(w -> Math.abs((long) w)).max().orElse(0);
            int bits = config.globals().weightBoundary() + 1;
            while (bits < 16 && widest >= (1L << (bits - 1))) {
                bits++;
            }
            Format weights = Format.signedInt(bits);
            int probability = config.neurons().get(post).probability()[state];
            if (probability < 0 || probability > 15) {
                throw new SpikecoreException("config.neurons[" + post + "].prob[" + state + "] = " + probability
                        + " must be 0..15");
            }
            if (probability == 0) {
                continue; // never transmits
            }
            out.add(new Projection(projectionName(pre, post, state), pre, neuronName(post),
                    new SparseConnectivity(preSize, 1, pres, new int[pres.length], ws), weights, state, 1,
                    probability / 15.0).withPlasticity(plasticity(config, post, state)));
        }
        return out;
    }
}
