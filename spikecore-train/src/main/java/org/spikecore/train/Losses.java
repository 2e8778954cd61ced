package org.spikecore.train;

/** Loss terms on one sample's output, each returning the loss and writing its gradient. */
public final class Losses {

    private Losses() {
    }

    /**
     * Softmax cross-entropy of {@code logits[off, off+n)} against class {@code label}, divided by
     * {@code divisor} (the batch size): writes {@code (softmax − one-hot)/divisor} into
     * {@code grad[gOff, gOff+n)} and returns {@code (log Σ exp − logit_label)/divisor} (from the
     * largest logit, in double).
     */
    public static double softmaxCrossEntropy(float[] logits, int off, int n, int label, int divisor, float[] grad, int gOff) {
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

    /**
     * Squared error of spike counts {@code counts[off, off+n)} against {@code onRate·steps} for the
     * label and {@code offRate·steps} for the others, divided by {@code divisor}; writes the gradient.
     */
    public static double countSquaredError(float[] counts, int off, int n, int label, float onRate, float offRate, int steps,
            int divisor, float[] grad, int gOff) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            float d = counts[off + i] - (i == label ? onRate : offRate) * steps;
            loss += (double) d * d / divisor;
            grad[gOff + i] = 2 * d / divisor;
        }
        return loss;
    }
}
