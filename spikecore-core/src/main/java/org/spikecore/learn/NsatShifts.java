package org.spikecore.learn;

/**
 * NSAT's power-of-two shifts of its learning path ({@code src/nsat.c}), on 32-bit ints.
 *
 * <p>Shift counts use Java's {@code int} shift semantics (count taken mod 32), which is what the
 * x86 shift instructions NSAT compiles to do for the counts C leaves undefined (≥ 32), so an
 * out-of-window exponential update reproduces NSAT even there.
 */
public final class NsatShifts {

    private NsatShifts() {
    }

    /**
     * {@code zero_bit_shift(x, a)}: {@code x · 2^a}, a right shift rounding toward zero
     * ({@code sign(x)·(|x| >> −a)}, no "never zero" fix) for {@code a < 0}, a left shift otherwise.
     */
    public static int zbs(int x, int a) {
        if (a == 0) {
            return x;
        }
        if (a < 0) {
            return Integer.signum(x) * (Math.abs(x) >> -a);
        }
        return x << a;
    }

    /**
     * {@code zero_bit_shift_div(x, a)}: {@code x / 2^a} as NSAT writes it, an arithmetic (floor)
     * right shift for {@code a > 0} and {@code sign(x)·(|x| << −a)} for {@code a < 0}.
     */
    public static int zbsDiv(int x, int a) {
        if (a == 0) {
            return x;
        }
        if (a < 0) {
            return Integer.signum(x) * (Math.abs(x) << -a);
        }
        return x >> a;
    }
}
