package org.spikecore.learn;

/**
 * When a post neuron's synapses may learn: a window on one of its state units, {@code low < x <
 * high} (a boxcar, eRBP's φ'), and a periodic burn-in, {@code tick mod period ≥ burnIn} (learning
 * only after the first ticks of each sample). NSAT tests the window on the current tick's value of
 * the synapse's target state, before the reset.
 *
 * @param low    exclusive lower bound of the window
 * @param high   exclusive upper bound
 * @param period length of a learning period in ticks (≥ 1)
 * @param burnIn ticks at the start of each period without learning (0..period)
 */
public record LearningGate(int low, int high, int period, int burnIn) {

    /** A gate that is always open. */
    public static final LearningGate OPEN = new LearningGate(Integer.MIN_VALUE, Integer.MAX_VALUE, 1, 0);

    public LearningGate {
        if (period < 1) {
            throw new IllegalArgumentException("learning period must be at least 1 tick, got " + period);
        }
        if (burnIn < 0 || burnIn > period) {
            throw new IllegalArgumentException("burn-in must be 0.." + period + " ticks, got " + burnIn);
        }
    }

    /** pyNSATlib's defaults (window ±2560, period 1500, burn-in 400), also NSAT's eRBP neurons' window. */
    public static LearningGate nsatDefault() {
        return new LearningGate(-2560, 2560, 1500, 400);
    }

    /** Whether learning is on at {@code tick} for a gated state of value {@code state}. */
    public boolean open(int state, int tick) {
        return state > low && state < high && Math.floorMod(tick, period) >= burnIn;
    }
}
