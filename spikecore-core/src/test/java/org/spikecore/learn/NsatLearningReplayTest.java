package org.spikecore.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spikecore.fixed.Fixed;
import org.spikecore.fixed.Pcg32;

/**
 * NSAT's learning replayed with this package's pieces against the golden cases the NSAT C
 * simulator made: from the recorded spikes and states, the forward table, the kernel, the gate,
 * NSAT's update order, its per-update clamp and its randomized rounding on PCG32 must give the
 * weight of every synapse at every tick, bit for bit. (The neuron dynamics are the engine's; here
 * the states come from the trace. In these cases the modulator state is never reset, so the
 * recorded state is also its pre-reset value; the gate's pre-reset membrane of a neuron that spiked
 * is recomputed from the previous tick.)
 */
class NsatLearningReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"stdp_box", "stdp_exp", "gated_stdp", "erbp_rr"})
    void everyWeightOfEveryTickMatchesNsat(String name) throws IOException {
        Case c = Case.load(name);
        int[] w = new int[c.pre.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = c.wLoaded[j];
        }
        assertThat(w).as("tick 0").containsExactly(c.trace[0]);
        SpikeClock inputs = new SpikeClock(c.nInputs, SpikeClock.NSAT_NEVER);
        SpikeClock neurons = new SpikeClock(c.nNeurons, SpikeClock.NSAT_NEVER);
        int[] latched = new int[c.nNeurons];
        Pcg32 rng = new Pcg32(c.seed, c.sSeq);
        int[] candidates = new int[c.nInputs + c.nNeurons];
        for (int t = 1; t < c.ticks; t++) {
            int[] ext = c.inputsAt(t);
            int[] fired = c.firedAt(t);
            int[] gateValue = c.preResetMembrane(t, fired);
            // (a) causal, input pres; (b) causal, neuron pres; (c), (d) acausal
            int n = NsatForwardTable.causalCandidates(t, ext, ext.length, inputs, c.tstdpmax, candidates);
            causal(c, w, candidates, n, false, inputs, neurons, latched, gateValue, t, rng);
            n = NsatForwardTable.causalCandidates(t, fired, fired.length, neurons, c.tstdpmax, candidates);
            causal(c, w, candidates, n, true, neurons, neurons, latched, gateValue, t, rng);
            acausal(c, w, ext, false, neurons, gateValue, t, rng);
            acausal(c, w, fired, true, neurons, gateValue, t, rng);
            for (int i : ext) {
                inputs.record(i, t);
            }
            for (int i : fired) {
                neurons.record(i, t);
                latched[i] = c.x[t][i][c.modState[i]];
            }
            assertThat(w).as("%s: weights at the end of tick %d", name, t).containsExactly(c.trace[t]);
        }
    }

    private static void causal(Case c, int[] w, int[] candidates, int n, boolean neuronPres, SpikeClock preClock,
            SpikeClock postClock, int[] latched, int[] gateValue, int t, Pcg32 rng) {
        for (int q = 0; q < n; q++) {
            int pre = candidates[q];
            for (int j : c.listOf(pre, neuronPres)) {
                int post = c.post[j];
                if (!c.learns(j, gateValue[post], t) || !c.kernelOn[post]) {
                    continue;
                }
                int lastPost = postClock.last(post);
                int lastPre = preClock.last(pre);
                if (NsatForwardTable.causalDue(lastPost, lastPre)) {
                    apply(c, w, j, NsatForwardTable.causalDw(c.kernel[post], latched[post], lastPost, lastPre), rng);
                }
            }
        }
    }

    private static void acausal(Case c, int[] w, int[] pres, boolean neuronPres, SpikeClock postClock,
            int[] gateValue, int t, Pcg32 rng) {
        for (int pre : pres) {
            for (int j : c.listOf(pre, neuronPres)) {
                int post = c.post[j];
                if (!c.learns(j, gateValue[post], t)) {
                    continue;
                }
                int m = c.x[t][post][c.modState[post]];
                int dw = c.kernelOn[post] ? NsatForwardTable.acausalDw(c.kernel[post], m, postClock.last(post), t)
                        : NsatForwardTable.modulatedDw(m, c.kernel[post].firstAcausalExponent());
                apply(c, w, j, dw, rng);
            }
        }
    }

    private static void apply(Case c, int[] w, int j, int dw, Pcg32 rng) {
        int post = c.post[j];
        int change = c.rrBits[post] >= 0 ? rng.nsatRandomizedRound(dw, c.rrBits[post]) : dw;
        w[j] = Math.max(c.wMin, Math.min(c.wMax, w[j] + change));
    }

    /** One golden learning case, read into arrays (all synapses of these cases target state 0 or 1). */
    static final class Case {
        int ticks;
        int nInputs;
        int nNeurons;
        int tstdpmax;
        int wMin;
        int wMax;
        long seed;
        long sSeq;
        boolean gated;
        int[] pre;
        boolean[] preIsNeuron;
        int[] post;
        int[] state;
        int[] wLoaded;
        int[][] trace;
        int[][][] x;
        List<List<Integer>> inputTicks = new ArrayList<>();
        List<List<Integer>> spikeTicks = new ArrayList<>();
        NsatKernel[] kernel;
        boolean[] kernelOn;
        boolean[][] plastic;
        int[] rrBits;
        int[] modState;
        int[] leakShift;
        LearningGate[] gate;

        @SuppressWarnings("unchecked")
        static Case load(String name) throws IOException {
            String text;
            try (InputStream in = NsatLearningReplayTest.class.getResourceAsStream("/nsat/" + name + ".json")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, Object> root = (Map<String, Object>) MiniJson.parse(text);
            Map<String, Object> cfg = (Map<String, Object>) root.get("config");
            Map<String, Object> out = (Map<String, Object>) root.get("output");
            Map<String, Object> g = (Map<String, Object>) cfg.get("globals");
            Case c = new Case();
            c.ticks = num(cfg.get("ticks"));
            c.nInputs = num(cfg.get("n_inputs"));
            c.nNeurons = num(cfg.get("n_neurons"));
            c.tstdpmax = num(g.get("tstdpmax"));
            List<Object> range = (List<Object>) g.get("weight_range");
            c.wMin = num(range.get(0));
            c.wMax = num(range.get(1));
            c.seed = num(g.get("seed"));
            c.sSeq = num(g.get("s_seq"));
            c.gated = (Boolean) g.get("learning_gated");
            List<Object> neurons = (List<Object>) cfg.get("neurons");
            int nn = c.nNeurons;
            c.kernel = new NsatKernel[nn];
            c.kernelOn = new boolean[nn];
            c.plastic = new boolean[nn][];
            c.rrBits = new int[nn];
            c.modState = new int[nn];
            c.leakShift = new int[nn];
            c.gate = new LearningGate[nn];
            for (int i = 0; i < nn; i++) {
                Map<String, Object> n = (Map<String, Object>) neurons.get(i);
                List<Object> learning = (List<Object>) n.get("learning");
                c.plastic[i] = new boolean[learning.size()];
                for (int k = 0; k < learning.size(); k++) {
                    c.plastic[i][k] = (Boolean) ((Map<String, Object>) learning.get(k)).get("plastic");
                }
                Map<String, Object> l0 = (Map<String, Object>) learning.get(0);
                c.kernel[i] = new NsatKernel(num(l0.get("tstdp")), ints(l0.get("tca")), ints(l0.get("hica")),
                        ints(l0.get("sica")), ints(l0.get("slca")), ints(l0.get("tac")), ints(l0.get("hiac")),
                        ints(l0.get("siac")), ints(l0.get("slac")), (Boolean) l0.get("stdp_exp_on"));
                c.kernelOn[i] = (Boolean) l0.get("stdp_en");
                c.rrBits[i] = (Boolean) l0.get("rr_on") ? num(l0.get("rr_num_bits")) : -1;
                c.modState[i] = num(n.get("modg_state"));
                c.leakShift[i] = -num(((List<Object>) ((List<Object>) n.get("A")).get(0)).get(0));
                c.gate[i] = new LearningGate(num(n.get("gate_low")), num(n.get("gate_upper")), num(n.get("period")),
                        num(n.get("burn_in")));
            }
            List<Object> syn = (List<Object>) cfg.get("synapses");
            int ns = syn.size();
            c.pre = new int[ns];
            c.preIsNeuron = new boolean[ns];
            c.post = new int[ns];
            c.state = new int[ns];
            c.wLoaded = new int[ns];
            for (int j = 0; j < ns; j++) {
                Map<String, Object> s = (Map<String, Object>) syn.get(j);
                String p = (String) s.get("pre");
                c.preIsNeuron[j] = p.startsWith("n");
                c.pre[j] = Integer.parseInt(p.substring(c.preIsNeuron[j] ? 1 : 2));
                c.post[j] = num(s.get("post"));
                c.state[j] = num(s.get("state"));
                c.wLoaded[j] = num(s.get("w_loaded"));
            }
            Map<String, Object> inputs = (Map<String, Object>) cfg.get("input_spikes");
            for (int i = 0; i < c.nInputs; i++) {
                c.inputTicks.add(ticks(inputs.get("in" + i)));
            }
            Map<String, Object> spikes = (Map<String, Object>) out.get("spikes");
            for (int i = 0; i < nn; i++) {
                c.spikeTicks.add(ticks(spikes.get("n" + i)));
            }
            List<Object> tr = (List<Object>) out.get("weight_trace");
            c.trace = new int[tr.size()][];
            for (int t = 0; t < tr.size(); t++) {
                c.trace[t] = ints(tr.get(t));
            }
            List<Object> xs = (List<Object>) out.get("x");
            c.x = new int[xs.size()][nn][];
            for (int t = 0; t < xs.size(); t++) {
                for (int i = 0; i < nn; i++) {
                    c.x[t][i] = ints(((List<Object>) xs.get(t)).get(i));
                }
            }
            return c;
        }

        int[] inputsAt(int t) {
            return unitsAt(inputTicks, t);
        }

        int[] firedAt(int t) {
            return unitsAt(spikeTicks, t);
        }

        /** Synapses of (pre, state) in NSAT's list order: states ascending, posts descending. */
        List<Integer> listOf(int unit, boolean neuron) {
            List<Integer> list = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                for (int q = nNeurons - 1; q >= 0; q--) {
                    for (int j = 0; j < pre.length; j++) {
                        if (pre[j] == unit && preIsNeuron[j] == neuron && state[j] == k && post[j] == q) {
                            list.add(j);
                        }
                    }
                }
            }
            return list;
        }

        boolean learns(int j, int gateValue, int t) {
            return plastic[post[j]][state[j]] && (!gated || gate[post[j]].open(gateValue, t));
        }

        /**
         * x'0 of tick t before the reset: the recorded state for a neuron that did not spike; for one
         * that did, the previous state, its leak and the inputs delivered at t−1 with the weights
         * of the end of tick t−2 (accumulation precedes learning).
         */
        int[] preResetMembrane(int t, int[] fired) {
            int[] v = new int[nNeurons];
            for (int i = 0; i < nNeurons; i++) {
                v[i] = x[t][i][0];
            }
            for (int i : fired) {
                long sum = x[t - 1][i][0] - Fixed.leak(x[t - 1][i][0], leakShift[i]);
                if (t >= 2) {
                    for (int j = 0; j < pre.length; j++) {
                        boolean spiked = preIsNeuron[j] ? spikeTicks.get(pre[j]).contains(t - 1)
                                : inputTicks.get(pre[j]).contains(t - 1);
                        if (post[j] == i && state[j] == 0 && spiked) {
                            sum += trace[t - 2][j];
                        }
                    }
                }
                v[i] = (int) sum;
            }
            return v;
        }

        private static int[] unitsAt(List<List<Integer>> ticks, int t) {
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < ticks.size(); i++) {
                if (ticks.get(i).contains(t)) {
                    ids.add(i);
                }
            }
            return ids.stream().mapToInt(Integer::intValue).toArray();
        }

        @SuppressWarnings("unchecked")
        private static List<Integer> ticks(Object o) {
            List<Integer> l = new ArrayList<>();
            if (o != null) {
                for (Object v : (List<Object>) o) {
                    l.add(num(v));
                }
            }
            return l;
        }

        @SuppressWarnings("unchecked")
        private static int[] ints(Object o) {
            return ((List<Object>) o).stream().mapToInt(Case::num).toArray();
        }

        private static int num(Object o) {
            return ((Long) o).intValue();
        }
    }
}
