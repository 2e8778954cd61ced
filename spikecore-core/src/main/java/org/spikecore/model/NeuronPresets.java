package org.spikecore.model;

import java.util.List;
import org.spikecore.fixed.Format;

/**
 * The named neurons of the field, each an instance of the general {@link NeuronModel}. Values are
 * raw integers of 16-bit states unless a preset says otherwise; the Javadoc of each gives its
 * equations in those units (one tick = one time step).
 */
public final class NeuronPresets {

    private static final Format S16 = Format.INT16;

    private NeuronPresets() {
    }

    /**
     * Leaky integrate-and-fire, one state v:
     * {@code v[t+1] = v − sign(v)·max(1,|v|>>leakShift) + in}; spike when {@code v ≥ θ}; then
     * {@code v = 0} (reset to zero) or {@code v −= θ} (reset by subtraction, as snnTorch's Leaky).
     */
    public static NeuronModel lif(int leakShift, int threshold, boolean subtractReset) {
        Reset reset = subtractReset ? Reset.add(-threshold) : Reset.toValue(0);
        return new NeuronModel(subtractReset ? "lif-subtract" : "lif-zero",
                List.of(StateSpec.of("v", S16).withLeak(leakShift).withReset(reset)), List.of(),
                Threshold.fixed(threshold), 0);
    }

    /**
     * LIF with a first-order kinetic synapse: input enters the current i (state 1), which decays and
     * drives v (state 0): {@code i[t+1] = i − leak_s(i) + in}, {@code v[t+1] = v − leak_m(v) + (i >> couplingShift)};
     * spike when {@code v ≥ θ}, then {@code v = 0}.
     */
    public static NeuronModel lifFirstOrderSynapse(int memLeakShift, int synLeakShift, int couplingShift, int threshold) {
        return new NeuronModel("lif-syn1",
                List.of(StateSpec.of("v", S16).withLeak(memLeakShift).withReset(Reset.toValue(0)),
                        StateSpec.of("i", S16).withLeak(synLeakShift)),
                List.of(Coupling.of(0, 1, 1, couplingShift)), Threshold.fixed(threshold), 0);
    }

    /**
     * LIF with a second-order (alpha-like) synapse: input enters s (state 2), s drives i (state 1),
     * i drives v (state 0): {@code s' = s − leak(s) + in}, {@code i' = i − leak(i) + (s >> c)},
     * {@code v' = v − leak(v) + (i >> c)}; spike when {@code v ≥ θ}, then {@code v = 0}. A single
     * input spike gives a current that rises, peaks and decays.
     */
    public static NeuronModel lifSecondOrderSynapse(int memLeakShift, int synLeakShift, int couplingShift, int threshold) {
        return new NeuronModel("lif-syn2",
                List.of(StateSpec.of("v", S16).withLeak(memLeakShift).withReset(Reset.toValue(0)),
                        StateSpec.of("i", S16).withLeak(synLeakShift), StateSpec.of("s", S16).withLeak(synLeakShift)),
                List.of(Coupling.of(0, 1, 1, couplingShift), Coupling.of(1, 2, 1, couplingShift)),
                Threshold.fixed(threshold), 0);
    }

    /**
     * Dual-compartment LIF: a dendrite d (state 1) receives the input and drives the soma v
     * (state 0), which spikes: {@code d' = d − leak(d) + in}, {@code v' = v − leak(v) + (d >> c)};
     * spike when {@code v ≥ θ}, then {@code v = 0} and the dendrite is partly reset
     * ({@code d −= dendriteReset}), so sustained dendritic input is needed to keep firing.
     */
    public static NeuronModel dualCompartment(int somaLeakShift, int dendriteLeakShift, int couplingShift, int threshold,
            int dendriteReset) {
        return new NeuronModel("lif-2comp",
                List.of(StateSpec.of("v", S16).withLeak(somaLeakShift).withReset(Reset.toValue(0)),
                        StateSpec.of("d", S16).withLeak(dendriteLeakShift).withReset(Reset.add(-dendriteReset))),
                List.of(Coupling.of(0, 1, 1, couplingShift)), Threshold.fixed(threshold), 0);
    }

    /** Behaviours of the Mihalas–Niebur neuron shown by {@link #mihalasNiebur}. */
    public enum MihalasNieburMode {
        /** Regular spiking under constant drive. */
        TONIC_SPIKING,
        /** Groups of fast spikes separated by pauses. */
        TONIC_BURSTING,
        /** Inter-spike intervals that lengthen under constant drive. */
        SPIKE_FREQUENCY_ADAPTATION,
        /** A spike after release from hyperpolarisation (drive it with a negative then zero input). */
        REBOUND_SPIKE
    }

