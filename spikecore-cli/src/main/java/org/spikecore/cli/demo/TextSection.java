package org.spikecore.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** A demo section whose output is text only: it writes no plots for the report. */
abstract class TextSection implements DemoSection {

    @Override
    public final List<String> run(PrintWriter out, long seed, Path plots) {
        show(out, seed);
        return List.of();
    }

    /** Runs the section, printing what it computed. */
    abstract void show(PrintWriter out, long seed);
}
