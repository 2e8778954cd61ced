package org.spikecore.engine;

import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Fixed;
import org.spikecore.fixed.Pcg32;

/**
 * The scalar reference of one tick of neuron dynamics for a slice (the semantics in this
 * package's documentation, under the model's {@link org.spikecore.model.CoreSemantics}).
 * {@link NeuronVectorUpdate} must produce the same bits.
 */
final class NeuronUpdate {

    /** Stream tag of the noise draws; the population and state are mixed into the stream. */
    static final long NOISE_STREAM = 0x4E4F495345L;

    private NeuronUpdate() {
    }

    /** 64 random bits behind the noise of state {@code k} of population neuron {@code neuron} at {@code tick}. */
    static long noiseBits(long seed, int node, int k, int tick, int neuron) {
        return CounterRng.bits(seed, NOISE_STREAM + node * 8L + k, tick, neuron);
    }

    /**
     * Zero-mean uniform noise of {@code bits} bits from one random word: the top {@code bits} bits
     * as a signed value in [−2^(b−1), 2^(b−1)) plus the lowest bit as a fair coin, so the mean is
     * exactly 0 ({@link org.spikecore.model.Noise.Uniform}).
     */
    static int uniformNoise(long random, int bits) {
        return (int) (random >> (64 - bits)) + (int) (random & 1);
    }

