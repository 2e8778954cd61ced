package org.spikecore;

import java.util.Locale;

/**
 * Refuses work before it allocates what it cannot hold: a run asks for its estimated bytes (and the
 * length of its largest array) up front and gets a {@link SpikecoreException} saying how much it
 * would need, instead of an {@link OutOfMemoryError} or an overflowed array size halfway through.
 * Estimates are doubles so that products of huge sizes cannot overflow.
 */
public final class MemoryBudget {

    /** The longest array the JVM allocates (a few below {@code Integer.MAX_VALUE}). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private MemoryBudget() {
    }

    /** Fails unless {@code bytes} fit in the heap this JVM may use; {@code what} names the work ("hidden 3000000"). */
    public static void require(String what, double bytes) {
        long max = Runtime.getRuntime().maxMemory();
        if (!(bytes <= max)) {
            throw new SpikecoreException(what + " would need about " + human(bytes) + " of memory, more than the " + human(max)
                    + " this JVM may use (choose smaller sizes or raise -Xmx)");
        }
    }

    /** Fails unless an array of {@code elements} can exist in Java; returns the length. */
    public static int arrayLength(String what, double elements) {
        if (!(elements <= MAX_ARRAY)) {
            throw new SpikecoreException(what + " would need an array of " + String.format(Locale.ROOT, "%.3g", elements)
                    + " elements, more than the " + MAX_ARRAY + " Java allows");
        }
        return (int) elements;
    }

    /** Bytes in binary units, three significant digits ("37.5 GiB"). */
    public static String human(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int u = 0;
        double v = bytes;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 || u == 0 ? "%.0f %s" : "%.3g %s", v, units[u]);
    }
}
