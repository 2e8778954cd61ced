package org.spikecore.engine;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of {@link NeuronUpdate#integrate}, bit-identical to it (tested in
 * {@code NeuronVectorUpdateTest}). Used for models whose update it can express exactly
 * ({@link CompiledModel#vectorizable}: no noise, sums within 32 bits; shift and 12-bit
 * multiplicative leaks).
 * One pass per state from the last to the first (per-state constants stay in registers); the
 * last pass, state 0's, also applies the refractory rule, tests the threshold and clamps, so the
 * membrane is loaded and stored once per tick. A state is clamped in its own pass unless the
 * spike test must see it unclamped ({@link CompiledModel#clampAfterTest}); spiking lanes and the
 * tail go through the scalar code. Under NSAT's never-zero rounding the terms a state takes from
 * its own previous value (CUBA's and the Mihalas–Niebur presets' extra leaks) are folded into the
 * leak: one |x|, one sign, one conditional negate for all of them.
 */
final class NeuronVectorUpdate {

    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;

    private NeuronVectorUpdate() {
    }

    static void integrate(SliceState s, int[][] in) {
        CompiledModel m = s.model;
        int n = s.length;
        int lanes = INTS.length();
        int bound = n - n % lanes;
        int firstSpike = s.spikeCount;
        for (int k = m.states - 1; k >= 1; k--) {
            updateState(s, m, in, k, bound);
        }
        updateMembrane(s, m, in, bound);
        for (int k = 1; k < m.states; k++) {
            if (m.clampAfterTest[k]) {
                clampState(s.next[k], m.floor[k], m.ceiling[k], bound);
            }
        }
        NeuronUpdate.resetSpiking(s, 0, bound, firstSpike);
        for (int k = m.states - 1; k >= 0; k--) {
            for (int i = bound; i < n; i++) {
                s.next[k][i] = NeuronUpdate.updateOne(s, in, k, i, 0, 0L);
                in[k][i] = 0;
            }
        }
        NeuronUpdate.thresholdAndReset(s, bound, n);
        s.neuronUpdates += n;
    }

    /**
     * State {@code k ≥ 1} of lanes {@code [0, bound)}: leak (shift or multiplicative), couplings, gained and saturated input,
     * bias, and the clamp unless the spike test must see the state unclamped.
     */
    private static void updateState(SliceState s, CompiledModel m, int[][] in, int k, int bound) {
        int[] xk = s.x[k];
        int[] nk = s.next[k];
        int[] ink = in[k];
        boolean hasInput = s.receivesInput[k];
        int inputShift = m.inputShift[k];
        boolean saturateInput = m.accumulatorMax < Integer.MAX_VALUE;
        IntVector accMin = IntVector.broadcast(INTS, m.accumulatorMin);
        IntVector accMax = IntVector.broadcast(INTS, m.accumulatorMax);
        boolean towardZero = m.towardZeroShifts;
        boolean clampFirst = !m.clampAfterTest[k];
        int bias = m.bias[k];
        int floor = m.floor[k];
        int ceiling = m.ceiling[k];
        int leak = m.leakKind[k] == CompiledModel.LEAK_SHIFT ? m.leakParam[k] : -1;
        int keep = m.leakKind[k] == CompiledModel.LEAK_MULTIPLY ? 4096 - m.leakParam[k] : -1;
        int couplings = m.couplingSource[k].length;
        int[] shift = m.couplingShift[k];
        int[] sign = m.couplingSign[k];
        // The first three couplings are held in locals so the JIT can hoist their bounds checks;
        // models with more go through the general loop for the rest. A coupling from the state's
        // own previous value reuses the loaded vector.
        int[] from0 = couplings > 0 ? source(s, m, k, 0) : xk;
        int[] from1 = couplings > 1 ? source(s, m, k, 1) : xk;
        int[] from2 = couplings > 2 ? source(s, m, k, 2) : xk;
        boolean self0 = from0 == xk;
        boolean self1 = from1 == xk;
        boolean self2 = from2 == xk;
        int shift0 = couplings > 0 ? shift[0] : 0;
        int shift1 = couplings > 1 ? shift[1] : 0;
        int shift2 = couplings > 2 ? shift[2] : 0;
        boolean add0 = couplings > 0 && sign[0] > 0;
        boolean add1 = couplings > 1 && sign[1] > 0;
        boolean add2 = couplings > 2 && sign[2] > 0;
        // Under never-zero rounding a term from the state's own previous value shares the shift
        // leak's sign: their magnitudes are summed and the sign applied once (exact: sign(x)·a +
        // sign(x)·b); a multiplicative leak keeps its own sum.
        boolean fold0 = towardZero && self0 && shift0 > 0 && keep < 0;
        boolean fold1 = towardZero && self1 && shift1 > 0 && keep < 0;
        boolean fold2 = towardZero && self2 && shift2 > 0 && keep < 0;
        boolean folds = fold0 || fold1 || fold2;
        int lanes = INTS.length();
        IntVector zero = IntVector.zero(INTS);
        for (int i = 0; i < bound; i += lanes) {
            IntVector old = IntVector.fromArray(INTS, xk, i);
            IntVector v = old;
            if (folds) {
                v = v.sub(foldedSelfTerms(old, leak, fold0 ? shift0 : 0, add0, fold1 ? shift1 : 0, add1, fold2 ? shift2 : 0, add2));
            } else if (leak >= 0) {
                v = v.sub(neverZero(old, leak));
            } else if (keep >= 0) {
                v = decayed(old, keep);
            }
            if (couplings > 0 && !fold0) {
                IntVector t = term(self0 ? old : IntVector.fromArray(INTS, from0, i), shift0, towardZero);
                v = add0 ? v.add(t) : v.sub(t);
            }
            if (couplings > 1 && !fold1) {
                IntVector t = term(self1 ? old : IntVector.fromArray(INTS, from1, i), shift1, towardZero);
                v = add1 ? v.add(t) : v.sub(t);
            }
            if (couplings > 2 && !fold2) {
                IntVector t = term(self2 ? old : IntVector.fromArray(INTS, from2, i), shift2, towardZero);
                v = add2 ? v.add(t) : v.sub(t);
            }
            for (int c = 3; c < couplings; c++) {
                IntVector t = term(IntVector.fromArray(INTS, source(s, m, k, c), i), shift[c], towardZero);
                v = sign[c] > 0 ? v.add(t) : v.sub(t);
            }
            if (hasInput) {
                IntVector input = IntVector.fromArray(INTS, ink, i);
                if (inputShift > 0) {
                    input = input.lanewise(VectorOperators.LSHL, inputShift);
                } else if (inputShift < 0) {
                    input = towardZero(input, -inputShift);
                }
                v = v.add(saturateInput ? input.max(accMin).min(accMax) : input);
                zero.intoArray(ink, i); // consumed: the slot is reused a delay later
            }
            if (bias != 0) {
                v = v.add(bias);
            }
            if (clampFirst) {
                v = v.max(floor).min(ceiling);
            }
            v.intoArray(nk, i);
        }
    }

    /**
     * State 0 of lanes {@code [0, bound)}, the last pass: the sum of {@link #updateState}, fused
     * with the refractory rule, the threshold test (recording the spiking lanes) and the clamp
     * (before or after the test, as the semantics say), so the membrane is loaded and stored once
     * per tick. The sum is written out again rather than shared through a helper: the JIT keeps
     * vectors in registers only across calls it inlines, and a shared helper of this size is past
     * its inlining limit, so every vector would be allocated.
     */
    private static void updateMembrane(SliceState s, CompiledModel m, int[][] in, int bound) {
        final int k = 0;
        int[] xk = s.x[k];
        int[] nk = s.next[k];
        int[] ink = in[k];
        boolean hasInput = s.receivesInput[k];
        int inputShift = m.inputShift[k];
        boolean saturateInput = m.accumulatorMax < Integer.MAX_VALUE;
        IntVector accMin = IntVector.broadcast(INTS, m.accumulatorMin);
        IntVector accMax = IntVector.broadcast(INTS, m.accumulatorMax);
        boolean towardZero = m.towardZeroShifts;
        boolean clampFirst = !m.clampAfterTest[k];
        int bias = m.bias[k];
        int floor = m.floor[k];
        int ceiling = m.ceiling[k];
        int leak = m.leakKind[k] == CompiledModel.LEAK_SHIFT ? m.leakParam[k] : -1;
        int keep = m.leakKind[k] == CompiledModel.LEAK_MULTIPLY ? 4096 - m.leakParam[k] : -1;
        int couplings = m.couplingSource[k].length;
        int[] shift = m.couplingShift[k];
        int[] sign = m.couplingSign[k];
        // The first three couplings are held in locals so the JIT can hoist their bounds checks;
        // models with more go through the general loop for the rest. A coupling from the state's
        // own previous value reuses the loaded vector.
        int[] from0 = couplings > 0 ? source(s, m, k, 0) : xk;
        int[] from1 = couplings > 1 ? source(s, m, k, 1) : xk;
        int[] from2 = couplings > 2 ? source(s, m, k, 2) : xk;
        boolean self0 = from0 == xk;
        boolean self1 = from1 == xk;
        boolean self2 = from2 == xk;
        int shift0 = couplings > 0 ? shift[0] : 0;
        int shift1 = couplings > 1 ? shift[1] : 0;
        int shift2 = couplings > 2 ? shift[2] : 0;
        boolean add0 = couplings > 0 && sign[0] > 0;
        boolean add1 = couplings > 1 && sign[1] > 0;
        boolean add2 = couplings > 2 && sign[2] > 0;
        // Under never-zero rounding a term from the state's own previous value shares the shift
        // leak's sign: their magnitudes are summed and the sign applied once (exact: sign(x)·a +
        // sign(x)·b); a multiplicative leak keeps its own sum.
        boolean fold0 = towardZero && self0 && shift0 > 0 && keep < 0;
        boolean fold1 = towardZero && self1 && shift1 > 0 && keep < 0;
        boolean fold2 = towardZero && self2 && shift2 > 0 && keep < 0;
        boolean folds = fold0 || fold1 || fold2;
        // state 0's refractory, threshold and reset constants
        int[] refractoryCount = s.refractory;
        int[] dyn = m.dynamicThresholdState >= 0 ? s.next[m.dynamicThresholdState] : null;
        boolean holdAtValue = m.resetKind[0] == CompiledModel.RESET_TO_VALUE;
        boolean nsatRefractory = m.nsatRefractory;
        IntVector resetValue = IntVector.broadcast(INTS, m.resetValue[0]);
        IntVector threshold = IntVector.broadcast(INTS, m.threshold);
        int lanes = INTS.length();
        IntVector zero = IntVector.zero(INTS);
        for (int i = 0; i < bound; i += lanes) {
            IntVector old = IntVector.fromArray(INTS, xk, i);
            IntVector v = old;
            if (folds) {
                v = v.sub(foldedSelfTerms(old, leak, fold0 ? shift0 : 0, add0, fold1 ? shift1 : 0, add1, fold2 ? shift2 : 0, add2));
            } else if (leak >= 0) {
                v = v.sub(neverZero(old, leak));
            } else if (keep >= 0) {
                v = decayed(old, keep);
            }
            if (couplings > 0 && !fold0) {
                IntVector t = term(self0 ? old : IntVector.fromArray(INTS, from0, i), shift0, towardZero);
                v = add0 ? v.add(t) : v.sub(t);
            }
            if (couplings > 1 && !fold1) {
                IntVector t = term(self1 ? old : IntVector.fromArray(INTS, from1, i), shift1, towardZero);
                v = add1 ? v.add(t) : v.sub(t);
            }
            if (couplings > 2 && !fold2) {
                IntVector t = term(self2 ? old : IntVector.fromArray(INTS, from2, i), shift2, towardZero);
                v = add2 ? v.add(t) : v.sub(t);
            }
            for (int c = 3; c < couplings; c++) {
                IntVector t = term(IntVector.fromArray(INTS, source(s, m, k, c), i), shift[c], towardZero);
                v = sign[c] > 0 ? v.add(t) : v.sub(t);
            }
            if (hasInput) {
                IntVector input = IntVector.fromArray(INTS, ink, i);
                if (inputShift > 0) {
                    input = input.lanewise(VectorOperators.LSHL, inputShift);
                } else if (inputShift < 0) {
                    input = towardZero(input, -inputShift);
                }
                v = v.add(saturateInput ? input.max(accMin).min(accMax) : input);
                zero.intoArray(ink, i); // consumed: the slot is reused a delay later
            }
            if (bias != 0) {
                v = v.add(bias);
            }
            if (clampFirst) {
                v = v.max(floor).min(ceiling);
            }
            IntVector ref = IntVector.fromArray(INTS, refractoryCount, i);
            VectorMask<Integer> refractory = ref.compare(VectorOperators.GT, 0);
            VectorMask<Integer> testable = refractory.not();
            if (refractory.anyTrue()) {
                IntVector counted = ref.sub(1).max(0);
                counted.intoArray(refractoryCount, i);
                if (nsatRefractory) {
                    // NSAT: state 0 is overridden only when it resets to a value; test when the count reaches 0
                    if (holdAtValue) {
                        v = v.blend(resetValue, refractory);
                    }
                    testable = counted.compare(VectorOperators.EQ, 0);
                } else {
                    // refractory lanes count down and hold state 0; they cannot spike this tick
                    v = v.blend(holdAtValue ? resetValue : old, refractory);
                }
            }
            IntVector theta = dyn == null ? threshold : IntVector.fromArray(INTS, dyn, i).add(threshold);
            VectorMask<Integer> spike = v.compare(VectorOperators.GE, theta).and(testable);
            (clampFirst ? v : v.max(floor).min(ceiling)).intoArray(nk, i);
            if (spike.anyTrue()) {
                long bits = spike.toLong();
                while (bits != 0) {
                    int lane = Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    s.spikes[s.spikeCount++] = s.start + i + lane; // reset after every test
                }
            }
        }
    }

    /** The array coupling {@code c} of state {@code k} reads: this tick's values or the previous tick's. */
    private static int[] source(SliceState s, CompiledModel m, int k, int c) {
        return m.couplingCurrent[k][c] ? s.next[m.couplingSource[k][c]] : s.x[m.couplingSource[k][c]];
    }

    private static void clampState(int[] state, int floor, int ceiling, int bound) {
        IntVector lo = IntVector.broadcast(INTS, floor);
        IntVector hi = IntVector.broadcast(INTS, ceiling);
        for (int i = 0; i < bound; i += INTS.length()) {
            IntVector.fromArray(INTS, state, i).max(lo).min(hi).intoArray(state, i);
        }
    }

    /** {@code x·2^−shift}: a floor or NSAT's never-zero right shift, or an exact left shift for {@code shift ≤ 0}. */
    private static IntVector term(IntVector x, int shift, boolean towardZero) {
        if (shift <= 0) {
            return shift == 0 ? x : x.lanewise(VectorOperators.LSHL, -shift);
        }
        return towardZero ? neverZero(x, shift) : x.lanewise(VectorOperators.ASHR, shift);
    }

    /**
     * The shift leak and the folded never-zero self terms of {@code x} together:
     * {@code sign(x)·(max(|x| >> leak, [x ≠ 0]) ∓ max(|x| >> shift_c, [x ≠ 0]) …)} (no leak term for
     * {@code leak < 0}; a shift of 0 folds nothing), to be subtracted from the state.
     */
    private static IntVector foldedSelfTerms(IntVector x, int leak, int shift0, boolean add0, int shift1, boolean add1, int shift2,
            boolean add2) {
        IntVector abs = x.abs();
        IntVector nonZero = abs.min(1); // 1 exactly where x ≠ 0
        IntVector magnitude = leak >= 0 ? abs.lanewise(VectorOperators.ASHR, leak).max(nonZero) : IntVector.zero(INTS);
        if (shift0 > 0) {
            magnitude = fold(magnitude, abs, nonZero, shift0, add0);
        }
        if (shift1 > 0) {
            magnitude = fold(magnitude, abs, nonZero, shift1, add1);
        }
        if (shift2 > 0) {
            magnitude = fold(magnitude, abs, nonZero, shift2, add2);
        }
        return negateWhereNegative(magnitude, x);
    }

    /**
     * A never-zero self term folded into the leak's magnitude: {@code magnitude ∓ max(|x| >> shift, [x ≠ 0])},
     * minus for a term added to the state (the magnitude is subtracted), plus for one subtracted.
     */
    private static IntVector fold(IntVector magnitude, IntVector abs, IntVector nonZero, int shift, boolean add) {
        IntVector term = abs.lanewise(VectorOperators.ASHR, shift).max(nonZero);
        return add ? magnitude.sub(term) : magnitude.add(term);
    }

    /** {@code sign(x)·max(1, |x| >> k)}, zero for x = 0: the shift leak and NSAT's {@code one_bit_shift}. */
    private static IntVector neverZero(IntVector x, int k) {
        IntVector abs = x.abs();
        IntVector mag = abs.lanewise(VectorOperators.ASHR, k).max(abs.min(1)); // min(|x|, 1) = 1 exactly when x ≠ 0
        return negateWhereNegative(mag, x);
    }

    /**
     * Loihi's 12-bit decay {@code sign(x)·((|x|·keep) >> 12)} with {@code keep = 4096 − decay}, in
     * 32 bits: with {@code |x| = h·4096 + l} the product's shift is exactly {@code h·keep + ((l·keep) >> 12)}
     * ({@code h·keep·4096} has no bits below 2^12), and neither term overflows ({@code h < 2^19},
     * {@code l·keep < 2^24}). {@code |x|} is exact because a vectorizable model's states stay above
     * {@code Integer.MIN_VALUE} ({@link CompiledModel#fitsInt}).
     */
    private static IntVector decayed(IntVector x, int keep) {
        IntVector abs = x.abs();
        IntVector high = abs.lanewise(VectorOperators.LSHR, 12).mul(keep);
        IntVector low = abs.and(4095).mul(keep).lanewise(VectorOperators.LSHR, 12);
        return negateWhereNegative(high.add(low), x);
    }

    /** {@code sign(x)·(|x| >> k)}: NSAT's {@code zero_bit_shift} for a negative gain. */
    private static IntVector towardZero(IntVector x, int k) {
        return negateWhereNegative(x.abs().lanewise(VectorOperators.ASHR, k), x);
    }

    /** {@code magnitude} with the sign of {@code x} (a conditional negate). */
    private static IntVector negateWhereNegative(IntVector magnitude, IntVector x) {
        return magnitude.lanewise(VectorOperators.NEG, x.compare(VectorOperators.LT, 0)); // one masked negate
    }
}
