package org.spikecore.model;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.fixed.Format;

/**
 * The behaviours of the Mihalas–Niebur neuron (Mihalas &amp; Niebur 2009, Neural Computation 21:704),
 * each with the paper's parameters (its Table 1) and stimulus protocol (its Figure 1, panel letter
 * in {@link #panel()}; the pulse timings are those read off the figure by Detorakis's ReScience
 * replication). The paper's equations, with C = 1:
 * <pre>
 * V' = I_e + I1 + I2 − G(V − E_L)        Θ' = a(V − E_L) − b(Θ − Θ_∞)        I_j' = −k_j I_j
 * spike when V ≥ Θ;  then V ← V_r,  Θ ← max(Θ_r, Θ),  I_j ← R_j I_j + A_j
 * </pre>
 * with G = 50 s⁻¹, b = 10 s⁻¹, k1 = 200 s⁻¹, k2 = 20 s⁻¹, R1 = 0, R2 = 1, E_L = V_r = −70 mV,
 * Θ_r = −60 mV, Θ_∞ = −50 mV for every behaviour, and a, A1, A2 and I_e per behaviour. Currents are
 * in V/s (= mV/ms, i.e. I/C).
 *
 * <p>{@link #model()} is the integer instance ({@link NeuronPresets#mihalasNiebur}) and
 * {@link #network()} the neuron with its stimulus, ready for the engine: one tick is 1 ms. The
 * stimulus is an {@link ArraySource} with one neuron per distinct current level, spiking every tick
 * that level is on, into state V with weight {@code level · UNITS_PER_MV}; through the projection's
 * one-tick delay the neuron feels the level of ms t in tick t + 1.
 *
 * <p>Nineteen of the paper's twenty behaviours are here. Input bistability (panel J: 1.5, 1.7, 1.5,
 * 1.7 V/s) is left out because its outcome is decided by a knife edge at 1 ms steps: whether the last
 * spike before the switch at 500 ms falls just before or just after it. Raising I_e by 0.3 % or
 * lowering G by 0.5 % moves the float model itself from 14 to 23 spikes, so no integer instance
 * (whose G·dt is 0.39 % low) can be held to it.
 */
public enum MihalasNieburBehaviour {
    TONIC_SPIKING('A', 0, 0, 0, 200, step(0, 200, 1.5)),
    /**
     * The paper steps just above the float rheobase of 1 V/s (1 + 10⁻⁶), far below the integer
     * resolution; this steps at the integer model's rheobase, the smallest level that fires:
     * 258/256 = 1 + 2⁻⁷ V/s.
     */
    CLASS_1_EXCITABILITY('B', 0, 0, 0, 500, step(0, 500, 1 + 1.0 / 128)),
    SPIKE_FREQUENCY_ADAPTATION('C', 5, 0, 0, 200, step(0, 200, 2)),
    PHASIC_SPIKING('D', 5, 0, 0, 500, step(0, 500, 1.5)),
    ACCOMMODATION('E', 5, 0, 0, 1000, step(0, 100, 1.5), step(600, 700, 0.5), step(700, 800, 1), step(800, 900, 1.5)),
    THRESHOLD_VARIABILITY('F', 5, 0, 0, 400, step(0, 20, 1.5), step(200, 225, -1.5), step(250, 275, 1.5)),
    REBOUND_SPIKE('G', 5, 0, 0, 1000, step(50, 805, -3.5)),
    /**
     * Starts at V = Θ = −30 mV, the fixed point of I_e = 2 V/s, which sits on the threshold (the
     * paper's 2(1 + 10⁻⁶) is below the integer resolution; 2 V/s behaves the same in the float model).
     */
    CLASS_2_EXCITABILITY('H', 5, 0, 0, 300, -30, -30, List.of(step(0, 300, 2))),
    INTEGRATOR('I', 5, 0, 0, 400, step(0, 20, 1.5), step(30, 50, 1.5), step(300, 320, 1.5), step(340, 360, 1.5)),
    HYPERPOLARIZATION_INDUCED_SPIKING('K', 30, 0, 0, 400, step(0, 400, -1)),
    HYPERPOLARIZATION_INDUCED_BURSTING('L', 30, 10, -0.6, 400, step(0, 400, -1)),
    TONIC_BURSTING('M', 5, 10, -0.6, 500, step(0, 500, 2)),
    PHASIC_BURSTING('N', 5, 10, -0.6, 500, step(0, 500, 1.5)),
    REBOUND_BURST('O', 5, 10, -0.6, 1000, step(100, 600, -3.5)),
    MIXED_MODE('P', 5, 5, -0.3, 500, step(0, 500, 2)),
    AFTERPOTENTIALS('Q', 5, 5, -0.3, 200, step(0, 15, 2)),
    BASAL_BISTABILITY('R', 0, 8, -0.1, 200, step(0, 10, 5), step(100, 110, 5)),
    PREFERRED_FREQUENCY('S', 5, -3, 0.5, 800, step(0, 5, 5), step(10, 15, 4), step(400, 405, 5), step(450, 455, 4)),
    SPIKE_LATENCY('T', -80, 0, 0, 50, step(0, 2, 8));

