package org.spikecore.energy;

/**
 * How busy a layer is, which sets how many accesses each pass makes: the fraction of pre neurons
 * that spike per time step (forward accesses), the fraction of post neurons with a non-zero error
 * per step (backward accesses), and the time steps per sample. One weight-update pass is made per
 * sample (one training iteration).
 *
 * @param inputRate spikes per pre neuron per step, in [0, 1]
 * @param errorRate error events per post neuron per step, in [0, 1]
 * @param steps     time steps per sample
 */
public record Activity(double inputRate, double errorRate, int steps) {

    /** The default the reports state: 10 % input spikes, 10 % error events, 100 steps. */
    public static final Activity DEFAULT = new Activity(0.1, 0.1, 100);

    public Activity {
        if (!(inputRate >= 0 && inputRate <= 1)) {
            throw new IllegalArgumentException("input rate must be in [0, 1], got " + inputRate);
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("error rate must be in [0, 1], got " + errorRate);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps per sample must be at least 1, got " + steps);
        }
    }
}
