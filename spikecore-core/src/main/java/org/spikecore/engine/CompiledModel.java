package org.spikecore.engine;

import java.util.List;
import org.spikecore.model.CoreSemantics;
import org.spikecore.model.Coupling;
import org.spikecore.model.Leak;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Noise;
import org.spikecore.model.Reset;
import org.spikecore.model.StateSpec;

/**
 * A {@link NeuronModel} flattened into primitive arrays for the tick loop under one
 * {@link CoreSemantics}: per-state parameters and, per target state, its couplings.
 */
final class CompiledModel {

    static final int RESET_KEEP = 0;
    static final int RESET_TO_VALUE = 1;
    static final int RESET_ADD = 2;
    static final int RESET_AT_LEAST = 3;

    final int states;
    final int[] floor;
    final int[] ceiling;
    static final int LEAK_NONE = 0;
    static final int LEAK_SHIFT = 1;
    static final int LEAK_MULTIPLY = 2;

    final int[] leakKind;
    /** The shift of a shift leak, or the 12-bit decay of a multiplicative one. */
    final int[] leakParam;
    final int[] bias;
    static final int NOISE_NONE = 0;
    static final int NOISE_UNIFORM = 1;
    static final int NOISE_GAUSSIAN = 2;

    final int[] noiseKind;
    /** The width of uniform noise, or the σ of Gaussian noise. */
    final int[] noiseParam;
    final int[] inputShift;
    final int[] resetKind;
    final int[] resetValue;
    final int[] initial;
    /** couplingSource[target] etc.: the couplings that add into each target state. */
    final int[][] couplingSource;
    final int[][] couplingSign;
    final int[][] couplingShift;
    final boolean[][] couplingCurrent;
    final int threshold;
    final int dynamicThresholdState;
    final int refractoryPeriod;
    /** NSAT's {@code one_bit_shift} for right-shifted couplings instead of a floor shift. */
    final boolean towardZeroShifts;
    /** NSAT's refractory rule instead of the engine's hold-and-skip. */
    final boolean nsatRefractory;
    /** Threshold on the unclamped sums, clamp afterwards. */
    final boolean spikeBeforeClamp;
    /**
     * Per state: whether its clamp must wait for the threshold test, because the test precedes the
     * clamp and reads the state (state 0 and a dynamic threshold's state) or a coupling reads its
     * unclamped value of this tick. Every other state is clamped as soon as it is computed.
     */
    final boolean[] clampAfterTest;
    /** The saturation range of a state's summed synaptic input after its gain; the int range when exact. */
    final int accumulatorMin;
    final int accumulatorMax;
    final boolean anyNoise;
    /**
     * Whether the Vector API update applies (under either semantics): no noise, sums fit in 32
     * bits (either leak kind).
     */
    final boolean vectorizable;
    /** Whether every intermediate sum of an update fits in an int (the vector path's condition). */
    final boolean fitsInt;

