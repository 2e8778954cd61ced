package org.spikecore.model;

/**
 * When a neuron spikes: state 0 reaches {@code value}, or {@code value + x[dynamicState]} for a
 * dynamic threshold (an adaptation or refractory trace, Mihalas–Niebur's Θ).
 *
 * @param value        the fixed part, in state 0's raw units
 * @param dynamicState the state added to the threshold, or {@link #FIXED}
 */
public record Threshold(int value, int dynamicState) {

    /** {@link #dynamicState()} for a fixed threshold. */
    public static final int FIXED = -1;

    public Threshold {
        if (dynamicState < FIXED || dynamicState == 0) {
            throw new IllegalArgumentException("dynamic threshold state must be a state other than 0, got " + dynamicState);
        }
    }

    public static Threshold fixed(int value) {
        return new Threshold(value, FIXED);
    }

    public static Threshold dynamic(int value, int state) {
        return new Threshold(value, state);
    }

    public boolean isDynamic() {
        return dynamicState != FIXED;
    }
}
