package org.spikecore.data;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Format;
import org.spikecore.model.BernoulliSource;
import org.spikecore.model.Coupling;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Node;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;
import org.spikecore.model.Reset;
import org.spikecore.model.SparseConnectivity;
import org.spikecore.model.StateSpec;
import org.spikecore.model.Threshold;

/**
 * The networks the peers benchmark (shared/peers), built in integer form. Every random choice comes
 * from the counter-based generator, so a seed fixes the network.
 */
public final class BenchmarkNetworks {

    /** CUBA: units of membrane potential per mV. */
    public static final int CUBA_UNITS_PER_MV = 1024;
    /** CUBA: fractional bits the synaptic currents keep beyond the membrane's. */
    public static final int CURRENT_EXTRA_BITS = 6;

    private BenchmarkNetworks() {
    }

    /**
     * Vogels–Abbott CUBA (Brette et al. 2007, benchmark 2, as Brian2's example) at dt = 0.1 ms in
     * 16-bit fixed point. States: v (membrane relative to E_L = −49 mV, 1024 units per mV), ie and ii,
     * the excitatory and inhibitory synaptic currents already scaled by dt/τ_m and kept with 6 more
     * fractional bits than v, so they add {@code ie >> 6} to v each tick (without the extra bits a
     * one-spike current of 8 units would leak away linearly by the one-unit rule and lose 90 % of its
     * charge). Decays per tick (shift leaks plus one power-of-two correction each):
     * <ul>
     * <li>v: 1 − 2^−8 − 2^−10 = 0.995117 (τ_m = 20.4 ms; Brian 20 ms);</li>
     * <li>ie: 1 − 2^−6 − 2^−8 = 0.980469 (τ_e = 5.07 ms; Brian 5 ms);</li>
     * <li>ii: 1 − 2^−7 − 2^−9 = 0.990234 (τ_i = 10.2 ms; Brian 10 ms).</li>
     * </ul>
     * Weights (16-bit): w_e = 1.62 mV·dt/τ_m·1024·64 = 530.8 → 531, w_i = −9 mV·dt/τ_m·1024·64 = −2949.
     * Threshold −50 mV → v ≥ −1024; reset to −60 mV = −11264; refractory 5 ms = 50 ticks; initial v
     * uniform in [V_r, V_t). Each neuron has exactly {@code fanOut} targets (Brian draws each pair with
     * p = fanOut/N, giving the same mean), no self-connections; the first 80 % are excitatory.
     */
    public static Network cuba(int neurons, int fanOut, long seed, int coreCapacity) {
        if (neurons < 10 || fanOut < 1 || fanOut >= neurons) {
            throw new IllegalArgumentException("CUBA needs at least 10 neurons and 1 <= fan-out < neurons, got "
                    + neurons + " neurons, fan-out " + fanOut);
        }
        Format s16 = Format.INT16;
        int mv = CUBA_UNITS_PER_MV;
        NeuronModel model = new NeuronModel("cuba-lif",
                List.of(StateSpec.of("v", s16).withLeak(8).withReset(Reset.toValue(-11 * mv)),
                        StateSpec.of("ie", s16).withLeak(6), StateSpec.of("ii", s16).withLeak(7)),
                List.of(Coupling.of(0, 0, -1, 10), Coupling.of(1, 1, -1, 8), Coupling.of(2, 2, -1, 9),
                        Coupling.of(0, 1, 1, CURRENT_EXTRA_BITS), Coupling.of(0, 2, 1, CURRENT_EXTRA_BITS)),
                Threshold.fixed(-mv), 50);
        int[] v0 = new int[neurons];
        for (int i = 0; i < neurons; i++) {
            v0[i] = -11 * mv + CounterRng.belowBound(CounterRng.bits(seed, 1, 0, i), 10 * mv);
        }
        int excitatory = neurons * 4 / 5;
        int[] pres = new int[neurons * fanOut];
        int[] posts = new int[neurons * fanOut];
        int[] weights = new int[neurons * fanOut];
        boolean[] chosen = new boolean[neurons];
        int[] targets = new int[fanOut];
        int k = 0;
        for (int i = 0; i < neurons; i++) {
            int found = 0;
            long draw = 0;
            while (found < fanOut) {
                int j = CounterRng.belowBound(CounterRng.bits(seed, 2, i, draw++), neurons);
                if (j != i && !chosen[j]) {
                    chosen[j] = true;
                    targets[found++] = j;
                }
            }
            java.util.Arrays.sort(targets);
            for (int j : targets) {
                chosen[j] = false;
                pres[k] = i;
                posts[k] = j;
                weights[k++] = i < excitatory ? 531 : -2949;
            }
        }
        // Two projections so that excitatory and inhibitory inputs reach their own current states.
        int exSyn = excitatory * fanOut;
        SparseConnectivity exc = new SparseConnectivity(neurons, neurons, java.util.Arrays.copyOf(pres, exSyn),
                java.util.Arrays.copyOf(posts, exSyn), java.util.Arrays.copyOf(weights, exSyn));
        SparseConnectivity inh = new SparseConnectivity(neurons, neurons,
                java.util.Arrays.copyOfRange(pres, exSyn, pres.length), java.util.Arrays.copyOfRange(posts, exSyn, posts.length),
                java.util.Arrays.copyOfRange(weights, exSyn, weights.length));
        Format w16 = Format.INT16;
        List<Node> nodes = List.of(new Population("cuba", neurons, model, v0));
        return new Network(nodes, List.of(new Projection("exc", "cuba", "cuba", exc, w16, 1, 1, 1.0),
                new Projection("inh", "cuba", "cuba", inh, w16, 2, 1, 1.0)), coreCapacity);
    }

