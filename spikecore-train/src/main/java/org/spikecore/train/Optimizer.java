package org.spikecore.train;

/**
 * A first-order update of one parameter array from its gradient, with its own state (moments);
 * deterministic: the same gradients give the same bits.
 */
public sealed interface Optimizer permits Adam, Sgd {

    /** One step on {@code params} with {@code grad} (same length). */
    void apply(float[] params, float[] grad);

    /** Sets the learning rate of later steps; the state is kept. */
    void setLearningRate(float learningRate);

    /** Writes the state (moments, step count) bit for bit, for checkpoints. */
    void writeState(java.io.DataOutputStream out) throws java.io.IOException;

    /** Restores what {@link #writeState} wrote for an optimizer of the same kind and size. */
    void readState(java.io.DataInputStream in) throws java.io.IOException;

    /** Which optimizer and its constants; {@link #create} makes one for an array of a given size. */
    sealed interface Spec permits AdamSpec, SgdSpec {
        Optimizer create(int size);
    }

    /** Adam with the usual constants (β1 0.9, β2 0.999, ε 1e−8). */
    record AdamSpec(float learningRate) implements Spec {
        @Override
        public Optimizer create(int size) {
            return new Adam(size, learningRate);
        }
    }

    /** SGD with momentum {@code μ} (0: plain SGD). */
    record SgdSpec(float learningRate, float momentum) implements Spec {
        @Override
        public Optimizer create(int size) {
            return new Sgd(size, learningRate, momentum);
        }
    }
}
