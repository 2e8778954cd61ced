package org.spikecore.learn;

/**
 * NSAT's forward-table STDP ({@code src/nsat.c}: {@code expand_spike_list}, {@code causal_stdp},
 * {@code acausal_stdp}): updates happen only on pre-synaptic events, from the last-spike clocks
 * as they were <i>before</i> this tick's spikes are recorded.
 *
 * <ul>
 * <li><b>Acausal</b>, at a pre spike at tick t: {@code dw = K(last[post] − t)} applied to the
 * post's current modulator (before its reset); with STDP off, NSAT's modulated pre-triggered
 * (eRBP) branch {@code dw = zbs(m, hiac[0])}, no timing, no sign.</li>
 * <li><b>Causal</b>, deferred: each pre spike is paired once with the latest post spike after
 * it, when the pre spikes again within {@code tstdpmax} ticks or when exactly {@code tstdpmax}
 * ticks have passed; {@code dw = K(last[post] − last[pre])} if that is positive, applied to the
 * modulator latched at the post spike.</li>
 * </ul>
 *
 * NSAT's order within a tick: causal for input pres, causal for neuron pres, acausal for input
 * pres, acausal for neuron pres; each update clamped on its own; with randomized rounding, one
 * draw per causal update with {@code Δt > 0} and one per acausal update of an open gate, even
 * when dw is 0.
 */
public final class NsatForwardTable {

    private NsatForwardTable() {
    }

    /**
     * The pres whose causal update is due at {@code tick}, in NSAT's order: those spiking now
     * (in event order) whose previous spike is less than {@code tstdpmax} ago, then every unit,
     * ascending, whose last spike is exactly {@code tstdpmax} ago. Writes them into {@code out}
     * and returns how many.
     */
    public static int causalCandidates(int tick, int[] spiking, int spikingCount, SpikeClock clock, int tstdpmax,
            int[] out) {
        int n = 0;
        int[] last = clock.array();
        for (int j = 0; j < spikingCount; j++) {
            int id = spiking[j];
            int age = tick - last[id];
            if (age > 0 && age < tstdpmax) {
                out[n++] = id;
            }
        }
        for (int id = 0; id < last.length; id++) {
            if (tick - last[id] == tstdpmax) {
                out[n++] = id;
            }
        }
        return n;
    }

    /** Whether a causal update happens at all (and draws, with randomized rounding): {@code Δt > 0}. */
    public static boolean causalDue(int lastPost, int lastPre) {
        return lastPost - lastPre > 0;
    }

    /** The causal weight change: {@code K(lastPost − lastPre)} on the latched modulator g. */
    public static int causalDw(NsatKernel kernel, int latchedModulator, int lastPost, int lastPre) {
        int dt = lastPost - lastPre;
        return dt > 0 ? kernel.dw(latchedModulator, dt) : 0;
    }

    /** The acausal weight change at a pre spike at {@code tick}: {@code K(lastPost − tick)} on m. */
    public static int acausalDw(NsatKernel kernel, int modulator, int lastPost, int tick) {
        return kernel.dw(modulator, lastPost - tick);
    }

    /** NSAT's modulated pre-triggered branch ({@code stdp_en} false): {@code zbs(m, hiac[0])}. */
    public static int modulatedDw(int modulator, int exponent) {
        return NsatShifts.zbs(modulator, exponent);
    }
}
