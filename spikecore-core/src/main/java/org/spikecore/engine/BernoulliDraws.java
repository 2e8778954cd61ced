package org.spikecore.engine;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.spikecore.fixed.CounterRng;

/**
 * A source's Bernoulli spikes of one tick: neuron j spikes when the top 32 bits of its counter-based
 * word ({@link CounterRng#bitsFromPrefix}) fall below the threshold, one for the whole source
 * ({@code BernoulliSource}) or one per neuron ({@code RateSource}). {@link #scalar} and
 * {@link #scalarRates} are the references; {@link #vector} and {@link #vectorSelected} (only the
 * neurons of non-zero rate) draw a vector of neurons at a time with the same words, so the same
 * spikes in the same (increasing) order.
 */
final class BernoulliDraws {

    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final long[] IOTA = new long[LONGS.length()];

    static {
        for (int k = 0; k < IOTA.length; k++) {
            IOTA[k] = k;
        }
    }

    private BernoulliDraws() {
    }

    /** Writes the spiking neurons among {@code [0, size)} into {@code into} and returns how many spiked. */
    static int scalar(long prefix, long threshold, int size, int[] into) {
        int n = 0;
        for (int j = 0; j < size; j++) {
            if ((CounterRng.bitsFromPrefix(prefix, j) >>> 32) < threshold) {
                into[n++] = j;
            }
        }
        return n;
    }

    /** {@link #scalar}, a vector of neurons at a time. */
    static int vector(long prefix, long threshold, int size, int[] into) {
        int lanes = LONGS.length();
        LongVector iota = LongVector.fromArray(LONGS, IOTA, 0);
        int n = 0;
        int j = 0;
        for (; j + lanes <= size; j += lanes) {
            LongVector top = CounterRng.bitsFromPrefix(prefix, iota.add(j)).lanewise(VectorOperators.LSHR, 32);
            n = append(top.compare(VectorOperators.LT, threshold).toLong(), j, into, n);
        }
        for (; j < size; j++) {
            if ((CounterRng.bitsFromPrefix(prefix, j) >>> 32) < threshold) {
                into[n++] = j;
            }
        }
        return n;
    }

    /** Appends {@code base} + each set bit of the lane mask {@code hits}, lowest first; returns the new count. */
    private static int append(long hits, int base, int[] into, int n) {
        while (hits != 0) {
            into[n++] = base + Long.numberOfTrailingZeros(hits);
            hits &= hits - 1;
        }
        return n;
    }

    /** Per-neuron thresholds {@code thresholds[j]} (0: silent): the spiking neurons into {@code into}, their count returned. */
    static int scalarRates(long prefix, long[] thresholds, int[] into) {
        int n = 0;
        for (int j = 0; j < thresholds.length; j++) {
            if (thresholds[j] != 0 && (CounterRng.bitsFromPrefix(prefix, j) >>> 32) < thresholds[j]) {
                into[n++] = j;
            }
        }
        return n;
    }

    /**
     * {@link #scalarRates} drawing only the neurons that can fire: {@code neurons[0 .. count)} the
     * neurons of non-zero threshold in increasing order, {@code thresholds[k]} the threshold of
     * {@code neurons[k]}. A 0 threshold never fires and its word is not needed, so the spikes are
     * the same, in the same order; a source whose neurons are all silent (a rest) draws nothing.
     */
    static int vectorSelected(long prefix, long[] neurons, long[] thresholds, int count, int[] into) {
        int lanes = LONGS.length();
        int n = 0;
        int k = 0;
        for (; k + lanes <= count; k += lanes) {
            LongVector top = CounterRng.bitsFromPrefix(prefix, LongVector.fromArray(LONGS, neurons, k))
                    .lanewise(VectorOperators.LSHR, 32);
            long hits = top.compare(VectorOperators.LT, LongVector.fromArray(LONGS, thresholds, k)).toLong();
            while (hits != 0) {
                into[n++] = (int) neurons[k + Long.numberOfTrailingZeros(hits)];
                hits &= hits - 1;
            }
        }
        for (; k < count; k++) {
            if ((CounterRng.bitsFromPrefix(prefix, neurons[k]) >>> 32) < thresholds[k]) {
                into[n++] = (int) neurons[k];
            }
        }
        return n;
    }
}