    /**
     * Mihalas–Niebur (Neural Computation 2009) in NSAT's four-state form, one tick = 1 ms, 64 units
     * per mV, voltages relative to E_L:
     * <pre>
     * V' = V − leak5(V) − (V >> 6) + I1 + I2 + I_e      (G·dt ≈ 2^−5 + 2^−6 ≈ 0.047 /ms)
     * Θ' = Θ − leak_b(Θ) + a·V                            (the dynamic part of the threshold)
     * I1' = I1 − leak2(I1),  I2' = I2 − leak6(I2) − (I2 >> 8)   (k1 ≈ 0.25, k2 ≈ 0.02 /ms)
     * spike when V ≥ 20 mV + Θ;  then V = 0 (V_r = E_L), I1 = A1, I2 += A2
     * </pre>
     * with per-mode constants: tonic spiking (a = 0, I_e = 1.5 mV/ms), bursting (a ≈ 2^−8,
     * A1 = 10, A2 = −0.6, I_e = 2), adaptation (a ≈ 2^−8 with b ≈ 2^−7, I_e = 1.5), rebound (a = b ≈ 2^−7,
     * no bias: drive it with an inhibitory input, then release it; Θ follows V down, and V recovers
     * faster than Θ). a/b must stay below about 1.2, or a strongly hyperpolarised neuron would find its
     * threshold below its voltage. The input of a
     * projection is added to V (state 0) unless it targets another state.
     */
    public static NeuronModel mihalasNiebur(MihalasNieburMode mode) {
        int mv = 64;
        int bias;
        int aShift; // Θ += V >> aShift, or -1 for a = 0
        int bShift = 7;
        int a1 = 0;
        int a2 = 0;
        switch (mode) {
            case TONIC_SPIKING -> {
                bias = 3 * mv / 2;
                aShift = -1;
            }
            case TONIC_BURSTING -> {
                bias = 2 * mv;
                aShift = 8;
                a1 = 10 * mv;
                a2 = -(6 * mv) / 10;
            }
            case SPIKE_FREQUENCY_ADAPTATION -> {
                bias = 3 * mv / 2;
                aShift = 8;
            }
            case REBOUND_SPIKE -> {
                bias = 0;
                aShift = 7;
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        List<Coupling> couplings = new java.util.ArrayList<>(List.of(Coupling.of(0, 0, -1, 6), Coupling.of(0, 2, 1, 0),
                Coupling.of(0, 3, 1, 0), Coupling.of(3, 3, -1, 8)));
        if (aShift >= 0) {
            couplings.add(Coupling.of(1, 0, 1, aShift));
        }
        return new NeuronModel("mihalas-niebur-" + mode.name().toLowerCase().replace('_', '-'),
                List.of(StateSpec.of("V", S16).withLeak(5).withBias(bias).withReset(Reset.toValue(0)),
                        StateSpec.of("theta", S16).withLeak(bShift),
                        StateSpec.of("I1", S16).withLeak(2).withReset(Reset.toValue(a1)),
                        StateSpec.of("I2", S16).withLeak(6).withReset(Reset.add(a2))),
                couplings, Threshold.dynamic(20 * mv, 1), 0);
    }

    /**
     * The Q/P/R trace neuron of Schaefer et al. (REFERENCES §1): synaptic trace Q (state 1, takes
     * the input), membrane trace P (state 0), refractory trace R (state 2):
     * <pre>
     * Q[n+1] = Q − leak_α(Q) + W·S_in      (α = 1 − 2^−alphaShift, 0.75 for 2)
     * P[n+1] = P − leak_β(P) + Q[n]        (β = 1 − 2^−betaShift, 0.875 for 3)
     * R[n+1] = R − leak_γ(R) + δ·S_out     (δ = refractoryJump)
     * spike when U = P − R ≥ ϑ
     * </pre>
     * The threshold is dynamic on R, so {@code U = P − δR ≥ ϑ} needs no separate U state; by
     * linearity W·P (weights on the pre-synaptic traces) equals filtering W·S at the post neuron.
     */
    public static NeuronModel qpr(int alphaShift, int betaShift, int gammaShift, int threshold, int refractoryJump) {
        return new NeuronModel("qpr",
                List.of(StateSpec.of("P", S16).withLeak(betaShift), StateSpec.of("Q", S16).withLeak(alphaShift),
                        StateSpec.of("R", S16).withLeak(gammaShift).withReset(Reset.add(refractoryJump))),
                List.of(Coupling.of(0, 1, 1, 0)), Threshold.dynamic(threshold, 2), 0);
    }

    /**
     * Loihi's CUBA LIF as in Lava's bit-accurate model (REFERENCES §5), 24-bit current u (state 1)
     * and voltage v (state 0):
     * <pre>
     * u[t] = u[t−1]·(4096 − du) >> 12 + (a_in << 6)
     * v[t] = v[t−1]·(4096 − dv) >> 12 + u[t] + bias
     * spike when v > vth << 6, then v = 0
     * </pre>
     * (products truncated toward zero; v reads this tick's u). States saturate at 24 bits.
     */
    public static NeuronModel loihiCuba(int du, int dv, int vth, int bias) {
        Format s24 = Format.INT24;
        return new NeuronModel("loihi-cuba",
                List.of(StateSpec.of("v", s24).withLeak(Leak.multiplicative(dv)).withBias(bias).withReset(Reset.toValue(0)),
                        StateSpec.of("u", s24).withLeak(Leak.multiplicative(du)).withInputShift(6)),
                List.of(new Coupling(0, 1, 1, 0, true)), Threshold.fixed((vth << 6) + 1), 0);
    }
}
