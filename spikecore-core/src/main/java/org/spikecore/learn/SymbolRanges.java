package org.spikecore.learn;

/**
 * The value ranges of the quantities a rule reads, from which {@link RuleCompiler} bounds every
 * intermediate result and rejects a rule that could leave 63 bits. Spike marks are 0..1.
 *
 * @param traceMax   largest trace value (traces are non-negative)
 * @param stateMin   smallest post state value
 * @param stateMax   largest post state value
 * @param modulatorMin smallest modulator value
 * @param modulatorMax largest modulator value
 * @param rewardMin  smallest third-factor value
 * @param rewardMax  largest third-factor value
 * @param weightMin  smallest weight
 * @param weightMax  largest weight
 */
public record SymbolRanges(int traceMax, int stateMin, int stateMax, int modulatorMin, int modulatorMax,
        int rewardMin, int rewardMax, int weightMin, int weightMax) {

    public SymbolRanges {
        if (traceMax < 0 || stateMin > stateMax || modulatorMin > modulatorMax || rewardMin > rewardMax
                || weightMin > weightMax) {
            throw new IllegalArgumentException("symbol ranges need min <= max and a non-negative trace maximum");
        }
    }

    /** NSAT-sized quantities: 7-bit traces, 16-bit states, modulator and reward, 8-bit weights. */
    public static SymbolRanges nsat() {
        return new SymbolRanges(127, -32768, 32767, -32768, 32767, -32768, 32767, -128, 127);
    }

    /** The largest magnitude symbol s can take. */
    double magnitude(RuleSymbol s) {
        return switch (s) {
            case X0, Y0 -> 1;
            case X1, X2, Y1, Y2 -> traceMax;
            case V0, V1, V2, V3, V4, V5, V6, V7 -> Math.max(Math.abs((double) stateMin), Math.abs((double) stateMax));
            case M -> Math.max(Math.abs((double) modulatorMin), Math.abs((double) modulatorMax));
            case R -> Math.max(Math.abs((double) rewardMin), Math.abs((double) rewardMax));
            case W -> Math.max(Math.abs((double) weightMin), Math.abs((double) weightMax));
        };
    }
}
