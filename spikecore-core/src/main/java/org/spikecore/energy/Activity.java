package org.spikecore.energy;

/**
 * How busy a layer is, which sets how many accesses each pass makes: the fraction of pre neurons
 * that spike per time step (forward accesses), the fraction of post neurons with a non-zero error
 * per step (backward accesses; 0 for a layer whose errors need not reach its inputs, such as the
 * first layer of a network), the time steps per sample, and the weight-update passes per sample
 * (1 for one training iteration per sample, 0 for inference, 1/batch for batched updates).
 *
 * @param inputRate        spikes per pre neuron per step, in [0, 1]
 * @param errorRate        error events per post neuron per step, in [0, 1]
 * @param steps            time steps per sample
 * @param updatesPerSample weight-update passes per sample, in [0, 1]
 */
public record Activity(double inputRate, double errorRate, int steps, double updatesPerSample) {

    /** The default the reports state: 10 % input spikes, 10 % error events, 100 steps, one update. */
    public static final Activity DEFAULT = new Activity(0.1, 0.1, 100);

    public Activity {
        if (!(inputRate >= 0 && inputRate <= 1)) {
            throw new IllegalArgumentException("input_rate must be in [0, 1], got " + inputRate);
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("error_rate must be in [0, 1], got " + errorRate);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (!(updatesPerSample >= 0 && updatesPerSample <= 1)) {
            throw new IllegalArgumentException("updates must be in [0, 1] per sample, got " + updatesPerSample);
        }
    }

    /** One update pass per sample. */
    public Activity(double inputRate, double errorRate, int steps) {
        this(inputRate, errorRate, steps, 1);
    }

    /** This activity with another error rate (e.g. 0 for a first layer). */
    public Activity withErrorRate(double rate) {
        return new Activity(inputRate, rate, steps, updatesPerSample);
    }
}
