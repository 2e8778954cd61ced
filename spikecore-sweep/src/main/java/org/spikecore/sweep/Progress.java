package org.spikecore.sweep;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Points done of the total, mean compute time per point and the ETA. On a terminal one line
 * rewritten in place; elsewhere (logs, tests) a line per tenth of the work.
 */
public final class Progress {

    private final int total;
    private final int stored;
    private final PrintWriter out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int done;
    private double pointSeconds;
    private int lastTenth;

    /**
     * @param total    points in the grid
     * @param stored   of which already in the store before this run
     * @param out      where to print
     * @param terminal whether {@code out} is a terminal
     */
    public Progress(int total, int stored, PrintWriter out, boolean terminal) {
        this.total = total;
        this.stored = stored;
        this.out = out;
        this.terminal = terminal;
    }

    /** The sweep's opening line. */
    public synchronized void start(String engine) {
        out.printf("sweep: %d points, %d stored already, %d to run on %s%n", total, stored, total - stored, engine);
        out.flush();
    }

    /** One more point finished after {@code seconds} of its own time. */
    public synchronized void pointDone(double seconds) {
        done++;
        pointSeconds += seconds;
        int todo = total - stored;
        int tenth = todo == 0 ? 10 : 10 * done / todo;
        if (terminal) {
            out.print("\r" + line() + "   ");
            out.flush();
        } else if (tenth > lastTenth || done == todo) {
            lastTenth = tenth;
            out.println(line());
            out.flush();
        }
    }

    /** Points finished in this run so far. */
    public synchronized int done() {
        return done;
    }

    /** Ends the in-place line. */
    public synchronized void finish() {
        if (terminal && done > 0) {
            out.println();
        }
        out.flush();
    }

    private String line() {
        double wall = (System.nanoTime() - started) / 1e9;
        int left = Math.max(0, total - stored - done);
        return String.format(Locale.ROOT, "sweep: %d/%d points, %.3f s per point, ETA %s", stored + done, total, pointSeconds / done,
                duration(wall / done * left));
    }

    private static String duration(double s) {
        if (s < 60) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", (long) s / 3600, (long) s % 3600 / 60);
    }
}
