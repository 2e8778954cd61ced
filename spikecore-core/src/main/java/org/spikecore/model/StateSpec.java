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
 * @param noiseBits  width of the uniform integer noise added every tick, in [−2^(b−1), 2^(b−1));
 *                   0 for none
 * @param inputShift synaptic input into this state is multiplied by {@code 2^inputShift}
 *                   (Loihi's {@code a_in << 6}); 0 for none
 * @param reset      what a spike of this neuron does to this state
 * @param initial    value at tick 0
 */
public record StateSpec(String name, Format format, int floor, int ceiling, Leak leak, int bias, int noiseBits,
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
        if (noiseBits < 0 || noiseBits > 30) {
            throw new IllegalArgumentException("state " + name + ": noise width must be 0..30 bits, got " + noiseBits);
        }
        if (inputShift < 0 || inputShift > 24) {
            throw new IllegalArgumentException("state " + name + ": input shift must be 0..24, got " + inputShift);
        }
        if (initial < floor || initial > ceiling) {
            throw new IllegalArgumentException("state " + name + ": initial value " + initial + " is outside [" + floor
                    + ", " + ceiling + "]");
        }
        if (reset instanceof Reset.ToValue(int v)) {
            requireInClamp(name, v, floor, ceiling);
        }
        if (reset instanceof Reset.AtLeast(int v)) {
            requireInClamp(name, v, floor, ceiling);
        }
    }

    private static void requireInClamp(String name, int resetValue, int floor, int ceiling) {
        if (resetValue < floor || resetValue > ceiling) {
            throw new IllegalArgumentException("state " + name + ": reset value " + resetValue + " is outside [" + floor
                    + ", " + ceiling + "]");
        }
    }

    /** A state of {@code format} clamped to the format's range, no leak, bias, noise, reset; starting at 0. */
    public static StateSpec of(String name, Format format) {
        return new StateSpec(name, format, format.min(), format.max(), Leak.none(), 0, 0, 0, Reset.keep(), 0);
    }

    /** This state with NSAT's shift leak {@code 1 − 2^−shift}. */
    public StateSpec withLeak(int shift) {
        return withLeak(Leak.shift(shift));
    }

    public StateSpec withLeak(Leak l) {
        return new StateSpec(name, format, floor, ceiling, l, bias, noiseBits, inputShift, reset, initial);
    }

    public StateSpec withBias(int b) {
        return new StateSpec(name, format, floor, ceiling, leak, b, noiseBits, inputShift, reset, initial);
    }

    public StateSpec withNoise(int bits) {
        return new StateSpec(name, format, floor, ceiling, leak, bias, bits, inputShift, reset, initial);
    }

    public StateSpec withInputShift(int shift) {
        return new StateSpec(name, format, floor, ceiling, leak, bias, noiseBits, shift, reset, initial);
    }

    public StateSpec withReset(Reset r) {
        return new StateSpec(name, format, floor, ceiling, leak, bias, noiseBits, inputShift, r, initial);
    }

    public StateSpec withInitial(int value) {
        return new StateSpec(name, format, floor, ceiling, leak, bias, noiseBits, inputShift, reset, value);
    }

    public StateSpec withClamp(int lo, int hi) {
        return new StateSpec(name, format, lo, hi, leak, bias, noiseBits, inputShift, reset, initial);
    }
}
