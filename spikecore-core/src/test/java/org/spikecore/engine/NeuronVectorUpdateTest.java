package org.spikecore.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Format;
import org.spikecore.model.CoreSemantics;
import org.spikecore.model.Coupling;
import org.spikecore.model.CoreSlice;
import org.spikecore.model.Leak;
import org.spikecore.model.MihalasNieburBehaviour;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Reset;
import org.spikecore.model.StateSpec;
import org.spikecore.model.Threshold;

/** The vector neuron update against the scalar reference on random states and inputs, tick by tick. */
class NeuronVectorUpdateTest {

    private static NeuronModel model(int variant) {
        Format f = Format.INT16;
        return switch (variant) {
            case 0 -> new NeuronModel("m0", List.of(StateSpec.of("v", f).withLeak(0).withReset(Reset.toValue(-50))), List.of(),
                    Threshold.fixed(300), 3);
            case 1 -> new NeuronModel("m1",
                    List.of(StateSpec.of("v", f).withLeak(4).withBias(-3).withReset(Reset.add(-500)).withClamp(-2000, 30000),
                            StateSpec.of("a", f).withLeak(2).withReset(Reset.add(40)),
                            StateSpec.of("b", f).withLeak(7).withInputShift(2)),
                    List.of(Coupling.of(0, 1, -1, 1), Coupling.of(0, 2, 1, 0), new Coupling(1, 2, 1, 3, true),
                            Coupling.of(2, 0, -1, 5)),
                    Threshold.dynamic(400, 1), 2);
            case 2 -> new NeuronModel("m2",
                    List.of(StateSpec.of("v", f).withLeak(30).withReset(Reset.toValue(0)), StateSpec.of("w", f)),
                    List.of(Coupling.of(0, 1, 1, 0)), Threshold.fixed(0), 0);
            // NSAT's eRBP-like neuron: a left-shifted coupling, a negative gain, a clamp below the threshold
            case 3 -> new NeuronModel("m3",
                    List.of(StateSpec.of("v", f).withLeak(3).withClamp(-3000, 900).withReset(Reset.toValue(-20)),
                            StateSpec.of("e", f).withInputShift(-2).withReset(Reset.add(-7)),
                            StateSpec.of("g", f).withLeak(1).withInputShift(3)),
                    List.of(Coupling.of(0, 1, 1, -4), Coupling.of(0, 2, -1, 2), Coupling.of(1, 2, 1, 5)),
                    Threshold.fixed(1000), 4);
            // CUBA's shape: couplings from a state's own previous value (sharing the leak's |x|), a long refractory period
            case 5 -> new NeuronModel("m5",
                    List.of(StateSpec.of("v", f).withLeak(8).withReset(Reset.toValue(-700)), StateSpec.of("ie", f).withLeak(6),
                            StateSpec.of("ii", f).withLeak(7).withInputShift(-1)),
                    List.of(Coupling.of(0, 0, -1, 10), Coupling.of(1, 1, -1, 8), Coupling.of(2, 2, 1, 9),
                            Coupling.of(0, 1, 1, 6), Coupling.of(0, 2, -1, 6)),
                    Threshold.fixed(800), 7);
            // Diehl & Cook's excitatory neuron (DiehlCookNetwork): a 12-bit multiplicative leak, an adaptive
            // threshold raised at each spike, a clamp floor below rest, a refractory period
            case 6 -> new NeuronModel("diehl-cook-exc",
                    List.of(StateSpec.of("v", Format.INT24).withClamp(-35 * 256, Format.INT24.max())
                                    .withLeak(Leak.multiplicative(41)).withReset(Reset.toValue(5 * 256)),
                            StateSpec.of("theta", Format.INT24).withClamp(0, Format.INT24.max()).withReset(Reset.add(64))),
                    List.of(), Threshold.dynamic(13 * 256, 1), 5);
            // Diehl & Cook's inhibitory neuron
            case 7 -> new NeuronModel("diehl-cook-inh",
                    List.of(StateSpec.of("v", Format.INT24).withLeak(Leak.multiplicative(390)).withReset(Reset.toValue(15 * 256))),
                    List.of(), Threshold.fixed(20 * 256), 2);
            // multiplicative leaks at the extremes (keep everything, keep nothing, keep one unit in 4096),
            // couplings (self couplings among them) and a dynamic threshold, over the whole 24-bit range
            case 8 -> new NeuronModel("m8",
                    List.of(StateSpec.of("v", Format.INT24).withLeak(Leak.multiplicative(4095)).withReset(Reset.add(-9000)),
                            StateSpec.of("a", Format.INT24).withLeak(Leak.multiplicative(0)).withReset(Reset.add(300)),
                            StateSpec.of("b", Format.INT24).withLeak(Leak.multiplicative(4096)).withInputShift(1)),
                    // self couplings beside a multiplicative leak: never folded into it (the fold is for shift leaks)
                    List.of(Coupling.of(0, 1, 1, 3), Coupling.of(0, 2, -1, 1), new Coupling(1, 2, 1, 2, true), Coupling.of(1, 1, 1, 5),
                            Coupling.of(2, 2, -1, 4)),
                    Threshold.dynamic(4_000_000, 1), 1);
            // eleven couplings, a dynamic threshold and the at-least reset of Θ
            default -> MihalasNieburBehaviour.HYPERPOLARIZATION_INDUCED_BURSTING.model();
        };
    }

