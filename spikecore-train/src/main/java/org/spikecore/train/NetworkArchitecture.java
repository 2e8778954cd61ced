package org.spikecore.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.spikecore.train.net.Conv2d;
import org.spikecore.train.net.Dense;
import org.spikecore.train.net.Flatten;
import org.spikecore.train.net.Module;
import org.spikecore.train.net.Shape;

/**
 * The layers of a network that is trained as an ANN and converted to spiking neurons
 * ({@link AnnConversion}): hidden weight layers, each followed by an activation (ReLU in the ANN,
 * integrate-and-fire after conversion), then a dense readout per class without activation. A flatten
 * goes wherever a dense layer follows an image-shaped activation. The MLP's layers have no bias, so
 * that the converted network is what a core's synapse memory computes ({@link ConvertedDeployment});
 * the CNN's layers have biases (a per-step current after conversion).
 *
 * @param name   what the CLI calls it
 * @param hidden the hidden weight layers in order
 */
public record NetworkArchitecture(String name, List<Layer> hidden) {

    public NetworkArchitecture {
        hidden = List.copyOf(hidden);
    }

    /** A hidden weight layer. */
    public sealed interface Layer permits DenseLayer, ConvLayer {
    }

    /** A fully connected layer of {@code units} outputs. */
    public record DenseLayer(int units) implements Layer {
        public DenseLayer {
            if (units < 1) {
                throw new IllegalArgumentException("a dense layer needs at least one unit, got " + units);
            }
        }
    }

    /** A convolution of {@code channels} k×k filters with stride and zero padding. */
    public record ConvLayer(int channels, int kernel, int stride, int padding) implements Layer {
    }

    /** 784-H-10 (no biases). */
    public static NetworkArchitecture mlp(int hiddenUnits) {
        return new NetworkArchitecture("mlp", List.of(new DenseLayer(hiddenUnits)));
    }

    /** Two strided convolutions (16 5×5 filters, stride 2; 32 3×3, stride 2) and two dense layers (128, classes). */
    public static NetworkArchitecture cnn() {
        return new NetworkArchitecture("cnn", List.of(new ConvLayer(16, 5, 2, 2), new ConvLayer(32, 3, 2, 1), new DenseLayer(128)));
    }

    /** Whether the weight layers carry biases (only the CNN's). */
    public boolean biased() {
        return hidden.stream().anyMatch(l -> l instanceof ConvLayer);
    }

    /**
     * The modules for inputs of shape {@code in}: each hidden weight layer followed by
     * {@code activation.apply(its output shape)}, then the readout; weights drawn from {@code seed}.
     */
    public List<Module> modules(Shape in, int classes, long seed, Function<Shape, Module> activation) {
        List<Module> modules = new ArrayList<>();
        Shape shape = in;
        int stream = 1;
        for (Layer layer : hidden) {
            Module weights = switch (layer) {
                case DenseLayer(int units) -> {
                    shape = flattenInto(modules, shape);
                    yield dense(shape.size(), units, seed, stream);
                }
                case ConvLayer(int channels, int kernel, int stride, int padding) ->
                    new Conv2d(shape, channels, kernel, stride, padding, 1.0, seed, stream);
            };
            stream += 2;
            modules.add(weights);
            shape = weights.outShape();
            modules.add(activation.apply(shape));
        }
        shape = flattenInto(modules, shape);
        modules.add(dense(shape.size(), classes, seed, stream));
        return modules;
    }

    private Dense dense(int in, int out, long seed, int stream) {
        return biased() ? new Dense(in, out, 1.0, seed, stream) : Dense.withoutBias(in, out, 1.0, seed, stream);
    }

    private static Shape flattenInto(List<Module> modules, Shape shape) {
        if (shape.height() == 1 && shape.width() == 1) {
            return shape;
        }
        Flatten f = new Flatten(shape);
        modules.add(f);
        return f.outShape();
    }

    /**
     * For weight layer {@code k} of {@code modules} (hidden layers in order, then the readout): how
     * many weights each of its inputs drives, {@code fanOut[j]}; an ANN runs each once per inference
     * (one MAC each), a spiking network once per input spike (one accumulate each).
     */
    public long[] fanOut(List<Module> modules, int k) {
        Module m = weightModules(modules).get(k);
        int in = m.inShape().size();
        long[] fan = new long[in];
        if (k < hidden.size() && hidden.get(k) instanceof ConvLayer(int channels, int kernel, int stride, int padding)) {
            Shape s = m.inShape();
            Shape o = m.outShape();
            int[] rows = positions(s.height(), o.height(), kernel, stride, padding);
            int[] cols = positions(s.width(), o.width(), kernel, stride, padding);
            for (int ch = 0; ch < s.channels(); ch++) {
                for (int r = 0; r < s.height(); r++) {
                    for (int c = 0; c < s.width(); c++) {
                        fan[(ch * s.height() + r) * s.width() + c] = (long) channels * rows[r] * cols[c];
                    }
                }
            }
        } else {
            java.util.Arrays.fill(fan, m.outShape().size());
        }
        return fan;
    }

    /** Per input row (or column) r: the (output position, kernel tap) pairs with {@code p·stride − padding + i = r}. */
    private static int[] positions(int inSize, int outSize, int kernel, int stride, int padding) {
        int[] n = new int[inSize];
        for (int p = 0; p < outSize; p++) {
            for (int i = 0; i < kernel; i++) {
                int r = p * stride - padding + i;
                if (r >= 0 && r < inSize) {
                    n[r]++;
                }
            }
        }
        return n;
    }

    /** The weight layers (dense and convolutional) of {@code modules}, in order. */
    public static List<Module> weightModules(List<Module> modules) {
        return modules.stream().filter(m -> m instanceof Dense || m instanceof Conv2d).toList();
    }
}
