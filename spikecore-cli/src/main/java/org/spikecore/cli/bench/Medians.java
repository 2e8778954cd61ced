package org.spikecore.cli.bench;

import java.util.Arrays;

/** Median of repeated timings. */
final class Medians {

    private Medians() {
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
