package org.spikecore.train.net;

import java.util.List;
import org.spikecore.model.Coupling;
import org.spikecore.model.Leak;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Reset;
import org.spikecore.model.StateSpec;
import org.spikecore.model.Threshold;

/**
 * Trainable float layers made from the engine's neuron records ({@link NeuronModel}, e.g. the
 * {@link org.spikecore.model.NeuronPresets}), so a network is trained with the neurons it will run
 * on. Values are read in units of {@code unitsPerOne} raw state units per 1.0: a shift leak k
 * becomes the decay {@code 1 − 2^−k}, Loihi's 12-bit decay d becomes {@code 1 − d/4096}, no leak
 * becomes 1, the threshold θ becomes {@code θ/unitsPerOne}. The model is recognised by its
 * structure, not its name:
 * <ul>
 * <li>one state, fixed threshold, reset to 0 or by −θ → {@link Lif} (zero or subtract reset);</li>
 * <li>two states, the input into state 1 and state 1 coupled into state 0 without shift, fixed
 * threshold → {@link CubaLif} (the engine's {@code lif-syn1});</li>
 * <li>three states P, Q, R with Q coupled into P, a threshold dynamic on R and R reset by adding
 * a jump J → {@link Qpr} with refractory weight {@code J/unitsPerOne} (the engine's {@code qpr}).</li>
 * </ul>
 * A subtractive reset maps by its amount: the engine subtracts right after the spike, before the
 * next tick's leak, so its reset by ϑ removes β·ϑ by the time the float layer (which subtracts
 * after its leak) would; a network exported from a float {@link Lif} therefore resets by ϑ/β (as
 * {@code ClassifierDeployment} does), and a preset with reset by ϑ trains here as a layer that
 * removes a little more than the engine will.
 * Anything the float layers do not model — bias, noise, input shifts, initial values, a refractory
 * period, coupling shifts, other shapes — is an {@link IllegalArgumentException} naming it. The
 * engine's integer arithmetic (the one-unit minimum leak, floor shifts, 16-bit clamps) is what the
 * float layer approximates, not reproduces; spike-exact training is {@link Qpr}'s integer forward pass's job.
 */
public final class EngineNeurons {

    private EngineNeurons() {
    }

    /** The float layer of {@code model} for {@code shape}, spiking with {@code spike}; resets are detached from the gradient. */
    public static NeuronModule layer(NeuronModel model, Shape shape, int unitsPerOne, SpikeFunction spike) {
        if (unitsPerOne < 1) {
            throw new IllegalArgumentException("units per 1.0 must be positive, got " + unitsPerOne);
        }
        if (model.refractoryPeriod() != 0) {
            throw unsupported(model, "a refractory period (" + model.refractoryPeriod() + " ticks)");
        }
        for (StateSpec s : model.states()) {
            if (s.bias() != 0 || !(s.noise() instanceof org.spikecore.model.Noise.None) || s.inputShift() != 0 || s.initial() != 0) {
                throw unsupported(model, "state " + s.name() + "'s bias, noise, input shift or initial value");
            }
        }
        List<StateSpec> st = model.states();
        Threshold th = model.threshold();
        float threshold = (float) th.value() / unitsPerOne;
        if (st.size() == 1 && !th.isDynamic() && model.couplings().isEmpty()) {
            return new Lif(shape, decay(st.get(0)), threshold, reset(model, st.get(0), th), true, spike);
        }
        if (st.size() == 2 && !th.isDynamic() && model.couplings().equals(List.of(Coupling.of(0, 1, 1, 0)))
                && st.get(1).reset() instanceof Reset.Keep) {
            return new CubaLif(shape, decay(st.get(1)), decay(st.get(0)), threshold, reset(model, st.get(0), th), true, spike);
        }
        if (st.size() == 3 && th.isDynamic() && th.dynamicState() == 2 && model.couplings().equals(List.of(Coupling.of(0, 1, 1, 0)))
                && st.get(0).reset() instanceof Reset.Keep && st.get(1).reset() instanceof Reset.Keep
                && st.get(2).reset() instanceof Reset.Add(int jump) && jump > 0) {
            return new Qpr(shape, decay(st.get(1)), decay(st.get(0)), decay(st.get(2)), (float) jump / unitsPerOne, threshold, true,
                    spike);
        }
        throw unsupported(model, "its structure (" + st.size() + " states, " + model.couplings().size() + " couplings, "
                + (th.isDynamic() ? "dynamic" : "fixed") + " threshold)");
    }

    private static float decay(StateSpec s) {
        return switch (s.leak()) {
            case Leak.None n -> 1f;
            case Leak.Shift(int k) -> (float) (1 - Math.scalb(1.0, -k));
            case Leak.Multiplicative(int d) -> (float) (1 - d / 4096.0);
        };
    }

    private static NeuronModule.Reset reset(NeuronModel model, StateSpec v, Threshold th) {
        if (v.reset() instanceof Reset.ToValue(int value) && value == 0) {
            return NeuronModule.Reset.ZERO;
        }
        if (v.reset() instanceof Reset.Add(int delta) && delta == -th.value()) {
            return NeuronModule.Reset.SUBTRACT;
        }
        throw unsupported(model, "state " + v.name() + "'s reset " + v.reset() + " (only to 0, or by the threshold)");
    }

    private static IllegalArgumentException unsupported(NeuronModel model, String what) {
        return new IllegalArgumentException("neuron model '" + model.name() + "' has no float layer: " + what + " is not modelled");
    }
}
