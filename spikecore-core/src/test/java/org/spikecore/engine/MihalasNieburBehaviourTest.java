package org.spikecore.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spikecore.model.MihalasNieburBehaviour.B;
import static org.spikecore.model.MihalasNieburBehaviour.E_L;
import static org.spikecore.model.MihalasNieburBehaviour.G;
import static org.spikecore.model.MihalasNieburBehaviour.I1_INITIAL;
import static org.spikecore.model.MihalasNieburBehaviour.I2_INITIAL;
import static org.spikecore.model.MihalasNieburBehaviour.K1;
import static org.spikecore.model.MihalasNieburBehaviour.K2;
import static org.spikecore.model.MihalasNieburBehaviour.NEURON;
import static org.spikecore.model.MihalasNieburBehaviour.R1;
import static org.spikecore.model.MihalasNieburBehaviour.R2;
import static org.spikecore.model.MihalasNieburBehaviour.THETA_INF;
import static org.spikecore.model.MihalasNieburBehaviour.THETA_R;
import static org.spikecore.model.MihalasNieburBehaviour.UNITS_PER_MV;
import static org.spikecore.model.MihalasNieburBehaviour.V_R;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spikecore.fixed.Format;
import org.spikecore.model.MihalasNieburBehaviour;
import org.spikecore.model.MihalasNieburBehaviour.Step;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Population;
import org.spikecore.model.Reset;
import org.spikecore.model.StateSpec;
import org.spikecore.model.Threshold;

/**
 * Each Mihalas–Niebur preset run on the engine against a float forward-Euler integration of the
 * paper's equations written here, at the same 1 ms step and with the stimulus reaching the neuron
 * one tick late as in the engine: both must show the behaviour and agree in numbers.
 */
class MihalasNieburBehaviourTest {

    /** Spike ticks, V − E_L in mV after every tick, and the largest |state| in raw units (integer runs). */
    record Run(String label, int[] spikes, double[] v, int largestState) {
        int count(int from, int to) {
            return (int) IntStream.of(spikes).filter(t -> t >= from && t < to).count();
        }

        int[] intervals() {
            return IntStream.range(1, spikes.length).map(k -> spikes[k] - spikes[k - 1]).toArray();
        }

        double maxV(int from, int to) {
            return IntStream.range(from, to).mapToDouble(t -> v[t]).max().orElseThrow();
        }

        double minV(int from, int to) {
            return IntStream.range(from, to).mapToDouble(t -> v[t]).min().orElseThrow();
        }
    }

    private static Run engine(MihalasNieburBehaviour b) {
        return engine(b, b.network());
    }

