package org.spikecore.engine;

import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Fixed;

/**
 * The scalar reference of one tick of neuron dynamics for a slice (the semantics in this
 * package's documentation). {@link NeuronVectorUpdate} must produce the same bits.
 */
final class NeuronUpdate {

    /** Stream tag of the noise draws; the population and state are mixed into the stream. */
    static final long NOISE_STREAM = 0x4E4F495345L;

    private NeuronUpdate() {
    }

    /** The noise of state {@code k} of population neuron {@code neuron} at {@code tick}. */
    static int noise(long seed, int node, int k, int tick, int neuron, int bits) {
        long r = CounterRng.bits(seed, NOISE_STREAM + node * 8L + k, tick, neuron);
        return (int) (r >> (64 - bits));
    }

    /**
     * Computes {@code next} from {@code x} and the input slot (which it clears for reuse), then
     * thresholds and resets; fills spikes.
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
     * noise summed exactly, then clamped. States above {@code k} must already hold their new values
     * in {@code next} (for couplings that read this tick's value).
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
            v += m.couplingSign[k][c] * (long) (from >> m.couplingShift[k][c]);
        }
        v += (long) in[k][i] << m.inputShift[k];
        v += m.bias[k];
        if (m.noiseBits[k] > 0) {
            v += noise(seed, s.nodeIndex, k, tick, s.start + i, m.noiseBits[k]);
        }
        return (int) Math.max(m.floor[k], Math.min(m.ceiling[k], v));
    }

    /** Refractory, threshold and reset for neurons {@code [from, to)} of the slice, appending spikes. */
    static void thresholdAndReset(SliceState s, int from, int to) {
        CompiledModel m = s.model;
        int[] v0 = s.next[0];
        for (int i = from; i < to; i++) {
            if (s.refractory[i] > 0) {
                s.refractory[i]--;
                v0[i] = m.resetKind[0] == CompiledModel.RESET_TO_VALUE ? m.resetValue[0] : s.x[0][i];
                continue;
            }
            long theta = m.threshold;
            if (m.dynamicThresholdState >= 0) {
                theta += s.next[m.dynamicThresholdState][i];
            }
            if (v0[i] >= theta) {
                fire(s, i);
            }
        }
    }

    /** Applies every state's reset to neuron {@code i}, records the spike, starts the refractory period. */
    static void fire(SliceState s, int i) {
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
        s.spikes[s.spikeCount++] = s.start + i;
    }
}