    /** FF: membrane units per 1.0 of the peers' float model (threshold 1.0 = 512). */
    public static final int FF_UNITS = 512;

    /**
     * The peers' 784-500-500-10 LIF network (shared/peers/snn_torch.py) in integer form: Bernoulli
     * input with p = 0.1 per input per tick; weights and biases uniform in ±gain/sqrt(fan_in) (PyTorch's
     * nn.Linear init times gain 3) quantized to int8 with 512 units per 1.0; snnTorch-style LIF with
     * β ≈ 0.906 (1 − 2^−4 − 2^−5), threshold 1.0 = 512, reset by subtraction. Each layer has a delay of one
     * tick (the peers chain the layers within one step; the spike counts differ by that shift, not in kind).
     * Per-neuron biases arrive from an always-on one-neuron source named {@code bias}.
     */
    public static Network feedForward(double inputRate, double gain, long seed, int coreCapacity) {
        int[] sizes = {784, 500, 500, 10};
        NeuronModel[] models = new NeuronModel[3];
        List<Node> nodes = new ArrayList<>();
        nodes.add(new BernoulliSource("input", 784, inputRate));
        List<Projection> projections = new ArrayList<>();
        for (int l = 0; l < 3; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double bound = gain / Math.sqrt(in);
            int[] w = new int[in * out];
            for (int i = 0; i < w.length; i++) {
                w[i] = quantize((2 * CounterRng.uniform(seed, 10 + l, 0, i) - 1) * bound);
            }
            // Biases differ per neuron, so they come from a one-neuron source that spikes every tick
            // (a bias neuron, as on NSAT-class chips) through a 1 x out projection.
            int[] b = new int[out];
            for (int j = 0; j < out; j++) {
                b[j] = quantize((2 * CounterRng.uniform(seed, 20 + l, 0, j) - 1) * bound);
            }
            models[l] = lifModel();
            String name = l == 2 ? "output" : "hidden" + (l + 1);
            String pre = l == 0 ? "input" : "hidden" + l;
            nodes.add(new Population(name, out, models[l]));
            projections.add(new Projection(pre + "->" + name, pre, name, new DenseConnectivity(in, out, w), Format.INT8, 0, 1, 1.0));
            projections.add(new Projection("bias->" + name, "bias", name, new DenseConnectivity(1, out, b), Format.INT8, 0, 1, 1.0));
        }
        nodes.add(1, new BernoulliSource("bias", 1, 1.0));
        return new Network(nodes, projections, coreCapacity);
    }

    private static NeuronModel lifModel() {
        return new NeuronModel("lif-snntorch",
                List.of(StateSpec.of("v", Format.INT16).withLeak(4).withReset(Reset.add(-FF_UNITS))),
                List.of(Coupling.of(0, 0, -1, 5)), Threshold.fixed(FF_UNITS + 1), 0);
    }

    private static int quantize(double x) {
        return (int) Math.max(-128, Math.min(127, Math.rint(x * FF_UNITS)));
    }
}