    /** G/C of the paper, per second. */
    public static final double G = 50;
    /** Θ's relaxation rate b, per second. */
    public static final double B = 10;
    /** Decay rate of I1, per second. */
    public static final double K1 = 200;
    /** Decay rate of I2, per second. */
    public static final double K2 = 20;
    /** I1's reset keeps R1·I1 (R1 = 0: I1 is set to A1). */
    public static final double R1 = 0;
    /** I2's reset keeps R2·I2 (R2 = 1: A2 is added to I2). */
    public static final double R2 = 1;
    /** Reversal potential, mV. */
    public static final double E_L = -70;
    /** Reset potential, mV. */
    public static final double V_R = -70;
    /** Threshold reset floor Θ_r, mV. */
    public static final double THETA_R = -60;
    /** Threshold rest value Θ_∞, mV. */
    public static final double THETA_INF = -50;
    /** Initial I1 and I2, V/s (the replication's initial conditions). */
    public static final double I1_INITIAL = 0.01;
    public static final double I2_INITIAL = 0.001;

    /** Integer units of V and Θ per mV (16-bit states span ±128 mV around E_L and Θ_∞). */
    public static final int UNITS_PER_MV = 256;
    /** The currents I1, I2 carry this many more fractional bits than V: 2048 units per V/s. */
    public static final int CURRENT_EXTRA_BITS = 3;

    /** Name of the neuron's population in {@link #network()}. */
    public static final String NEURON = "neuron";
    /** Name of the stimulus source in {@link #network()}. */
    public static final String STIMULUS = "stimulus";

    /**
     * A constant current {@code level} (V/s) during ms {@code [from, to)}.
     *
     * @param from  first ms, ≥ 0
     * @param to    first ms after the step, &gt; from
     * @param level the current I_e/C in V/s, a whole number of 1/{@value #UNITS_PER_MV} V/s
     */
    public record Step(int from, int to, double level) {
        public Step {
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException("stimulus step [" + from + ", " + to + ") must start at >= 0 and end after it starts");
            }
            double units = level * UNITS_PER_MV;
            if (units != Math.rint(units) || Math.abs(units) > Format.INT16.max()) {
                throw new IllegalArgumentException("stimulus level " + level + " V/s is not a whole number of 1/"
                        + UNITS_PER_MV + " V/s within 16 bits");
            }
        }

