package org.spikecore.train;

import java.util.List;
import org.spikecore.fixed.Format;
import org.spikecore.model.ArraySource;
import org.spikecore.model.DenseConnectivity;
import org.spikecore.model.Network;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.NeuronPresets;
import org.spikecore.model.Population;
import org.spikecore.model.Projection;

/**
 * Exports a trained pattern-retention network to the bit-accurate engine: integer weights at
 * {@code unitsPerOne} units per 1.0 in 16-bit words, Q/P/R neurons from {@link NeuronPresets#qpr}
 * (α = 1 − 2^−2, β = γ = 1 − 2^−3, threshold and refractory jump in the same units), the frozen
 * input raster as an array source, one tick of delay per layer.
 *
 * <p>The engine computes what the trainer computes up to three differences, so its spikes agree
 * with the trainer's closely but not exactly: the traces are filtered after the weights (Σ W·s
 * filtered at the post neuron, equal to W·(filtered s) only in exact arithmetic), integer leaks
 * move at least one unit per tick (NSAT's rule), and weights and traces are rounded to integers (the
 * refractory jump is exported as δ/γ because the engine decays it once before the trainer would
 * first use it). {@link IntegerForward} is the trainer's forward pass in the engine's integer
 * arithmetic, written independently of the engine; the engine reproduces it bit for bit
 * ({@code DeploymentTest}), while the float forward pass used in training agrees closely only.
 */
public final class Deployment {

    private Deployment() {
    }

    /** The engine network of {@code task}'s current (quantized) weights. */
    public static Network toNetwork(PatternRetention task, int unitsPerOne) {
        PatternRetention.Config c = task.config();
        float[] in = task.input();
        int events = 0;
        for (float x : in) {
            events += x != 0f ? 1 : 0;
        }
        int[] ticks = new int[events];
        int[] neurons = new int[events];
        int k = 0;
        for (int t = 0; t < c.steps(); t++) {
            for (int j = 0; j < c.inputs(); j++) {
                if (in[t * c.inputs() + j] != 0f) {
                    ticks[k] = t;
                    neurons[k++] = j;
                }
            }
        }
        NeuronModel qpr = NeuronPresets.qpr(2, 3, 3, threshold(unitsPerOne), jump(unitsPerOne));
        return new Network(List.of(new ArraySource("input", c.inputs(), ticks, neurons),
                new Population("hidden", c.hidden(), qpr), new Population("output", c.outputs(), qpr)),
                List.of(projection("input->hidden", "input", "hidden", task.hiddenWeights(), c.inputs(), c.hidden(), unitsPerOne),
                        projection("hidden->output", "hidden", "output", task.outputWeights(), c.hidden(), c.outputs(),
                                unitsPerOne)),
                Math.max(3 * c.hidden(), 3 * c.outputs()));
    }

    /** The threshold ϑ in integer units. */
    static int threshold(int unitsPerOne) {
        return Math.round(PatternRetention.THRESHOLD * unitsPerOne);
    }

    /**
     * The refractory jump in integer units: δ/γ, because the engine adds the jump at the spike and
     * decays it once before the next threshold test, where the trainer adds it undecayed.
     */
    static int jump(int unitsPerOne) {
        return Math.round(PatternRetention.DELTA / PatternRetention.GAMMA * unitsPerOne);
    }

    private static Projection projection(String name, String pre, String post, float[] w, int in, int out, int units) {
        int[] integer = IntegerForward.toInteger(w, units); // out x in
        int[] dense = new int[in * out]; // the engine's pre x post
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) {
                dense[j * out + i] = integer[i * in + j];
            }
        }
        return Projection.of(name, pre, post, new DenseConnectivity(in, out, dense), Format.INT16, 1);
    }
}
