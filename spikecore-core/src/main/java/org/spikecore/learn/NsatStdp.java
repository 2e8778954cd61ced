package org.spikecore.learn;

/**
 * NSAT's learning of one learning group as a rule: forward-table STDP with {@link NsatKernel}
 * when {@code stdpOn}, else the modulated pre-triggered (eRBP) branch {@code zbs(m, hiac[0])}.
 * {@link #onPre} is the acausal (or modulated) update from the current modulator; the deferred
 * causal update is {@link #causal}, due for the pres {@link NsatForwardTable#causalCandidates}
 * lists. Randomized rounding ({@code rrBits} ≥ 0) is applied by the caller with NSAT's stream
 * ({@code Pcg32.nsatRandomizedRound}), because its draws follow NSAT's global update order.
 *
 * @param kernel   the STDP kernel
 * @param stdpOn   NSAT's {@code stdp_en}
 * @param tstdpmax the causal timeout in ticks
 * @param rrBits   randomized-rounding bits, or −1 for none
 */
public record NsatStdp(NsatKernel kernel, boolean stdpOn, int tstdpmax, int rrBits) implements LearningRule {

    public NsatStdp {
        if (kernel == null) {
            throw new IllegalArgumentException("NSAT learning needs a kernel");
        }
        if (tstdpmax < 1) {
            throw new IllegalArgumentException("tstdpmax must be positive, got " + tstdpmax);
        }
        if (rrBits < -1 || rrBits > 30) {
            throw new IllegalArgumentException("randomized rounding takes 0..30 bits (or -1 for off), got " + rrBits);
        }
    }

    @Override
    public int onPre(PlasticityState s, int pre, int post, int w) {
        int m = s.modulatorNow(post);
        return stdpOn ? NsatForwardTable.acausalDw(kernel, m, s.postClock().last(post), s.tick())
                : NsatForwardTable.modulatedDw(m, kernel.firstAcausalExponent());
    }

    /** NSAT learns only at pre events. */
    @Override
    public int onPost(PlasticityState s, int pre, int post, int w) {
        return 0;
    }

    /** The deferred causal change of (pre, post), from the clocks and the latched modulator. */
    public int causal(PlasticityState s, int pre, int post) {
        return stdpOn ? NsatForwardTable.causalDw(kernel, s.modulatorLatched(post), s.postClock().last(post),
                s.preClock().last(pre)) : 0;
    }
}