    CompiledModel(NeuronModel m, long maxInputPerState, CoreSemantics semantics) {
        List<StateSpec> s = m.states();
        states = s.size();
        floor = new int[states];
        ceiling = new int[states];
        leakKind = new int[states];
        leakParam = new int[states];
        bias = new int[states];
        noiseKind = new int[states];
        noiseParam = new int[states];
        inputShift = new int[states];
        resetKind = new int[states];
        resetValue = new int[states];
        initial = new int[states];
        boolean noise = false;
        long worst = 0;
        for (int k = 0; k < states; k++) {
            StateSpec st = s.get(k);
            floor[k] = st.floor();
            ceiling[k] = st.ceiling();
            switch (st.leak()) {
                case Leak.None none -> leakKind[k] = LEAK_NONE;
                case Leak.Shift(int shift) -> {
                    leakKind[k] = LEAK_SHIFT;
                    leakParam[k] = shift;
                }
                case Leak.Multiplicative(int decay) -> {
                    leakKind[k] = LEAK_MULTIPLY;
                    leakParam[k] = decay;
                }
            }
            bias[k] = st.bias();
            switch (st.noise()) {
                case Noise.None none -> noiseKind[k] = NOISE_NONE;
                case Noise.Uniform(int bits) -> {
                    noiseKind[k] = NOISE_UNIFORM;
                    noiseParam[k] = bits;
                }
                case Noise.Gaussian(int sigma) -> {
                    noiseKind[k] = NOISE_GAUSSIAN;
                    noiseParam[k] = sigma;
                }
            }
            inputShift[k] = st.inputShift();
            initial[k] = st.initial();
            noise |= noiseKind[k] != NOISE_NONE;
            switch (st.reset()) {
                case Reset.Keep keep -> resetKind[k] = RESET_KEEP;
                case Reset.ToValue(int v) -> {
                    resetKind[k] = RESET_TO_VALUE;
                    resetValue[k] = v;
                }
                case Reset.Add(int d) -> {
                    resetKind[k] = RESET_ADD;
                    resetValue[k] = d;
                }
                case Reset.AtLeast(int v) -> {
                    resetKind[k] = RESET_AT_LEAST;
                    resetValue[k] = v;
                }
            }
            long magnitude = Math.max(Math.abs((long) st.format().min()), st.format().max());
            worst = Math.max(worst, magnitude);
        }
        anyNoise = noise;
        couplingSource = new int[states][];
        couplingSign = new int[states][];
        couplingShift = new int[states][];
        couplingCurrent = new boolean[states][];
        long worstSum = 0;
        for (int k = 0; k < states; k++) {
            final int target = k;
            List<Coupling> in = m.couplings().stream().filter(c -> c.target() == target).toList();
            couplingSource[k] = in.stream().mapToInt(Coupling::source).toArray();
            couplingSign[k] = in.stream().mapToInt(Coupling::sign).toArray();
            couplingShift[k] = in.stream().mapToInt(Coupling::shift).toArray();
            couplingCurrent[k] = new boolean[in.size()];
            for (int c = 0; c < in.size(); c++) {
                couplingCurrent[k][c] = in.get(c).current();
            }
            long couplingWorst = 0;
            for (Coupling c : in) {
                couplingWorst += worst << Math.max(0, -c.shift());
            }
            long input = Math.min(maxInputPerState << Math.max(0, inputShift[k]),
                    1L << (semantics.accumulatorBits() - 1));
            long noiseWorst = noiseKind[k] == NOISE_UNIFORM ? 1L << noiseParam[k]
                    : noiseKind[k] == NOISE_GAUSSIAN ? 16L * noiseParam[k] : 0;
            long sum = worst + couplingWorst + input + Math.abs((long) bias[k]) + noiseWorst;
            worstSum = Math.max(worstSum, sum);
        }
        threshold = m.threshold().value();
        fitsInt = worstSum < Integer.MAX_VALUE && Math.abs((long) threshold) + worst < Integer.MAX_VALUE;
        vectorizable = fitsInt && !anyNoise;
        dynamicThresholdState = m.threshold().dynamicState();
        refractoryPeriod = m.refractoryPeriod();
        towardZeroShifts = semantics.couplingRounding() == CoreSemantics.ShiftRounding.TOWARD_ZERO_NEVER_ZERO;
        nsatRefractory = semantics.refractory() == CoreSemantics.RefractoryRule.NSAT;
        spikeBeforeClamp = semantics.spikeTest() == CoreSemantics.SpikeTest.BEFORE_CLAMP;
        clampAfterTest = new boolean[states];
        if (spikeBeforeClamp) {
            clampAfterTest[0] = true;
            if (dynamicThresholdState >= 0) {
                clampAfterTest[dynamicThresholdState] = true;
            }
            for (int k = 0; k < states; k++) {
                for (int c = 0; c < couplingSource[k].length; c++) {
                    if (couplingCurrent[k][c]) {
                        clampAfterTest[couplingSource[k][c]] = true;
                    }
                }
            }
        }
        accumulatorMax = (int) ((1L << (semantics.accumulatorBits() - 1)) - 1);
        accumulatorMin = (int) -(1L << (semantics.accumulatorBits() - 1));
    }
}