    /**
     * A standard normal deviate from one random word by Box–Muller on its two 32-bit halves, in
     * {@link StrictMath} so that every JVM gives the same bits.
     */
    static double gaussian(long random) {
        double u1 = ((random >>> 32) + 1) * 0x1.0p-32; // (0, 1]
        double u2 = (random & 0xFFFFFFFFL) * 0x1.0p-32;
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /**
     * Computes {@code next} from {@code x} and the input slot (which it clears for reuse), then
     * thresholds and resets; fills spikes. {@code gaussianDraws[k][i]}, when not null, holds the
     * standard normal deviates drawn in NSAT's order for Gaussian states (NSAT's PCG32 stream);
     * otherwise they come from the counter-based generator.
     */
    static void integrate(SliceState s, int[][] in, int tick, long seed) {
        int n = s.length;
        for (int k = s.model.states - 1; k >= 0; k--) {
            int[] nk = s.next[k];
            for (int i = 0; i < n; i++) {
                nk[i] = updateOne(s, in, k, i, tick, seed);
            }
        }
        for (int k = 0; k < s.model.states; k++) {
            if (s.receivesInput[k]) {
                java.util.Arrays.fill(in[k], 0); // consumed: the slot is reused a delay later
            }
        }
        thresholdAndReset(s, 0, n);
        s.neuronUpdates += n;
    }

    /**
     * The new value of state {@code k} of slice neuron {@code i}: leak, couplings, input, bias and
     * noise summed exactly, then clamped (or, when the spike test precedes the clamp, saturated to
     * the int range only; {@link #thresholdAndReset} clamps). States above {@code k} must already
     * hold their new values in {@code next} (for couplings that read this tick's value).
     */
    static int updateOne(SliceState s, int[][] in, int k, int i, int tick, long seed) {
        CompiledModel m = s.model;
        long v = s.x[k][i];
        switch (m.leakKind[k]) {
            case CompiledModel.LEAK_SHIFT -> v -= Fixed.leak(v, m.leakParam[k]);
            case CompiledModel.LEAK_MULTIPLY -> {
                long mag = (Math.abs(v) * (4096 - m.leakParam[k])) >> 12;
                v = v < 0 ? -mag : mag;
            }
            default -> {
            }
        }
        int[] src = m.couplingSource[k];
        for (int c = 0; c < src.length; c++) {
            int from = m.couplingCurrent[k][c] ? s.next[src[c]][i] : s.x[src[c]][i];
            v += m.couplingSign[k][c] * couplingTerm(m, from, m.couplingShift[k][c]);
        }
        v += gainedInput(m, in[k][i], k);
        v += m.bias[k];
        switch (m.noiseKind[k]) {
            case CompiledModel.NOISE_UNIFORM -> v += uniformNoise(noiseBits(seed, s.nodeIndex, k, tick, s.start + i),
                    m.noiseParam[k]);
            case CompiledModel.NOISE_GAUSSIAN -> {
                double z = s.gaussianDraws != null ? s.gaussianDraws[k][i]
                        : gaussian(noiseBits(seed, s.nodeIndex, k, tick, s.start + i));
                v = Pcg32.nsatAddNoise(v, z, m.noiseParam[k]); // C's int += double, fused as NSAT's build does
            }
            default -> {
            }
        }
        if (m.spikeBeforeClamp) {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }
        return (int) Math.max(m.floor[k], Math.min(m.ceiling[k], v));
    }

    /** One A-matrix term {@code x·2^−shift}: a right shift rounded as the semantics say, or an exact left shift. */
    static long couplingTerm(CompiledModel m, int x, int shift) {
        if (shift <= 0) {
            return (long) x << -shift;
        }
        return m.towardZeroShifts ? Fixed.leak(x, shift) : x >> shift;
    }

    /** The summed synaptic input of state {@code k} after its gain, saturated to the accumulator width. */
    static long gainedInput(CompiledModel m, int sum, int k) {
        int gain = m.inputShift[k];
        long g = gain >= 0 ? (long) sum << gain : Fixed.shiftTowardZero(sum, -gain);
        return Math.max(m.accumulatorMin, Math.min(m.accumulatorMax, g));
    }

    /**
     * Refractory, threshold and reset for neurons {@code [from, to)} of the slice, appending spikes:
     * every neuron is tested first, then (when the test precedes the clamp) every state is clamped,
     * the pre-reset states are kept if learning reads them, and the neurons that spiked are reset.
     * Resetting after all the tests gives the same bits as resetting each neuron as it fires: a reset
     * touches only its own neuron.
     */
    static void thresholdAndReset(SliceState s, int from, int to) {
        CompiledModel m = s.model;
        int firstSpike = s.spikeCount;
        for (int i = from; i < to; i++) {
            if (mayTest(s, m, i) && crosses(s, m, i)) {
                s.spikes[s.spikeCount++] = s.start + i;
            }
        }
        if (m.spikeBeforeClamp) {
            for (int k = 0; k < m.states; k++) {
                int[] nk = s.next[k];
                int lo = m.floor[k];
                int hi = m.ceiling[k];
                for (int i = from; i < to; i++) {
                    nk[i] = Math.max(lo, Math.min(hi, nk[i]));
                }
            }
        }
        resetSpiking(s, from, to, firstSpike);
    }

    /**
     * Keeps the pre-reset states of neurons {@code [from, to)} when the slice's learning reads them,
     * then resets the neurons recorded from spike {@code firstSpike} on.
     */
    static void resetSpiking(SliceState s, int from, int to, int firstSpike) {
        if (s.preReset != null) {
            for (int k = 0; k < s.model.states; k++) {
                System.arraycopy(s.next[k], from, s.preReset[k], from, to - from);
            }
        }
        for (int j = firstSpike; j < s.spikeCount; j++) {
            reset(s, s.spikes[j] - s.start);
        }
    }

    /**
     * Applies the refractory rule to neuron {@code i} and says whether its threshold is tested this
     * tick: the engine's rule holds state 0 and skips the test while the count is above zero; NSAT's
     * overrides state 0 only when it resets to a value and tests in the tick the count reaches zero.
     */
    private static boolean mayTest(SliceState s, CompiledModel m, int i) {
        if (s.refractory[i] == 0) {
            return true;
        }
        s.refractory[i]--;
        boolean holdAtValue = m.resetKind[0] == CompiledModel.RESET_TO_VALUE;
        if (m.nsatRefractory) {
            if (holdAtValue) {
                s.next[0][i] = m.resetValue[0];
            }
            return s.refractory[i] == 0;
        }
        s.next[0][i] = holdAtValue ? m.resetValue[0] : s.x[0][i];
        return false;
    }

    private static boolean crosses(SliceState s, CompiledModel m, int i) {
        long theta = m.threshold;
        if (m.dynamicThresholdState >= 0) {
            theta += s.next[m.dynamicThresholdState][i];
        }
        return s.next[0][i] >= theta;
    }

    /** Every state's reset of neuron {@code i} (values clamped), and the refractory count set. */
    static void reset(SliceState s, int i) {
        CompiledModel m = s.model;
        for (int k = 0; k < m.states; k++) {
            switch (m.resetKind[k]) {
                case CompiledModel.RESET_TO_VALUE -> s.next[k][i] = m.resetValue[k];
                case CompiledModel.RESET_ADD -> s.next[k][i] = (int) Math.max(m.floor[k],
                        Math.min(m.ceiling[k], (long) s.next[k][i] + m.resetValue[k]));
                case CompiledModel.RESET_AT_LEAST -> s.next[k][i] = Math.max(m.resetValue[k], s.next[k][i]);
                default -> {
                }
            }
        }
        s.refractory[i] = m.refractoryPeriod;
    }
}
