package org.spikecore.model;

import java.util.Objects;
import org.spikecore.fixed.Format;

/**
 * One state unit of a neuron: its number format, clamp range, leak, bias, noise, reset and
 * initial value.
 *
 * @param name       what the state stands for ("v", "ge", "theta"), used in messages and recorders
 * @param format     the state's format; values are raw integers of it
 * @param floor      lower clamp, within the format
 * @param ceiling    upper clamp, within the format
 * @param leak       the diagonal term: none, NSAT's shift leak, or Loihi's 12-bit decay
 * @param bias       constant added every tick
 * @param noise      the zero-mean noise added every tick
 * @param inputShift the gain of the summed synaptic input into this state: multiplied by
 *                   {@code 2^inputShift} (Loihi's {@code a_in << 6}); negative values shift right,
 *                   rounding toward zero (NSAT's {@code w_gain} through {@code zero_bit_shift}); 0 for
 *                   none
 * @param reset      what a spike of this neuron does to this state
 * @param initial    value at tick 0
 */
public record StateSpec(String name, Format format, int floor, int ceiling, Leak leak, int bias, Noise noise,
        int inputShift, Reset reset, int initial) {

    public StateSpec {
        Objects.requireNonNull(name, "state name");
        Objects.requireNonNull(format, "state " + name + " format");
        Objects.requireNonNull(reset, "state " + name + " reset");
        if (floor > ceiling || !format.contains(floor) || !format.contains(ceiling)) {
            throw new IllegalArgumentException("state " + name + ": clamp range [" + floor + ", " + ceiling
                    + "] must be ordered and inside " + format + " [" + format.min() + ", " + format.max() + "]");
        }
        Objects.requireNonNull(leak, "state " + name + " leak");
        Objects.requireNonNull(noise, "state " + name + " noise");
        if (inputShift < -24 || inputShift > 24) {
            throw new IllegalArgumentException("state " + name + ": input shift must be -24..24, got " + inputShift);
        }
        if (initial < floor || initial > ceiling) {
            throw new IllegalArgumentException("state " + name + ": initial value " + initial + " is outside [" + floor
                    + ", " + ceiling + "]");
        }
        if (reset instanceof Reset.ToValue(int v) && (v < floor || v > ceiling)) {
            throw new IllegalArgumentException("state " + name + ": reset value " + v + " is outside [" + floor + ", "
                    + ceiling + "]");
        }
    }

    /** A state of {@code format} clamped to the format's range, no leak, bias, noise, reset; starting at 0. */
    public static StateSpec of(String name, Format format) {
        return new StateSpec(name, format, format.min(), format.max(), Leak.none(), 0, Noise.none(), 0, Reset.keep(), 0);
    }

    /** This state with NSAT's shift leak {@code 1 − 2^−shift}. */
    public StateSpec withLeak(int shift) {
        return withLeak(Leak.shift(shift));
    }

    public StateSpec withLeak(Leak l) {
        return new StateSpec(name, format, floor, ceiling, l, bias, noise, inputShift, reset, initial);
    }

    public StateSpec withBias(int b) {
        return new StateSpec(name, format, floor, ceiling, leak, b, noise, inputShift, reset, initial);
    }

    /** This state with zero-mean uniform noise of {@code bits} bits ({@link Noise.Uniform}). */
    public StateSpec withNoise(int bits) {
        return withNoise(new Noise.Uniform(bits));
    }

    public StateSpec withNoise(Noise n) {
        return new StateSpec(name, format, floor, ceiling, leak, bias, n, inputShift, reset, initial);
    }

    public StateSpec withInputShift(int shift) {
        return new StateSpec(name, format, floor, ceiling, leak, bias, noise, shift, reset, initial);
    }

    public StateSpec withReset(Reset r) {
        return new StateSpec(name, format, floor, ceiling, leak, bias, noise, inputShift, r, initial);
    }

    public StateSpec withInitial(int value) {
        return new StateSpec(name, format, floor, ceiling, leak, bias, noise, inputShift, reset, value);
    }

    public StateSpec withClamp(int lo, int hi) {
        return new StateSpec(name, format, lo, hi, leak, bias, noise, inputShift, reset, initial);
    }
}
