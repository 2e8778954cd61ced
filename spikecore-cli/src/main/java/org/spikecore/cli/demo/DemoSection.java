package org.spikecore.cli.demo;

import java.io.PrintWriter;

/** One part of {@code spikecore demo}: a short real run on embedded defaults. */
public interface DemoSection {

    /** A short title shown as the section heading. */
    String title();

    /** Runs the section, printing what it computed; must finish in seconds on 2 cores. */
    void run(PrintWriter out, long seed);
}
