package org.spikecore.engine;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of {@link NeuronUpdate#integrate}, bit-identical to it (tested in
 * {@code NeuronVectorUpdateTest}). Used for models without noise whose sums provably fit in 32
 * bits ({@link CompiledModel#vectorizable}); lanes that are refractory or spike, and the tail, go
 * through the scalar code.
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
        for (int k = m.states - 1; k >= 0; k--) {
            int[] xk = s.x[k];
            int[] nk = s.next[k];
            int[] ink = in[k];
            int leak = m.leakKind[k] == CompiledModel.LEAK_SHIFT ? m.leakParam[k] : -1;
            int[] src = m.couplingSource[k];
            for (int i = 0; i < bound; i += lanes) {
                IntVector old = IntVector.fromArray(INTS, xk, i);
                IntVector v = old;
                if (leak >= 0) {
                    IntVector mag = old.abs().lanewise(VectorOperators.ASHR, leak).max(1);
                    IntVector signedLeak = mag.blend(mag.neg(), old.lt(0)).blend(0, old.eq(0));
                    v = v.sub(signedLeak);
                }
                for (int c = 0; c < src.length; c++) {
                    int[] from = m.couplingCurrent[k][c] ? s.next[src[c]] : s.x[src[c]];
                    IntVector term = IntVector.fromArray(INTS, from, i).lanewise(VectorOperators.ASHR, m.couplingShift[k][c]);
                    v = m.couplingSign[k][c] > 0 ? v.add(term) : v.sub(term);
                }
                IntVector input = IntVector.fromArray(INTS, ink, i);
                if (m.inputShift[k] > 0) {
                    input = input.lanewise(VectorOperators.LSHL, m.inputShift[k]);
                }
                v = v.add(input).add(m.bias[k]).max(m.floor[k]).min(m.ceiling[k]);
                v.intoArray(nk, i);
            }
            for (int i = bound; i < n; i++) {
                nk[i] = NeuronUpdate.updateOne(s, in, k, i, 0, 0L);
            }
        }
        int[] v0 = s.next[0];
        int[] dyn = m.dynamicThresholdState >= 0 ? s.next[m.dynamicThresholdState] : null;
        for (int i = 0; i < bound; i += lanes) {
            IntVector ref = IntVector.fromArray(INTS, s.refractory, i);
            IntVector theta = dyn == null ? IntVector.broadcast(INTS, m.threshold)
                    : IntVector.fromArray(INTS, dyn, i).add(m.threshold);
            VectorMask<Integer> active = IntVector.fromArray(INTS, v0, i).compare(VectorOperators.GE, theta)
                    .or(ref.compare(VectorOperators.GT, 0));
            if (active.anyTrue()) {
                NeuronUpdate.thresholdAndReset(s, i, i + lanes);
            }
        }
        NeuronUpdate.thresholdAndReset(s, bound, n);
        s.neuronUpdates += n;
    }
}
