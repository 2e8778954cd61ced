package org.spikecore.model;

/**
 * One off-diagonal (or extra diagonal) entry of the neuron's A matrix, multiplierless: state
 * {@code target} receives {@code sign · x[source]·2^−shift} each tick. A right shift
 * ({@code shift > 0}) rounds as the network's {@link CoreSemantics#couplingRounding()} says (floor,
 * or NSAT's toward zero never giving 0); {@code shift ≤ 0} is an exact left shift by {@code −shift}
 * (NSAT's eRBP neuron adds {@code x1 << 4}: shift −4).
 *
 * @param target  the state that receives
 * @param source  the state that is read
 * @param sign    +1 or −1
 * @param shift   −15..30: the power-of-two factor 2^−shift
 * @param current read the source's value of this tick (already updated) instead of the previous
 *                tick's; only allowed when {@code source > target} because states update from the last
 *                to the first (Loihi's voltage reads the new current)
 */
public record Coupling(int target, int source, int sign, int shift, boolean current) {
    public Coupling {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("coupling " + source + " -> " + target + ": sign must be +1 or -1, got " + sign);
        }
        if (shift < -15 || shift > 30) {
            throw new IllegalArgumentException("coupling " + source + " -> " + target + ": shift must be -15..30, got " + shift);
        }
        if (target < 0 || source < 0) {
            throw new IllegalArgumentException("coupling states must be non-negative, got " + source + " -> " + target);
        }
        if (current && source <= target) {
            throw new IllegalArgumentException("coupling " + source + " -> " + target
                    + ": reading this tick's value needs source > target (states update last to first)");
        }
    }

    /** {@code target += sign·(x[source] >> shift)} from the previous tick's source. */
    public static Coupling of(int target, int source, int sign, int shift) {
        return new Coupling(target, source, sign, shift, false);
    }
}
