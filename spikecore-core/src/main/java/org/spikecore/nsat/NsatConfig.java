package org.spikecore.nsat;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One NSAT case's configuration in NSAT's names and units (see the fixture README of
 * {@code shared/fixtures/nsat}): all values are plain integers.
 *
 * @param ticks       NSAT's {@code sim_ticks}: ticks 1..ticks−1 are simulated
 * @param inputCount  external inputs {@code in0 .. in(n−1)}
 * @param stateCount  state units per neuron
 * @param globals     the core-wide settings
 * @param neurons     every neuron's parameters, in index order
 * @param synapses    every synapse, in the case's order (final weights are reported in it)
 * @param inputSpikes per external input index, the ticks at which it spikes
 */
public record NsatConfig(int ticks, int inputCount, int stateCount, Globals globals, List<Neuron> neurons,
        List<Synapse> synapses, Map<Integer, int[]> inputSpikes) {

    public NsatConfig {
        Objects.requireNonNull(globals, "globals");
        neurons = List.copyOf(neurons);
        synapses = List.copyOf(synapses);
        inputSpikes = Map.copyOf(inputSpikes);
        if (ticks < 1) {
            throw new IllegalArgumentException("config.ticks must be at least 1, got " + ticks);
        }
        if (stateCount < 1 || stateCount > org.spikecore.model.NeuronModel.MAX_STATES) {
            throw new IllegalArgumentException("config.n_states must be 1.." + org.spikecore.model.NeuronModel.MAX_STATES
                    + ", got " + stateCount);
        }
        if (neurons.isEmpty()) {
            throw new IllegalArgumentException("config.neurons is empty: a case needs at least one neuron");
        }
        for (Synapse s : synapses) {
            if (s.post() < 0 || s.post() >= neurons.size()) {
                throw new IllegalArgumentException("config.synapses: post " + s.post() + " is not a neuron (0.."
                        + (neurons.size() - 1) + ")");
            }
            int preCount = s.preIsInput() ? inputCount : neurons.size();
            if (s.pre() < 0 || s.pre() >= preCount) {
                throw new IllegalArgumentException("config.synapses: pre " + s.preName() + " does not exist");
            }
            if (s.state() < 0 || s.state() >= stateCount) {
                throw new IllegalArgumentException("config.synapses: state " + s.state() + " of " + s.preName() + " -> n"
                        + s.post() + " is not a state (0.." + (stateCount - 1) + ")");
            }
        }
        for (int input : inputSpikes.keySet()) {
            if (input < 0 || input >= inputCount) {
                throw new IllegalArgumentException("config.input_spikes: in" + input + " is not an input (0.."
                        + (inputCount - 1) + ")");
            }
        }
    }

    /**
     * Core-wide settings.
     *
     * @param learningOn    NSAT's {@code learning_on}
     * @param learningGated {@code learning_gated}: learning needs each neuron's gate open
     * @param tstdpMax      {@code tstdpmax}: the forward table's window (used when learning)
     * @param weightCheck   {@code w_check}: weights are clamped to the weight range
     * @param weightBoundary {@code w_boundary}: the weight range is [−2^b, 2^b − 1]
     * @param rngOn         {@code bm_rng_on}: PCG32 seeded with ({@code seed}, {@code s_seq})
     * @param seed          PCG32's initial state
     * @param sequence      PCG32's sequence ({@code s_seq})
     */
    public record Globals(boolean learningOn, boolean learningGated, int tstdpMax, boolean weightCheck,
            int weightBoundary, boolean rngOn, long seed, long sequence) {
        public Globals {
            if (weightBoundary < 1 || weightBoundary > 15) {
                throw new IllegalArgumentException("config.globals.w_boundary must be 1..15, got " + weightBoundary);
            }
        }
    }

    /**
     * One neuron's parameters (its parameter group expanded).
     *
     * @param initial    {@code x_init[k]}
     * @param a          {@code A[dst][src]}: shift exponents, −16 (or lower) = off
     * @param signs      {@code sA[dst][src]}: ±1
     * @param bias       {@code b[k]}
     * @param threshold  {@code x_thr}
     * @param thresholdFromState1 {@code flag_Xth}: spike when x0 ≥ x1
     * @param resetOn    {@code reset_on[k]}
     * @param resetValue {@code x_reset_used[k]} (after NSAT's load-time replacement)
     * @param spikeIncrement {@code x_spike_incr[k]}
     * @param upper      {@code x_thup[k]}
     * @param lower      {@code x_thlow[k]}
     * @param refractory {@code t_ref}
     * @param gain       {@code w_gain[k]}
     * @param probability {@code prob[k]}: blank-out probability ×15 (15 = always transmit)
     * @param sigma      {@code sigma[k]}: Gaussian noise amplitude, 0 = none
     * @param modulatorState {@code modg_state}: the state learning reads as its modulator
     * @param gate       {@code gate_low}, {@code gate_upper}, {@code period}, {@code burn_in}
     * @param learning   per state, the learning group of the synapses into it (empty without learning)
     */
    public record Neuron(int[] initial, int[][] a, int[][] signs, int[] bias, int threshold, boolean thresholdFromState1,
            boolean[] resetOn, int[] resetValue, int[] spikeIncrement, int[] upper, int[] lower, int refractory,
            int[] gain, int[] probability, int[] sigma, int modulatorState, org.spikecore.learn.LearningGate gate,
            List<Learning> learning) {
    }

    /**
     * One learning group ({@code learning[k]} of a neuron): whether the synapses into that state learn,
     * and how.
     *
     * @param plastic      {@code plastic}
     * @param stdpEnabled  {@code stdp_en}: the STDP kernel, else the modulated branch
     * @param kernel       {@code tstdp}, {@code tca}, {@code hica}, ..., {@code stdp_exp_on}
     * @param roundingBits {@code rr_num_bits} when {@code rr_on}, else −1
     */
    public record Learning(boolean plastic, boolean stdpEnabled, org.spikecore.learn.NsatKernel kernel,
            int roundingBits) {
    }

    /**
     * One synapse: {@code pre} is input {@code in<pre>} when {@code preIsInput}, else neuron
     * {@code n<pre>}; {@code weight} is the loaded (clamped) weight.
     */
    public record Synapse(boolean preIsInput, int pre, int post, int state, int weight) {
        /** {@code "inK"} or {@code "nK"}, as the case names it. */
        public String preName() {
            return (preIsInput ? "in" : "n") + pre;
        }
    }
}
