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

    /**
     * The Mihalas–Niebur neuron of {@code behaviour} (the paper's equations and parameters are in
     * {@link MihalasNieburBehaviour}) as an instance of the general form, one tick = 1 ms (forward
     * Euler), four 16-bit states: V − E_L and Θ − Θ_∞ in {@value MihalasNieburBehaviour#UNITS_PER_MV}
     * units per mV, I1 and I2 in 2048 units per V/s (3 more fractional bits, so that A2 = −0.1 V/s is
     * 205 units and the slow I2 does not fade under the one-unit leak). Each rate·dt is a short sum
     * of signed powers of two, a leak shift plus couplings, whose signs are mixed so that the floor
     * shifts' rounding offsets cancel on average:
     * <pre>
     * G·dt  = 0.05   ≈ 2^−4 − 2^−7 − 2^−8 − 2^−10           = 0.049805 (−0.39 %)   leak 4, +V>>7, +V>>8, +V>>10
     * b·dt  = 0.01   ≈ 2^−6 − 2^−8 − 2^−9 + 2^−12           = 0.010010 (+0.10 %)   −Θ>>6, +Θ>>8, +Θ>>9, −Θ>>12
     * k1·dt = 0.2    ≈ 2^−2 − 2^−4 + 2^−6 − 2^−8            = 0.199219 (−0.39 %)   leak 2, +I1>>4, −I1>>6, +I1>>8
     * k2·dt = 0.02   ≈ 2^−5 − 2^−6 + 2^−8 + 2^−11           = 0.020020 (+0.10 %)   leak 5, +I2>>6, −I2>>8, −I2>>11
     * a·dt  = 0.005  ≈ 2^−7 − 2^−9 − 2^−10 + 2^−13          = 0.005005 (+0.10 %)   Θ += V>>7 − V>>9 − V>>10 + V>>13
     * a·dt  = 0.03   ≈ 2^−5 − 2^−10 − 2^−11 + 2^−12         = 0.030029 (+0.10 %)
     * a·dt  = −0.08  ≈ −(2^−3 − 2^−5 − 2^−6 + 2^−9)         = −0.080078 (+0.10 %)
     * V += I1>>3 + I2>>3 + input;   spike when V ≥ 5120 (Θ_∞ − E_L = 20 mV) + Θ
     * reset: V = 0 (V_r = E_L), Θ = max(Θ, −2560) (Θ_r − Θ_∞ = −10 mV), I1 = A1, I2 += A2
     * </pre>
     * The leak of θ is couplings only: its one-unit minimum would otherwise dominate b·Θ for Θ below
     * 0.25 mV. The external current enters V through a projection (see
     * {@link MihalasNieburBehaviour#network()}).
     */
    public static NeuronModel mihalasNiebur(MihalasNieburBehaviour behaviour) {
        int mv = MihalasNieburBehaviour.UNITS_PER_MV;
        int currentUnits = mv << MihalasNieburBehaviour.CURRENT_EXTRA_BITS;
        List<Coupling> couplings = new java.util.ArrayList<>();
        addDecay(couplings, 0, -7, -8, -10);
        couplings.add(Coupling.of(0, 2, 1, MihalasNieburBehaviour.CURRENT_EXTRA_BITS));
        couplings.add(Coupling.of(0, 3, 1, MihalasNieburBehaviour.CURRENT_EXTRA_BITS));
        addDecay(couplings, 1, 6, -8, -9, 12);
        addDrive(couplings, 1, 0, thresholdCoupling((int) behaviour.a()));
        addDecay(couplings, 2, -4, 6, -8);
        addDecay(couplings, 3, -6, 8, 11);
        int v0 = (int) Math.round((behaviour.initialV() - MihalasNieburBehaviour.E_L) * mv);
        int theta0 = (int) Math.round((behaviour.initialTheta() - MihalasNieburBehaviour.THETA_INF) * mv);
        return new NeuronModel("mihalas-niebur-" + behaviour.label().replace(' ', '-'),
                List.of(StateSpec.of("V", S16).withLeak(4).withReset(Reset.toValue(0)).withInitial(v0),
                        StateSpec.of("theta", S16)
                                .withReset(Reset.atLeast((int) ((MihalasNieburBehaviour.THETA_R
                                        - MihalasNieburBehaviour.THETA_INF) * mv)))
                                .withInitial(theta0),
                        StateSpec.of("I1", S16).withLeak(2)
                                .withReset(Reset.toValue((int) Math.round(behaviour.a1() * currentUnits)))
                                .withInitial((int) Math.round(MihalasNieburBehaviour.I1_INITIAL * currentUnits)),
                        StateSpec.of("I2", S16).withLeak(5)
                                .withReset(Reset.add((int) Math.round(behaviour.a2() * currentUnits)))
                                .withInitial((int) Math.round(MihalasNieburBehaviour.I2_INITIAL * currentUnits))),
                couplings, Threshold.dynamic((int) ((MihalasNieburBehaviour.THETA_INF - MihalasNieburBehaviour.E_L) * mv), 1),
                0);
    }

    /** The power-of-two expansion of a·dt (a in s⁻¹, dt = 1 ms) as signed shifts; see {@link #mihalasNiebur}. */
    private static int[] thresholdCoupling(int aPerSecond) {
        return switch (aPerSecond) {
            case 0 -> new int[0];
            case 5 -> new int[] {7, -9, -10, 13};
            case 30 -> new int[] {5, -10, -11, 12};
            case -80 -> new int[] {-3, 5, 6, -9};
            default -> throw new IllegalArgumentException("no power-of-two expansion of a = " + aPerSecond + " /s");
        };
    }

    /**
     * Couplings removing {@code Σ sign(s)·x_k·2^−|s|} from state k each tick, beyond its leak: a
     * positive s subtracts {@code x_k >> s}, a negative one adds {@code x_k >> −s}.
     */
    private static void addDecay(List<Coupling> out, int k, int... signedShifts) {
        for (int s : signedShifts) {
            out.add(Coupling.of(k, k, s > 0 ? -1 : 1, Math.abs(s)));
        }
    }

    /** Couplings adding {@code Σ sign(s)·(x_source >> |s|)} into state {@code target}. */
    private static void addDrive(List<Coupling> out, int target, int source, int... signedShifts) {
        for (int s : signedShifts) {
            out.add(Coupling.of(target, source, s > 0 ? 1 : -1, Math.abs(s)));
        }
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