    /** The magnitude of the random initial states and inputs of a variant: the 24-bit models' range for variant 8. */
    private static int range(int variant) {
        return variant == 8 ? 1 << 23 : 3000;
    }

    @ParameterizedTest
    @CsvSource({"0, spikecore", "1, spikecore", "2, spikecore", "3, spikecore", "4, spikecore", "0, nsat", "1, nsat",
            "2, nsat", "3, nsat", "4, nsat", "5, spikecore", "5, nsat", "6, spikecore", "6, nsat", "7, spikecore", "7, nsat",
            "8, spikecore", "8, nsat"})
    void vectorUpdateEqualsScalarBitForBit(int variant, String semantics) {
        NeuronModel m = model(variant);
        int n = 203; // not a multiple of any lane count: exercises the tail
        CompiledModel cm = new CompiledModel(m, range(variant), CoreSemantics.named(semantics));
        assertThat(cm.vectorizable).isTrue();
        CoreSlice slice = new CoreSlice(0, 0, 0, n);
        SliceState scalar = new SliceState(slice, cm, null, List.of(), 1);
        SliceState vector = new SliceState(slice, cm, null, List.of(), 1);
        // every state receives input here (in a network only targets of projections do)
        java.util.Arrays.fill(vector.receivesInput, true);
        for (int k = 0; k < m.stateCount(); k++) {
            for (int i = 0; i < n; i++) {
                int v = (int) (CounterRng.bits(variant, k, 0, i) % range(variant));
                v = Math.min(m.states().get(k).ceiling(), v);
                scalar.x[k][i] = Math.max(m.states().get(k).floor(), v);
                vector.x[k][i] = scalar.x[k][i];
            }
        }
        for (int tick = 0; tick < 60; tick++) {
            int[][] in = new int[m.stateCount()][n];
            for (int k = 0; k < m.stateCount(); k++) {
                for (int i = 0; i < n; i++) {
                    in[k][i] = (int) (CounterRng.bits(variant, 100 + k, tick, i) % (range(variant) / 2));
                }
            }
            scalar.spikeCount = 0;
            vector.spikeCount = 0;
            NeuronUpdate.integrate(scalar, in, tick, 0);
            NeuronVectorUpdate.integrate(vector, in);
            scalar.swap();
            vector.swap();
            for (int k = 0; k < m.stateCount(); k++) {
                assertThat(vector.x[k]).as("variant %d %s tick %d state %d", variant, semantics, tick, k).isEqualTo(scalar.x[k]);
            }
            assertThat(vector.refractory).isEqualTo(scalar.refractory);
            assertThat(java.util.Arrays.copyOf(vector.spikes, vector.spikeCount))
                    .isEqualTo(java.util.Arrays.copyOf(scalar.spikes, scalar.spikeCount));
        }
    }
}
