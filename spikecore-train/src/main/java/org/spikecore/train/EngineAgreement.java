package org.spikecore.train;

/**
 * How a deployed network's spikes agree with the trainer's: spike counts of both, the spikes at the
 * same (step, neuron), the spike-timing F1 of the engine against the trainer (±1 step), and whether
 * the two rasters are identical.
 *
 * @param trainerSpikes spikes of the trainer's forward pass
 * @param engineSpikes  spikes of the engine
 * @param identical     spikes at the same step and neuron in both
 * @param f1            spike-timing F1 of the engine against the trainer, ±1 step
 * @param equal         whether the rasters are the same, spike for spike
 */
public record EngineAgreement(long trainerSpikes, long engineSpikes, long identical, double f1, boolean equal) {

    /** The agreement of two rasters ({@code [t·n + i]}, 0/1) of {@code steps} steps and {@code n} neurons. */
    public static EngineAgreement of(float[] trainer, float[] engine, int steps, int n) {
        if (trainer.length != (long) steps * n || engine.length != trainer.length) {
            throw new IllegalArgumentException("rasters of " + trainer.length + " and " + engine.length + " values for " + steps
                    + " steps x " + n + " neurons");
        }
        long t = 0;
        long e = 0;
        long same = 0;
        for (int k = 0; k < engine.length; k++) {
            t += trainer[k] != 0f ? 1 : 0;
            e += engine[k] != 0f ? 1 : 0;
            same += trainer[k] != 0f && engine[k] != 0f ? 1 : 0;
        }
        return new EngineAgreement(t, e, same, SpikeTiming.f1(engine, trainer, steps, n, 1), java.util.Arrays.equals(trainer, engine));
    }
}
