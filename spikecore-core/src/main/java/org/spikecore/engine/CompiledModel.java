package org.spikecore.engine;

import java.util.List;
import org.spikecore.model.Coupling;
import org.spikecore.model.Leak;
import org.spikecore.model.NeuronModel;
import org.spikecore.model.Reset;
import org.spikecore.model.StateSpec;

/**
 * A {@link NeuronModel} flattened into primitive arrays for the tick loop: per-state parameters
 * and, per target state, its couplings.
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
    final int[] noiseBits;
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
    final boolean anyNoise;
    /** Whether the Vector API update applies: no noise, no multiplicative leak, sums fit in 32 bits. */
    final boolean vectorizable;
    /** Whether every intermediate sum of an update fits in an int (the vector path's condition). */
    final boolean fitsInt;

    CompiledModel(NeuronModel m, long maxInputPerState) {
        List<StateSpec> s = m.states();
        states = s.size();
        floor = new int[states];
        ceiling = new int[states];
        leakKind = new int[states];
        leakParam = new int[states];
        bias = new int[states];
        noiseBits = new int[states];
        inputShift = new int[states];
        resetKind = new int[states];
        resetValue = new int[states];
        initial = new int[states];
        boolean noise = false;
        boolean anyMultiply = false;
        long worst = 0;
        for (int k = 0; k < states; k++) {
            StateSpec st = s.get(k);
            floor[k] = st.floor();
            ceiling[k] = st.ceiling();
            boolean multiply = false;
            switch (st.leak()) {
                case Leak.None none -> leakKind[k] = LEAK_NONE;
                case Leak.Shift(int shift) -> {
                    leakKind[k] = LEAK_SHIFT;
                    leakParam[k] = shift;
                }
                case Leak.Multiplicative(int decay) -> {
                    leakKind[k] = LEAK_MULTIPLY;
                    leakParam[k] = decay;
                    multiply = true;
                }
            }
            anyMultiply |= multiply;
            bias[k] = st.bias();
            noiseBits[k] = st.noiseBits();
            inputShift[k] = st.inputShift();
            initial[k] = st.initial();
            noise |= st.noiseBits() > 0;
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
            long sum = worst * (1 + in.size()) + (maxInputPerState << inputShift[k]) + Math.abs((long) bias[k])
                    + (1L << noiseBits[k]);
            worstSum = Math.max(worstSum, sum);
        }
        threshold = m.threshold().value();
        fitsInt = worstSum < Integer.MAX_VALUE && Math.abs((long) threshold) + worst < Integer.MAX_VALUE;
        vectorizable = fitsInt && !anyNoise && !anyMultiply;
        dynamicThresholdState = m.threshold().dynamicState();
        refractoryPeriod = m.refractoryPeriod();
    }
}
