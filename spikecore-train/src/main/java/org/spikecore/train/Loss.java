package org.spikecore.train;

/**
 * The loss a {@link org.spikecore.train.net.Sequential} network trains on, read from its last
 * module: a sealed family, so every trainer that reads a loss handles each kind in an exhaustive
 * switch. Every term is averaged over the batch: a sample's loss and gradient are divided by the
 * batch size ({@code divisor}), so the groups of a batch add up to the batch's loss.
 */
public sealed interface Loss permits Loss.CeMembrane, Loss.CeCounts, Loss.MseCounts {

    /** {@code Σ_t CE(U_out[t], y)}: softmax cross-entropy of the output membrane at every step (snnTorch tutorial 5; the peers' workload). */
    CeMembrane CE_MEMBRANE = new CeMembrane();
    /** Cross-entropy of the summed outputs {@code c_i = Σ_t y_out[t]_i} (spike counts, or a real-valued readout) as logits. */
    CeCounts CE_COUNTS = new CeCounts();
    /** Squared count error with target rates 0.8 for the label and 0.2 for the others. */
    MseCounts MSE_COUNTS = new MseCounts(0.8f, 0.2f);

    /** The three losses with their usual parameters, for tests and sweeps over all of them. */
    static java.util.List<Loss> all() {
        return java.util.List.of(CE_MEMBRANE, CE_COUNTS, MSE_COUNTS);
    }

    /** Softmax cross-entropy of the output membrane, at every step. */
    record CeMembrane() implements Loss {

        /**
         * The loss of one sample's membrane {@code u[off, off+n)} at one step against class
         * {@code label}; writes dL/dU into {@code grad[gOff, gOff+n)}.
         */
        public double sample(float[] u, int off, int n, int label, int divisor, float[] grad, int gOff) {
            return softmaxCrossEntropy(u, off, n, label, divisor, grad, gOff);
        }
    }

    /** Softmax cross-entropy of the outputs summed over the steps. */
    record CeCounts() implements Loss {

        /** The loss of one sample's counts {@code c[off, off+n)}; writes dL/dc into {@code grad[gOff, gOff+n)}. */
        public double sample(float[] counts, int off, int n, int label, int divisor, float[] grad, int gOff) {
            return softmaxCrossEntropy(counts, off, n, label, divisor, grad, gOff);
        }
    }

    /**
     * {@code Σ_i (c_i − c*_i)²} with target counts {@code onRate·T} for the label and
     * {@code offRate·T} for the other outputs.
     *
     * @param onRate  target firing rate of the labelled output
     * @param offRate target firing rate of the others
     */
    record MseCounts(float onRate, float offRate) implements Loss {

        public MseCounts {
            if (!(onRate >= 0 && onRate <= 1 && offRate >= 0 && offRate <= 1)) {
                throw new IllegalArgumentException("target rates must be in [0, 1], got " + onRate + " and " + offRate);
            }
        }

        /** The loss of one sample's counts {@code c[off, off+n)} over {@code steps}; writes dL/dc into {@code grad[gOff, gOff+n)}. */
        public double sample(float[] counts, int off, int n, int label, int steps, int divisor, float[] grad, int gOff) {
            double loss = 0;
            for (int i = 0; i < n; i++) {
                float d = counts[off + i] - (i == label ? onRate : offRate) * steps;
                loss += (double) d * d / divisor;
                grad[gOff + i] = 2 * d / divisor;
            }
            return loss;
        }
    }

    /**
     * Softmax cross-entropy of {@code logits[off, off+n)} against {@code label}, divided by
     * {@code divisor}: writes {@code (softmax − one-hot)/divisor} into {@code grad[gOff, gOff+n)} and
     * returns {@code (log Σ exp − logit_label)/divisor} (from the largest logit, in double).
     */
    private static double softmaxCrossEntropy(float[] logits, int off, int n, int label, int divisor, float[] grad, int gOff) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[off + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(logits[off + i] - max);
        }
        for (int i = 0; i < n; i++) {
            float p = (float) (Math.exp(logits[off + i] - max) / sum);
            grad[gOff + i] = (p - (i == label ? 1f : 0f)) / divisor;
        }
        return (Math.log(sum) + max - logits[off + label]) / divisor;
    }
}
