package org.spikecore.learn;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikecore.fixed.CounterRng;

/**
 * eRBP's stochastically rounded change {@code m·2^−shift} for the synapses of one pre spike, several
 * lanes at once with the Vector API: the counter-based draws and the rounding of
 * {@code Rounding.STOCHASTIC} in 64-bit lanes, the tail by the scalar code. The same bits as
 * {@link Erbp#change} with the reference's draws.
 */
final class ErbpRowVector {

    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;

    private ErbpRowVector() {
    }

    /**
     * {@code dw[k]} for {@code k < n}: the change of synapse {@code (pre, posts[k])} whose post's
     * modulator is {@code m[k]}, drawn under the tick's rounding prefix; {@code preKey} is
     * {@code PlasticityState.synapseKey(pre, 0)}. {@code erbp} rounds stochastically.
     */
    static void changes(Erbp erbp, long prefix, long preKey, long[] posts, long[] m, int n, long[] dw) {
        int shift = erbp.shift();
        long mask = (1L << shift) - 1;
        int k = 0;
        for (int upper = LONGS.loopBound(n); k < upper; k += LONGS.length()) {
            LongVector bits = CounterRng.bitsFromPrefix(prefix, LongVector.fromArray(LONGS, posts, k).or(preKey));
            LongVector mv = LongVector.fromArray(LONGS, m, k);
            // Rounding.STOCHASTIC: floor, plus one when the draw's low bits fall below the remainder
            VectorMask<Long> up = bits.and(mask).compare(VectorOperators.LT, mv.and(mask));
            mv.lanewise(VectorOperators.ASHR, shift).add(1L, up).intoArray(dw, k);
        }
        for (; k < n; k++) {
            dw[k] = erbp.change((int) m[k], CounterRng.bitsFromPrefix(prefix, preKey | posts[k]));
        }
    }
}
