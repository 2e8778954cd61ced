package org.spikecore.learn;

import java.util.Arrays;

/**
 * NSAT's STDP kernel {@code K_W}: three power-of-two segments on each side of {@code dt = 0}
 * (causal {@code dt > 0}, acausal {@code dt < 0}), each with an exponent, a sign and a time
 * constant, and {@code dw = sign · zbs(m, exponent)} for a modulator m.
 *
 * <p>Segments: causal 0 for {@code 0 < dt < tca[0]}, 1 for {@code tca[0] ≤ dt < tca[1]}, 2 for
 * {@code tca[1] ≤ dt < tstdp}; acausal 0 for {@code tac[0] < dt < 0}, 1 for {@code tac[1] < dt ≤
 * tac[0]}, 2 for {@code −tstdp < dt ≤ tac[1]} ({@code tac} negative); none otherwise (sign 0).
 * With {@code exponential}, the exponent is {@code hi − zbsDiv(dt, tau)}: shrinking with dt on the
 * causal side, and (NSAT's quirk, a floor shift of a negative dt) growing with |dt| on the acausal
 * side.
 *
 * @param tstdp       half-width of the window
 * @param tca         the two causal bounds
 * @param hica        causal exponents
 * @param sica        causal signs
 * @param slca        causal time constants (shift of {@code zbsDiv})
 * @param tac         the two acausal bounds (negative)
 * @param hiac        acausal exponents
 * @param siac        acausal signs
 * @param slac        acausal time constants
 * @param exponential NSAT's {@code stdp_exp_on}
 */
public record NsatKernel(int tstdp, int[] tca, int[] hica, int[] sica, int[] slca, int[] tac, int[] hiac,
        int[] siac, int[] slac, boolean exponential) {

    /** No segment: {@link #segment} returns this for a dt outside the window. */
    public static final int NONE = -1;

    public NsatKernel {
        tca = copy("tca", tca, 2);
        tac = copy("tac", tac, 2);
        hica = copy("hica", hica, 3);
        sica = copy("sica", sica, 3);
        slca = copy("slca", slca, 3);
        hiac = copy("hiac", hiac, 3);
        siac = copy("siac", siac, 3);
        slac = copy("slac", slac, 3);
        if (tstdp < 1) {
            throw new IllegalArgumentException("tstdp must be positive, got " + tstdp);
        }
    }

    /** pyNSATlib's default kernel (tstdp 64, bounds ±16/±36, exponents 1, 0, −1, taus 16). */
    public static NsatKernel pyNsatDefault() {
        return new NsatKernel(64, new int[] {16, 36}, new int[] {1, 0, -1}, new int[] {1, 1, 1},
                new int[] {16, 16, 16}, new int[] {-16, -36}, new int[] {1, 0, -1}, new int[] {-1, -1, -1},
                new int[] {16, 16, 16}, false);
    }

    private static int[] copy(String name, int[] a, int length) {
        if (a == null || a.length != length) {
            throw new IllegalArgumentException("kernel " + name + " needs " + length + " values, got "
                    + (a == null ? "none" : Arrays.toString(a)));
        }
        return a.clone();
    }

    /** The segment of dt: 0..2 causal, 3..5 acausal, {@link #NONE} outside the window. */
    public int segment(int dt) {
        if (dt > 0 && dt < tca[0]) {
            return 0;
        } else if (dt >= tca[0] && dt < tca[1]) {
            return 1;
        } else if (dt >= tca[1] && dt < tstdp) {
            return 2;
        } else if (dt < 0 && dt > tac[0]) {
            return 3;
        } else if (dt <= tac[0] && dt > tac[1]) {
            return 4;
        } else if (dt <= tac[1] && dt > -tstdp) {
            return 5;
        }
        return NONE;
    }

    /** The sign of the update at dt (0 outside the window). */
    public int sign(int dt) {
        int s = segment(dt);
        return s == NONE ? 0 : s < 3 ? sica[s] : siac[s - 3];
    }

    /** The exponent at dt, with the exponential term when on; meaningless where {@link #sign} is 0. */
    public int exponent(int dt) {
        int s = segment(dt);
        if (s == NONE) {
            return -16;
        }
        int hi = s < 3 ? hica[s] : hiac[s - 3];
        if (!exponential) {
            return hi;
        }
        int tau = s < 3 ? slca[s] : slac[s - 3];
        return hi - NsatShifts.zbsDiv(dt, tau);
    }

    /** {@code hiac[0]}: also the exponent of NSAT's modulated pre-triggered branch. */
    public int firstAcausalExponent() {
        return hiac[0];
    }

    /** {@code sign(dt) · zbs(modulator, exponent(dt))}: NSAT's STDP weight change. */
    public int dw(int modulator, int dt) {
        int sign = sign(dt);
        return sign == 0 ? 0 : sign * NsatShifts.zbs(modulator, exponent(dt));
    }

    @Override
    public int[] tca() {
        return tca.clone();
    }

    @Override
    public int[] hica() {
        return hica.clone();
    }

    @Override
    public int[] sica() {
        return sica.clone();
    }

    @Override
    public int[] slca() {
        return slca.clone();
    }

    @Override
    public int[] tac() {
        return tac.clone();
    }

    @Override
    public int[] hiac() {
        return hiac.clone();
    }

    @Override
    public int[] siac() {
        return siac.clone();
    }

    @Override
    public int[] slac() {
        return slac.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NsatKernel k && tstdp == k.tstdp && exponential == k.exponential
                && Arrays.equals(tca, k.tca) && Arrays.equals(hica, k.hica) && Arrays.equals(sica, k.sica)
                && Arrays.equals(slca, k.slca) && Arrays.equals(tac, k.tac) && Arrays.equals(hiac, k.hiac)
                && Arrays.equals(siac, k.siac) && Arrays.equals(slac, k.slac);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(new Object[] {tstdp, exponential, tca, hica, sica, slca, tac, hiac, siac, slac});
    }

    @Override
    public String toString() {
        return "NsatKernel[tstdp=" + tstdp + ", tca=" + Arrays.toString(tca) + ", hica=" + Arrays.toString(hica)
                + ", sica=" + Arrays.toString(sica) + ", slca=" + Arrays.toString(slca) + ", tac="
                + Arrays.toString(tac) + ", hiac=" + Arrays.toString(hiac) + ", siac=" + Arrays.toString(siac)
                + ", slac=" + Arrays.toString(slac) + ", exponential=" + exponential + "]";
    }
}
