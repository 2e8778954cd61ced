package org.spikecore.train;

/**
 * Stochastic gradient descent with (heavy-ball) momentum, as PyTorch's {@code torch.optim.SGD}:
 * {@code v = μ·v + g}, {@code params −= lr·v}; μ = 0 is plain SGD.
 */
public final class Sgd implements Optimizer {

    private float learningRate;
    private final float momentum;
    final float[] velocity;

    public Sgd(int size, float learningRate, float momentum) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.velocity = new float[size];
    }

    @Override
    public void apply(float[] params, float[] grad) {
        for (int i = 0; i < params.length; i++) {
            float v = momentum * velocity[i] + grad[i];
            velocity[i] = v;
            params[i] -= learningRate * v;
        }
    }

    @Override
    public void setLearningRate(float learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public void writeState(java.io.DataOutputStream out) throws java.io.IOException {
        TrainingState.writeFloats(out, velocity);
    }

    @Override
    public void readState(java.io.DataInputStream in) throws java.io.IOException {
        TrainingState.readFloats(in, velocity);
    }
}
