package org.spikecore.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import org.spikecore.fixed.CounterRng;
import org.spikecore.fixed.Fixed;
import org.spikecore.fixed.Format;
import org.spikecore.fixed.Rounding;
import org.spikecore.fixed.SaturatingOps;
import org.spikecore.fixed.SaturatingVectorOps;

/** Exact fixed-point arithmetic: saturation, NSAT decay, unbiased stochastic rounding, kernels. */
public final class FixedPointDemo implements DemoSection {

    @Override
    public String title() {
        return "fixed-point arithmetic (16-bit states, 8-bit weights)";
    }

    @Override
    public List<String> run(PrintWriter out, long seed, Path plots) {
        Format state = Format.INT16;
        out.printf("   %s range [%d, %d]; 32000 + 1000 saturates to %d; -32000 - 1000 to %d%n", state, state.min(),
                state.max(), Fixed.add(32000, 1000, state), Fixed.subtract(-32000, 1000, state));

        StringBuilder trace = new StringBuilder();
        int x = 100;
        int ticks = 0;
        while (x != 0 && ticks < 64) {
            if (ticks < 12) {
                trace.append(x).append(' ');
            }
            x = Fixed.decay(x, 3);
            ticks++;
        }
        out.printf("   decay x - (x>>3), at least one unit: 100 -> %s... reaches 0 after %d ticks%n", trace, ticks);

        // Rounding 0.3 (in units of the kept LSB) a million times: stochastic is unbiased, nearest is not.
        int shift = 10;
        long value = (long) (0.3 * (1 << shift)); // 307/1024 = 0.2998 LSB
        int draws = 1_000_000;
        long sumStochastic = 0;
        long prefix = CounterRng.keyPrefix(seed, 1, 0);
        for (int i = 0; i < draws; i++) {
            sumStochastic += Rounding.STOCHASTIC.shiftRight(value, shift, CounterRng.bitsFromPrefix(prefix, i));
        }
        double exact = value / (double) (1 << shift);
        out.printf("   rounding %.4f LSB 10^6 times: stochastic mean %.4f, nearest-even %d, floor %d%n", exact,
                sumStochastic / (double) draws, Rounding.NEAREST_EVEN.shiftRight(value, shift, 0),
                Rounding.FLOOR.shiftRight(value, shift, 0));

        int n = 4096;
        byte[] w = new byte[n];
        int[] accScalar = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = (byte) CounterRng.bits(seed, 2, 0, i);
            accScalar[i] = (int) (CounterRng.bits(seed, 3, 0, i) % 33000);
        }
        int[] accVector = accScalar.clone();
        int rows = 500;
        long bestScalar = Long.MAX_VALUE;
        long bestVector = Long.MAX_VALUE;
        // Several rounds so the JIT has compiled both paths; the best round is quoted.
        for (int round = 0; round < 12; round++) {
            bestScalar = Math.min(bestScalar, timeRows(false, w, accScalar, rows, state));
            bestVector = Math.min(bestVector, timeRows(true, w, accVector, rows, state));
        }
        out.printf("   int8 rows into saturating int16 range, best of 12 x %d rows of %d: scalar %.0f M adds/s, vector %.0f M adds/s, "
                + "results identical: %s%n", rows, n, rows * (double) n / bestScalar * 1e3,
                rows * (double) n / bestVector * 1e3, Arrays.equals(accScalar, accVector));
        return List.of();
    }

    private static long timeRows(boolean vector, byte[] w, int[] acc, int rows, Format state) {
        long t0 = System.nanoTime();
        for (int r = 0; r < rows; r++) {
            if (vector) {
                SaturatingVectorOps.addInt8(w, 0, acc, 0, w.length, state.min(), state.max());
            } else {
                SaturatingOps.addInt8(w, 0, acc, 0, w.length, state.min(), state.max());
            }
        }
        return System.nanoTime() - t0;
    }
}