    private static Run engine(MihalasNieburBehaviour b, Network net) {
        try (Simulation sim = new Simulation(net, 1, 1, true)) {
            SpikeRecorder spikes = sim.recordSpikes(NEURON);
            List<StateProbe> states = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                states.add(sim.recordState(NEURON, 0, k));
            }
            sim.run(b.durationMs());
            int largest = states.stream().flatMapToInt(p -> IntStream.of(p.values()).map(Math::abs)).max().orElseThrow();
            double[] v = IntStream.of(states.get(0).values()).mapToDouble(x -> x / (double) UNITS_PER_MV).toArray();
            return new Run("engine", spikes.ticks(), v, largest);
        }
    }

    private static Run reference(MihalasNieburBehaviour b) {
        return reference(b, b::stimulusAt);
    }

    /** The paper's equations (rates per ms, dt = 1 ms); the level of ms t − 1 drives step t. */
    private static Run reference(MihalasNieburBehaviour b, IntToDoubleFunction stimulus) {
        double g = G / 1000;
        double a = b.a() / 1000;
        double bb = B / 1000;
        double k1 = K1 / 1000;
        double k2 = K2 / 1000;
        double v = b.initialV();
        double theta = b.initialTheta();
        double i1 = I1_INITIAL;
        double i2 = I2_INITIAL;
        List<Integer> spikes = new ArrayList<>();
        double[] trace = new double[b.durationMs()];
        for (int t = 0; t < b.durationMs(); t++) {
            double ie = t == 0 ? 0 : stimulus.applyAsDouble(t - 1);
            double nextV = v + ie + i1 + i2 - g * (v - E_L);
            double nextTheta = theta + a * (v - E_L) - bb * (theta - THETA_INF);
            i1 -= k1 * i1;
            i2 -= k2 * i2;
            v = nextV;
            theta = nextTheta;
            if (v >= theta) {
                spikes.add(t);
                v = V_R;
                theta = Math.max(THETA_R, theta);
                i1 = R1 * i1 + b.a1();
                i2 = R2 * i2 + b.a2();
            }
            trace[t] = v - E_L;
        }
        return new Run("float", spikes.stream().mapToInt(Integer::intValue).toArray(), trace, 0);
    }

    @ParameterizedTest
    @EnumSource(MihalasNieburBehaviour.class)
    void engineAndFloatReferenceBothShowTheBehaviour(MihalasNieburBehaviour b) {
        Run engine = engine(b);
        Run ref = reference(b);
        assertThat(b.shownBy(ref.spikes())).as("float reference of %s: spikes %s", b, java.util.Arrays.toString(ref.spikes()))
                .isTrue();
        assertThat(b.shownBy(engine.spikes())).as("engine %s: spikes %s", b, java.util.Arrays.toString(engine.spikes()))
                .isTrue();
        assertThat(engine.largestState()).as("no state saturates").isLessThan(32767);
    }

    /**
     * Spike by spike within 2 ticks + 3 % of the time (one-tick threshold crossings drift a little
     * over a run), counts within one. The two excitability classes sit at their rheobase, where
     * timing is ill-conditioned; their own tests compare intervals.
     */
    @ParameterizedTest
    @EnumSource(value = MihalasNieburBehaviour.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"CLASS_1_EXCITABILITY", "CLASS_2_EXCITABILITY"})
    void engineSpikesWhenTheFloatReferenceSpikes(MihalasNieburBehaviour b) {
        int[] e = engine(b).spikes();
        int[] f = reference(b).spikes();
        assertThat(e.length).as("%s spike count, float %d", b, f.length).isBetween(f.length - 1, f.length + 1);
        for (int k = 0; k < Math.min(e.length, f.length); k++) {
            assertThat((double) Math.abs(e[k] - f[k])).as("%s spike %d: engine %d, float %d", b, k, e[k], f[k])
                    .isLessThanOrEqualTo(2 + 0.03 * f[k]);
        }
    }

    /** Engine spikes, its first spike (ms), float spikes, its first spike: the table of docs/engine.md. */
    private static int[] measured(MihalasNieburBehaviour b) {
        return switch (b) {
            case TONIC_SPIKING -> new int[] {9, 22, 9, 22};
            case CLASS_1_EXCITABILITY -> new int[] {4, 110, 5, 95};
            case SPIKE_FREQUENCY_ADAPTATION -> new int[] {10, 15, 10, 15};
            case PHASIC_SPIKING -> new int[] {6, 25, 5, 25};
            case ACCOMMODATION -> new int[] {3, 25, 3, 25};
            case THRESHOLD_VARIABILITY -> new int[] {1, 274, 1, 274};
            case REBOUND_SPIKE -> new int[] {1, 854, 1, 851};
            case CLASS_2_EXCITABILITY -> new int[] {7, 45, 7, 52};
            case INTEGRATOR -> new int[] {1, 49, 1, 49};
            case HYPERPOLARIZATION_INDUCED_SPIKING -> new int[] {3, 131, 3, 132};
            case HYPERPOLARIZATION_INDUCED_BURSTING -> new int[] {16, 131, 16, 132};
            case TONIC_BURSTING -> new int[] {28, 15, 28, 15};
            case PHASIC_BURSTING -> new int[] {8, 25, 8, 25};
            case REBOUND_BURST -> new int[] {9, 649, 9, 647};
            case MIXED_MODE -> new int[] {19, 15, 19, 15};
            case AFTERPOTENTIALS -> new int[] {1, 15, 1, 15};
            case BASAL_BISTABILITY -> new int[] {27, 5, 27, 5};
            case PREFERRED_FREQUENCY -> new int[] {3, 5, 3, 5};
            case SPIKE_LATENCY -> new int[] {1, 16, 1, 15};
        };
    }

    @ParameterizedTest
    @EnumSource(MihalasNieburBehaviour.class)
    void countsAndFirstSpikesAreThoseDocumented(MihalasNieburBehaviour b) {
        int[] e = engine(b).spikes();
        int[] f = reference(b).spikes();
        assertThat(new int[] {e.length, e[0], f.length, f[0]}).as(b.label()).containsExactly(measured(b));
    }

    @Test
    void thresholdResetRaisesThetaToItsFloorButNeverLowersIt() {
        // v: +100 a tick, spike when v >= 250 + theta, then v = 0; theta: +20 a tick, at a spike theta = max(-50, theta)
        NeuronModel m = new NeuronModel("at-least",
                List.of(StateSpec.of("v", Format.INT16).withBias(100).withReset(Reset.toValue(0)),
                        StateSpec.of("theta", Format.INT16).withBias(20).withReset(Reset.atLeast(-50)).withInitial(-100)),
                List.of(), Threshold.dynamic(250, 1), 0);
        for (boolean vectorized : new boolean[] {false, true}) {
            try (Simulation sim = new Simulation(new Network(List.of(new Population("n", 16, m)), List.of()), 1, 1, vectorized)) {
                StateProbe theta = sim.recordState("n", 15, 1);
                StateProbe v = sim.recordState("n", 15, 0);
                SpikeRecorder spikes = sim.recordSpikes("n");
                sim.run(5);
                // t1: 200 >= 190 fires, theta -60 raised to -50; t4: 300 >= 260 fires, theta 10 kept
                assertThat(theta.values()).containsExactly(-80, -50, -30, -10, 10);
                assertThat(v.values()).containsExactly(100, 0, 100, 200, 0);
                assertThat(spikes.ticks()).hasSize(32).startsWith(1).endsWith(4);
            }
        }
    }

    @Test
    void tonicSpikingIsRegularAt22Ms() {
        for (Run r : List.of(engine(MihalasNieburBehaviour.TONIC_SPIKING), reference(MihalasNieburBehaviour.TONIC_SPIKING))) {
            assertThat(r.intervals()).as(r.label()).containsOnly(22).hasSize(8);
        }
    }

    @Test
    void class1FiresArbitrarilySlowlyJustAboveRheobase() {
        MihalasNieburBehaviour b = MihalasNieburBehaviour.CLASS_1_EXCITABILITY;
        Run engine = engine(b);
        Run ref = reference(b);
        // at 1 + 2^-7 V/s: engine every 110 ms, float every 95 ms (tonic spiking at 1.5 V/s: 22 ms)
        assertThat(engine.intervals()).containsOnly(110);
        assertThat(ref.intervals()).containsOnly(95);
        // one step of the integer input (1/256 V/s) below its own rheobase (258/256 and 1 V/s), neither fires
        Network below = b.network(List.of(new Step(0, b.durationMs(), 1 + 1.0 / 256)));
        assertThat(engine(b, below).spikes()).isEmpty();
        assertThat(reference(b, t -> 1 - 1.0 / 256).spikes()).isEmpty();
    }

    @Test
    void adaptationLengthensIntervalsFrom16To21Ms() {
        for (Run r : List.of(engine(MihalasNieburBehaviour.SPIKE_FREQUENCY_ADAPTATION),
                reference(MihalasNieburBehaviour.SPIKE_FREQUENCY_ADAPTATION))) {
            assertThat(r.intervals()).as(r.label()).containsExactly(16, 16, 17, 18, 18, 19, 20, 20, 21);
        }
    }

    @Test
    void phasicSpikingStopsAfterFiveOrSixSpikes() {
        Run engine = engine(MihalasNieburBehaviour.PHASIC_SPIKING);
        Run ref = reference(MihalasNieburBehaviour.PHASIC_SPIKING);
        assertThat(ref.spikes()).containsExactly(25, 53, 86, 124, 170);
        // running up to 4 ms early, the engine reaches a sixth crossing that the float misses by 0.35 mV
        assertThat(engine.spikes()).containsExactly(25, 53, 85, 122, 166, 225);
        assertThat(engine.count(250, 500)).isZero();
    }

    @Test
    void class2StartsAtAFiniteRateAndIntervalsAgreeWithin3Percent() {
        Run engine = engine(MihalasNieburBehaviour.CLASS_2_EXCITABILITY);
        Run ref = reference(MihalasNieburBehaviour.CLASS_2_EXCITABILITY);
        int[] e = engine.intervals();
        int[] f = ref.intervals();
        assertThat(f).containsExactly(53, 43, 38, 35, 33, 32);
        assertThat(e).hasSameSizeAs(f);
        for (int k = 0; k < f.length; k++) {
            assertThat((double) e[k]).as("interval %d", k).isCloseTo(f[k], org.assertj.core.data.Offset.offset(0.03 * f[k]));
        }
    }

    @Test
    void afterpotentialsDepolariseThenHyperpolariseAfterTheSpike() {
        for (Run r : List.of(engine(MihalasNieburBehaviour.AFTERPOTENTIALS), reference(MihalasNieburBehaviour.AFTERPOTENTIALS))) {
            assertThat(r.spikes()).as(r.label()).containsExactly(15);
            // I1 = 5 V/s lifts V to +14.65 mV 8 ms after the reset; I2 = −0.3 V/s then holds it below rest
            assertThat(r.maxV(16, 40)).as(r.label()).isBetween(14.5, 14.8);
            assertThat(r.minV(40, 200)).as(r.label()).isBetween(-1.45, -1.2);
        }
    }

    @Test
    void reboundSpikeAndBurstFollowTheReleaseFromInhibition() {
        Run spike = engine(MihalasNieburBehaviour.REBOUND_SPIKE);
        Run spikeRef = reference(MihalasNieburBehaviour.REBOUND_SPIKE);
        assertThat(spikeRef.spikes()).containsExactly(851); // 46 ms after the release at 805
        assertThat(spike.spikes()).containsExactly(854);
        Run burst = engine(MihalasNieburBehaviour.REBOUND_BURST);
        Run burstRef = reference(MihalasNieburBehaviour.REBOUND_BURST);
        assertThat(burstRef.spikes()).hasSize(9).startsWith(647);
        assertThat(burst.spikes()).hasSize(9).startsWith(649);
        assertThat(burst.intervals()).containsExactly(2, 2, 2, 2, 2, 3, 3, 4);
    }

    @Test
    void tonicBurstingRepeatsBurstsOfNineToSixSpikesAtTheFloatsTimes() {
        Run engine = engine(MihalasNieburBehaviour.TONIC_BURSTING);
        Run ref = reference(MihalasNieburBehaviour.TONIC_BURSTING);
        // bursts of 9, 7, 6, 6 spikes starting at 15, 150, 284, 417 ms (float) and 15, 149, 282, 413 (engine)
        assertThat(burstSizes(ref)).containsExactly(9, 7, 6, 6);
        assertThat(burstSizes(engine)).containsExactly(9, 7, 6, 6);
        assertThat(burstStarts(ref)).containsExactly(15, 150, 284, 417);
        assertThat(burstStarts(engine)).containsExactly(15, 149, 282, 413);
    }

    @Test
    void mixedModeOpensWithABurstOfSevenThenFiresSingleSpikes() {
        for (Run r : List.of(engine(MihalasNieburBehaviour.MIXED_MODE), reference(MihalasNieburBehaviour.MIXED_MODE))) {
            assertThat(burstSizes(r).get(0)).as(r.label()).isEqualTo(7);
            assertThat(r.count(60, 500)).as(r.label()).isEqualTo(12);
        }
    }

    @Test
    void spikeLatencyIs15MsAfterA2MsPulse() {
        assertThat(reference(MihalasNieburBehaviour.SPIKE_LATENCY).spikes()).containsExactly(15);
        assertThat(engine(MihalasNieburBehaviour.SPIKE_LATENCY).spikes()).containsExactly(16);
    }

    private static List<Integer> burstSizes(Run r) {
        List<Integer> sizes = new ArrayList<>();
        int size = 1;
        for (int d : r.intervals()) {
            if (d > 10) {
                sizes.add(size);
                size = 1;
            } else {
                size++;
            }
        }
        sizes.add(size);
        return sizes;
    }

    private static List<Integer> burstStarts(Run r) {
        List<Integer> starts = new ArrayList<>(List.of(r.spikes()[0]));
        for (int k = 1; k < r.spikes().length; k++) {
            if (r.spikes()[k] - r.spikes()[k - 1] > 10) {
                starts.add(r.spikes()[k]);
            }
        }
        return starts;
    }
}