        /** The level in integer units of V per tick. */
        public int units() {
            return (int) (level * UNITS_PER_MV);
        }
    }

    private final char panel;
    private final double a;
    private final double a1;
    private final double a2;
    private final int durationMs;
    private final double initialV;
    private final double initialTheta;
    private final List<Step> stimulus;

    MihalasNieburBehaviour(char panel, double a, double a1, double a2, int durationMs, Step... stimulus) {
        this(panel, a, a1, a2, durationMs, E_L, THETA_INF, List.of(stimulus));
    }

    MihalasNieburBehaviour(char panel, double a, double a1, double a2, int durationMs, double initialV, double initialTheta,
            List<Step> stimulus) {
        this.panel = panel;
        this.a = a;
        this.a1 = a1;
        this.a2 = a2;
        this.durationMs = durationMs;
        this.initialV = initialV;
        this.initialTheta = initialTheta;
        this.stimulus = stimulus;
    }

    private static Step step(int from, int to, double level) {
        return new Step(from, to, level);
    }

    /** The panel of the paper's Figure 1 that shows this behaviour. */
    public char panel() {
        return panel;
    }

    /** The coupling of Θ to V, per second. */
    public double a() {
        return a;
    }

    /** A1/C, V/s: the value I1 takes at a spike. */
    public double a1() {
        return a1;
    }

    /** A2/C, V/s: the increment of I2 at a spike. */
    public double a2() {
        return a2;
    }

    /** Length of the protocol in ms (= ticks). */
    public int durationMs() {
        return durationMs;
    }

    /** V at time 0, mV. */
    public double initialV() {
        return initialV;
    }

    /** Θ at time 0, mV. */
    public double initialTheta() {
        return initialTheta;
    }

    /** The stimulus protocol, steps in time order. */
    public List<Step> stimulus() {
        return stimulus;
    }

    /** I_e/C during ms {@code t} of the protocol, V/s. */
    public double stimulusAt(int t) {
        for (Step s : stimulus) {
            if (t >= s.from() && t < s.to()) {
                return s.level();
            }
        }
        return 0;
    }

    /** The lower-case name with spaces ("tonic spiking"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /**
     * Whether a spike train (ticks = ms, under this behaviour's protocol) shows the behaviour, by the
     * criterion of its panel: e.g. phasic spiking fires at onset and is silent for the second half;
     * accommodation fires for the step but not for the ramp to the same level. Spikes are grouped
     * where an interval exceeds 10 ms; a burst is a group of three or more.
     */
    public boolean shownBy(int[] spikes) {
        int n = spikes.length;
        int[] isi = new int[Math.max(0, n - 1)];
        for (int k = 1; k < n; k++) {
            isi[k - 1] = spikes[k] - spikes[k - 1];
        }
        List<int[]> groups = groups(spikes);
        long bursts = groups.stream().filter(g -> g.length >= 3).count();
        return switch (this) {
            case TONIC_SPIKING -> n >= 5 && range(isi) <= 1;
            case CLASS_1_EXCITABILITY -> n >= 2 && spikes[0] >= 50 && min(isi) >= 50;
            case SPIKE_FREQUENCY_ADAPTATION -> n >= 5 && nonDecreasing(isi) && isi[isi.length - 1] >= isi[0] + 3;
            case PHASIC_SPIKING -> n >= 2 && spikes[0] < 50 && spikes[n - 1] < durationMs / 2;
            case ACCOMMODATION -> count(spikes, 0, 100) >= 1 && count(spikes, 600, durationMs) == 0;
            case THRESHOLD_VARIABILITY -> count(spikes, 0, 200) == 0 && count(spikes, 250, 300) >= 1;
            case REBOUND_SPIKE -> count(spikes, 0, 805) == 0 && count(spikes, 805, 905) >= 1;
            case CLASS_2_EXCITABILITY -> n >= 4 && max(isi) <= 60;
            case INTEGRATOR -> count(spikes, 0, 30) == 0 && count(spikes, 30, 60) >= 1 && count(spikes, 300, durationMs) == 0;
            case HYPERPOLARIZATION_INDUCED_SPIKING -> n >= 2;
            case HYPERPOLARIZATION_INDUCED_BURSTING, TONIC_BURSTING -> bursts >= 2 && bursts == groups.size();
            case PHASIC_BURSTING -> groups.size() == 1 && bursts == 1 && spikes[0] < 50;
            case REBOUND_BURST -> count(spikes, 0, 600) == 0 && groups.size() == 1 && bursts == 1;
            case MIXED_MODE -> groups.size() >= 3 && groups.get(0).length >= 3
                    && groups.stream().skip(1).allMatch(g -> g.length < 3);
            case AFTERPOTENTIALS -> n == 1 && spikes[0] <= 15;
            case BASAL_BISTABILITY -> count(spikes, 20, 100) >= 3 && count(spikes, 120, durationMs) == 0;
            case PREFERRED_FREQUENCY -> count(spikes, 0, 10) == 1 && count(spikes, 10, 400) == 0
                    && count(spikes, 400, 450) == 1 && count(spikes, 450, 500) == 1;
            case SPIKE_LATENCY -> n == 1 && spikes[0] >= 7;
        };
    }

    /** Spikes split where an interval exceeds 10 ms. */
    private static List<int[]> groups(int[] spikes) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int k = 1; k <= spikes.length; k++) {
            if (k == spikes.length || spikes[k] - spikes[k - 1] > 10) {
                if (k > start) {
                    out.add(java.util.Arrays.copyOfRange(spikes, start, k));
                }
                start = k;
            }
        }
        return out;
    }

    private static int count(int[] spikes, int from, int to) {
        return (int) java.util.Arrays.stream(spikes).filter(t -> t >= from && t < to).count();
    }

    private static int min(int[] v) {
        return java.util.Arrays.stream(v).min().orElse(Integer.MAX_VALUE);
    }

    private static int max(int[] v) {
        return java.util.Arrays.stream(v).max().orElse(0);
    }

    private static int range(int[] v) {
        return v.length == 0 ? 0 : max(v) - min(v);
    }

    private static boolean nonDecreasing(int[] v) {
        for (int k = 1; k < v.length; k++) {
            if (v[k] < v[k - 1]) {
                return false;
            }
        }
        return true;
    }

    /** The integer neuron of this behaviour. */
    public NeuronModel model() {
        return NeuronPresets.mihalasNiebur(this);
    }

    /** The neuron driven by this behaviour's protocol (see the class comment). */
    public Network network() {
        return network(stimulus);
    }

    /** The neuron driven by another protocol, built as {@link #network()} is. */
    public Network network(List<Step> steps) {
        List<Integer> levels = new ArrayList<>();
        List<int[]> events = new ArrayList<>();
        for (int k = 1; k < steps.size(); k++) {
            if (steps.get(k).from() < steps.get(k - 1).to()) {
                throw new IllegalArgumentException("stimulus step " + k + " starts at " + steps.get(k).from()
                        + " ms, before step " + (k - 1) + " ends at " + steps.get(k - 1).to() + " ms");
            }
        }
        for (Step s : steps) {
            int u = s.units();
            if (u == 0) {
                continue;
            }
            if (!levels.contains(u)) {
                levels.add(u);
            }
            for (int t = s.from(); t < s.to(); t++) {
                events.add(new int[] {t, levels.indexOf(u)});
            }
        }
        if (levels.isEmpty()) {
            return new Network(List.of(new Population(NEURON, 1, model())), List.of());
        }
        ArraySource source = new ArraySource(STIMULUS, levels.size(), events.stream().mapToInt(e -> e[0]).toArray(),
                events.stream().mapToInt(e -> e[1]).toArray());
        Projection drive = Projection.of(STIMULUS + "->" + NEURON, STIMULUS, NEURON,
                new DenseConnectivity(levels.size(), 1, levels.stream().mapToInt(Integer::intValue).toArray()),
                Format.INT16, 0);
        return new Network(List.of(source, new Population(NEURON, 1, model())), List.of(drive));
    }
}
