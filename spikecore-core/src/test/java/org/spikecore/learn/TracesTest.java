package org.spikecore.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spikecore.fixed.Rounding;

class TracesTest {

    /**
     * Decay over the live neurons only against a decay of every non-zero trace of every neuron, the
     * reference: random spikes, long silences (traces dying out), every rounding and pairing and a
     * zero increment.
     */
    @Test
    void decayOfTheLiveNeuronsEqualsADecayOfEveryNeuron() {
        TraceSpec[] specs = {new TraceSpec(4, 128, 128, Rounding.STOCHASTIC, TraceSpec.Pairing.NEAREST),
                new TraceSpec(2, 30, 255, Rounding.STOCHASTIC, TraceSpec.Pairing.ALL_TO_ALL),
                new TraceSpec(1, 5, 9, Rounding.FLOOR, TraceSpec.Pairing.ALL_TO_ALL),
                new TraceSpec(3, 0, 10, Rounding.NEAREST_EVEN, TraceSpec.Pairing.NEAREST)};
        int n = 300;
        long seed = 17;
        long stream = 40;
        Traces t = new Traces(n, seed, stream, specs);
        int[][] reference = new int[specs.length][n];
        for (int tick = 0; tick < 600; tick++) {
            t.decay(tick);
            for (int k = 0; k < specs.length; k++) {
                long prefix = org.spikecore.fixed.CounterRng.keyPrefix(seed, stream + k, tick);
                for (int i = 0; i < n; i++) {
                    if (reference[k][i] != 0) {
                        reference[k][i] -= (int) specs[k].rounding().shiftRight(reference[k][i], specs[k].decayShift(),
                                org.spikecore.fixed.CounterRng.bitsFromPrefix(prefix, i));
                    }
                }
            }
            boolean silent = (tick / 100) % 2 == 1; // 100 ticks of spikes, 100 of silence
            for (int i = 0; i < n && !silent; i++) {
                if (org.spikecore.fixed.CounterRng.uniform(seed, 99, tick, i) < 0.03) {
                    t.spike(i);
                    for (int k = 0; k < specs.length; k++) {
                        reference[k][i] = specs[k].pairing() == TraceSpec.Pairing.NEAREST ? specs[k].increment()
                                : Math.min(specs[k].max(), reference[k][i] + specs[k].increment());
                    }
                }
            }
            for (int k = 0; k < specs.length; k++) {
                for (int i = 0; i < n; i++) {
                    assertThat(t.value(k, i)).as("tick %d trace %d neuron %d", tick, k, i).isEqualTo(reference[k][i]);
                }
            }
        }
        assertThat(t.value(0, 0) + t.value(1, 0)).as("silent at the end: every trace has died out").isZero();
    }

    @Test
    void floorDecayAndIncrementsAreExact() {
        Traces t = new Traces(2, 1, 0, new TraceSpec(2, 40, 127, Rounding.FLOOR, TraceSpec.Pairing.ALL_TO_ALL));
        t.spike(0);
        t.decay(1); // 40 - 10
        assertThat(t.value(0, 0)).isEqualTo(30);
        t.spike(0); // 70
        t.decay(2); // 70 - 17
        assertThat(t.value(0, 0)).isEqualTo(53);
        t.spike(0);
        t.spike(0); // 133 saturates
        assertThat(t.value(0, 0)).isEqualTo(127);
        assertThat(t.value(0, 1)).isZero();
    }

    @Test
    void nearestPairingRemembersOnlyTheLastSpike() {
        TraceSpec nearest = new TraceSpec(3, 64, 127, Rounding.FLOOR, TraceSpec.Pairing.NEAREST);
        TraceSpec all = new TraceSpec(3, 64, 127, Rounding.FLOOR, TraceSpec.Pairing.ALL_TO_ALL);
        Traces t = new Traces(1, 1, 0, nearest, all);
        t.spike(0);
        t.decay(1); // 64 - 8 = 56 both
        t.spike(0); // nearest 64, all 120
        assertThat(t.value(0, 0)).isEqualTo(64);
        assertThat(t.value(1, 0)).isEqualTo(120);
    }

    @Test
    void stochasticDecayIsUnbiasedAndReproducible() {
        int n = 20_000;
        TraceSpec s = new TraceSpec(3, 100, 127, Rounding.STOCHASTIC, TraceSpec.Pairing.ALL_TO_ALL);
        Traces a = new Traces(n, 42, 5, s);
        Traces b = new Traces(n, 42, 5, s);
        for (int i = 0; i < n; i++) {
            a.spike(i);
            b.spike(n - 1 - i);
        }
        for (int tick = 1; tick <= 10; tick++) {
            a.decay(tick);
            b.decay(tick);
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            assertThat(a.value(0, i)).isEqualTo(b.value(0, i));
            mean += a.value(0, i);
        }
        mean /= n;
        // exact mean of stochastic rounding: 100 * (7/8)^10 = 26.31
        assertThat(mean).isCloseTo(100 * Math.pow(7.0 / 8, 10), org.assertj.core.data.Offset.offset(0.3));
        Traces floor = new Traces(1, 42, 5, new TraceSpec(3, 100, 127, Rounding.FLOOR, TraceSpec.Pairing.ALL_TO_ALL));
        floor.spike(0);
        for (int tick = 1; tick <= 10; tick++) {
            floor.decay(tick);
        }
        assertThat(floor.value(0, 0)).as("floor decay drops less: 100, 88, 77, ..., 33, 29").isEqualTo(29);
    }

    @Test
    void badSpecsAreRejected() {
        assertThatThrownBy(() -> new TraceSpec(0, 1, 1, Rounding.FLOOR, TraceSpec.Pairing.NEAREST))
                .hasMessageContaining("decay shift");
        assertThatThrownBy(() -> new TraceSpec(2, 10, 5, Rounding.FLOOR, TraceSpec.Pairing.NEAREST))
                .hasMessageContaining("increment <= max");
    }
}
