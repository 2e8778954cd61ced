package org.spikecore.train;

/** Adam (Kingma &amp; Ba 2015) over one parameter array, with its moments; deterministic. */
public final class Adam implements Optimizer {

    private float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    final float[] m;
    final float[] v;
    int step;

    public Adam(int size, float learningRate) {
        this(size, learningRate, 0.9f, 0.999f, 1e-8f);
    }

    public Adam(int size, float learningRate, float beta1, float beta2, float epsilon) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = new float[size];
        this.v = new float[size];
    }

    @Override
    public void setLearningRate(float learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** One step: {@code params −= lr · m̂ / (sqrt(v̂) + ε)}. */
    @Override
    public void apply(float[] params, float[] grad) {
        step++;
        float c1 = (float) (1 - Math.pow(beta1, step));
        float c2 = (float) (1 - Math.pow(beta2, step));
        for (int i = 0; i < params.length; i++) {
            float g = grad[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            float mh = m[i] / c1;
            float vh = v[i] / c2;
            params[i] -= learningRate * mh / ((float) Math.sqrt(vh) + epsilon);
        }
    }

    @Override
    public void writeState(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(step);
        TrainingState.writeFloats(out, m);
        TrainingState.writeFloats(out, v);
    }

    @Override
    public void readState(java.io.DataInputStream in) throws java.io.IOException {
        step = TrainingState.readCount(in, "optimizer step");
        TrainingState.readFloats(in, m);
        TrainingState.readFloats(in, v);
    }
}
