package org.spikecore.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** One part of {@code spikecore demo}: a short real run on embedded defaults. */
public interface DemoSection {

    /** A short title shown as the section heading. */
    String title();

    /**
     * Runs the section, printing what it computed and writing its plots (PNG) into {@code plots};
     * returns their file names, in the order the report shows them. Must finish in seconds on 2 cores.
     */
    List<String> run(PrintWriter out, long seed, Path plots);
}
