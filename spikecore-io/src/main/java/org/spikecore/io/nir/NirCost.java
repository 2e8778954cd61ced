package org.spikecore.io.nir;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.memory.LayerShape;

/**
 * The synaptic work of a simulated run, per synaptic node (Affine, Linear, Conv1d, Conv2d): the
 * input events, the synaptic operations they cause (an event drives one accumulate per non-zero
 * weight of its input's fan-out, as an event-driven core delivers it) and, for the energy model,
 * the node as a {@link LayerShape} with its measured input rate and weight density.
 */
public final class NirCost {

    private NirCost() {
    }

    /**
     * One synaptic node's figures, per sample.
     *
     * @param node           the node's name
     * @param type           its NIR type
     * @param eventsPerSample non-zero inputs per sample over all steps
     * @param synOpsPerSample accumulates per sample
     * @param inputRate      non-zero inputs per input unit and step
     * @param density        fraction of non-zero weights
     * @param shape          the layer for the energy model, or null when it has no such shape (with {@code why})
     * @param why            why {@code shape} is null
     */
    public record Layer(String node, String type, double eventsPerSample, double synOpsPerSample, double inputRate, double density,
            LayerShape shape, String why) {
    }

    /** The synaptic nodes of {@code sim} after {@code run} of {@code samples} samples over {@code steps} steps. */
    public static List<Layer> of(NirSimulation sim, NirSimulation.Run run, int samples, int steps) {
        List<Layer> out = new ArrayList<>();
        for (int k = 0; k < sim.layers().size(); k++) {
            NirLayer l = sim.layers().get(k);
            long[] events = run.inputEvents()[k];
            long[] fanOut = fanOut(l);
            if (fanOut == null) {
                continue;
            }
            double ev = 0;
            double ops = 0;
            for (int j = 0; j < events.length; j++) {
                ev += events[j];
                ops += (double) events[j] * fanOut[j];
            }
            double weights = l.node().arrays().get(0).values().length;
            double nonZero = java.util.Arrays.stream(l.node().arrays().get(0).values()).filter(v -> v != 0).count();
            LayerShape shape = null;
            String why = null;
            if (l.node() instanceof NirNode.Conv2d c) {
                boolean square = c.weight().dim(2) == c.weight().dim(3) && c.stride().equals(List.of(1, 1))
                        && c.dilation().equals(List.of(1, 1)) && c.groups() == 1 && l.inShape().get(1).equals(l.outShape().get(1))
                        && l.inShape().get(2).equals(l.outShape().get(2));
                if (square) {
                    shape = new LayerShape.Conv(l.inShape().get(1), l.inShape().get(2), l.inShape().get(0), c.weight().dim(0),
                            c.weight().dim(2));
                } else {
                    why = "the energy model's conv layers are square-kernel, stride 1, same-size, one group";
                }
            } else if (l.node() instanceof NirNode.Conv1d) {
                why = "the energy model has no 1-d convolution";
            } else {
                shape = new LayerShape.Fc(l.inSize(), l.outSize());
            }
            out.add(new Layer(l.name(), l.node().type(), ev / samples, ops / samples, ev / ((double) samples * steps * events.length),
                    weights == 0 ? 0 : nonZero / weights, shape, why));
        }
        return out;
    }

    /** Per input unit, the non-zero weights it drives; null for a node without weights. */
    private static long[] fanOut(NirLayer l) {
        return switch (l.node()) {
            case NirNode.Affine a -> denseFanOut(a.weight());
            case NirNode.Linear a -> denseFanOut(a.weight());
            case NirNode.Conv2d c -> l.connectionsPerInput();
            case NirNode.Conv1d c -> l.connectionsPerInput();
            case NirNode.Input n -> null;
            case NirNode.Output n -> null;
            case NirNode.Scale n -> null;
            case NirNode.SumPool2d n -> null;
            case NirNode.AvgPool2d n -> null;
            case NirNode.Flatten n -> null;
            case NirNode.Delay n -> null;
            case NirNode.Threshold n -> null;
            case NirNode.I n -> null;
            case NirNode.IF n -> null;
            case NirNode.LI n -> null;
            case NirNode.LIF n -> null;
            case NirNode.CubaLI n -> null;
            case NirNode.CubaLIF n -> null;
            case NirNode.NirGraph n -> null;
        };
    }

    private static long[] denseFanOut(org.spikecore.io.npy.NpyArray weight) {
        int out = weight.dim(0);
        int in = weight.dim(1);
        long[] f = new long[in];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) {
                if (weight.values()[i * in + j] != 0) {
                    f[j]++;
                }
            }
        }
        return f;
    }
}
